"""DDIC structures of the sales-document BAPIs (BAPISDHD1, BAPISDITM, BAPIPARNR, BAPISDSTAT ...).

Each lists the components SAP's structure has that a caller is likely to fill, in SAP's
order, with SAP's types; components a caller sends that are not listed are ignored, as SAP
ignores unknown XML elements. The checkbox ("X") structures are derived from their data
structure: the key fields, UPDATEFLAG, then one flag per other component.
"""

from __future__ import annotations

from fake_sap.rfc.model import (
    DATS,
    FLAG,
    LANG,
    TIMS,
    Field,
    Structure,
    char,
    cuky,
    curr,
    dec,
    numc,
    quan,
    structure,
    unit,
)

_ITEM = Field("ITM_NUMBER", numc(6), "Sales document item")

BAPISDHD1 = structure(
    "BAPISDHD1", "Communication fields: sales and distribution document header",
    Field("REFOBJTYPE", char(10), "Object type of the reference"),
    Field("REFOBJKEY", char(70), "Object key of the reference"),
    Field("REFDOCTYPE", char(10), "Document type of the reference"),
    Field("DOC_TYPE", char(4), "Sales document type (internal: TA, KB, RE)"),
    Field("COLLECT_NO", char(10), "Collective number"),
    Field("SALES_ORG", char(4), "Sales organization"),
    Field("DISTR_CHAN", char(2), "Distribution channel"),
    Field("DIVISION", char(2), "Division"),
    Field("SALES_GRP", char(3), "Sales group"),
    Field("SALES_OFF", char(4), "Sales office"),
    Field("REQ_DATE_H", DATS, "Requested delivery date"),
    Field("DATE_TYPE", char(1), "Date type (day, week, month ...)"),
    Field("PURCH_DATE", DATS, "Customer purchase order date"),
    Field("PO_METHOD", char(4), "Customer purchase order type"),
    Field("PO_SUPPLEM", char(4), "Purchase order supplement"),
    Field("REF_1", char(12), "Your reference"),
    Field("NAME", char(35), "Name of orderer"),
    Field("TELEPHONE", char(16), "Telephone number"),
    Field("PRICE_GRP", char(2), "Price group"),
    Field("CUST_GROUP", char(2), "Customer group"),
    Field("SALES_DIST", char(6), "Sales district"),
    Field("PRICE_LIST", char(2), "Price list type"),
    Field("INCOTERMS1", char(3), "Incoterms (part 1)"),
    Field("INCOTERMS2", char(28), "Incoterms (part 2)"),
    Field("PMNTTRMS", char(4), "Terms of payment key"),
    Field("DLV_BLOCK", char(2), "Delivery block (VBAK-LIFSK)"),
    Field("BILL_BLOCK", char(2), "Billing block (VBAK-FAKSK)"),
    Field("ORD_REASON", char(3), "Order reason (VBAK-AUGRU)"),
    Field("COMPL_DLV", FLAG, "Complete delivery defined for each sales order"),
    Field("PRICE_DATE", DATS, "Date for pricing and exchange rate"),
    Field("QT_VALID_F", DATS, "Quotation/inquiry is valid from"),
    Field("QT_VALID_T", DATS, "Date until which bid/quotation is binding"),
    Field("CT_VALID_F", DATS, "Valid-from date (outline agreements)"),
    Field("CT_VALID_T", DATS, "Valid-to date (outline agreements)"),
    Field("PURCH_NO_C", char(35), "Customer purchase order number (VBAK-BSTNK)"),
    Field("PURCH_NO_S", char(35), "Ship-to party's purchase order number"),
    Field("PO_DAT_S", DATS, "Ship-to party's purchase order date"),
    Field("PO_METH_S", char(4), "Ship-to party's purchase order type"),
    Field("REF_1_S", char(12), "Ship-to party's character"),
    Field("SHIP_COND", char(2), "Shipping conditions"),
    Field("DOC_DATE", DATS, "Document date (date received/sent)"),
    Field("REF_DOC", char(10), "Document number of the reference document"),
    Field("REFDOC_CAT", char(1), "Document category of the preceding document"),
    Field("CURRENCY", cuky(), "SD document currency"),
    Field("CURR_ISO", char(3), "ISO code of the currency"),
    Field("SHIP_TYPE", char(2), "Shipping type"),
)

BAPISDITM = structure(
    "BAPISDITM", "Communication fields: sales and distribution document item",
    _ITEM,
    Field("HG_LV_ITEM", numc(6), "Higher-level item in bill of material structures"),
    Field("PO_ITM_NO", char(6), "Item number of the underlying purchase order"),
    Field("MATERIAL", char(18), "Material number (leading zeros may be omitted)"),
    Field("ALT_TO_ITM", numc(6), "Item for which this item is an alternative"),
    Field("CUST_MAT22", char(22), "Material number used by customer"),
    Field("BATCH", char(10), "Batch number"),
    Field("DLV_GROUP", numc(3), "Delivery group"),
    Field("PART_DLV", char(1), "Partial delivery at item level"),
    Field("REASON_REJ", char(2), "Reason for rejection"),
    Field("BILL_BLOCK", char(2), "Billing block for item"),
    Field("BILL_DATE", DATS, "Billing date"),
    Field("PLANT", char(4), "Plant (own or external)"),
    Field("STORE_LOC", char(4), "Storage location"),
    Field("TARGET_QTY", quan(13, 3), "Target quantity in sales units (taken as the order "
                                     "quantity when no schedule line is sent)"),
    Field("TARGET_QU", unit(), "Target quantity UoM"),
    Field("T_UNIT_ISO", char(3), "Target quantity UoM, ISO code"),
    Field("ITEM_CATEG", char(4), "Sales document item category"),
    Field("SHORT_TEXT", char(40), "Short text for sales order item"),
    Field("SALES_UNIT", unit(), "Sales unit"),
    Field("S_UNIT_ISO", char(3), "Sales unit, ISO code"),
    Field("SHIP_POINT", char(4), "Shipping point / receiving point"),
    Field("ROUTE", char(6), "Route"),
    Field("PURCH_NO_C", char(35), "Customer purchase order number"),
    Field("PURCH_DATE", DATS, "Customer purchase order date"),
    Field("PO_METHOD", char(4), "Customer purchase order type"),
    Field("REF_DOC", char(10), "Document number of the reference document"),
    Field("REF_DOC_IT", numc(6), "Item number of the reference item"),
    Field("REF_DOC_CA", char(1), "Document category of the preceding document (C order)"),
    Field("CURRENCY", cuky(), "SD document currency"),
    Field("CURR_ISO", char(3), "ISO code of the currency"),
    Field("CUST_MAT35", char(35), "Material number used by customer (35 characters)"),
)

BAPIPARNR = structure(
    "BAPIPARNR", "Communications fields: SD document partner",
    Field("PARTN_ROLE", char(2), "Partner function (internal: AG, WE, RE, RG)"),
    Field("PARTN_NUMB", char(10), "Customer number (leading zeros may be omitted)"),
    _ITEM,
    Field("TITLE", char(15), "Title"),
    Field("NAME", char(35), "Name"),
    Field("NAME_2", char(35), "Name 2"),
    Field("NAME_3", char(35), "Name 3"),
    Field("NAME_4", char(35), "Name 4"),
    Field("STREET", char(35), "House number and street"),
    Field("COUNTRY", char(3), "Country key"),
    Field("COUNTRY_ISO", char(2), "Country ISO code"),
    Field("POSTL_CODE", char(10), "Postal code"),
    Field("POBX_PCD", char(10), "PO box postal code"),
    Field("POBX_CTY", char(35), "PO box city"),
    Field("CITY", char(35), "City"),
    Field("DISTRICT", char(35), "District"),
    Field("REGION", char(3), "Region (state, province, county)"),
    Field("PO_BOX", char(10), "PO box"),
    Field("TELEPHONE", char(16), "First telephone number"),
    Field("TELEPHONE2", char(16), "Second telephone number"),
    Field("TELEFAX", char(31), "Fax number"),
    Field("LANGU", LANG, "Language key"),
    Field("LANGU_ISO", char(2), "Language according to ISO 639"),
    Field("TRANSPZONE", char(10), "Transportation zone"),
    Field("ADDR_LINK", char(10), "Link to PARTNERADDRESSES (ADDR_NO)"),
    Field("VAT_REG_NO", char(20), "VAT registration number"),
)

BAPISCHDL = structure(
    "BAPISCHDL", "Communication fields for maintaining SD document schedule lines",
    _ITEM,
    Field("SCHED_LINE", numc(4), "Schedule line number"),
    Field("REQ_DATE", DATS, "Requested delivery date of the schedule line"),
    Field("DATE_TYPE", char(1), "Date type (day, week, month ...)"),
    Field("REQ_TIME", TIMS, "Arrival time"),
    Field("REQ_QTY", quan(13, 3), "Order quantity in sales units"),
    Field("REQ_DLV_BL", char(2), "Delivery block for the schedule line"),
    Field("SCHED_TYPE", char(2), "Schedule line category"),
    Field("TP_DATE", DATS, "Transportation planning date"),
    Field("MS_DATE", DATS, "Material staging/availability date"),
    Field("LOAD_DATE", DATS, "Loading date"),
    Field("GI_DATE", DATS, "Goods issue date"),
    Field("TP_TIME", TIMS, "Transp. planning time"),
    Field("MS_TIME", TIMS, "Material staging time"),
    Field("LOAD_TIME", TIMS, "Loading time"),
    Field("GI_TIME", TIMS, "Time of goods issue"),
    Field("REFOBJTYPE", char(10), "Object type of the reference"),
    Field("REFOBJKEY", char(70), "Object key of the reference"),
    Field("DLV_DATE", DATS, "Delivery date"),
    Field("DLV_TIME", TIMS, "Delivery time"),
)

BAPICOND = structure(
    "BAPICOND", "Communication fields for maintaining conditions in the order",
    _ITEM,
    Field("COND_ST_NO", numc(3), "Step number"),
    Field("COND_COUNT", numc(2), "Condition counter"),
    Field("COND_TYPE", char(4), "Condition type (PR00 price)"),
    Field("COND_VALUE", dec(28, 9), "Condition rate: the price per COND_P_UNT units"),
    Field("CURRENCY", cuky(), "Currency key"),
    Field("COND_UNIT", unit(), "Condition unit"),
    Field("COND_P_UNT", dec(5), "Condition pricing unit"),
    Field("CURR_ISO", char(3), "ISO code of the currency"),
    Field("CD_UNT_ISO", char(3), "Condition unit, ISO code"),
    Field("REFOBJTYPE", char(10), "Object type of the reference"),
    Field("REFOBJKEY", char(70), "Object key of the reference"),
    Field("REFLOGSYS", char(10), "Logical system of the reference"),
    Field("APPLICATIO", char(2), "Application"),
    Field("CONPRICDAT", DATS, "Condition pricing date"),
    Field("CALCTYPCON", char(1), "Calculation type for condition"),
    Field("CONBASEVAL", dec(24, 9), "Condition base value"),
    Field("CONEXCHRAT", dec(9, 5), "Condition exchange rate"),
    Field("NUMCONVERT", dec(5), "Numerator for converting condition units"),
    Field("DENOMINATO", dec(5), "Denominator for converting condition units"),
    Field("CONDTYPE", char(1), "Condition category"),
    Field("STAT_CON", FLAG, "Condition is used for statistics"),
    Field("SCALETYPE", char(1), "Scale type"),
    Field("ACCRUALS", FLAG, "Condition is relevant for accrual"),
    Field("CONINVOLST", FLAG, "Condition for invoice list"),
    Field("CONDORIGIN", char(1), "Origin of the condition"),
    Field("GROUPCOND", FLAG, "Group condition"),
    Field("COND_UPDAT", FLAG, "Condition update"),
    Field("ACCESS_SEQ", numc(3), "Access sequence - access number"),
    Field("CONDCOUNT", numc(2), "Condition counter (access)"),
    Field("CONDCNTRL", char(1), "Condition control"),
    Field("CONDISACTI", char(1), "Condition is inactive"),
    Field("CONDCLASS", char(1), "Condition class"),
)

BAPISDTEXT = structure(
    "BAPISDTEXT", "Communication fields: SD texts",
    Field("DOC_NUMBER", char(10), "Sales document"),
    _ITEM,
    Field("TEXT_ID", char(4), "Text ID"),
    Field("LANGU", LANG, "Language key"),
    Field("LANGU_ISO", char(2), "Language according to ISO 639"),
    Field("FORMAT_COL", char(2), "Tag column"),
    Field("TEXT_LINE", char(132), "Text line"),
    Field("FUNCTION", char(3), "Function"),
)

BAPISDKEY = structure(
    "BAPISDKEY", "Key fields of the created SD document objects",
    Field("REFOBJTYPE", char(10), "Object type of the reference"),
    Field("REFOBJKEY", char(70), "Object key of the reference"),
    Field("REFLOGSYS", char(10), "Logical system of the reference"),
    Field("DOC_NUMBER", char(10), "Sales document"),
    _ITEM,
    Field("SCHED_LINE", numc(4), "Schedule line number"),
    Field("COND_ST_NO", numc(3), "Step number"),
    Field("COND_COUNT", numc(2), "Condition counter"),
    Field("COND_TYPE", char(4), "Condition type"),
)

BAPIPAREX = structure(
    "BAPIPAREX", "Reference structure for BAPI parameters EXTENSIONIN/EXTENSIONOUT",
    Field("STRUCTURE", char(30), "Structure name of the BAPI table extension"),
    Field("VALUEPART1", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART2", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART3", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART4", char(240), "Data part of BAPI extension parameter"),
)

BAPIADDR1 = structure(
    "BAPIADDR1", "BAPI reference structure for addresses (org./company)",
    Field("ADDR_NO", char(10), "Address number"),
    Field("FORMOFADDR", char(4), "Form-of-address key"),
    Field("NAME", char(40), "Name 1"),
    Field("NAME_2", char(40), "Name 2"),
    Field("NAME_3", char(40), "Name 3"),
    Field("NAME_4", char(40), "Name 4"),
    Field("C_O_NAME", char(40), "c/o name"),
    Field("CITY", char(40), "City"),
    Field("DISTRICT", char(40), "District"),
    Field("POSTL_COD1", char(10), "City postal code"),
    Field("PO_BOX", char(10), "PO box"),
    Field("STREET", char(60), "Street"),
    Field("HOUSE_NO", char(10), "House number"),
    Field("COUNTRY", char(3), "Country key"),
    Field("COUNTRYISO", char(2), "Country ISO code"),
    Field("LANGU", LANG, "Language key"),
    Field("LANGU_ISO", char(2), "Language according to ISO 639"),
    Field("REGION", char(3), "Region (state, province, county)"),
    Field("SORT1", char(20), "Search term 1"),
    Field("TEL1_NUMBR", char(30), "First telephone number"),
    Field("FAX_NUMBER", char(30), "First fax number"),
    Field("E_MAIL", char(241), "E-mail address"),
)

BAPISDLS = structure(
    "BAPISDLS", "SD checkbox for the logic switch",
    Field("SCHEDULING", FLAG, "Scheduling switch"),
    Field("ATP_WRKMOD", FLAG, "Working mode of the availability check"),
    Field("NOSTRUCTURE", FLAG, "No BOM explosion"),
    Field("COND_HANDL", FLAG, "Do not delete conditions"),
    Field("ADDR_CHECK", FLAG, "Check addresses"),
    Field("PRICING", char(1), "Pricing type"),
)

BAPI_SENDER = structure(
    "BAPI_SENDER", "Logical system: sender of the call",
    Field("LOG_SYSTEM", char(10), "Logical system"),
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


def checkboxes(name: str, text: str, data: Structure, keys: tuple[str, ...] = ()
               ) -> Structure:
    """The X structure of ``data``: its key fields, UPDATEFLAG, one flag per other field."""
    key_fields = tuple(f for f in data.fields if f.name in keys)
    flags = tuple(Field(f.name, FLAG, f"Updated information in related user data field "
                                      f"({f.name})")
                  for f in data.fields if f.name not in keys)
    update_flag = Field("UPDATEFLAG", FLAG, "Update indicator: I insert, U update, D delete")
    return structure(name, text, *key_fields, update_flag, *flags)


BAPISDHD1X = checkboxes("BAPISDHD1X", "Checkbox fields for SD document header (BAPISDHD1)",
                        BAPISDHD1)
BAPISDITMX = checkboxes("BAPISDITMX", "Communication fields: SD document item: checkbox",
                        BAPISDITM, ("ITM_NUMBER",))
BAPISCHDLX = checkboxes("BAPISCHDLX", "Checkbox list for maintaining SD document schedule "
                                      "lines", BAPISCHDL, ("ITM_NUMBER", "SCHED_LINE"))
BAPICONDX = checkboxes("BAPICONDX", "Communication fields for maintaining conditions in the "
                                    "order: checkbox", BAPICOND,
                       ("ITM_NUMBER", "COND_ST_NO", "COND_COUNT", "COND_TYPE"))
