"""The delivery tables: LIKP (header) and LIPS (items).

Each declares the fields the public listings consulted confirm, in SAP's order (ECC 6.0),
and after them the fields the emulator keeps whose place the listings do not show. The
fields no process here fills are declared not kept (``kept=False``): RFC_READ_TABLE reads
them as their initial value and DDIF_FIELDINFO_GET describes them, but they have no column.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, TIMS, char, dec, numc, quan, unit

_LIKP_SOURCE = (
    "datapanda.eu, \"SAP Table LIKP (SD Document: Delivery Header Data)\" "
    "(https://datapanda.eu/en/sap/table/LIKP: MANDT to VBTYP in SAP's order with types, "
    "lengths, check tables and data elements); se80.co.uk, \"LIKP SAP (SD Document: Delivery "
    "Header Data) Table details\" (http://www.se80.co.uk/saptables/l/likp/likp.htm: the ECC "
    "short texts and check tables); sapdatasheet.org, \"SAP ABAP Table BAPIDLVHDR (BAPI "
    "Structure Delivery Header Analog LIKP)\" (the same fields with their ECC lengths)")
_LIKP_NOTES = (
    "LIKP's fields after VBTYP are not confirmed in their order by the listings read: only "
    "those the emulator keeps are declared, after VBTYP (KUNNR, KUNAG, WADAT_IST, WERKS, "
    "LIFEX), with the types the emulator has always given them; their place among SAP's "
    "fields is not confirmed. VBELN (data element VBELN_VL), KUNNR (the ship-to party, "
    "KUNWE) and WERKS are not linked to a data element.")

_LIPS_SOURCE = (
    "leanx.eu, \"SAP Table LIPS\" (https://leanx.eu/en/sap/table/lips.html: MANDT to UEBTO "
    "in SAP's order with data elements, check tables, types, lengths and decimals); "
    "erpexplorer.com, \"LIPS\" (https://erpexplorer.com/sap/r3/table/LIPS: the same up to "
    "KZTLF); datapanda.eu, \"SAP table LIPS\" (https://datapanda.eu/nl/sap/table/LIPS: "
    "UEBTO's type)")
_LIPS_NOTES = (
    "LIPS's fields after UEBTO are not confirmed in their order by the listings read: only "
    "those the emulator keeps are declared, after UEBTO (ARKTX, VGBEL, VGPOS, VGTYP), with "
    "the types the emulator has always given them; their place among SAP's fields is not "
    "confirmed. VBELN (data element VBELN_VL) and PSTYV (PSTYV_VL) are not linked to a data "
    "element.")


def _lips_indexes() -> Sequence[SchemaItem]:
    return (Index("ix_lips_reference", "mandt", "vgbel", "vgpos"),)


LIKP = TableDeclaration(
    "LIKP", "SD Document: Delivery Header Data",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Delivery", element="", check_table="VBUK"),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("ERZET", TIMS, "Entry time"),
        data("ERDAT", DATS, "Date on Which Record Was Created"),
        data("BZIRK", char(6), "Sales district", check_table="T171", kept=False),
        data("VSTEL", char(4), "Shipping Point/Receiving Point", check_table="TVST"),
        data("VKORG", char(4), "Sales Organization", check_table="TVKO"),
        data("LFART", char(4), "Delivery Type", check_table="TVLK"),
        data("AUTLF", char(1), "Complete delivery defined for each sales order?", kept=False),
        data("KZAZU", char(1), "Order combination indicator", kept=False),
        data("WADAT", DATS, "Planned goods movement date"),
        data("LDDAT", DATS, "Loading Date", kept=False),
        data("TDDAT", DATS, "Transportation Planning Date", kept=False),
        data("LFDAT", DATS, "Delivery Date"),
        data("KODAT", DATS, "Picking Date", kept=False),
        data("ABLAD", char(25), "Unloading Point", kept=False),
        data("INCO1", char(3), "Incoterms (part 1)", check_table="TINC", kept=False),
        data("INCO2", char(28), "Incoterms (part 2)", kept=False),
        data("EXPKZ", char(1), "Export indicator", kept=False),
        data("ROUTE", char(6), "Route", check_table="TVRO", kept=False),
        data("FAKSK", char(2), "Billing block in SD document", check_table="TVFS", kept=False),
        data("LIFSK", char(2), "Delivery block (document header)", check_table="TVLS", kept=False),
        data("VBTYP", char(1), "SD document category"),
        data("KUNNR", char(10), "Ship-to party", element=""),
        data("KUNAG", char(10), "Sold-to party"),
        data("WADAT_IST", DATS, "Actual Goods Movement Date"),
        data("WERKS", char(4), "Receiving plant for deliveries", element=""),
        data("LIFEX", char(35), "External Identification of Delivery Note"),
    ),
    source=_LIKP_SOURCE,
    notes=_LIKP_NOTES,
    first_columns=("mandt", "vbeln", "lfart", "vbtyp", "vstel", "vkorg", "kunnr", "kunag",
                   "erdat", "erzet", "ernam", "lfdat", "wadat", "wadat_ist", "werks", "lifex"),
)


LIPS = TableDeclaration(
    "LIPS", "SD document: Delivery: Item data",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("VBELN", char(10), "Delivery", element="", check_table="VBUK"),
        key("POSNR", numc(6), "Delivery Item", check_table="VBUP"),
        data("PSTYV", char(4), "Delivery item category", element="", check_table="TVPT"),
        data("ERNAM", char(12), "Name of Person who Created the Object", kept=False),
        data("ERZET", TIMS, "Entry time", kept=False),
        data("ERDAT", DATS, "Date on Which Record Was Created", kept=False),
        data("MATNR", char(18), "Material Number", check_table="MARA"),
        data("MATWA", char(18), "Material entered", check_table="MARA", kept=False),
        data("MATKL", char(9), "Material Group", check_table="T023", kept=False),
        data("WERKS", char(4), "Plant", element="WERKS_D", check_table="T001W"),
        data("LGORT", char(4), "Storage Location", element="LGORT_D", check_table="T001L"),
        data("CHARG", char(10), "Batch Number", element="CHARG_D", check_table="MCHA", kept=False),
        data("LICHN", char(15), "Vendor Batch Number", kept=False),
        data("KDMAT", char(35), "Material belonging to the customer", kept=False),
        data("PRODH", char(18), "Product hierarchy", check_table="T179", kept=False),
        data("LFIMG", quan(13), "Actual quantity delivered (in sales units)", initial="0"),
        data("MEINS", unit(), "Base Unit of Measure", check_table="T006"),
        data("VRKME", unit(), "Sales unit", check_table="T006"),
        data("UMVKZ", dec(5), "Numerator (factor) for conversion of sales quantity into SKU",
             kept=False),
        data("UMVKN", dec(5), "Denominator (Divisor) for Conversion of Sales Qty into SKU",
             kept=False),
        data("NTGEW", quan(15), "Net weight", kept=False),
        data("BRGEW", quan(15), "Gross weight", kept=False),
        data("GEWEI", unit(), "Weight Unit", check_table="T006", kept=False),
        data("VOLUM", quan(15), "Volume", kept=False),
        data("VOLEH", unit(), "Volume unit", check_table="T006", kept=False),
        data("KZTLF", char(1), "Partial delivery at item level", kept=False),
        data("UEBTK", char(1), "Indicator: Unlimited Overdelivery Allowed", kept=False),
        data("UEBTO", dec(3, 1), "Overdelivery Tolerance Limit", kept=False),
        data("ARKTX", char(40), "Short text for sales order item"),
        data("VGBEL", char(10), "Document number of the reference document"),
        data("VGPOS", numc(6), "Item number of the reference item"),
        data("VGTYP", char(1), "Document category of preceding SD document"),
    ),
    source=_LIPS_SOURCE,
    notes=_LIPS_NOTES,
    first_columns=("mandt", "vbeln", "posnr", "matnr", "arktx", "lfimg", "vrkme", "meins",
                   "werks", "lgort", "pstyv", "vgbel", "vgpos", "vgtyp"),
    own_columns=_lips_indexes,
)

TABLES: tuple[TableDeclaration, ...] = (LIKP, LIPS)
