"""DDIC structures of the sales-document BAPIs (BAPISDHD1, BAPISDITM, BAPIPARNR, BAPISDSTAT ...).

The structures of BAPI_SALESORDER_CREATEFROMDAT2 carry SAP's full standard field list, in
SAP's order, with SAP's types and lengths, including the ``_ISO`` fields and the checkbox
("X") structures exactly as SAP declares them (an X structure is not a plain mirror: SAP
leaves some fields without a flag and adds others). Fields that no emulator logic uses are
accepted and ignored, as SAP ignores a field whose X flag is not set. The field lists were
checked against SAP's ABAP type declarations of the function module's parameters (see
``_SALES_SOURCE``); that listing gives the ABAP kind and the data element of each field, so
UNIT/CUKY/QUAN/CURR are set from the data element's DDIC type, and the length of a packed
field is the number of digits its byte length holds. CAMPAIGN (RAW 16) is SAP's but is not
declared here: the emulator's SOAP layer has no RAW type.
"""

from __future__ import annotations

from fake_sap.rfc.model import (
    DATS,
    Field,
    char,
    cuky,
    curr,
    dec,
    numc,
    quan,
    structure,
    unit,
)
from fake_sap.rfc.structures import flags, layout

#: where the field lists of the sales-order structures come from
_SALES_SOURCE = ("SAP's ABAP type declarations of the parameters of "
                 "BAPI_SALESORDER_CREATEFROMDAT2 (an interface generated from the function "
                 "module, release with 40-character material numbers), public GitHub "
                 "repository seokwonsap/abapgit, src/zif_bapi_salesorder_createfrom.intf.abap")

_UPDATEFLAG = Field("UPDATEFLAG", char(1), "Update indicator: I insert, U update, D delete "
                                           "(UPDKZ_D)")
_ITEM = Field("ITM_NUMBER", numc(6), "Sales document item (POSNR_VA)")

BAPISDHD1 = structure(
    "BAPISDHD1", "Communication fields: sales and distribution document header",
    *layout("""
REFOBJTYPE CHAR10 Object type of the reference (SWO_OBJTYP)
REFOBJKEY CHAR70 Object key of the reference (SWO_TYPEID)
REFDOCTYPE CHAR10 Document type of the reference (REFDOCTYPE)
DOC_TYPE CHAR4 Sales document type (AUART)
COLLECT_NO CHAR10 Collective number (SUBMI)
SALES_ORG CHAR4 Sales organization (VKORG)
DISTR_CHAN CHAR2 Distribution channel (VTWEG)
DIVISION CHAR2 Division (SPART)
SALES_GRP CHAR3 Sales group (VKGRP)
SALES_OFF CHAR4 Sales office (VKBUR)
REQ_DATE_H DATS Requested delivery date
DATE_TYPE CHAR1 Date type: day, week, month ... (PRGRS_VBAK)
PURCH_DATE DATS Customer purchase order date
PO_METHOD CHAR4 Customer purchase order type (BSARK)
PO_SUPPLEM CHAR4 Purchase order supplement (BSTZD)
REF_1 CHAR12 Your reference (IHREZ)
NAME CHAR35 Name of orderer (BNAME_V)
TELEPHONE CHAR16 Telephone number (TELF1_VP)
PRICE_GRP CHAR2 Price group (KONDA)
CUST_GROUP CHAR2 Customer group (KDGRP)
SALES_DIST CHAR6 Sales district (BZIRK)
PRICE_LIST CHAR2 Price list type (PLTYP)
INCOTERMS1 CHAR3 Incoterms, part 1 (INCO1)
INCOTERMS2 CHAR28 Incoterms, part 2 (INCO2)
PMNTTRMS CHAR4 Terms of payment key (DZTERM)
DLV_BLOCK CHAR2 Delivery block (LIFSK)
BILL_BLOCK CHAR2 Billing block (FAKSK)
ORD_REASON CHAR3 Order reason (AUGRU)
COMPL_DLV CHAR1 Complete delivery defined for each sales order (AUTLF)
PRICE_DATE DATS Date for pricing and exchange rate
QT_VALID_F DATS Quotation/inquiry is valid from
QT_VALID_T DATS Date until which bid/quotation is binding
CT_VALID_F DATS Valid-from date (outline agreements)
CT_VALID_T DATS Valid-to date (outline agreements)
CUST_GRP1 CHAR3 Customer group 1 (KVGR1)
CUST_GRP2 CHAR3 Customer group 2 (KVGR2)
CUST_GRP3 CHAR3 Customer group 3 (KVGR3)
CUST_GRP4 CHAR3 Customer group 4 (KVGR4)
CUST_GRP5 CHAR3 Customer group 5 (KVGR5)
PURCH_NO_C CHAR35 Customer purchase order number (BSTKD)
PURCH_NO_S CHAR35 Ship-to party's purchase order number (BSTKD_E)
PO_DAT_S DATS Ship-to party's purchase order date
PO_METH_S CHAR4 Ship-to party's purchase order type (BSARK_E)
REF_1_S CHAR12 Ship-to party's character (IHREZ_E)
SD_DOC_CAT CHAR1 SD document category (VBTYP)
DOC_DATE DATS Document date (date received/sent)
WAR_DATE DATS Warranty date
SHIP_COND CHAR2 Shipping conditions (VSBED)
PP_SEARCH CHAR40 Search term for product proposal (KTEXT_V)
DUN_COUNT DEC3 Dunning counter (MAHZA)
DUN_DATE DATS Last dunned on
DLVSCHDUSE CHAR3 Usage indicator (ABRVW)
PLDLVSTYP CHAR1 Planning delivery schedule instruction (ABDIS)
REF_DOC CHAR10 Document number of the reference document (VGBEL)
COMP_CDE_B CHAR4 Company code to be billed (BUKRS_VF)
ALTTAX_CLS CHAR1 Alternative tax classification (TAXK1_AK)
TAX_CLASS2 CHAR1 Tax classification 2 for customer (TAXK2)
TAX_CLASS3 CHAR1 Tax classification 3 for customer (TAXK3)
TAX_CLASS4 CHAR1 Tax classification 4 for customer (TAXK4)
TAX_CLASS5 CHAR1 Tax classification 5 for customer (TAXK5)
TAX_CLASS6 CHAR1 Tax classification 6 for customer (TAXK6)
TAX_CLASS7 CHAR1 Tax classification 7 for customer (TAXK7)
TAX_CLASS8 CHAR1 Tax classification 8 for customer (TAXK8)
TAX_CLASS9 CHAR1 Tax classification 9 for customer (TAXK9)
REF_DOC_L CHAR16 Reference document number (XBLNR_V)
ASS_NUMBER CHAR18 Assignment number (ORDNR_V)
REFDOC_CAT CHAR1 Document category of the preceding document (VBTYP_V)
ORDCOMB_IN CHAR1 Order combination indicator (KZAZU_D)
BILL_SCHED CHAR2 Invoicing dates: factory calendar ID (PERFK)
INVO_SCHED CHAR2 Invoice list schedule (PERRL)
MN_INVOICE CHAR1 Manual invoice maintenance (MRNKZ)
EXRATE_FI DEC9.5 Exchange rate for price determination (KURRF_P)
ADD_VAL_DY NUMC2 Additional value days (VALTG)
FIX_VAL_DY DATS Fixed value date
PYMT_METH CHAR1 Payment method (DZLSCH)
ACCNT_ASGN CHAR2 Account assignment group for this customer (KTGRD)
EXCHG_RATE DEC9.5 Exchange rate for FI postings (KURSK_P)
BILL_DATE DATS Billing date for billing index and printout
SERV_DATE DATS Date on which services rendered
DUNN_KEY CHAR1 Dunning key (MSCHL)
DUNN_BLOCK CHAR1 Dunning block (MANSP)
PMTGAR_PRO CHAR6 Payment guarantee procedure (ABSSCHE_CM)
DEPARTM_NO CHAR4 Department number (ABTNR)
REC_POINT CHAR25 Receiving point (EMPST)
DOC_NUM_FI CHAR10 Financial doc. processing: internal financial doc. number (LCNUM)
CSTCNDGRP1 CHAR2 Customer condition group 1 (KDKG1)
CSTCNDGRP2 CHAR2 Customer condition group 2 (KDKG2)
CSTCNDGRP3 CHAR2 Customer condition group 3 (KDKG3)
CSTCNDGRP4 CHAR2 Customer condition group 4 (KDKG4)
CSTCNDGRP5 CHAR2 Customer condition group 5 (KDKG5)
DLV_TIME CHAR3 Delivery time (DELCO)
CURRENCY CUKY SD document currency (WAERK)
CURR_ISO CHAR3 ISO code of the currency (WAERS_ISO)
CREATED_BY CHAR12 Name of person who created the object (ERNAM)
TAXDEP_CTY CHAR3 Tax departure country (LANDTX)
TAXDST_CTY CHAR3 Tax destination country (LAND1TX)
EUTRI_DEAL CHAR1 Triangular deal within the EU (XEGDR)
MAST_CONTR CHAR10 Master contract number (VBELN_GRP)
REF_PROC CHAR4 Referencing requirement: procedure (SCHEME_GRP)
CHKPRTAUTH CHAR1 Check partner authorizations (ABRUF_PART)
CMLQTY_DAT DATS Cumulative quantity date
VERSION CHAR12 Sales document version number (VSNMR_V)
NOTIF_NO CHAR12 Notification number (QMNUM)
WBS_ELEM CHAR24 Work breakdown structure element (PS_POSID)
EXCH_RATE_FI_V DEC9.5 Exchange rate for price determination, indirect quotation (KURRF_V)
EXCHG_RATE_V DEC9.5 Exchange rate for FI postings, indirect quotation (KURSK_V)
FKK_CONACCT CHAR12 Contract account (CHAR012)
DOC_CLASS CHAR9 Document class (VBKLA)
H_CURR CUKY Currency key (WAERS)
H_CURR_ISO CHAR3 ISO currency code (ISOCD)
SHIP_TYPE CHAR2 Shipping type (VSARTTR)
S_PROC_IND CHAR4 Special processing indicator (SDABW)
REF_DOC_L_LONG CHAR35 Reference document number, long (XBLNR_V_LONG)
LINE_TIME TIMS Entry time (EZEIT_VBAK)
CALC_MOTIVE CHAR2 Accounting indicator (BEMOT)
PSM_PSTNG_DATE DATS Public sector: posting date
TREASURY_ACC_SYMBOL CHAR30 Treasury account symbol (PSM_TAS)
BUSINESS_EVENT_TCODE CHAR10 Business event type code (PSM_BETC)
MODIFICATION_ALLOWED CHAR1 Modification allowed (PSM_MOD_ALLOW)
CANCELLATION_ALLOWED CHAR1 Cancellation allowed (PSM_CANC_ALLOW)
PAYMENT_METHODS CHAR10 List of the payment methods to be considered (DZWELS)
BUSINESS_PARTNER_NO CHAR6 Business partner number (PSM_BPN)
REPORTING_FREQ CHAR3 Reporting frequency (PSM_REP_FREQ)
SEPA_MANDATE_ID CHAR35 Unique reference to mandate for each payee (SEPA_MNDID)
SD_DOC_CAT_LONG CHAR4 SD document category, long (VBTYPL)
REFDOC_CAT_LONG CHAR4 Document category of preceding SD document, long (VBTYPL_V)
INCOTERMSV CHAR4 Incoterms version (INCOV)
INCOTERMS2L CHAR70 Incoterms location 1 (INCO2_L)
INCOTERMS3L CHAR70 Incoterms location 2 (INCO3_L)
"""),
    source=_SALES_SOURCE,
)

BAPISDITM = structure(
    "BAPISDITM", "Communication fields: sales and distribution document item",
    *layout("""
ITM_NUMBER NUMC6 Sales document item (POSNR_VA)
HG_LV_ITEM NUMC6 Higher-level item in bill of material structures (UEPOS)
PO_ITM_NO CHAR6 Item number of the underlying purchase order (POSEX)
MATERIAL CHAR18 Material number, 18 characters (MATNR18)
ALT_TO_ITM NUMC6 Item for which this item is an alternative (GRPOS)
CUST_MAT22 CHAR22 Material number used by customer (MATNR_KU1)
BATCH CHAR10 Batch number (CHARG_D)
DLV_GROUP NUMC3 Delivery group (GRKOR)
PART_DLV CHAR1 Partial delivery at item level (KZTLF)
REASON_REJ CHAR2 Reason for rejection (ABGRU)
BILL_BLOCK CHAR2 Billing block for item (FAKSP)
BILL_DATE DATS Billing date
PLANT CHAR4 Plant (WERKS_D)
STORE_LOC CHAR4 Storage location (LGORT_D)
TARGET_QTY QUAN13.3 Target quantity in sales units (DZMENG)
TARGET_QU UNIT Target quantity unit (DZIEME)
T_UNIT_ISO CHAR3 Target quantity unit, ISO code (ISO_ZIEME)
ITEM_CATEG CHAR4 Sales document item category (PSTYV)
SHORT_TEXT CHAR40 Short text for sales order item (ARKTX)
PRC_GROUP1 CHAR3 Material group 1 (MVGR1)
PRC_GROUP2 CHAR3 Material group 2 (MVGR2)
PRC_GROUP3 CHAR3 Material group 3 (MVGR3)
PRC_GROUP4 CHAR3 Material group 4 (MVGR4)
PRC_GROUP5 CHAR3 Material group 5 (MVGR5)
PROD_HIERA CHAR18 Product hierarchy (PRODH_D)
MATL_GROUP CHAR9 Material group (MATKL)
PURCH_NO_C CHAR35 Customer purchase order number (BSTKD)
PURCH_DATE DATS Customer purchase order date
PO_METHOD CHAR4 Customer purchase order type (BSARK)
REF_1 CHAR12 Your reference (IHREZ)
PURCH_NO_S CHAR35 Ship-to party's purchase order number (BSTKD_E)
PO_DAT_S DATS Ship-to party's purchase order date
PO_METH_S CHAR4 Ship-to party's purchase order type (BSARK_E)
REF_1_S CHAR12 Ship-to party's character (IHREZ_E)
POITM_NO_S CHAR6 Item number of the ship-to party's purchase order (POSEX_E)
PRICE_GRP CHAR2 Price group (KONDA)
CUST_GROUP CHAR2 Customer group (KDGRP)
SALES_DIST CHAR6 Sales district (BZIRK)
PRICE_LIST CHAR2 Price list type (PLTYP)
INCOTERMS1 CHAR3 Incoterms, part 1 (INCO1)
INCOTERMS2 CHAR28 Incoterms, part 2 (INCO2)
ORDCOMP_IN CHAR1 Order combination indicator (KZAZU_D)
BILL_SCHED CHAR2 Invoicing dates: factory calendar ID (PERFK)
INVO_SCHED CHAR2 Invoice list schedule (PERRL)
MN_INVOICE CHAR1 Manual invoice maintenance (MRNKZ)
EX_RATE_FI DEC9.5 Exchange rate for price determination (KURRF_P)
ADD_VAL_DY NUMC2 Additional value days (VALTG)
FIX_VAL_DY DATS Fixed value date
PMNTTRMS CHAR4 Terms of payment key (DZTERM)
PYMT_METH CHAR1 Payment method (DZLSCH)
ACCNT_ASGN CHAR2 Account assignment group for this customer (KTGRD)
EXCHG_RATE DEC9.5 Exchange rate for FI postings (KURSK_P)
PRICE_DATE DATS Date for pricing and exchange rate
SERV_DATE DATS Date on which services rendered
DUNN_KEY CHAR1 Dunning key (MSCHL)
DUNN_BLOCK CHAR1 Dunning block (MANSP)
PROMOTION CHAR10 Promotion (WAKTION)
PMTGAR_PRO CHAR6 Payment guarantee procedure (ABSSCHE_CM)
DOC_NUM_FI CHAR10 Financial doc. processing: internal financial doc. number (LCNUM)
DEPARTM_NO CHAR4 Department number (ABTNR)
REC_POINT CHAR25 Receiving point (EMPST)
CSTCNDGRP1 CHAR2 Customer condition group 1 (KDKG1)
CSTCNDGRP2 CHAR2 Customer condition group 2 (KDKG2)
CSTCNDGRP3 CHAR2 Customer condition group 3 (KDKG3)
CSTCNDGRP4 CHAR2 Customer condition group 4 (KDKG4)
CSTCNDGRP5 CHAR2 Customer condition group 5 (KDKG5)
DLV_TIME CHAR3 Delivery time (DELCO)
SALES_UNIT UNIT Sales unit (VRKME)
S_UNIT_ISO CHAR3 Sales unit, ISO code (ISOCD_UNIT)
TRG_QTY_NO DEC5 Factor for converting sales units to target quantity units, numerator (UMZIZ)
TRGQTY_DEN DEC5 Factor for converting sales units to target quantity units, denominator (UMZIN)
RNDDLV_QTY QUAN13.3 Rounding quantity for delivery (ABLFZ)
MAXDEVAMNT QUAN13.3 Maximum deviation in quantity (ABSFZ)
MAXDEVPER DEC3 Maximum deviation in percent (KBVER)
MAXDEV_DAY DEC3 Maximum deviation in days (KEVER)
USAGE_IND CHAR3 Usage indicator (VKAUS)
FIXED_QUAN CHAR1 Delivery quantity is fixed (FMENG)
UNLMT_DLV CHAR1 Unlimited overdelivery allowed (UEBTK)
OVERDLVTOL DEC3.1 Overdelivery tolerance limit (UEBTO)
UNDDLV_TOL DEC3.1 Underdelivery tolerance limit (UNTTO)
DIVISION CHAR2 Division (SPART)
SALQTYNUM DEC5 Numerator for converting sales units to base units (UMVKZ)
SALQTYDEN DEC5 Denominator for converting sales units to base units (UMVKN)
GROSS_WGHT QUAN15.3 Gross weight of the item (BRGEW_AP)
NET_WEIGHT QUAN15.3 Net weight of the item (NTGEW_AP)
UNTOF_WGHT UNIT Weight unit (GEWEI)
UNOF_WTISO CHAR3 Weight unit, ISO code (GEWEI_ISO)
VOLUME QUAN15.3 Volume of the item (VOLUM_AP)
VOLUNIT UNIT Volume unit (VOLEH)
VOLUNITISO CHAR3 Volume unit, ISO code (VOLEH_ISO)
DLV_PRIO NUMC2 Delivery priority (LPRIO)
SHIP_POINT CHAR4 Shipping point / receiving point (VSTEL)
ROUTE CHAR6 Route (ROUTE)
CREATED_BY CHAR12 Name of person who created the object (ERNAM)
TAX_CLASS1 CHAR1 Tax classification material (TAXMT)
TAX_CLASS2 CHAR1 Tax classification material (TAXMT)
TAX_CLASS3 CHAR1 Tax classification material (TAXMT)
TAX_CLASS4 CHAR1 Tax classification material (TAXMT)
TAX_CLASS5 CHAR1 Tax classification material (TAXMT)
TAX_CLASS6 CHAR1 Tax classification material (TAXMT)
TAX_CLASS7 CHAR1 Tax classification material (TAXMT)
TAX_CLASS8 CHAR1 Tax classification material (TAXMT)
TAX_CLASS9 CHAR1 Tax classification material (TAXMT)
MAT_PR_GRP CHAR2 Material pricing group (KONDM)
VAL_TYPE CHAR10 Valuation type (BWTAR_D)
FIXDAT_QTY CHAR1 Date and quantity are fixed (FIXMG)
BOMEXPL_NO CHAR8 BOM explosion number (SERNR)
RESANALKEY CHAR6 Results analysis key (ABGR_SCHL)
REQMTS_TYP CHAR4 Requirements type (BEDAE)
NO_GR_POST CHAR1 No goods receipt posting (NACHL)
BUS_TRANST CHAR2 Business transaction type for foreign trade (EXART)
OVERHD_KEY CHAR6 Overhead key (AUFZSCHL)
CSTG_SHEET CHAR6 Costing sheet (AUFKALSM)
MATFRGTGRP CHAR8 Material freight group (MFRGR)
PLDLVSHDIN CHAR4 Planning delivery schedule instruction (PLAVO)
SEQ_NO CHAR35 Sequence number (KANNR)
BIL_FORM CHAR2 Billing form (FAKTF)
DLI_PROFIL CHAR8 Dynamic item processor profile (AD01PROFNR)
REV_TYPE CHAR1 Revenue recognition category (RR_RELTYP)
BEGDEM_PER CHAR1 Proposed start date for accrual period (RR_ACDATV)
PR_REF_MAT CHAR18 Pricing reference material (PMATN18)
REFOBJTYPE CHAR10 Object type of the reference (SWO_OBJTYP)
REFOBJKEY CHAR70 Object key of the reference (SWO_TYPEID)
REFLOGSYS CHAR10 Logical system of the reference (LOGSYS)
ORDER_PROB NUMC3 Order probability of the item (AWAHR)
MAX_PL_DLV DEC1 Maximum number of partial deliveries (ANTLF)
CFOP_CODE CHAR5 CFOP code and extension (J_1BCFOP_OLD)
TAXLAWICMS CHAR3 ICMS tax law (J_1BTAXLW1)
TAXLAWIPI CHAR3 IPI tax law (J_1BTAXLW2)
SD_TAXCODE CHAR2 SD tax code (J_1BTXSDC_)
ASSORT_MOD CHAR18 Assortment module (W_SORTK)
COMP_QUANT QUAN13.3 Component quantity (KMPMG)
TARGET_VAL DEC28.9 Target value for outline agreement (BAPICUREXT)
CURRENCY CUKY SD document currency (WAERK)
CURR_ISO CHAR3 ISO code of the currency (WAERS_ISO)
PROFIT_CTR CHAR10 Profit center (PRCTR)
ORDERID CHAR12 Order number (AUFNR)
WBS_ELEM CHAR24 Work breakdown structure element (PS_POSID)
DEPREC_PER DEC5.2 Depreciation percentage for financial document processing (AKPRZ)
REF_DOC CHAR10 Document number of the reference document (VGBEL)
REF_DOC_IT NUMC6 Item number of the reference item (VGPOS)
REF_DOC_CA CHAR1 Document category of the preceding document (VBTYP_V)
CUST_MAT35 CHAR35 Material number used by customer (KDMAT)
EXCH_RATE_FI_V DEC9.5 Exchange rate for price determination, indirect quotation (KURRF_V)
EXCHG_RATE_V DEC9.5 Exchange rate for FI postings, indirect quotation (KURSK_V)
ITEMGUID_ATP CHAR22 Item GUID for the availability check (POSGUID)
VAL_CONTR CHAR10 Value contract number (WKTNR)
VAL_CON_I NUMC6 Value contract item (WKTPS)
CONFIG_ID CHAR6 External configuration ID (CUXCFG_ID)
INST_ID CHAR8 Instance number in configuration (CU_INST_ID)
MAT_EXT CHAR40 Long material number for MATERIAL (MGV_MATERIAL_EXTERNAL)
MAT_GUID CHAR32 External GUID for MATERIAL (MGV_MATERIAL_GUID)
MAT_VERS CHAR10 Version number for MATERIAL (MGV_MATERIAL_VERSION)
P_MAT_EXT CHAR40 Long material number for PR_REF_MAT (MGV_PR_REF_MAT_EXTERNAL)
P_MAT_GUID CHAR32 External GUID for PR_REF_MAT (MGV_PR_REF_MAT_GUID)
P_MAT_VERS CHAR10 Version number for PR_REF_MAT (MGV_PR_REF_MAT_VERSION)
FUNC_AREA CHAR4 Functional area, short (FKBER_SHORT)
ALTERN_BOM CHAR2 Alternative BOM (STLAL)
FKK_CONACCT CHAR12 Contract account (CHAR12)
EAN_UPC CHAR18 International article number (EAN11)
PRODCAT CHAR10 Product catalog number (WMINR)
SHIP_TYPE CHAR2 Shipping type (VSARTTR)
S_PROC_IND CHAR4 Special processing indicator (SDABW)
FUNC_AREA_LONG CHAR16 Functional area (FKBER)
BILL_REL CHAR1 Billing relevance (CRM_FKREL)
VW_UEPOS CHAR1 Usage of the higher-level item (UEPVW)
DLVSCHDUSE CHAR3 Usage indicator (ABRVW)
CFOP_LONG CHAR10 CFOP code and extension (J_1BCFOP_LONG)
SELECTION CHAR32 Selection ID (VBX_SEL_ID)
MAT_ENTRD CHAR18 Material entered (MATWA18)
LOG_SYSTEM_OWN CHAR10 Own logical system (LOGSYS)
ITM_TYPE_USAGE CHAR4 Item type usage (VWPOS)
TAXLAWISS CHAR3 ISS tax law (J_1BTAXLW3)
MAT_ENTRD_EXTERNAL CHAR40 Long material number for MAT_ENTRD (MGV_MAT_ENTRD_EXTERNAL)
MAT_ENTRD_GUID CHAR32 External GUID for MAT_ENTRD (MGV_MAT_ENTRD_GUID)
MAT_ENTRD_VERSION CHAR10 Version number for MAT_ENTRD (MGV_MAT_ENTRD_VERSION)
LOC_TAXCAT CHAR2 Tax type (J_1AFITP_D)
LOC_ZEROVAT CHAR1 Reason for zero VAT (J_1ARFZVAT)
LOC_ACTCODE CHAR2 Activity code for gross income tax (J_1AGICD_D)
LOC_DISTTYPE CHAR2 Distribution type for employment tax (J_1ADTYP_D)
LOC_TXRELCLAS CHAR10 Tax relevant classification (J_1ATXREL_)
CALC_MOTIVE CHAR2 Accounting indicator (BEMOT)
COMPREAS CHAR4 Reason for compensation (CMP_COMPREAS_COPY)
FUND CHAR10 Fund (BP_GEBER)
FUNDS_CTR CHAR16 Funds center (FISTL)
CMMT_ITEM CHAR24 Commitment item (FM_FIPEX)
GRANT_NBR CHAR20 Grant (GM_GRANT_NBR)
BUDGET_PERIOD CHAR10 Budget period (FM_BUDGET_PERIOD)
TAXLAWCOFINS CHAR3 COFINS tax law (J_1BTAXLW4)
TAXLAWPIS CHAR3 PIS tax law (J_1BTAXLW5)
TREASURY_ACC_SYMBOL CHAR30 Treasury account symbol (PSM_TAS)
BUSINESS_EVENT_TCODE CHAR10 Business event type code (PSM_BETC)
MODIFICATION_ALLOWED CHAR1 Modification allowed (PSM_MOD_ALLOW)
CANCELLATION_ALLOWED CHAR1 Cancellation allowed (PSM_CANC_ALLOW)
PAYMENT_METHODS CHAR10 List of the payment methods to be considered (DZWELS)
BUSINESS_PARTNER_NO CHAR6 Business partner number (PSM_BPN)
REPORTING_FREQ CHAR3 Reporting frequency (PSM_REP_FREQ)
SEPA_MANDATE_ID CHAR35 Unique reference to mandate for each payee (SEPA_MNDID)
REQ_SEGMENT CHAR16 Requirement segment (SGT_RCAT)
TP_SUBLEVL CHAR2 Treasury account symbol: sub-level prefix (FMFG_CORE_TP_SUBLEVL)
TP_AGENCID CHAR3 Treasury account symbol: agency identifier (FMFG_CORE_TP_AGENCID)
TP_ALTRAID CHAR3 Treasury account symbol: allocation transfer agency (FMFG_CORE_TP_ALTRAID)
TP_BEGPER NUMC4 Treasury account symbol: beginning period of availability (FMFG_CORE_TP_BEGPER)
TP_ENDPER NUMC4 Treasury account symbol: ending period of availability (FMFG_CORE_TP_ENDPER)
TP_AVTYPE CHAR1 Treasury account symbol: availability type (FMFG_CORE_TP_AVTYPE)
TP_MAIN_ACCT CHAR4 Treasury account symbol: main account (FMFG_CORE_TP_MAIN_ACCT)
TP_SUB_ACCT CHAR3 Treasury account symbol: sub-account (FMFG_CORE_TP_SUB_ACCT)
TP_BETC CHAR10 Trading partner business event type code (FMFG_CORE_TP_BETC)
REVACC_REFID CHAR30 Revenue accounting: reference ID (REVACC_REFID)
REVACC_REFTYPE CHAR3 Revenue accounting: reference type (REVACC_REFTYPE)
REF_DOC_CA_LONG CHAR4 Document category of preceding SD document, long (VBTYPL)
INCOTERMSV CHAR4 Incoterms version (INCOV)
INCOTERMS2L CHAR70 Incoterms location 1 (INCO2_L)
INCOTERMS3L CHAR70 Incoterms location 2 (INCO3_L)
MATERIAL_LONG CHAR40 Material number, 40 characters (MATNR40)
PR_REF_MAT_LONG CHAR40 Pricing reference material, 40 characters (PMATN40)
MAT_ENTRD_LONG CHAR40 Material entered, 40 characters (MATWA40)
PO_QUAN QUAN13.3 Purchase order quantity (BSTMG)
PO_UNIT UNIT Purchase order unit of measure (BSTME)
"""),
    source=_SALES_SOURCE,
)

BAPIPARNR = structure(
    "BAPIPARNR", "Communications fields: SD document partner",
    *layout("""
PARTN_ROLE CHAR2 Partner function (PARVW)
PARTN_NUMB CHAR10 Customer number (KUNNR)
ITM_NUMBER NUMC6 Item number of the SD document (POSNR)
TITLE CHAR15 Title (ANRED_VP)
NAME CHAR35 Name 1 (NAME1_GP)
NAME_2 CHAR35 Name 2 (NAME2_GP)
NAME_3 CHAR35 Name 3 (NAME3_GP)
NAME_4 CHAR35 Name 4 (NAME4_GP)
STREET CHAR35 House number and street (STRAS_GP)
COUNTRY CHAR3 Country key (LAND1)
COUNTR_ISO CHAR2 Country ISO code (LAND1_ISO)
POSTL_CODE CHAR10 Postal code (PSTLZ)
POBX_PCD CHAR10 PO box postal code (PSTL2)
POBX_CTY CHAR35 PO box city (PFORT_GP)
CITY CHAR35 City (ORT01_GP)
DISTRICT CHAR35 District (ORT02_GP)
REGION CHAR3 Region: state, province, county (REGIO)
PO_BOX CHAR10 PO box (PFACH)
TELEPHONE CHAR16 First telephone number (TELF1)
TELEPHONE2 CHAR16 Second telephone number (TELF2)
TELEBOX CHAR15 Telebox number (TELBX)
FAX_NUMBER CHAR31 Fax number (TELFX)
TELETEX_NO CHAR30 Teletex number (TELTX)
TELEX_NO CHAR30 Telex number (TELX1)
LANGU LANG Language key (SPRAS)
LANGU_ISO CHAR2 Language according to ISO 639 (LAISO)
UNLOAD_PT CHAR25 Unloading point (ABLAD)
TRANSPZONE CHAR10 Transportation zone (LZONE)
TAXJURCODE CHAR15 Tax jurisdiction (TXJCD)
ADDRESS CHAR10 Address number (ADRNR)
PRIV_ADDR CHAR10 Private address number (ADRNP)
ADDR_TYPE CHAR1 Address type (AD_ADRTYPE)
ADDR_ORIG CHAR1 Origin of the address (ADDR_ORIGIN)
ADDR_LINK CHAR10 Link to PARTNERADDRESSES-ADDR_NO (ADDR_LINK)
REFOBJTYPE CHAR10 Object type of the reference (SWO_OBJTYP)
REFOBJKEY CHAR70 Object key of the reference (SWO_TYPEID)
REFLOGSYS CHAR10 Logical system of the reference (LOGSYS)
"""),
    source=_SALES_SOURCE,
)

BAPISCHDL = structure(
    "BAPISCHDL", "Communication fields for maintaining SD document schedule lines",
    *layout("""
ITM_NUMBER NUMC6 Sales document item (POSNR_VA)
SCHED_LINE NUMC4 Schedule line number (ETENR)
REQ_DATE DATS Requested delivery date of the schedule line
DATE_TYPE CHAR1 Date type: day, week, month ... (PRGRS)
REQ_TIME TIMS Arrival time (EZEIT_VBEP)
REQ_QTY QUAN13.3 Order quantity in sales units (WMENG)
REQ_DLV_BL CHAR2 Delivery block for the schedule line (LIFSP_EP)
SCHED_TYPE CHAR2 Schedule line category (ETTYP)
TP_DATE DATS Transportation planning date
MS_DATE DATS Material staging/availability date
LOAD_DATE DATS Loading date
GI_DATE DATS Goods issue date
TP_TIME TIMS Transportation planning time (TDUHR)
MS_TIME TIMS Material staging time (MBUHR)
LOAD_TIME TIMS Loading time (LDUHR)
GI_TIME TIMS Time of goods issue (WAUHR)
REFOBJTYPE CHAR10 Object type of the reference (SWO_OBJTYP)
REFOBJKEY CHAR70 Object key of the reference (SWO_TYPEID)
REFLOGSYS CHAR10 Logical system of the reference (LOGSYS)
DLV_DATE DATS Delivery date
DLV_TIME TIMS Delivery time (EZEIT_VBEP)
REL_TYPE CHAR1 Release type (ABART)
PLAN_SCHED_TYPE CHAR1 Planning schedule line type (EDI_ETTYP)
"""),
    source=_SALES_SOURCE,
)

BAPICOND = structure(
    "BAPICOND", "Communication fields for maintaining conditions in the order",
    *layout("""
ITM_NUMBER NUMC6 Condition item number (KPOSN)
COND_ST_NO NUMC3 Step number (STUNR)
COND_COUNT NUMC2 Condition counter (DZAEHK_SHORT)
COND_TYPE CHAR4 Condition type (KSCHA)
COND_VALUE DEC28.9 Condition rate: the price per COND_P_UNT units (BAPIKBETR1)
CURRENCY CUKY Currency key (WAERS)
COND_UNIT UNIT Condition unit (KMEIN)
COND_P_UNT DEC5 Condition pricing unit (KPEIN)
CURR_ISO CHAR3 ISO code of the currency (WAERS_ISO)
CD_UNT_ISO CHAR3 Condition unit, ISO code (KVMEI_ISO)
REFOBJTYPE CHAR10 Object type of the reference (SWO_OBJTYP)
REFOBJKEY CHAR70 Object key of the reference (SWO_TYPEID)
REFLOGSYS CHAR10 Logical system of the reference (LOGSYS)
APPLICATIO CHAR2 Application (KAPPL)
CONPRICDAT DATS Condition pricing date
CALCTYPCON CHAR1 Calculation type for condition (KRECH)
CONBASEVAL DEC28.9 Condition base value (BAPIKAWRT1)
CONEXCHRAT DEC9.5 Condition exchange rate for conversion to local currency (KKURS)
NUMCONVERT DEC5 Numerator for converting condition units to base units (KUMZA)
DENOMINATO DEC5 Denominator for converting condition units to base units (KUMNE)
CONDTYPE CHAR1 Condition category (KNTYP)
STAT_CON CHAR1 Condition is used for statistics (KSTAT)
SCALETYPE CHAR1 Scale type (STFKZ)
ACCRUALS CHAR1 Condition is relevant for accrual (KRUEK)
CONINVOLST CHAR1 Condition for invoice list (KRELI)
CONDORIGIN CHAR1 Origin of the condition (KHERK)
GROUPCOND CHAR1 Group condition (KGRPE)
COND_UPDAT CHAR1 Condition update (KOUPD)
ACCESS_SEQ NUMC2 Access sequence: access number, short (KOLNR_SHORT)
CONDCOUNT NUMC2 Condition counter, access (KOPOS)
ROUNDOFFDI DEC28.9 Rounding-off difference of the condition (BAPICUREXT)
CONDVALUE DEC28.9 Condition value (BAPIKWERT1)
CURRENCY_2 CUKY SD document currency (WAERK)
CURR_ISO_2 CHAR3 ISO code of the document currency (WAERS_ISO)
CONDCNTRL CHAR1 Condition control (KSTEU)
CONDISACTI CHAR1 Condition is inactive (KINAK)
CONDCLASS CHAR1 Condition class (KOAID)
FACTBASVAL FLTP Factor for condition base value (KFAKTOR)
SCALEBASIN CHAR1 Scale base type (KZBZG)
SCALBASVAL DEC28.9 Scale base value of the condition (BAPIKSTBS1)
UNITMEASUR UNIT Condition scale unit of measure (KONMS)
ISO_UNIT CHAR3 ISO code for unit of measurement (ISOCD_UNIT)
CURRENCKEY CUKY Scale currency (KONWS)
CURRENISO CHAR3 ISO code of the scale currency (WAERS_ISO)
CONDINCOMP CHAR1 Condition for inter-company billing (KFKIV)
CONDCONFIG CHAR1 Condition for configuration (KVARC)
CONDCHAMAN CHAR1 Condition changed manually (KMPRS)
COND_NO CHAR10 Condition record number (KNUMH)
TAX_CODE CHAR2 Tax on sales/purchases code (MWSKZ)
VARCOND CHAR26 Variant condition (VARCOND)
ACCOUNTKEY CHAR3 Account key (KVSL1)
ACCOUNT_KE CHAR3 Account key: accruals/provisions (KVSL2)
WT_WITHCD CHAR2 Withholding tax code (WT_WITHCD)
STRUCTCOND CHAR1 Structure condition (KDUPL)
FACTCONBAS FLTP Factor for condition basis, invoice list (KFAKTOR1)
CONDCOINHD NUMC2 Condition counter, header, short (DZAEKO_SHORT)
ACCESS_SEQ_LONG NUMC3 Access sequence: access number (KOLNR)
COND_COUNT_LONG NUMC3 Condition counter (DZAEHK)
CONDCOINHD_LONG NUMC3 Condition counter, header (DZAEKO)
"""),
    source=_SALES_SOURCE,
)

BAPISDTEXT = structure(
    "BAPISDTEXT", "Communication fields: SD texts",
    *layout("""
DOC_NUMBER CHAR10 Sales document (VBELN_VA)
ITM_NUMBER NUMC6 Sales document item (POSNR_VA)
TEXT_ID CHAR4 Text ID (TDID)
LANGU LANG Language key (SPRAS)
LANGU_ISO CHAR2 Language according to ISO 639 (LAISO)
FORMAT_COL CHAR2 Tag column (TDFORMAT)
TEXT_LINE CHAR132 Text line (TDLINE)
FUNCTION CHAR3 Function (MSGFN)
"""),
    source=_SALES_SOURCE,
)

BAPISDKEY = structure(
    "BAPISDKEY", "Key fields of the created SD document objects",
    *layout("""
REFOBJTYP CHAR10 Object type of the reference (SWO_OBJTYP)
REFOBJECT CHAR32 Object name of the reference (SWC_OBJEDE)
REFOBJKEY CHAR70 Object key of the reference (SWO_TYPEID)
REFLOGSYS CHAR10 Logical system of the reference (LOGSYS)
DOC_NUMBER CHAR10 Sales and distribution document number (VBELN)
ITM_NUMBER NUMC6 Sales document item (POSNR_VA)
SCHED_LIN NUMC4 Schedule line number (ETENR)
COND_NO CHAR10 Number of the document condition (KNUMV)
CONDITEMNO NUMC6 Condition item number (KPOSN)
COND_ST_NO NUMC3 Step number (STUNR)
COND_COUNT NUMC2 Condition counter, short (DZAEHK_SHORT)
COND_TYPE CHAR4 Condition type (KSCHA)
STATUS CHAR1 Status (CHAR1)
TINDEX NUMC6 Table index (NUM06)
ADDRESS CHAR10 Address number (ADRNR)
ABRLI NUMC4 Internal delivery schedule number (ABRLI)
ABART CHAR1 Release type (ABART)
COND_COUNT_LONG NUMC3 Condition counter (DZAEHK)
"""),
    source=_SALES_SOURCE,
)

BAPIADDR1 = structure(
    "BAPIADDR1", "BAPI reference structure for addresses (org./company)",
    *layout("""
ADDR_NO CHAR10 Address number (AD_ADDRNUM)
FORMOFADDR CHAR20 Form-of-address text (AD_TITLE_T)
NAME CHAR40 Name 1 (AD_NAME1)
NAME_2 CHAR40 Name 2 (AD_NAME2)
NAME_3 CHAR40 Name 3 (AD_NAME3)
NAME_4 CHAR40 Name 4 (AD_NAME4)
C_O_NAME CHAR40 c/o name (AD_NAME_CO)
CITY CHAR40 City (AD_CITY1)
DISTRICT CHAR40 District (AD_CITY2)
CITY_NO CHAR12 City code for city/street file (AD_CITYNUM)
POSTL_COD1 CHAR10 City postal code (AD_PSTCD1)
POSTL_COD2 CHAR10 PO box postal code (AD_PSTCD2)
POSTL_COD3 CHAR10 Company postal code (AD_PSTCD3)
PO_BOX CHAR10 PO box (AD_POBX)
PO_BOX_CIT CHAR40 PO box city (AD_POBXLOC)
DELIV_DIS CHAR15 Post delivery district (AD_PSTLAR)
STREET CHAR40 Street, 40 characters (AD_STR_OLD)
STREET_NO CHAR12 Street number for city/street file (AD_STRNUM)
STR_ABBR CHAR2 Abbreviation of street name (AD_STRABBR)
HOUSE_NO CHAR10 House number (AD_HSNM1)
STR_SUPPL1 CHAR40 Street 2 (AD_STRSPP1)
STR_SUPPL2 CHAR40 Street 3 (AD_STRSPP2)
LOCATION CHAR40 Street 5 (AD_LCTN)
BUILDING CHAR10 Building, short (AD_BLD_OLD)
FLOOR CHAR10 Floor in building (AD_FLOOR)
ROOM_NO CHAR10 Room or apartment number (AD_ROOMNUM)
COUNTRY CHAR3 Country key (LAND1)
LANGU LANG Language key (SPRAS)
REGION CHAR3 Region: state, province, county (REGIO)
SORT1 CHAR20 Search term 1 (AD_SORT1)
SORT2 CHAR20 Search term 2 (AD_SORT2)
TIME_ZONE CHAR6 Address time zone (AD_TZONE)
TAXJURCODE CHAR15 Tax jurisdiction (AD_TXJCD)
ADR_NOTES CHAR50 Address notes (AD_REMARK1)
COMM_TYPE CHAR3 Communication method (AD_COMM)
TEL1_NUMBR CHAR30 First telephone number (AD_TLNMBR1)
TEL1_EXT CHAR10 First telephone number: extension (AD_TLXTNS1)
FAX_NUMBER CHAR30 First fax number (AD_FXNMBR1)
FAX_EXTENS CHAR10 First fax number: extension (AD_FXXTNS1)
STREET_LNG CHAR60 Street (AD_STREET)
DISTRCT_NO CHAR8 District code for city and street file (AD_CITYPNM)
CHCKSTATUS CHAR1 City file test status (AD_CHECKST)
PBOXCIT_NO CHAR12 City PO box code, city file (AD_CIT2NUM)
TRANSPZONE CHAR10 Transportation zone (LZONE)
HOUSE_NO2 CHAR10 House number supplement (AD_HSNM2)
E_MAIL CHAR241 E-mail address (AD_SMTPADR)
STR_SUPPL3 CHAR40 Street 4 (AD_STRSPP3)
TITLE CHAR30 Title text (AD_TITLETX)
COUNTRYISO CHAR2 Country ISO code (INTCA)
LANGU_ISO CHAR2 Language according to ISO 639 (LAISO)
BUILD_LONG CHAR20 Building (AD_BLDNG)
REGIOGROUP CHAR8 Regional structure grouping (REGIOGROUP)
HOME_CITY CHAR40 City, different from postal city (AD_CITY3)
HOMECITYNO CHAR12 Different city, city code (AD_CITYHNM)
PCODE1_EXT CHAR10 City postal code extension (AD_PST1XT)
PCODE2_EXT CHAR10 PO box postal code extension (AD_PST2XT)
PCODE3_EXT CHAR10 Major customer postal code extension (AD_PST3XT)
PO_W_O_NO CHAR1 PO box without number (AD_POBXNUM)
PO_BOX_REG CHAR3 Region for PO box (AD_POBXREG)
POBOX_CTRY CHAR3 PO box country (AD_POBXCTY)
PO_CTRYISO CHAR2 PO box country, ISO code (INTCA)
HOMEPAGE CHAR132 Uniform resource locator (AD_URISCR)
DONT_USE_S CHAR4 Street address undeliverable flag (AD_NO_USES)
DONT_USE_P CHAR4 PO box address undeliverable flag (AD_NO_USEP)
HOUSE_NO3 CHAR10 House number range (AD_HSNM3)
LANGU_CR LANG Address language at creation (AD_LANGUCR)
LANGUCRISO CHAR2 Address language at creation, ISO 639 (LAISO)
PO_BOX_LOBBY CHAR40 PO box lobby (AD_PO_BOX_LBY)
DELI_SERV_TYPE CHAR4 Type of delivery service (AD_DELIVERY_SERVICE_TYPE)
DELI_SERV_NUMBER CHAR10 Number of delivery service (AD_DELIVERY_SERVICE_NUMBER)
URI_TYPE CHAR3 URI type (AD_URITYPE)
COUNTY_CODE CHAR8 County code for county (AD_CNTYNUM)
COUNTY CHAR40 County (AD_COUNTY)
TOWNSHIP_CODE CHAR8 Township code for township (AD_TWSHPNUM)
TOWNSHIP CHAR40 Township (AD_TOWNSHIP)
XPCPT CHAR1 Business purpose completed flag (AD_XPCPT)
"""),
    source=_SALES_SOURCE,
)

BAPIPAREX = structure(
    "BAPIPAREX", "Reference structure for BAPI parameters EXTENSIONIN/EXTENSIONOUT",
    Field("STRUCTURE", char(30), "Structure name of the BAPI table extension"),
    Field("VALUEPART1", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART2", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART3", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART4", char(240), "Data part of BAPI extension parameter"),
    source=_SALES_SOURCE,
)


BAPISDHD1X = structure(
    "BAPISDHD1X", "Checkbox fields for SD document header (BAPISDHD1)",
    _UPDATEFLAG,
    *flags("""
DOC_TYPE COLLECT_NO SALES_ORG DISTR_CHAN DIVISION SALES_GRP SALES_OFF REQ_DATE_H DATE_TYPE
PURCH_DATE PO_METHOD PO_SUPPLEM REF_1 NAME TELEPHONE PRICE_GRP CUST_GROUP SALES_DIST
PRICE_LIST INCOTERMS1 INCOTERMS2 PMNTTRMS DLV_BLOCK BILL_BLOCK ORD_REASON COMPL_DLV
PRICE_DATE QT_VALID_F QT_VALID_T CT_VALID_F CT_VALID_T CUST_GRP1 CUST_GRP2 CUST_GRP3
CUST_GRP4 CUST_GRP5 PURCH_NO_C PURCH_NO_S PO_DAT_S PO_METH_S REF_1_S SD_DOC_CAT DOC_DATE
WAR_DATE SHIP_COND PP_SEARCH DUN_COUNT DUN_DATE DLVSCHDUSE PLDLVSTYP REF_DOC COMP_CDE_B
ALTTAX_CLS TAX_CLASS2 TAX_CLASS3 TAX_CLASS4 TAX_CLASS5 TAX_CLASS6 TAX_CLASS7 TAX_CLASS8
TAX_CLASS9 REF_DOC_L ASS_NUMBER REFDOC_CAT ORDCOMB_IN BILL_SCHED INVO_SCHED MN_INVOICE
EXRATE_FI ADD_VAL_DY FIX_VAL_DY PYMT_METH ACCNT_ASGN EXCHG_RATE BILL_DATE SERV_DATE
DUNN_KEY DUNN_BLOCK PROMOTION PMTGAR_PRO DEPARTM_NO REC_POINT POITM_NO_S DOC_NUM_FI
CSTCNDGRP1 CSTCNDGRP2 CSTCNDGRP3 CSTCNDGRP4 CSTCNDGRP5 DLV_TIME CURRENCY TAXDEP_CTY
TAXDST_CTY EUTRI_DEAL MAST_CONTR REF_PROC CHKPRTAUTH CMLQTY_DAT VERSION NOTIF_NO WBS_ELEM
EXCH_RATE_FI_V EXCHG_RATE_V FKK_CONACCT CAMPAIGN DOC_CLASS H_CURR SHIP_TYPE S_PROC_IND
LINE_TIME CALC_MOTIVE PSM_PSTNG_DATE TREASURY_ACC_SYMBOL BUSINESS_EVENT_TCODE
MODIFICATION_ALLOWED CANCELLATION_ALLOWED PAYMENT_METHODS BUSINESS_PARTNER_NO
REPORTING_FREQ SEPA_MANDATE_ID SD_DOC_CAT_LONG REFDOC_CAT_LONG INCOTERMSV INCOTERMS2L
INCOTERMS3L
"""),
    source=_SALES_SOURCE,
)
BAPISDITMX = structure(
    "BAPISDITMX", "Communication fields: SD document item: checkbox",
    _ITEM,
    _UPDATEFLAG,
    *flags("""
HG_LV_ITEM PO_ITM_NO MATERIAL ALT_TO_ITM CUST_MAT22 BATCH DLV_GROUP PART_DLV REASON_REJ
BILL_BLOCK BILL_DATE PLANT STORE_LOC TARGET_QTY TARGET_QU T_UNIT_ISO ITEM_CATEG SHORT_TEXT
PRC_GROUP1 PRC_GROUP2 PRC_GROUP3 PRC_GROUP4 PRC_GROUP5 PROD_HIERA MATL_GROUP PURCH_NO_C
PURCH_DATE PO_METHOD REF_1 PURCH_NO_S PO_DAT_S PO_METH_S REF_1_S POITM_NO_S PRICE_GRP
CUST_GROUP SALES_DIST PRICE_LIST INCOTERMS1 INCOTERMS2 ORDCOMP_IN BILL_SCHED INVO_SCHED
MN_INVOICE EX_RATE_FI ADD_VAL_DY FIX_VAL_DY PMNTTRMS PYMT_METH ACCNT_ASGN EXCHG_RATE
PRICE_DATE SERV_DATE DUNN_KEY DUNN_BLOCK PROMOTION PMTGAR_PRO DOC_NUM_FI DEPARTM_NO
REC_POINT CSTCNDGRP1 CSTCNDGRP2 CSTCNDGRP3 CSTCNDGRP4 CSTCNDGRP5 DLV_TIME SALES_UNIT
TRG_QTY_NO TRGQTY_DEN RNDDLV_QTY MAXDEVAMNT MAXDEVPER MAXDEV_DAY USAGE_IND FIXED_QUAN
UNLMT_DLV OVERDLVTOL UNDDLV_TOL DIVISION SALQTYNUM SALQTYDEN GROSS_WGHT NET_WEIGHT
UNTOF_WGHT VOLUME VOLUNIT DLV_PRIO SHIP_POINT ROUTE TAX_CLASS1 TAX_CLASS2 TAX_CLASS3
TAX_CLASS4 TAX_CLASS5 TAX_CLASS6 TAX_CLASS7 TAX_CLASS8 TAX_CLASS9 MAT_PR_GRP VAL_TYPE
FIXDAT_QTY BOMEXPL_NO RESANALKEY REQMTS_TYP NO_GR_POST BUS_TRANST OVERHD_KEY CSTG_SHEET
MATFRGTGRP PLDLVSHDIN SEQ_NO BIL_FORM DLI_PROFIL REV_TYPE BEGDEM_PER PR_REF_MAT REFOBJTYPE
REFOBJKEY REFLOGSYS ORDER_PROB MAX_PL_DLV CFOP_CODE TAXLAWICMS TAXLAWIPI SD_TAXCODE
ASSORT_MOD COMP_QUANT TARGET_VAL PROFIT_CTR ORDERID WBS_ELEM DEPREC_PER REF_DOC REF_DOC_IT
REF_DOC_CA CUST_MAT35 EXCH_RATE_FI_V EXCHG_RATE_V ITEMGUID_ATP VAL_CONTR VAL_CON_I
CONFIG_ID INST_ID MAT_EXT MAT_GUID MAT_VERS P_MAT_EXT P_MAT_GUID P_MAT_VERS FUNC_AREA
ALTERN_BOM FKK_CONACCT EAN_UPC PRODCAT SHIP_TYPE S_PROC_IND BILL_REL VW_UEPOS CAMPAIGN
DLVSCHDUSE SELECTION MAT_ENTRD LOG_SYSTEM_OWN ITM_TYPE_USAGE MAT_ENTRD_EXTERNAL
MAT_ENTRD_GUID MAT_ENTRD_VERSION LOC_TAXCAT LOC_ZEROVAT LOC_ACTCODE LOC_DISTTYPE
LOC_TXRELCLAS CALC_MOTIVE FUND FUNDS_CTR CMMT_ITEM GRANT_NBR BUDGET_PERIOD TAXLAWISS
TAXLAWCOFINS TAXLAWPIS TREASURY_ACC_SYMBOL BUSINESS_EVENT_TCODE MODIFICATION_ALLOWED
CANCELLATION_ALLOWED PAYMENT_METHODS BUSINESS_PARTNER_NO REPORTING_FREQ CFOP_LONG
SEPA_MANDATE_ID REQ_SEGMENT TP_SUBLEVL TP_AGENCID TP_ALTRAID TP_BEGPER TP_ENDPER TP_AVTYPE
TP_MAIN_ACCT TP_SUB_ACCT TP_BETC REVACC_REFID REVACC_REFTYPE REF_DOC_CA_LONG INCOTERMSV
INCOTERMS2L INCOTERMS3L MATERIAL_LONG PR_REF_MAT_LONG MAT_ENTRD_LONG PO_QUAN PO_UNIT
"""),
    source=_SALES_SOURCE,
)
BAPISCHDLX = structure(
    "BAPISCHDLX", "Checkbox list for maintaining SD document schedule lines",
    _ITEM,
    Field("SCHED_LINE", numc(4), "Schedule line number (ETENR)"),
    _UPDATEFLAG,
    *flags("""
REQ_DATE DATE_TYPE REQ_TIME REQ_QTY REQ_DLV_BL SCHED_TYPE TP_DATE MS_DATE LOAD_DATE GI_DATE
TP_TIME MS_TIME LOAD_TIME GI_TIME
"""),
    # SAP types these two as the data fields themselves, not as flags
    Field("REFOBJTYPE", char(10), "Object type of the reference (SWO_OBJTYP)"),
    Field("REFOBJKEY", char(70), "Object key of the reference (SWO_TYPEID)"),
    *flags("DLV_DATE DLV_TIME REL_TYPE PLAN_SCHED_TYPE"),
    source=_SALES_SOURCE,
)
BAPICONDX = structure(
    "BAPICONDX", "Communication fields for maintaining conditions in the order: checkbox",
    Field("ITM_NUMBER", numc(6), "Condition item number (KPOSN)"),
    Field("COND_ST_NO", numc(3), "Step number (STUNR)"),
    Field("COND_COUNT", numc(2), "Condition counter, short (DZAEHK_SHORT)"),
    Field("COND_TYPE", char(4), "Condition type (KSCHA)"),
    _UPDATEFLAG,
    *flags("COND_VALUE CURRENCY COND_UNIT COND_P_UNT"),
    Field("VARCOND", char(26), "Variant condition (VARCOND)"),
    Field("COND_COUNT_LONG", numc(3), "Condition counter (DZAEHK)"),
    source=_SALES_SOURCE,
)

BAPISDLS = structure(
    "BAPISDLS", "SD checkbox for the logic switch",
    Field("PRICING", char(1), "Pricing type (KNPRS)"),
    Field("ATP_WRKMOD", char(1), "Working mode of the availability check (ATP_WRKMOD)"),
    Field("SCHEDULING", char(1), "Scheduling switch (CHAR1)"),
    Field("NOSTRUCTURE", char(1), "No BOM explosion (XFELD)"),
    Field("COND_HANDL", char(1), "Do not delete conditions (NEW_COND_MNT)"),
    Field("ADDR_CHECK", char(1), "Check addresses (CHAR1)"),
    Field("FSH_COPY_REF", char(1), "Copy reference (CHAR1)"),
    source=_SALES_SOURCE,
)

BAPI_SENDER = structure(
    "BAPI_SENDER", "Logical system: sender of the call",
    Field("LOG_SYSTEM", char(10), "Logical system"),
    source=_SALES_SOURCE,
)

BAPISDSTAT = structure(
    "BAPISDSTAT", "Communication fields: sales order status",
    Field("DOC_NUMBER", char(10), "Sales document"),
    Field("DOC_DATE", DATS, "Document date (VBAK-AUDAT)"),
    Field("PURCH_NO", char(20), "Customer purchase order number (first 20 characters)"),
    Field("PRC_STAT_H", char(1), "Overall processing status of the document (GBSTK)"),
    Field("DLV_STAT_H", char(1), "Overall delivery status of the document (LFGSK)"),
    Field("REQ_DATE_H", DATS, "Requested delivery date (VBAK-VDATU)"),
    Field("DLV_BLOCK", char(2), "Delivery block (VBAK-LIFSK)"),
    _ITEM,
    Field("MATERIAL", char(18), "Material number"),
    Field("SHORT_TEXT", char(40), "Short text for sales order item"),
    Field("REQ_DATE", DATS, "Requested delivery date of the first schedule line"),
    Field("REQ_QTY", quan(15, 3), "Order quantity (sum of the schedule lines)"),
    Field("CUM_CF_QTY", quan(15, 3), "Confirmed quantity (sum of the schedule lines)"),
    Field("SALES_UNIT", unit(), "Sales unit"),
    Field("NET_VALUE", curr(15, 2), "Net value of the item"),
    Field("CURRENCY", cuky(), "SD document currency"),
    Field("NET_PRICE", curr(11, 2), "Net price"),
    Field("COND_P_UNT", dec(5), "Condition pricing unit"),
    Field("COND_UNIT", unit(), "Condition unit"),
    Field("DLV_STAT_I", char(1), "Delivery status of the item (LFSTA)"),
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DELIV_ITEM", numc(6), "Delivery item"),
    Field("DELIV_DATE", DATS, "Delivery date (LIKP-LFDAT)"),
    Field("DLV_QTY", quan(13, 3), "Quantity delivered in sales units (LIPS-LFIMG)"),
    Field("REF_QTY", quan(15, 3), "Referenced quantity in base unit (VBFA-RFMNG)"),
    Field("S_UNIT_ISO", char(3), "Sales unit, ISO code"),
    Field("CURR_ISO", char(3), "ISO code of the currency"),
    Field("CD_UNT_ISO", char(3), "Condition unit, ISO code"),
    Field("REA_FOR_RE", char(2), "Reason for rejection (VBAP-ABGRU)"),
    Field("PURCH_NO_C", char(35), "Customer purchase order number (VBAK-BSTNK)"),
)
