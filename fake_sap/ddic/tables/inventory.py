"""The inventory management tables: MKPF (material document header), MSEG (material document
items) and MSKU (special stocks with customer).

Each declares, in SAP's order and with SAP's types and lengths, the fields its public listings
show and the fields the emulator's goods movements keep. The fields the emulator never fills
are declared not kept (no column; RFC_READ_TABLE reads them as their initial value). What the
listings do not confirm is said in each table's notes.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, TIMS, char, cuky, curr, numc, quan, unit

_QUANTITY = quan(13)
_AMOUNT = curr(13)


def _document_key() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client", check_table="T000"),
            key("MBLNR", char(10), "Number of Material Document"),
            key("MJAHR", numc(4), "Material Document Year"))


MKPF = TableDeclaration(
    "MKPF", "Header: Material Document",
    (
        *_document_key(),
        data("VGART", char(2), "Transaction/Event Type", check_table="T158V"),
        data("BLART", char(2), "Document Type", check_table="T003"),
        data("BLAUM", char(2), "Document type of revaluation document", check_table="T003",
             kept=False),
        data("BLDAT", DATS, "Document Date in Document"),
        data("BUDAT", DATS, "Posting Date in the Document"),
        data("CPUDT", DATS, "Day On Which Accounting Document Was Entered"),
        data("CPUTM", TIMS, "Time of Entry"),
        data("AEDAT", DATS, "Changed On", kept=False),
        data("USNAM", char(12), "User name"),
        data("TCODE", char(4), "Not More Closely Defined Area, Possibly Used for Patchlevels",
             kept=False),
        data("XBLNR", char(16), "Reference Document Number"),
        data("BKTXT", char(25), "Document Header Text"),
        data("FRATH", _AMOUNT, "Unplanned delivery costs", kept=False),
        data("FRBNR", char(16), "Number of Bill of Lading at Time of Goods Receipt",
             kept=False),
        data("WEVER", char(1), "Version for Printing GR/GI Slip", kept=False),
        data("XABLN", char(10), "Goods Receipt/Issue Slip Number", kept=False),
        data("AWSYS", char(10), "Logical System", kept=False),
        data("BLA2D", char(2), "Doc. type for additional doc. in purchase account management",
             kept=False),
        data("TCODE2", char(20), "Transaction Code", kept=False),
        data("BFWMS", char(1), "Control posting for external WMS", kept=False),
        data("EXNUM", char(10), "Number of foreign trade data in MM and SD documents",
             kept=False),
        data("SPE_BUDAT_UHR", TIMS, "Time of Goods Issue (Local, Relating to a Plant)",
             kept=False),
        data("SPE_BUDAT_ZONE", char(6), "Time Zone", kept=False),
        data("LE_VBELN", char(10), "Delivery"),
        data("SPE_LOGSYS", char(10), "Logical System of EWM Material Document", kept=False),
        data("SPE_MDNUM_EWM", char(16), "Number of Material Document in EWM", kept=False),
        data("GTS_CUSREF_NO", char(35), "Customs Reference Number for Scrapping", kept=False),
        data("FLS_RSTO", char(1), "Store Return with Inbound and Outbound Delivery",
             kept=False),
        data("MSR_ACTIVE", char(1), "Advanced Returns Management Active", kept=False),
        data("KNUMV", char(10), "Number of the Document Condition", kept=False),
    ),
    source=("leanx.eu, \"SAP Table MKPF\" (https://leanx.eu/en/sap/table/mkpf.html), fields "
            "MANDT to BFWMS; docsfortec.com, \"MKPF - Header: Material Document\" "
            "(https://docsfortec.com/sap/S4/tables/MKPF), the fields after BFWMS, their "
            "lengths checked against testingbrain.com, \"MKPF SAP table\" "
            "(https://www.testingbrain.com/sap/mm-tutorial/mkpf-table-in-sap.html)"),
    notes=("SAP's full field list. The fields after BFWMS are taken from a listing of the "
           "S/4HANA table, whose lengths are in bytes (two per character; the character "
           "lengths here are half of them, as testingbrain.com's ECC listing confirms); the "
           "S/4HANA include APJVMKPF before KNUMV is left out."),
    first_columns=("mandt", "mblnr", "mjahr", "vgart", "blart", "bldat", "budat", "cpudt",
                   "cputm", "usnam", "xblnr", "bktxt", "le_vbeln"),
)


def _item_indexes() -> list[SchemaItem]:
    # the goods movements of a delivery (its goods issue, a reversal)
    return [Index("ix_mseg_delivery", "mandt", "vbeln_im")]


MSEG = TableDeclaration(
    "MSEG", "Document Segment: Material",
    (
        *_document_key(),
        key("ZEILE", numc(4), "Item in Material Document"),
        data("LINE_ID", numc(6), "Unique identification of document line", kept=False),
        data("PARENT_ID", numc(6), "Identifier of immediately superior line", kept=False),
        data("LINE_DEPTH", numc(2), "Hierarchy level of line in document", kept=False),
        data("MAA_URZEI", numc(4), "Original Line for Account Assignment Item in Material "
                                   "Doc.", kept=False),
        data("BWART", char(3), "Movement Type (Inventory Management)", check_table="T156"),
        data("XAUTO", char(1), "Item automatically created", kept=False),
        data("MATNR", char(18), "Material Number", check_table="MARA"),
        data("WERKS", char(4), "Plant", element="WERKS_D", check_table="T001W"),
        data("LGORT", char(4), "Storage Location", element="LGORT_D", check_table="T001L"),
        data("CHARG", char(10), "Batch Number", element="CHARG_D", check_table="MCHA"),
        data("INSMK", char(1), "Stock Type"),
        data("ZUSCH", char(1), "Batch status key", kept=False),
        data("ZUSTD", char(1), "Batch in Restricted-Use Stock", kept=False),
        data("SOBKZ", char(1), "Special Stock Indicator", check_table="T148"),
        data("LIFNR", char(10), "Vendor Account Number", check_table="LFA1"),
        data("KUNNR", char(10), "Account number of customer", element="",
             check_table="KNA1"),
        data("KDAUF", char(10), "Sales Order Number", check_table="VBAK"),
        data("KDPOS", numc(6), "Item Number in Sales Order"),
        data("KDEIN", numc(4), "Delivery schedule for sales order", kept=False),
        data("PLPLA", char(10), "Distribution of Differences", kept=False),
        data("SHKZG", char(1), "Debit/Credit Indicator"),
        data("WAERS", cuky(), "Currency Key", check_table="TCURC", kept=False),
        data("DMBTR", _AMOUNT, "Amount in Local Currency", kept=False),
        data("BNBTR", _AMOUNT, "Delivery costs in local currency", kept=False),
        data("BUALT", _AMOUNT, "Amount Posted in Alternative Price Control", kept=False),
        data("SHKUM", char(1), "Debit/credit indicator in revaluation", kept=False),
        data("DMBUM", _AMOUNT, "Revaluation amount on back-posting to a previous period",
             kept=False),
        data("BWTAR", char(10), "Valuation Type", check_table="T149D", kept=False),
        data("MENGE", _QUANTITY, "Quantity", initial="0"),
        data("MEINS", unit(), "Base Unit of Measure", check_table="T006"),
        data("ERFMG", _QUANTITY, "Quantity in unit of entry", initial="0"),
        data("ERFME", unit(), "Unit of entry", element="", check_table="T006"),
        data("BPMNG", _QUANTITY, "Quantity in Purchase Order Price Unit", kept=False),
        data("BPRME", unit(), "Order Price Unit (Purchasing)", element="",
             check_table="T006", kept=False),
        # after the listings' part this declaration confirms (see notes), in SAP's order
        data("EBELN", char(10), "Purchase Order Number", check_table="EKKO"),
        data("EBELP", numc(5), "Item Number of Purchasing Document"),
        data("SGTXT", char(50), "Item Text"),
        data("UMWRK", char(4), "Receiving/Issuing Plant", check_table="T001W"),
        data("UMLGO", char(4), "Receiving/issuing storage location", check_table="T001L"),
        data("VBELN_IM", char(10), "Delivery"),
        data("VBELP_IM", numc(6), "Delivery Item"),
    ),
    source=("sapdatasheet.org, \"SAP ABAP Table WB2_MSEG (Document Segment: Material)\" "
            "(https://www.sapdatasheet.org/abap/tabl/wb2_mseg.html), which includes MSEG, "
            "fields MANDT to SOBKZ; docsfortec.com, \"MSEG - Document Segment: Material\" "
            "(https://docsfortec.com/sap/S4/tables/MSEG), fields SOBKZ to BPRME; leanx.eu, "
            "\"SAP Table MSEG\" (https://leanx.eu/en/sap/table/mseg.html)"),
    notes=("The fields from MANDT to BPRME are SAP's, in SAP's order (the part after SOBKZ "
           "from a listing of the S/4HANA table, whose lengths are in bytes; the character "
           "lengths here are half of them). EBELN, EBELP, SGTXT, UMWRK, UMLGO, VBELN_IM and "
           "VBELP_IM follow later in SAP's table, in this order but not next to each other; "
           "the other fields of ECC 6.0's MSEG (some 150 more) are not declared yet: the "
           "listings seen were cut off."),
    first_columns=("mandt", "mblnr", "mjahr", "zeile", "bwart", "matnr", "werks", "lgort",
                   "charg", "insmk", "sobkz", "kunnr", "lifnr", "shkzg", "menge", "meins",
                   "erfmg", "erfme", "ebeln", "ebelp", "kdauf", "kdpos", "vbeln_im",
                   "vbelp_im", "umwrk", "umlgo", "sgtxt"),
    own_columns=_item_indexes,
)

MSKU = TableDeclaration(
    "MSKU", "Special Stocks with Customer",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("MATNR", char(18), "Material Number", check_table="MARA"),
        key("WERKS", char(4), "Plant", element="WERKS_D", check_table="T001W"),
        key("CHARG", char(10), "Batch Number", element="CHARG_D"),
        key("SOBKZ", char(1), "Special Stock Indicator", check_table="T148"),
        key("KUNNR", char(10), "Account number of customer", element="",
            check_table="KNA1"),
        data("KULAB", _QUANTITY, "Valuated Unrestricted-Use Stock", initial="0"),
    ),
    source="no public listing of MSKU was found; the fields are those the emulator keeps",
    notes=("A subset of SAP's fields: the key and the unrestricted-use stock the emulator's "
           "consignment flows keep. No public listing of MSKU's full field list with types "
           "was found, so the other fields are not declared. A partial listing of MSKU's "
           "main fields without types (cnblogs.com, a page on SAP's stock tables, "
           "https://cnblogs.com/sap-ronny/articles/8340787.html) names MATNR, WERKS, "
           "CHARG, SOBKZ, KUNNR, LFGJA (fiscal year), LFMON (period), KUSPR (physical "
           "inventory block), KULAB, KUINS (stock in quality inspection) and ERSDA, in "
           "this order; public ABAP programs read MSKU-KUEIN (restricted-use stock) as "
           "well. Their types, lengths and places among SAP's other fields are not "
           "confirmed, so none of them is declared."),
    first_columns=("mandt", "matnr", "werks", "charg", "sobkz", "kunnr", "kulab"),
)

TABLES = (MKPF, MSEG, MSKU)
