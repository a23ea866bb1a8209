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

from sqlalchemy import BigInteger, Column, String, Table

from fake_sap.db.schema import metadata
from fake_sap.ddic.tables import accounting, inventory, purchasing, sales, shipping, statistics


def _mandt() -> Column:
    return Column("mandt", String(3), primary_key=True)


def _key(name: str, length: int) -> Column:
    return Column(name, String(length), primary_key=True)


def _char(name: str, length: int) -> Column:
    return Column(name, String(length), nullable=False, default="")


# --- SD: sales documents ----------------------------------------------------------------------
# VBAK, VBAP, VBEP, VBUK, VBUP and VBFA are made from their dictionary declarations
# (fake_sap.ddic.tables.sales), LIKP and LIPS from theirs (fake_sap.ddic.tables.shipping)

vbak = Table("vbak", metadata, *sales.VBAK.schema_items())

vbap = Table("vbap", metadata, *sales.VBAP.schema_items())

vbep = Table("vbep", metadata, *sales.VBEP.schema_items())

#: partners of a sales document (POSNR 000000: header partners), e.g. WE when it is not AG
vbpa = Table(
    "vbpa", metadata, _mandt(), _key("vbeln", 10), _key("posnr", 6), _key("parvw", 2),
    _char("kunnr", 10),
)

vbuk = Table("vbuk", metadata, *sales.VBUK.schema_items())

vbup = Table("vbup", metadata, *sales.VBUP.schema_items())

# --- LE: deliveries ---------------------------------------------------------------------------

likp = Table("likp", metadata, *shipping.LIKP.schema_items())

lips = Table("lips", metadata, *shipping.LIPS.schema_items())

vbfa = Table("vbfa", metadata, *sales.VBFA.schema_items())

# --- MM: material documents, special stocks, purchasing ----------------------------------------

# declared once, as SAP tables, in fake_sap.ddic.tables.inventory and .purchasing
mkpf = Table("mkpf", metadata, *inventory.MKPF.schema_items())
mseg = Table("mseg", metadata, *inventory.MSEG.schema_items())
msku = Table("msku", metadata, *inventory.MSKU.schema_items())
ekko = Table("ekko", metadata, *purchasing.EKKO.schema_items())
ekpo = Table("ekpo", metadata, *purchasing.EKPO.schema_items())

# --- FI: accounting documents ----------------------------------------------------------------

# declared once, as SAP tables, in fake_sap.ddic.tables.accounting
bkpf = Table("bkpf", metadata, *accounting.BKPF.schema_items())
bseg = Table("bseg", metadata, *accounting.BSEG.schema_items())

# --- SIS: sales statistics S001 ----------------------------------------------------------------

# declared once, as an SAP table, in fake_sap.ddic.tables.statistics
s001 = Table("s001", metadata, *statistics.S001.schema_items())


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
