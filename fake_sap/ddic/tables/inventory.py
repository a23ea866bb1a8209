"""The inventory management tables: MKPF (material document header), MSEG (material document
items) and MSKU (special stocks with customer).

Each declares SAP's ECC 6.0 field list in SAP's order, with the types its public listings show
and, where they stop, as a CREATE TABLE script of an ECC 6.0 system has them. The fields the
emulator never fills are declared not kept (no column; RFC_READ_TABLE reads them as their
initial value). What the sources do not confirm is said in each table's notes.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.tables.purchasing import MM_TYPES_FROM_SCRIPT
from fake_sap.ddic.tables.sales import ECC_SCRIPT
from fake_sap.ddic.types import CLNT, DATS, TIMS, char, cuky, curr, dec, numc, quan, unit

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
        data("EBELN", char(10), "Purchase Order Number", check_table="EKKO"),
        data("EBELP", numc(5), "Item Number of Purchasing Document"),
        data("LFBJA", char(4), "", kept=False),
        data("LFBNR", char(10), "", kept=False),
        data("LFPOS", char(4), "", kept=False),
        data("SJAHR", char(4), "", kept=False),
        data("SMBLN", char(10), "", kept=False),
        data("SMBLP", char(4), "", kept=False),
        data("ELIKZ", char(1), "", kept=False),
        data("SGTXT", char(50), "Item Text"),
        data("EQUNR", char(18), "", kept=False),
        data("WEMPF", char(12), "", kept=False),
        data("ABLAD", char(25), "", kept=False),
        data("GSBER", char(4), "", kept=False),
        data("KOKRS", char(4), "", kept=False),
        data("PARGB", char(4), "", kept=False),
        data("PARBU", char(4), "", kept=False),
        data("KOSTL", char(10), "", kept=False),
        data("PROJN", char(16), "", kept=False),
        data("AUFNR", char(12), "", kept=False),
        data("ANLN1", char(12), "", kept=False),
        data("ANLN2", char(4), "", kept=False),
        data("XSKST", char(1), "", kept=False),
        data("XSAUF", char(1), "", kept=False),
        data("XSPRO", char(1), "", kept=False),
        data("XSERG", char(1), "", kept=False),
        data("GJAHR", numc(4), "Fiscal Year", element="", kept=False),
        data("XRUEM", char(1), "", kept=False),
        data("XRUEJ", char(1), "", kept=False),
        data("BUKRS", char(4), "", kept=False),
        data("BELNR", char(10), "", kept=False),
        data("BUZEI", numc(3), "Number of Line Item Within Accounting Document", element="",
             kept=False),
        data("BELUM", char(10), "", kept=False),
        data("BUZUM", char(3), "", kept=False),
        data("RSNUM", char(10), "", kept=False),
        data("RSPOS", char(4), "", kept=False),
        data("KZEAR", char(1), "", kept=False),
        data("PBAMG", quan(13), "", kept=False),
        data("KZSTR", char(1), "", kept=False),
        data("UMMAT", char(18), "", kept=False),
        data("UMWRK", char(4), "Receiving/Issuing Plant", check_table="T001W"),
        data("UMLGO", char(4), "Receiving/issuing storage location", check_table="T001L"),
        data("UMCHA", char(10), "", kept=False),
        data("UMZST", char(1), "", kept=False),
        data("UMZUS", char(1), "", kept=False),
        data("UMBAR", char(10), "", kept=False),
        data("UMSOK", char(1), "", kept=False),
        data("KZBEW", char(1), "", kept=False),
        data("KZVBR", char(1), "", kept=False),
        data("KZZUG", char(1), "", kept=False),
        data("WEUNB", char(1), "", kept=False),
        data("PALAN", dec(11), "", kept=False),
        data("LGNUM", char(3), "", kept=False),
        data("LGTYP", char(3), "", kept=False),
        data("LGPLA", char(10), "", kept=False),
        data("BESTQ", char(1), "", kept=False),
        data("BWLVS", char(3), "", kept=False),
        data("TBNUM", char(10), "", kept=False),
        data("TBPOS", char(4), "", kept=False),
        data("XBLVS", char(1), "", kept=False),
        data("VSCHN", char(1), "", kept=False),
        data("NSCHN", char(1), "", kept=False),
        data("DYPLA", char(1), "", kept=False),
        data("UBNUM", char(10), "", kept=False),
        data("TBPRI", char(1), "", kept=False),
        data("TANUM", char(10), "", kept=False),
        data("WEANZ", char(3), "", kept=False),
        data("GRUND", char(4), "", kept=False),
        data("EVERS", char(2), "", kept=False),
        data("EVERE", char(2), "", kept=False),
        data("IMKEY", char(8), "", kept=False),
        data("KSTRG", char(12), "", kept=False),
        data("PAOBJNR", char(10), "", kept=False),
        data("PRCTR", char(10), "", kept=False),
        data("PS_PSP_PNR", char(8), "", kept=False),
        data("NPLNR", char(12), "", kept=False),
        data("AUFPL", char(10), "", kept=False),
        data("APLZL", char(8), "", kept=False),
        data("AUFPS", char(4), "", kept=False),
        data("VPTNR", char(10), "", kept=False),
        data("FIPOS", char(14), "", kept=False),
        data("SAKTO", char(10), "", kept=False),
        data("BSTMG", quan(13), "", kept=False),
        data("BSTME", unit(), "", kept=False),
        data("XWSBR", char(1), "", kept=False),
        data("EMLIF", char(10), "", kept=False),
        data("EXBWR", curr(13), "", kept=False),
        data("VKWRT", curr(13), "", kept=False),
        data("AKTNR", char(10), "", kept=False),
        data("ZEKKN", char(2), "", kept=False),
        data("VFDAT", DATS, "", kept=False),
        data("CUOBJ_CH", char(18), "", kept=False),
        data("EXVKW", curr(13), "", kept=False),
        data("PPRCTR", char(10), "", kept=False),
        data("RSART", char(1), "", kept=False),
        data("GEBER", char(10), "", kept=False),
        data("FISTL", char(16), "", kept=False),
        data("MATBF", char(18), "", kept=False),
        data("UMMAB", char(18), "", kept=False),
        data("BUSTM", char(4), "", kept=False),
        data("BUSTW", char(4), "", kept=False),
        data("MENGU", char(1), "", kept=False),
        data("WERTU", char(1), "", kept=False),
        data("LBKUM", quan(13), "", kept=False),
        data("SALK3", curr(13), "", kept=False),
        data("VPRSV", char(1), "", kept=False),
        data("FKBER", char(16), "", kept=False),
        data("DABRBZ", DATS, "", kept=False),
        data("VKWRA", curr(13), "", kept=False),
        data("DABRZ", DATS, "", kept=False),
        data("XBEAU", char(1), "", kept=False),
        data("LSMNG", quan(13), "", kept=False),
        data("LSMEH", unit(), "", kept=False),
        data("KZBWS", char(1), "", kept=False),
        data("QINSPST", char(1), "", kept=False),
        data("URZEI", char(4), "", kept=False),
        data("J_1BEXBASE", curr(13), "", kept=False),
        data("MWSKZ", char(2), "", kept=False),
        data("TXJCD", char(15), "", kept=False),
        data("EMATN", char(18), "", kept=False),
        data("J_1AGIRUPD", char(1), "", kept=False),
        data("VKMWS", char(2), "", kept=False),
        data("HSDAT", DATS, "", kept=False),
        data("BERKZ", char(1), "", kept=False),
        data("MAT_KDAUF", char(10), "", kept=False),
        data("MAT_KDPOS", char(6), "", kept=False),
        data("MAT_PSPNR", char(8), "", kept=False),
        data("XWOFF", char(1), "", kept=False),
        data("BEMOT", char(2), "", kept=False),
        data("PRZNR", char(12), "", kept=False),
        data("LLIEF", char(10), "", kept=False),
        data("LSTAR", char(6), "", kept=False),
        data("XOBEW", char(1), "", kept=False),
        data("GRANT_NBR", char(20), "", kept=False),
        data("ZUSTD_T156M", char(1), "", kept=False),
        data("SPE_GTS_STOCK_TY", char(1), "", kept=False),
        data("VBELN_IM", char(10), "Delivery"),
        data("VBELP_IM", numc(6), "Delivery Item"),
    ),
    source=("sapdatasheet.org, \"SAP ABAP Table WB2_MSEG (Document Segment: Material)\" "
            "(https://www.sapdatasheet.org/abap/tabl/wb2_mseg.html), which includes MSEG, "
            "fields MANDT to SOBKZ; docsfortec.com, \"MSEG - Document Segment: Material\" "
            "(https://docsfortec.com/sap/S4/tables/MSEG), fields SOBKZ to BPRME; leanx.eu, "
            "\"SAP Table MSEG\" (https://leanx.eu/en/sap/table/mseg.html); "
            + ECC_SCRIPT.format(names="MSEG")),
    notes=("SAP's ECC 6.0 field list. The fields from MANDT to BPRME have the types their "
           "listings give (the part after SOBKZ from a listing of the S/4HANA table, whose "
           "lengths are in bytes; the character lengths here are half of them); the script's "
           "system lacks MAA_URZEI, which a later enhancement package added. The fields from "
           "EBELN to SPE_GTS_STOCK_TY are taken from the script, EBELN, EBELP, SGTXT, UMWRK "
           "and UMLGO among them with the types the emulator has always given them. VBELN_IM "
           "and VBELP_IM (the delivery and its item, which the emulator keeps) come from "
           "a later enhancement package than the script's system and are declared last; the "
           "other fields of later enhancement packages (the copies of MKPF's fields, the "
           "segmentation fields ...) and their places among SAP's fields are not confirmed "
           "and not declared. GJAHR and BUZEI, the fiscal year and line item of the "
           "accounting document (next to BUKRS and BELNR), are NUMC 4 and NUMC 3: the data "
           "elements GJAHR and BUZEI of those names and texts are so in stechno.net's and "
           "leanx.eu's listings of BSEG and RFUMS_BSEG; the other item numbers and years "
           "after BPRME (LFBJA, LFPOS, SJAHR, SMBLP, BUZUM, RSPOS, URZEI, ZEKKN ...) stay "
           "CHAR, as no listing seen confirms their types. " + MM_TYPES_FROM_SCRIPT),
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
        data("LFGJA", numc(4), "Fiscal Year of Current Period", element="", kept=False),
        data("LFMON", numc(2), "Current period (posting period)", element="", kept=False),
        data("KUSPR", char(1), "", kept=False),
        data("KULAB", _QUANTITY, "Valuated Unrestricted-Use Stock", initial="0"),
        data("KUINS", quan(13), "", kept=False),
        data("KUVLA", quan(13), "", kept=False),
        data("KUVIN", quan(13), "", kept=False),
        data("KUILL", char(3), "", kept=False),
        data("KUILQ", char(3), "", kept=False),
        data("KUVLL", char(3), "", kept=False),
        data("KUVLQ", char(3), "", kept=False),
        data("KUFLL", char(3), "", kept=False),
        data("KUFLQ", char(3), "", kept=False),
        data("KUDLL", DATS, "", kept=False),
        data("KUEIN", quan(13), "", kept=False),
        data("KUVEI", quan(13), "", kept=False),
        data("ERSDA", DATS, "", kept=False),
        data("KUJIN", char(4), "", kept=False),
        data("KURUE", char(1), "", kept=False),
    ),
    source=(ECC_SCRIPT.format(names="MSKU") + "; cnblogs.com, a page on SAP's stock tables "
            "(https://cnblogs.com/sap-ronny/articles/8340787.html), the same fields from "
            "MATNR to ERSDA by name"),
    notes=("SAP's ECC 6.0 field list, its key as the script's primary key. The key and KULAB "
           "keep the types and texts the emulator has always given them; the other fields "
           "are typed from the script (the cnblogs.com page names LFGJA the fiscal year and "
           "LFMON the period; KUDLL and ERSDA are declared DATS). LFGJA and LFMON are NUMC 4 "
           "and NUMC 2: paspas.io, \"MSCA\" (https://paspas.io/table/MSCA), the same fields of "
           "the vendor-side twin of MSKU, gives them the domains GJAHR and MONAT with these "
           "short texts, and sapdatasheet.org, data element LFGJA, types GJAHR NUMC 4 (MONAT "
           "is NUMC 2 in datapanda.eu's listings, e.g. ACCBAPIFD5-FIS_PERIOD). KUJIN, by its "
           "name a fiscal year too, stays CHAR 4: no listing seen confirms it. "
           + MM_TYPES_FROM_SCRIPT),
    first_columns=("mandt", "matnr", "werks", "charg", "sobkz", "kunnr", "kulab"),
)

TABLES = (MKPF, MSEG, MSKU)
