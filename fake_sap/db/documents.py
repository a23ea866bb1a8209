"""Tables of SAP business documents: sales (VBAK/VBAP/VBEP/VBPA), statuses (VBUK/VBUP),
deliveries (LIKP/LIPS), document flow (VBFA), material documents (MKPF/MSEG), stock transport
orders (EKKO/EKPO), accounting documents (BKPF/BSEG), special stocks (MSKU) and sales
statistics (S001).

Same conventions as :mod:`fake_sap.db.schema`: MANDT first, keys in internal format, dates
as DATS text, quantities and amounts as canonical decimal text.

Each table has one writer module; everything else calls it (or only reads). The writer of
every table is named in :data:`fake_sap.db.writers.WRITERS`.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, String, Table

from fake_sap.db.schema import metadata
from fake_sap.ddic.tables import accounting as ddic_accounting
from fake_sap.ddic.tables import inventory as ddic_inventory
from fake_sap.ddic.tables import purchasing as ddic_purchasing
from fake_sap.ddic.tables import statistics as ddic_statistics


def _mandt() -> Column:
    return Column("mandt", String(3), primary_key=True)


def _key(name: str, length: int) -> Column:
    return Column(name, String(length), primary_key=True)


def _char(name: str, length: int) -> Column:
    return Column(name, String(length), nullable=False, default="")


def _num(name: str) -> Column:
    return Column(name, String(24), nullable=False, default="0")


# --- SD: sales documents ----------------------------------------------------------------------

vbak = Table(
    "vbak", metadata, _mandt(), _key("vbeln", 10),
    _char("auart", 4), _char("vbtyp", 1), _char("erdat", 8), _char("erzet", 6),
    _char("ernam", 12), _char("audat", 8), _char("vkorg", 4), _char("vtweg", 2),
    _char("spart", 2), _char("kunnr", 10), _char("bstnk", 35), _char("bstdk", 8),
    _char("vdatu", 8), _char("lifsk", 2), _char("faksk", 2), _char("augru", 3),
    _num("netwr"), _char("waerk", 5), _char("vgbel", 10), _char("vgtyp", 1),
    Index("ix_vbak_bstnk", "mandt", "bstnk"),
    Index("ix_vbak_kunnr", "mandt", "kunnr"),
)

vbap = Table(
    "vbap", metadata, _mandt(), _key("vbeln", 10), _key("posnr", 6),
    _char("matnr", 18), _char("arktx", 40), _char("pstyv", 4), _num("kwmeng"),
    _char("vrkme", 3), _char("meins", 3), _char("werks", 4), _char("lgort", 4),
    _char("vstel", 4), _num("netpr"), _num("netwr"), _char("waerk", 5), _char("vgbel", 10),
    _char("vgpos", 6), _char("abgru", 2),
    # the availability check sums open demand per material and plant
    Index("ix_vbap_material", "mandt", "matnr", "werks"),
)

vbep = Table(
    "vbep", metadata, _mandt(), _key("vbeln", 10), _key("posnr", 6), _key("etenr", 4),
    _char("edatu", 8), _num("wmeng"), _num("bmeng"), _char("lifsp", 2), _char("ettyp", 2),
)

#: partners of a sales document (POSNR 000000: header partners), e.g. WE when it is not AG
vbpa = Table(
    "vbpa", metadata, _mandt(), _key("vbeln", 10), _key("posnr", 6), _key("parvw", 2),
    _char("kunnr", 10),
)

vbuk = Table(
    "vbuk", metadata, _mandt(), _key("vbeln", 10),
    _char("vbtyp", 1), _char("gbstk", 1), _char("lfstk", 1), _char("lfgsk", 1),
    _char("wbstk", 1), _char("kostk", 1), _char("fkstk", 1), _char("cmgst", 1),
    _char("abstk", 1), _char("uvall", 1),
)

vbup = Table(
    "vbup", metadata, _mandt(), _key("vbeln", 10), _key("posnr", 6),
    _char("gbsta", 1), _char("lfsta", 1), _char("lfgsa", 1), _char("wbsta", 1),
    _char("fksta", 1), _char("absta", 1),
)

# --- LE: deliveries ---------------------------------------------------------------------------

likp = Table(
    "likp", metadata, _mandt(), _key("vbeln", 10),
    _char("lfart", 4), _char("vbtyp", 1), _char("vstel", 4), _char("vkorg", 4),
    _char("kunnr", 10), _char("kunag", 10), _char("erdat", 8), _char("erzet", 6),
    _char("ernam", 12), _char("lfdat", 8), _char("wadat", 8), _char("wadat_ist", 8),
    _char("werks", 4), _char("lifex", 35),
)

lips = Table(
    "lips", metadata, _mandt(), _key("vbeln", 10), _key("posnr", 6),
    _char("matnr", 18), _char("arktx", 40), _num("lfimg"), _char("vrkme", 3),
    _char("meins", 3), _char("werks", 4), _char("lgort", 4), _char("pstyv", 4),
    _char("vgbel", 10), _char("vgpos", 6), _char("vgtyp", 1),
    Index("ix_lips_reference", "mandt", "vgbel", "vgpos"),
)

vbfa = Table(
    "vbfa", metadata, _mandt(), _key("vbelv", 10), _key("posnv", 6), _key("vbeln", 10),
    _key("posnn", 6), _key("vbtyp_n", 1),
    _char("vbtyp_v", 1), _num("rfmng"), _char("meins", 3), _num("rfwrt"), _char("waers", 5),
    _char("plmin", 1), _char("bwart", 3), _char("mjahr", 4), _char("erdat", 8),
    _char("erzet", 6),
    Index("ix_vbfa_subsequent", "mandt", "vbeln"),
)

# --- MM: material documents, special stocks, purchasing ----------------------------------------

# declared once, as SAP tables, in fake_sap.ddic.tables.inventory and .purchasing
mkpf = Table("mkpf", metadata, *ddic_inventory.MKPF.schema_items())
mseg = Table("mseg", metadata, *ddic_inventory.MSEG.schema_items())
msku = Table("msku", metadata, *ddic_inventory.MSKU.schema_items())
ekko = Table("ekko", metadata, *ddic_purchasing.EKKO.schema_items())
ekpo = Table("ekpo", metadata, *ddic_purchasing.EKPO.schema_items())

# --- FI: accounting documents ----------------------------------------------------------------

# declared once, as SAP tables, in fake_sap.ddic.tables.accounting
bkpf = Table("bkpf", metadata, *ddic_accounting.BKPF.schema_items())
bseg = Table("bseg", metadata, *ddic_accounting.BSEG.schema_items())

# --- SIS: sales statistics S001 ----------------------------------------------------------------

# declared once, as an SAP table, in fake_sap.ddic.tables.statistics
s001 = Table("s001", metadata, *ddic_statistics.S001.schema_items())


# --- credit management: the open order value per customer (the emulator's own table) ----------

#: what the credit check counts as open orders of a sold-to party: the net value (VBAK-NETWR)
#: of its sales orders (category C) not yet completely delivered (VBUK-LFGSK not C), kept as a
#: running sum so that the check reads one row instead of every open order. Whole cents
#: (NETWR is CURR 15.2), so that adding stays exact on every database. Not an SAP table: SAP
#: keeps open order values per credit account and date in S066, whose shape this is not.
open_order_values = Table(
    "open_order_values", metadata, _mandt(), _key("kunnr", 10),
    Column("netwr_cents", BigInteger, nullable=False),
)
