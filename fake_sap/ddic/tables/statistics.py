"""The sales information system's customer statistics: the info structure S001.

S001 is an LIS info structure, stored in a transparent table of the same name; its fields
are declared here from its SE11 field list, in SAP's order, with SAP's types and lengths.
The emulator updates the incoming-order and returns figures; the other key figures are
declared not kept. The shipped quantity the emulator adds up beside them is not an S001
field: it is the table's own column, never readable.
"""

from __future__ import annotations

from sqlalchemy import Column, String
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import PACKED_TEXT_LENGTH, TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, char, cuky, curr, dec, numc, quan, unit

_VALUE = curr(19)
_QUANTITY = quan(15)
_COUNT = dec(9)
#: the data elements MC_AEKZWI1 ... MC_GUKZWI6 (domain WERTV9)
_SUBTOTAL = curr(17)


#: the pricing subtotal key figures, in S001's order: for each subtotal 1 to 6, incoming
#: orders (AE), invoiced sales (UM), incoming returns (RE) and credit memos (GU)
_SUBTOTAL_TEXTS = {
    "AE": ("Incoming orders: gross", "Incoming orders: net 1", "Incoming orders: net 2",
           "Incoming orders: freight", "Incoming orders: pricing subtotal 5",
           "Incoming orders: pricing subtotal 6"),
    "UM": ("Invoiced sales: gross", "Invoiced sales: net 1", "Invoiced sales: net 2",
           "Invoice freight charges", "Billing document: pricing subtotal 5",
           "Billing document: pricing subtotal 6"),
    "RE": ("Incoming returns: gross", "Incoming returns: net 1", "Incoming returns: net 2",
           "Incoming returns: freight", "Incoming returns: pricing subtotal 5",
           "Incoming returns: pricing subtotal 6"),
    "GU": ("Credit memos: gross", "Credit memos: net 1", "Credit memos: net 2",
           "Credit memos: freight", "Credit memos: pricing subtotal 5",
           "Credit memos: pricing subtotal 6"),
}


def _subtotals() -> tuple:  # type: ignore[type-arg]
    return tuple(data(f"{prefix}KZWI{number}", _SUBTOTAL, texts[number - 1], kept=False)
                 for number in range(1, 7)
                 for prefix, texts in _SUBTOTAL_TEXTS.items())


def _shipped_quantity() -> list[SchemaItem]:
    # LFMENGE: the quantity shipped by goods issues for deliveries, kept because the CRM's
    # analyses want shipments; S001 has no such key figure (SAP keeps shipping statistics
    # in other info structures), so it is no field of the table
    return [Column("lfmenge", String(PACKED_TEXT_LENGTH), nullable=False, default="0")]


S001 = TableDeclaration(
    "S001", "SIS: Customer Statistics",
    (
        key("MANDT", CLNT, "Client", check_table="T000"),
        key("SSOUR", char(4), "Statistic(s) origin"),
        key("VRSIO", char(3), "Version number in the information structure"),
        key("SPMON", numc(6), "Period to analyze - month"),
        key("SPTAG", DATS, "Period to analyze - current date"),
        key("SPWOC", numc(6), "Period to analyze - week"),
        key("SPBUP", numc(6), "Period to analyze - posting period"),
        key("KUNNR", char(10), "Sold-to party", element="", check_table="KNA1"),
        key("VKORG", char(4), "Sales Organization", check_table="TVKO"),
        key("VTWEG", char(2), "Distribution Channel", check_table="TVTW"),
        key("SPART", char(2), "Division", check_table="TSPA"),
        key("MATNR", char(18), "Material Number", check_table="MARA"),
        data("PERIV", char(2), "Fiscal Year Variant", check_table="T009", kept=False),
        data("VWDAT", numc(10), "Pointer to administrative data", kept=False),
        data("STWAE", cuky(), "Statistics currency", element=""),
        data("BASME", unit(), "Base Unit of Measure", element="MEINS"),
        data("AENETWR", _VALUE, "Net value of incoming orders", initial="0"),
        data("UMNETWR", _VALUE, "Net value of invoiced sales", initial="0"),
        data("OAUWE", _VALUE, "Open net value of orders", initial="0"),
        data("RENETWR", _VALUE, "Net value of incoming returns", initial="0"),
        data("GUNETWR", _VALUE, "Net value of credit memos", kept=False),
        data("AEMENGE", _QUANTITY, "Incoming orders quantity", initial="0"),
        data("UMMENGE", _QUANTITY, "Sales quantity", initial="0"),
        data("OAUME", _QUANTITY, "Open orders quantity in base unit of measure",
             initial="0"),
        data("REMENGE", _QUANTITY, "Returns Quantity", initial="0"),
        data("GUMENGE", _QUANTITY, "Credit memos quantity", kept=False),
        data("ANZAUPOS", _COUNT, "Number of order items", initial="0"),
        data("ANZREPOS", _COUNT, "No.of returns items", initial="0"),
        data("AEWAVWR", _VALUE, "Cost of incoming orders", kept=False),
        data("UMWAVWR", _VALUE, "Cost of invoiced sales", kept=False),
        data("REWAVWR", _VALUE, "Incoming returns: cost", kept=False),
        data("GUWAVWR", _VALUE, "Credit memos: cost", kept=False),
        # the pricing subtotals 1 to 6 (KZWI1 ... KZWI6 of the pricing procedure) of orders,
        # sales, returns and credit memos, subtotal by subtotal
        *_subtotals(),
    ),
    source=("leanx.eu, \"SAP Table S001\" (https://leanx.eu/en/sap/table/s001.html); "
            "sapdatasheet.org, \"SAP ABAP Table S001 (SIS: Customer Statistics)\" "
            "(https://www.sapdatasheet.org/abap/tabl/s001.html), which agree on the fields "
            "MANDT to GUWAVWR, their order, types and lengths; paspas.io, \"S001BIW2\" "
            "(https://paspas.io/table/S001BIW2), the pricing subtotals AEKZWI1 ... GUKZWI6 "
            "after GUWAVWR with their texts; sapdatasheet.org, data elements MC_GUKZWI5 "
            "(https://www.sapdatasheet.org/abap/dtel/mc_gukzwi5.html) and AEKZWI1_D, CURR "
            "17,2 (domain WERTV9), the subtotals' type"),
    notes=("S001 is an info structure of the logistics information system; SE11 shows it as "
           "a transparent table, which is what RFC_READ_TABLE reads. The fields from MANDT "
           "to GUWAVWR are SAP's in SAP's order. The 24 pricing subtotals (subtotal 1 to 6 "
           "of incoming orders, invoiced sales, incoming returns and credit memos) follow "
           "in the order of S001BIW2, the BW extract structure of S001, which lists "
           "S001's key figures in S001's order (the leanx.eu listing of S001 goes on after "
           "GUWAVWR with a field starting with A; the rest of it was not seen). That no "
           "field follows GUKZWI6 in ECC 6.0's S001 is not confirmed by a listing of S001 "
           "itself. Their texts are those of paspas.io's S001BIW2 listing; their type, CURR "
           "17,2, is that of the data elements MC_GUKZWI5 and AEKZWI1_D (sapdatasheet.org), "
           "the other data elements MC_AEKZWI1 ... are taken to be the same. MATNR is CHAR "
           "18 as in ECC 6.0 (S/4HANA listings show CHAR 40). The emulator keeps the "
           "delivered quantity beside the figures in a column of its own, which is no S001 "
           "field and cannot be read."),
    first_columns=("mandt", "ssour", "vrsio", "spmon", "sptag", "spwoc", "spbup", "kunnr",
                   "vkorg", "vtweg", "spart", "matnr", "stwae", "basme", "aenetwr", "aemenge",
                   "anzaupos", "renetwr", "remenge", "anzrepos", "umnetwr", "ummenge",
                   "oauwe", "oaume"),
    own_columns=_shipped_quantity,
)

TABLES = (S001,)
