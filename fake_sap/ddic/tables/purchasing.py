"""The purchasing document tables: EKKO (header) and EKPO (items), which hold the emulator's
stock transport orders.

Each declares, in SAP's order and with SAP's types and lengths, the leading fields its public
listing shows and, after them, the further fields the emulator keeps. The fields the emulator
never fills are declared not kept (no column; RFC_READ_TABLE reads them as their initial
value). What the listings do not confirm is said in each table's notes.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, LANG, char, cuky, curr, dec, numc, quan, unit

_STECHNO = ("stechno.net, \"SAP Table {name}\" "
            "(https://stechno.net/referentiel/sap-tables.html?id={name})")
_QUANTITY = quan(13)
_DAYS = dec(3)
_PERCENTAGE = dec(5, 3)
_CONVERSION = dec(5)


def _head() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client", check_table="T000"),
            key("EBELN", char(10), "Purchasing Document Number", check_table="EKKO"))


def _header_indexes() -> list[SchemaItem]:
    # a caller's own reference (OUR_REF) finds the order it already created
    return [Index("ix_ekko_reference", "mandt", "unsez")]


EKKO = TableDeclaration(
    "EKKO", "Purchasing Document Header",
    (
        *_head(),
        data("BUKRS", char(4), "Company Code", check_table="T001"),
        data("BSTYP", char(1), "Purchasing Document Category"),
        data("BSART", char(4), "Purchasing Document Type", check_table="T161"),
        data("BSAKZ", char(1), "Control indicator for purchasing document type", kept=False),
        data("LOEKZ", char(1), "Deletion Indicator in Purchasing Document", kept=False),
        data("STATU", char(1), "Status of Purchasing Document", kept=False),
        data("AEDAT", DATS, "Date on Which Record Was Created", element=""),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("PINCR", numc(5), "Item Number Interval", kept=False),
        data("LPONR", numc(5), "Last Item Number", check_table="EKPO", kept=False),
        data("LIFNR", char(10), "Vendor Account Number", check_table="LFA1"),
        data("SPRAS", LANG, "Language Key", check_table="T002", kept=False),
        data("ZTERM", char(4), "Terms of Payment Key", kept=False),
        data("ZBD1T", _DAYS, "Cash (Prompt Payment) Discount Days", kept=False),
        data("ZBD2T", _DAYS, "Cash (Prompt Payment) Discount Days", kept=False),
        data("ZBD3T", _DAYS, "Cash (Prompt Payment) Discount Days", kept=False),
        data("ZBD1P", _PERCENTAGE, "Cash Discount Percentage 1", kept=False),
        data("ZBD2P", _PERCENTAGE, "Cash Discount Percentage 2", kept=False),
        data("EKORG", char(4), "Purchasing Organization", check_table="T024E"),
        data("EKGRP", char(3), "Purchasing Group", element="", check_table="T024"),
        data("WAERS", cuky(), "Currency Key", check_table="TCURC"),
        data("WKURS", dec(9, 5), "Exchange Rate", kept=False),
        data("KUFIX", char(1), "Indicator: Fixing of Exchange Rate", kept=False),
        data("BEDAT", DATS, "Purchasing Document Date"),
        data("KDATB", DATS, "Start of Validity Period", kept=False),
        data("KDATE", DATS, "End of Validity Period", kept=False),
        data("BWBDT", DATS, "Closing Date for Applications", kept=False),
        data("ANGDT", DATS, "Deadline for Submission of Bid/Quotation", kept=False),
        data("BNDDT", DATS, "Binding Period for Quotation", kept=False),
        data("GWLDT", DATS, "Warranty Date", kept=False),
        data("AUSNR", char(10), "Bid invitation number", check_table="EKKO", kept=False),
        data("ANGNR", char(10), "Quotation Number", kept=False),
        data("IHRAN", DATS, "Quotation Submission Date", kept=False),
        data("IHREZ", char(12), "Your Reference"),
        data("VERKF", char(30), "Responsible Salesperson at Vendor's Office", kept=False),
        data("TELF1", char(16), "Vendor's Telephone Number", element="", kept=False),
        data("LLIEF", char(10), "Supplying Vendor", check_table="LFA1", kept=False),
        data("KUNNR", char(10), "Customer Number", check_table="KNA1", kept=False),
        # after the listing's part this declaration confirms (see notes), in SAP's order
        data("RESWK", char(4), "Supplying (Issuing) Plant in Stock Transport Order",
             check_table="T001W"),
        data("UNSEZ", char(12), "Our Reference"),
    ),
    source=(_STECHNO.format(name="EKKO") + ", fields MANDT to VERKF with types; "
            "beyondse16.com, \"Complete field list of SAP table EKKO - Purchasing Document "
            "Header\" (https://beyondse16.com/2020/04/16/complete-field-list-of-sap-table-"
            "ekko-purchasing-document-header/), the order of the fields after VERKF; "
            "docsfortec.com, \"EKKO - Purchasing Document Header\" "
            "(https://docsfortec.com/sap/S4/tables/EKKO), their lengths"),
    notes=("The fields from MANDT to KUNNR are SAP's, in SAP's order (the lengths of TELF1, "
           "LLIEF and KUNNR from a listing of the S/4HANA table, which gives bytes, two per "
           "character). RESWK (field 45 of ECC's EKKO) and UNSEZ follow later, in this "
           "order but not next to each other; the fields between and after them (KONNR, "
           "the Incoterms, KNUMV, the release strategy ... some 80 in ECC 6.0) are not "
           "declared yet: their types were not confirmed."),
    first_columns=("mandt", "ebeln", "bukrs", "bstyp", "bsart", "aedat", "ernam", "lifnr",
                   "ekorg", "ekgrp", "waers", "bedat", "reswk", "unsez", "ihrez"),
    own_columns=_header_indexes,
)

EKPO = TableDeclaration(
    "EKPO", "Purchasing Document Item",
    (
        *_head(),
        key("EBELP", numc(5), "Item Number of Purchasing Document", check_table="EKPO"),
        data("LOEKZ", char(1), "Deletion Indicator in Purchasing Document"),
        data("STATU", char(1), "RFQ status", kept=False),
        data("AEDAT", DATS, "Purchasing Document Item Change Date", element="", kept=False),
        data("TXZ01", char(40), "Short Text"),
        data("MATNR", char(18), "Material Number", check_table="MARA"),
        data("EMATN", char(18), "Material Number", element="", check_table="MARA",
             kept=False),
        data("BUKRS", char(4), "Company Code", check_table="T001", kept=False),
        data("WERKS", char(4), "Plant", element="", check_table="T001W"),
        data("LGORT", char(4), "Storage Location", element="LGORT_D", check_table="T001L"),
        data("BEDNR", char(10), "Requirement Tracking Number", kept=False),
        data("MATKL", char(9), "Material Group", check_table="T023", kept=False),
        data("INFNR", char(10), "Number of Purchasing Info Record", check_table="EINA",
             kept=False),
        data("IDNLF", char(35), "Material Number Used by Vendor", kept=False),
        data("KTMNG", _QUANTITY, "Target Quantity", kept=False),
        data("MENGE", _QUANTITY, "Purchase Order Quantity", element="", initial="0"),
        data("MEINS", unit(), "Purchase Order Unit of Measure", element="BSTME",
             check_table="T006"),
        data("BPRME", unit(), "Order Price Unit (Purchasing)", element="",
             check_table="T006", kept=False),
        data("BPUMZ", _CONVERSION, "Numerator for Conversion of Order Price Unit into Order "
                                   "Unit", kept=False),
        data("BPUMN", _CONVERSION, "Denominator for Conv. of Order Price Unit into Order "
                                   "Unit", kept=False),
        data("UMREZ", _CONVERSION, "Numerator for Conversion of Order Unit to Base Unit",
             element="", kept=False),
        data("UMREN", _CONVERSION, "Denominator for Conversion of Order Unit to Base Unit",
             element="", kept=False),
        data("NETPR", curr(11), "Net Price in Purchasing Document (in Document Currency)",
             element="", initial="0"),
        data("PEINH", _CONVERSION, "Price Unit", element="", kept=False),
        # NETWR (Net Order Value in PO Currency, CURR 13,2, data element BWERT) comes here
        # in SAP's table; see the notes
        data("BRTWR", curr(13), "Gross order value in PO currency", kept=False),
        data("AGDAT", DATS, "Deadline for Submission of Bid/Quotation", kept=False),
        data("WEBAZ", _DAYS, "Goods Receipt Processing Time in Days", kept=False),
        data("MWSKZ", char(2), "Sales Tax Code", kept=False),
        data("BONUS", char(2), "Settlement Group 1 (Purchasing)", kept=False),
        data("INSMK", char(1), "Stock Type", kept=False),
        data("SPINF", char(1), "Indicator: Update Info Record", kept=False),
        # after the listing's part this declaration confirms (see notes), in SAP's order
        data("ELIKZ", char(1), "\"Delivery Completed\" Indicator"),
        data("PSTYP", char(1), "Item Category in Purchasing Document"),
    ),
    source=(_STECHNO.format(name="EKPO") + "; leanx.eu, \"SAP Table EKPO\" "
            "(https://leanx.eu/en/sap/table/ekpo.html)"),
    notes=("The fields from MANDT to SPINF are SAP's, in SAP's order, as the listing shows "
           "them; ELIKZ and PSTYP follow later, in this order but not next to each other. "
           "The other fields of ECC 6.0's EKPO (some 250 more: reminders, tolerances, account "
           "assignment, confirmations ...) are not declared yet: the listings seen were cut "
           "off after SPINF. NETWR, between PEINH and BRTWR, is left out: in this "
           "dictionary a readable field named NETWR has the layout of the data element "
           "NETWR (CURR 15,2), which EKPO-NETWR (CURR 13,2, data element BWERT) does not "
           "have."),
    first_columns=("mandt", "ebeln", "ebelp", "matnr", "txz01", "werks", "lgort", "menge",
                   "meins", "netpr", "pstyp", "elikz", "loekz"),
)

TABLES = (EKKO, EKPO)
