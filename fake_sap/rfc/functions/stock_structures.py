"""DDIC structures of the inventory management BAPIs: goods movements (BAPI2017_GM_*),
purchase orders (BAPIMEPO*) and the availability check (BAPIWMDVS/BAPIWMDVE).

The purchase order structures of BAPI_PO_CREATE1 carry SAP's field lists in SAP's order,
with SAP's types and lengths, including the ``_ISO`` fields and the checkbox ("X")
structures exactly as SAP declares them (an X structure is not a plain mirror: BAPIMEPOITEMX
has no flag for CMMT_ITEM_LONG or FUND_LONG and places GRANT_NBR elsewhere). Fields that no
emulator logic uses are accepted and ignored, as SAP ignores a field whose X flag is not set.
BAPIMEPOHEADER is the exception: the public listings that give its types stop after
PURCH_ORG, so of the later fields only those the emulator has always declared are here (see
``_PO_HEADER_SOURCE``); BAPIMEPOHEADERX has every flag.
"""

from __future__ import annotations

from fake_sap.rfc.model import (
    DATS,
    FLAG,
    Field,
    char,
    cuky,
    dec,
    numc,
    quan,
    structure,
    unit,
)
from fake_sap.rfc.structures import flags, layout

_QUANTITY = quan(13)

#: where the field lists of the purchase order structures come from
_PO_SOURCE = ("SAP's metadata of BAPI_PO_CREATE1 as read from an SAP system by SAP's "
              "abap-api-tools (release with 40-character material numbers), public GitHub "
              "repository SAP/fundamental-tools, "
              "abap-api-tools/api/api.purchaseOrder/bapi_po_create1.js")
_PO_HEADER_SOURCE = ("datapanda.eu, SAP table BAPIMEPOHEADER (fields PO_NUMBER to PURCH_ORG "
                     "with types and lengths); the order of every field from the checkbox "
                     "structure BAPIMEPOHEADERX in " + _PO_SOURCE + ". Not the full list: "
                     "PUR_GROUP, CURRENCY, DOC_DATE, REF_1, SUPPL_PLNT and OUR_REF keep the "
                     "types of the EKKO fields they map to (EKGRP, WAERS, BEDAT, IHREZ, "
                     "RESWK, UNSEZ), not confirmed for this structure; the other fields after "
                     "PURCH_ORG (CURRENCY_ISO, EXCH_RATE, EX_RATE_FX, VPER_START, VPER_END, "
                     "WARRANTY, QUOTATION, QUOT_DATE, SALES_PERS, TELEPHONE, SUPPL_VEND, "
                     "CUSTOMER, AGREEMENT, GR_MESSAGE, INCOTERMS1, INCOTERMS2, COLLECT_NO, "
                     "DIFF_INV, LOGSYSTEM, SUBITEMINT, PO_REL_IND, REL_STATUS, VAT_CNTRY, "
                     "VAT_CNTRY_ISO, REASON_CANCEL, REASON_CODE, RETENTION_TYPE, "
                     "RETENTION_PERCENTAGE, DOWNPAY_TYPE, DOWNPAY_AMOUNT, DOWNPAY_PERCENT, "
                     "DOWNPAY_DUEDATE, MEMORY, MEMORYTYPE, SHIPTYPE, HANDOVERLOC, SHIPCOND, "
                     "INCOTERMSV, INCOTERMS2L, INCOTERMS3L) are not declared: no public "
                     "source seen confirms their types and lengths in this structure")

# -- goods movements -----------------------------------------------------------------------

BAPI2017_GM_HEAD_01 = structure(
    "BAPI2017_GM_HEAD_01", "Material document header data",
    Field("PSTNG_DATE", DATS, "Posting date; today if empty"),
    Field("DOC_DATE", DATS, "Document date; the posting date if empty"),
    Field("REF_DOC_NO", char(16), "Reference document number"),
    Field("BILL_OF_LADING", char(16), "Bill of lading"),
    Field("GR_GI_SLIP_NO", char(10), "Goods receipt/issue slip number"),
    Field("PR_UNAME", char(12), "User name"),
    Field("HEADER_TXT", char(25), "Document header text"),
    Field("VER_GR_GI_SLIP", char(1), "Version for printing GR/GI slip"),
    Field("EXT_WMS", FLAG, "Control posting for external WMS"),
    Field("REF_DOC_NO_LONG", char(35), "Reference document number (long)"),
    Field("BILL_OF_LADING_LONG", char(35), "Bill of lading (long)"),
    Field("BAR_CODE", char(40), "Bar code"),
)
BAPI2017_GM_CODE = structure(
    "BAPI2017_GM_CODE", "Goods movement code",
    Field("GM_CODE", char(2), "01 GR for purchase order, 05 other goods receipt ..."),
)
BAPI2017_GM_HEAD_RET = structure(
    "BAPI2017_GM_HEAD_RET", "Material document number and year",
    Field("MAT_DOC", char(10), "Number of material document"),
    Field("DOC_YEAR", numc(4), "Material document year"),
)
BAPI2017_GM_ITEM_CREATE = structure(
    "BAPI2017_GM_ITEM_CREATE", "Material document items",
    Field("MATERIAL", char(18), "Material number"),
    Field("PLANT", char(4), "Plant"),
    Field("STGE_LOC", char(4), "Storage location"),
    Field("BATCH", char(10), "Batch"),
    Field("MOVE_TYPE", char(3), "Movement type (BWART)"),
    Field("STCK_TYPE", char(1), "Stock type: blank unrestricted, X quality, S blocked"),
    Field("SPEC_STOCK", char(1), "Special stock indicator"),
    Field("VENDOR", char(10), "Vendor"),
    Field("CUSTOMER", char(10), "Customer"),
    Field("SALES_ORD", char(10), "Sales order"),
    Field("S_ORD_ITEM", numc(6), "Sales order item"),
    Field("ENTRY_QNT", _QUANTITY, "Quantity in unit of entry"),
    Field("ENTRY_UOM", unit(), "Unit of entry; default the base unit"),
    Field("ENTRY_UOM_ISO", char(3), "Unit of entry, ISO code"),
    Field("BASE_UOM", unit(), "Base unit of measure"),
    Field("PO_NUMBER", char(10), "Purchase order"),
    Field("PO_ITEM", numc(5), "Purchase order item"),
    Field("MVT_IND", char(1), "Movement indicator: B goods movement for purchase order"),
    Field("MOVE_REAS", numc(4), "Reason for movement"),
    Field("NO_MORE_GR", FLAG, "X = delivery completed"),
    Field("ITEM_TEXT", char(50), "Item text"),
    Field("COSTCENTER", char(10), "Cost center"),
    Field("ORDERID", char(12), "Order number"),
    Field("MOVE_MAT", char(18), "Receiving/issuing material"),
    Field("MOVE_PLANT", char(4), "Receiving/issuing plant"),
    Field("MOVE_STLOC", char(4), "Receiving/issuing storage location"),
    Field("MOVE_BATCH", char(10), "Receiving/issuing batch"),
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DELIV_ITEM", numc(6), "Delivery item"),
    Field("REF_DOC_YR", numc(4), "Fiscal year of a reference document"),
    Field("REF_DOC", char(10), "Document no. of a reference document"),
    Field("REF_DOC_IT", numc(4), "Item of a reference document"),
    Field("GL_ACCOUNT", char(10), "G/L account number"),
    Field("AMOUNT_LC", dec(23, 4), "Amount entered in local currency"),
)
BAPI2017_GM_SERIALNUMBER = structure(
    "BAPI2017_GM_SERIALNUMBER", "Serial numbers of the items",
    Field("MATDOC_ITM", numc(4), "Material document item"),
    Field("SERIALNO", char(18), "Serial number"),
)

# -- purchase orders -----------------------------------------------------------------------

BAPIMEPOHEADER = structure(
    "BAPIMEPOHEADER", "Purchase order header data",
    *layout("""
PO_NUMBER CHAR10 Purchasing document number (internal numbering: empty) (EBELN)
COMP_CODE CHAR4 Company code (BUKRS)
DOC_TYPE CHAR4 Purchasing document type: UB stock transport order (ESART)
DELETE_IND CHAR1 Deletion indicator in purchasing document (ELOEK)
STATUS CHAR1 Status of purchasing document (ESTAK)
CREAT_DATE DATS Date on which the record was created (ERDAT)
CREATED_BY CHAR12 Name of person responsible for creating the object (ERNAM)
ITEM_INTVL NUMC5 Item number interval (PINCR)
VENDOR CHAR10 Vendor's account number; empty for a stock transport order (ELIFN)
LANGU LANG Language key (SPRAS)
LANGU_ISO CHAR2 ISO code for language key (SPRAS_ISO)
PMNTTRMS CHAR4 Terms of payment key (DZTERM)
DSCNT1_TO DEC3 Cash (prompt payment) discount days (DZBDET)
DSCNT2_TO DEC3 Cash (prompt payment) discount days (DZBDET)
DSCNT3_TO DEC3 Cash (prompt payment) discount days (DZBDET)
DSCT_PCT1 DEC5.3 Cash discount percentage 1 (DZBD1P)
DSCT_PCT2 DEC5.3 Cash discount percentage 2 (DZBD2P)
PURCH_ORG CHAR4 Purchasing organization; default 1000 (EKORG)
"""),
    Field("PUR_GROUP", char(3), "Purchasing group; default 001"),
    Field("CURRENCY", cuky(), "Currency key"),
    Field("DOC_DATE", DATS, "Purchasing document date; default today"),
    Field("REF_1", char(12), "Your reference (EKKO-IHREZ)"),
    Field("SUPPL_PLNT", char(4), "Supplying (issuing) plant"),
    Field("OUR_REF", char(12), "Our reference (EKKO-UNSEZ), e.g. the caller's document"),
    source=_PO_HEADER_SOURCE,
)
BAPIMEPOHEADERX = structure(
    "BAPIMEPOHEADERX", "Purchase order header data (change parameter)",
    *flags("""
    PO_NUMBER COMP_CODE DOC_TYPE DELETE_IND STATUS CREAT_DATE CREATED_BY ITEM_INTVL VENDOR LANGU
    LANGU_ISO PMNTTRMS DSCNT1_TO DSCNT2_TO DSCNT3_TO DSCT_PCT1 DSCT_PCT2 PURCH_ORG PUR_GROUP
    CURRENCY CURRENCY_ISO EXCH_RATE EX_RATE_FX DOC_DATE VPER_START VPER_END WARRANTY QUOTATION
    QUOT_DATE REF_1 SALES_PERS TELEPHONE SUPPL_VEND CUSTOMER AGREEMENT GR_MESSAGE SUPPL_PLNT
    INCOTERMS1 INCOTERMS2 COLLECT_NO DIFF_INV OUR_REF LOGSYSTEM SUBITEMINT PO_REL_IND REL_STATUS
    VAT_CNTRY VAT_CNTRY_ISO REASON_CANCEL REASON_CODE RETENTION_TYPE RETENTION_PERCENTAGE
    DOWNPAY_TYPE DOWNPAY_AMOUNT DOWNPAY_PERCENT DOWNPAY_DUEDATE MEMORY MEMORYTYPE SHIPTYPE
    HANDOVERLOC SHIPCOND INCOTERMSV INCOTERMS2L INCOTERMS3L
"""),
    source=_PO_SOURCE,
)
BAPIMEPOITEM = structure(
    "BAPIMEPOITEM", "Purchase order item",
    *layout("""
PO_ITEM NUMC5 Item number of purchasing document
DELETE_IND CHAR1 Deletion indicator in purchasing document
SHORT_TEXT CHAR40 Short text
MATERIAL CHAR18 Material number
MATERIAL_EXTERNAL CHAR40 Long material number for MATERIAL
MATERIAL_GUID CHAR32 External GUID for MATERIAL
MATERIAL_VERSION CHAR10 Version number for MATERIAL
EMATERIAL CHAR18 Material number (EMATN)
EMATERIAL_EXTERNAL CHAR40 Long material number for EMATERIAL
EMATERIAL_GUID CHAR32 External GUID for EMATERIAL
EMATERIAL_VERSION CHAR10 Version number for EMATERIAL
PLANT CHAR4 Plant
STGE_LOC CHAR4 Storage location
TRACKINGNO CHAR10 Requirement tracking number
MATL_GROUP CHAR9 Material group
INFO_REC CHAR10 Number of purchasing info record
VEND_MAT CHAR35 Material number used by vendor
QUANTITY QUAN13.3 Purchase order quantity
PO_UNIT UNIT Order unit
PO_UNIT_ISO CHAR3 Order unit in ISO code
ORDERPR_UN UNIT Order price unit (purchasing)
ORDERPR_UN_ISO CHAR3 ISO code for purchase order price unit
CONV_NUM1 DEC5 Numerator for conversion of order price unit into order unit
CONV_DEN1 DEC5 Denominator for conversion of order price unit into order unit
NET_PRICE DEC28.9 Currency amount for BAPIs (with 9 decimal places)
PRICE_UNIT DEC5 Price unit
GR_PR_TIME DEC3 Goods receipt processing time in days
TAX_CODE CHAR2 Tax on sales/purchases code
BON_GRP1 CHAR2 Settlement group 1 (purchasing)
QUAL_INSP CHAR1 Stock type
INFO_UPD CHAR1 Indicator: update info record
PRNT_PRICE CHAR1 Price printout
EST_PRICE CHAR1 Indicator: estimated price
REMINDER1 DEC3 Number of days for first reminder/expediter
REMINDER2 DEC3 Number of days for second reminder/expediter
REMINDER3 DEC3 Number of days for third reminder/expediter
OVER_DLV_TOL DEC3.1 Overdelivery tolerance limit
UNLIMITED_DLV CHAR1 Indicator: unlimited overdelivery allowed
UNDER_DLV_TOL DEC3.1 Underdelivery tolerance limit
VAL_TYPE CHAR10 Valuation type
NO_MORE_GR CHAR1 Delivery completed indicator
FINAL_INV CHAR1 Final invoice indicator
ITEM_CAT CHAR1 Item category in purchasing document
ACCTASSCAT CHAR1 Account assignment category
DISTRIB CHAR1 Distribution indicator for multiple account assignment
PART_INV CHAR1 Partial invoice indicator
GR_IND CHAR1 Goods receipt indicator
GR_NON_VAL CHAR1 Goods receipt, non-valuated
IR_IND CHAR1 Invoice receipt indicator
FREE_ITEM CHAR1 Free item
GR_BASEDIV CHAR1 Indicator: GR-based invoice verification
ACKN_REQD CHAR1 Order acknowledgment requirement
ACKNOWL_NO CHAR20 Order acknowledgment number
AGREEMENT CHAR10 Number of principal purchase agreement
AGMT_ITEM NUMC5 Item number of principal purchase agreement
SHIPPING CHAR2 Shipping instructions
CUSTOMER CHAR10 Customer
COND_GROUP CHAR4 Condition group with vendor
NO_DISCT CHAR1 Item does not qualify for cash discount
PLAN_DEL DEC3 Planned delivery time in days
NET_WEIGHT QUAN13.3 Net weight
WEIGHTUNIT UNIT Unit of weight
WEIGHTUNIT_ISO CHAR3 ISO code for unit of weight
TAXJURCODE CHAR15 Tax jurisdiction
CTRL_KEY CHAR8 Control key for quality management in procurement
CONF_CTRL CHAR4 Confirmation control key
REV_LEV CHAR2 Revision level
FUND CHAR10 Fund
FUNDS_CTR CHAR16 Funds center
CMMT_ITEM CHAR14 Commitment item
PRICEDATE CHAR1 Price determination (pricing) date control
PRICE_DATE DATS Date of price determination
GROSS_WT QUAN13.3 Gross weight
VOLUME QUAN13.3 Volume
VOLUMEUNIT UNIT Volume unit
VOLUMEUNIT_ISO CHAR3 Volume unit in ISO code
INCOTERMS1 CHAR3 Incoterms (part 1)
INCOTERMS2 CHAR28 Incoterms (part 2)
PRE_VENDOR CHAR10 Prior vendor
VEND_PART CHAR6 Vendor subrange
HL_ITEM NUMC5 Higher-level item in purchasing documents
GR_TO_DATE DATS Latest possible goods receipt
SUPP_VENDOR CHAR10 Vendor to be supplied/who is to receive delivery
SC_VENDOR CHAR1 Subcontracting vendor
KANBAN_IND CHAR1 Kanban indicator
ERS CHAR1 Evaluated receipt settlement (ERS)
R_PROMO CHAR10 Promotion
POINTS QUAN13.3 Number of points
POINT_UNIT UNIT Points unit
POINT_UNIT_ISO CHAR3 ISO code for points unit
SEASON CHAR4 Season category
SEASON_YR CHAR4 Season year
BON_GRP2 CHAR2 Settlement group 2 (rebate settlement, purchasing)
BON_GRP3 CHAR2 Settlement group 3 (rebate settlement, purchasing)
SETT_ITEM CHAR1 Item relevant to subsequent (period-end rebate) settlement
MINREMLIFE DEC4 Minimum remaining shelf life
RFQ_NO CHAR10 RFQ number
RFQ_ITEM NUMC5 Item number of RFQ
PREQ_NO CHAR10 Purchase requisition number
PREQ_ITEM NUMC5 Item number of purchase requisition
REF_DOC CHAR10 Reference document number
REF_ITEM NUMC5 Item of reference document
SI_CAT CHAR1 Subitem category, purchasing document
RET_ITEM CHAR1 Returns item
AT_RELEV CHAR1 Relevant to allocation table
ORDER_REASON CHAR3 Reason for ordering
BRAS_NBM CHAR16 Brazilian NCM code
MATL_USAGE CHAR1 Usage of the material
MAT_ORIGIN CHAR1 Origin of the material
IN_HOUSE CHAR1 Produced in-house
INDUS3 CHAR2 Material CFOP category
INF_INDEX CHAR5 Inflation index
UNTIL_DATE DATS Inflation index date
DELIV_COMPL CHAR1 Outward delivery completed indicator
PART_DELIV CHAR1 Partial delivery at item level (stock transfer)
SHIP_BLOCKED CHAR1 Item blocked for SD delivery
PREQ_NAME CHAR12 Name of requisitioner/requester
PERIOD_IND_EXPIRATION_DATE CHAR1 Period indicator for shelf life expiration date
INT_OBJ_NO NUMC18 Configuration (internal object number)
PCKG_NO NUMC10 Package number
BATCH CHAR10 Batch number
VENDRBATCH CHAR15 Vendor batch number
CALCTYPE CHAR1 Pricing type
GRANT_NBR CHAR20 Grant
CMMT_ITEM_LONG CHAR24 Commitment item
FUNC_AREA_LONG CHAR16 Functional area
NO_ROUNDING CHAR1 Indicator: suppress rounding in purchase order item
PO_PRICE CHAR1 Price adoption: 1 gross, 2 net
SUPPL_STLOC CHAR4 Issuing storage location for stock transport order
SRV_BASED_IV CHAR1 Indicator for service-based invoice verification
FUNDS_RES CHAR10 Document number for earmarked funds
RES_ITEM NUMC3 Earmarked funds: document item
ORIG_ACCEPT CHAR1 Acceptance at origin
ALLOC_TBL CHAR10 Allocation table number
ALLOC_TBL_ITEM NUMC5 Item number of allocation table
SRC_STOCK_TYPE CHAR1 Stock type of source storage location in STO
REASON_REJ CHAR2 Reason for rejection of quotations and sales orders
CRM_SALES_ORDER_NO CHAR10 CRM sales order number for TPOP process
CRM_SALES_ORDER_ITEM_NO NUMC6 CRM sales order item number in TPOP process
CRM_REF_SALES_ORDER_NO CHAR35 CRM reference order number for TPOP process
CRM_REF_SO_ITEM_NO CHAR6 CRM reference sales order item number in TPOP process
PRIO_URGENCY NUMC2 Requirement urgency
PRIO_REQUIREMENT NUMC3 Requirement priority
REASON_CODE CHAR4 Goods receipt reason code
FUND_LONG CHAR20 Long fund (obsolete)
LONG_ITEM_NUMBER CHAR40 Item number length
EXTERNAL_SORT_NUMBER NUMC5 External sorting
EXTERNAL_HIERARCHY_TYPE CHAR4 External hierarchy category
RETENTION_PERCENTAGE DEC5.2 Retention in percent
DOWNPAY_TYPE CHAR4 Down payment indicator
DOWNPAY_AMOUNT DEC23.4 Down payment amount in BAPI
DOWNPAY_PERCENT DEC5.2 Down payment percentage
DOWNPAY_DUEDATE DATS Due date for down payment
EXT_RFX_NUMBER CHAR35 Document number of external document
EXT_RFX_ITEM CHAR10 Item number of external document
EXT_RFX_SYSTEM CHAR10 Logical system
SRM_CONTRACT_ID CHAR10 Central contract
SRM_CONTRACT_ITM NUMC10 Central contract item number
BUDGET_PERIOD CHAR10 FM: budget period
BLOCK_REASON_ID CHAR4 Blocking reason - ID
BLOCK_REASON_TEXT CHAR40 Blocking reason - text
SPE_CRM_FKREL CHAR1 Billing relevance CRM
DATE_QTY_FIXED CHAR1 Delivery date and quantity fixed
GI_BASED_GR CHAR1 Indicator for GI-based goods receipt
SHIPTYPE CHAR2 Shipping type
HANDOVERLOC CHAR10 Location for a physical handover of goods
TC_AUT_DET CHAR2 Tax code automatically determined
MANUAL_TC_REASON CHAR2 Manual tax code reason
FISCAL_INCENTIVE CHAR4 Tax incentive type
FISCAL_INCENTIVE_ID CHAR4 Incentive ID
TAX_SUBJECT_ST CHAR1 Tax subject to substituicao tributaria
REQ_SEGMENT CHAR16 Requirement segment
STK_SEGMENT CHAR16 Stock segment
SF_TXJCD CHAR15 Jurisdiction code of the point of origin
INCOTERMS2L CHAR70 Incoterms location 1
INCOTERMS3L CHAR70 Incoterms location 2
MATERIAL_LONG CHAR40 Material number (40 characters)
EMATERIAL_LONG CHAR40 Material number (40 characters)
"""),
    source=_PO_SOURCE,
)
BAPIMEPOITEMX = structure(
    "BAPIMEPOITEMX", "Purchase order item data (change parameter)",
    Field("PO_ITEM", numc(5), "Item number of purchasing document"),
    *flags("""
    PO_ITEMX DELETE_IND SHORT_TEXT MATERIAL MATERIAL_EXTERNAL MATERIAL_GUID MATERIAL_VERSION
    EMATERIAL EMATERIAL_EXTERNAL EMATERIAL_GUID EMATERIAL_VERSION PLANT STGE_LOC TRACKINGNO
    MATL_GROUP INFO_REC VEND_MAT QUANTITY PO_UNIT PO_UNIT_ISO ORDERPR_UN ORDERPR_UN_ISO CONV_NUM1
    CONV_DEN1 NET_PRICE PRICE_UNIT GR_PR_TIME TAX_CODE BON_GRP1 QUAL_INSP INFO_UPD PRNT_PRICE
    EST_PRICE REMINDER1 REMINDER2 REMINDER3 OVER_DLV_TOL UNLIMITED_DLV UNDER_DLV_TOL VAL_TYPE
    NO_MORE_GR FINAL_INV ITEM_CAT ACCTASSCAT DISTRIB PART_INV GR_IND GR_NON_VAL IR_IND FREE_ITEM
    GR_BASEDIV ACKN_REQD ACKNOWL_NO AGREEMENT AGMT_ITEM SHIPPING CUSTOMER COND_GROUP NO_DISCT
    PLAN_DEL NET_WEIGHT WEIGHTUNIT WEIGHTUNIT_ISO TAXJURCODE CTRL_KEY CONF_CTRL REV_LEV FUND
    FUNDS_CTR CMMT_ITEM PRICEDATE PRICE_DATE GROSS_WT VOLUME VOLUMEUNIT VOLUMEUNIT_ISO INCOTERMS1
    INCOTERMS2 PRE_VENDOR VEND_PART HL_ITEM GR_TO_DATE SUPP_VENDOR SC_VENDOR KANBAN_IND ERS R_PROMO
    POINTS POINT_UNIT POINT_UNIT_ISO SEASON SEASON_YR BON_GRP2 BON_GRP3 SETT_ITEM MINREMLIFE RFQ_NO
    RFQ_ITEM PREQ_NO PREQ_ITEM REF_DOC REF_ITEM SI_CAT RET_ITEM AT_RELEV ORDER_REASON BRAS_NBM
    MATL_USAGE MAT_ORIGIN IN_HOUSE INDUS3 INF_INDEX UNTIL_DATE DELIV_COMPL PART_DELIV SHIP_BLOCKED
    PREQ_NAME PERIOD_IND_EXPIRATION_DATE INT_OBJ_NO PCKG_NO BATCH VENDRBATCH CALCTYPE NO_ROUNDING
    PO_PRICE SUPPL_STLOC SRV_BASED_IV FUNDS_RES RES_ITEM GRANT_NBR FUNC_AREA_LONG ORIG_ACCEPT
    ALLOC_TBL ALLOC_TBL_ITEM SRC_STOCK_TYPE REASON_REJ CRM_SALES_ORDER_NO CRM_SALES_ORDER_ITEM_NO
    CRM_REF_SALES_ORDER_NO CRM_REF_SO_ITEM_NO PRIO_URGENCY PRIO_REQUIREMENT REASON_CODE
    LONG_ITEM_NUMBER EXTERNAL_SORT_NUMBER EXTERNAL_HIERARCHY_TYPE RETENTION_PERCENTAGE DOWNPAY_TYPE
    DOWNPAY_AMOUNT DOWNPAY_PERCENT DOWNPAY_DUEDATE EXT_RFX_NUMBER EXT_RFX_ITEM EXT_RFX_SYSTEM
    SRM_CONTRACT_ID SRM_CONTRACT_ITM BUDGET_PERIOD BLOCK_REASON_ID BLOCK_REASON_TEXT SPE_CRM_FKREL
    DATE_QTY_FIXED GI_BASED_GR SHIPTYPE HANDOVERLOC TC_AUT_DET MANUAL_TC_REASON FISCAL_INCENTIVE
    FISCAL_INCENTIVE_ID TAX_SUBJECT_ST REQ_SEGMENT STK_SEGMENT SF_TXJCD INCOTERMS2L INCOTERMS3L
    MATERIAL_LONG EMATERIAL_LONG
"""),
    source=_PO_SOURCE,
)
BAPIMEPOSCHEDULE = structure(
    "BAPIMEPOSCHEDULE", "Purchase order schedule lines",
    *layout("""
PO_ITEM NUMC5 Item number of purchasing document
SCHED_LINE NUMC4 Schedule line
DEL_DATCAT_EXT CHAR1 Category of delivery date
DELIVERY_DATE CHAR10 Item delivery date (external format)
QUANTITY QUAN13.3 Scheduled quantity
DELIV_TIME TIMS Delivery date time-spot
STAT_DATE DATS Statistics-relevant delivery date
PREQ_NO CHAR10 Purchase requisition number
PREQ_ITEM NUMC5 Item number of purchase requisition
PO_DATE DATS Order date of schedule line
ROUTESCHED CHAR10 Route schedule
MS_DATE DATS Material availability date
MS_TIME TIMS Material staging time (local, relating to a plant)
LOAD_DATE DATS Loading date
LOAD_TIME TIMS Loading time (local time relating to a shipping point)
TP_DATE DATS Transportation planning date
TP_TIME TIMS Transportation planning time (local, relating to a shipping point)
GI_DATE DATS Goods issue date
GI_TIME TIMS Time of goods issue (local, relating to a plant)
DELETE_IND CHAR1 Deletion indicator in purchasing document
REQ_CLOSED CHAR1 Purchase requisition closed
GR_END_DATE DATS Goods receipt end date
GR_END_TIME TIMS Goods receipt end time (local, relating to a plant)
COM_QTY QUAN13.3 Committed quantity
COM_DATE DATS Committed date
GEO_ROUTE CHAR10 Description of a geographical route
HANDOVERDATE DATS Handover date at the handover location
HANDOVERTIME TIMS Handover time at the handover location
"""),
    source=_PO_SOURCE,
)
BAPIMEPOSCHEDULX = structure(
    "BAPIMEPOSCHEDULX", "Purchase order schedule lines (change parameter)",
    Field("PO_ITEM", numc(5), "Item number of purchasing document"),
    Field("SCHED_LINE", numc(4), "Schedule line"),
    *flags("""
    PO_ITEMX SCHED_LINEX DEL_DATCAT_EXT DELIVERY_DATE QUANTITY DELIV_TIME STAT_DATE PREQ_NO
    PREQ_ITEM PO_DATE ROUTESCHED MS_DATE MS_TIME LOAD_DATE LOAD_TIME TP_DATE TP_TIME GI_DATE GI_TIME
    DELETE_IND REQ_CLOSED GR_END_DATE GR_END_TIME COM_QTY COM_DATE GEO_ROUTE HANDOVERDATE
    HANDOVERTIME
"""),
    source=_PO_SOURCE,
)

# -- availability check ------------------------------------------------------------------------

BAPIWMDVS = structure(
    "BAPIWMDVS", "Availability check: requirement (date and quantity)",
    Field("REQ_DATE", DATS, "Requirement date"),
    Field("REQ_QTY", _QUANTITY, "Required quantity"),
)
BAPIWMDVE = structure(
    "BAPIWMDVE", "Availability check: confirmation (date and ATP quantity)",
    Field("BDCNT", numc(4), "Counter"),
    Field("COM_DATE", DATS, "Date available"),
    Field("COM_QTY", _QUANTITY, "Quantity confirmed (ATP)"),
)

