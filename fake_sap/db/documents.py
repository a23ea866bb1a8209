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

from sqlalchemy import Column, Index, String, Table

from fake_sap.db.schema import metadata
from fake_sap.ddic.tables import sales, shipping


def _mandt() -> Column:
    return Column("mandt", String(3), primary_key=True)


def _key(name: str, length: int) -> Column:
    return Column(name, String(length), primary_key=True)


def _char(name: str, length: int) -> Column:
    return Column(name, String(length), nullable=False, default="")


def _num(name: str) -> Column:
    return Column(name, String(24), nullable=False, default="0")


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

mkpf = Table(
    "mkpf", metadata, _mandt(), _key("mblnr", 10), _key("mjahr", 4),
    _char("vgart", 2), _char("blart", 2), _char("bldat", 8), _char("budat", 8),
    _char("cpudt", 8), _char("cputm", 6), _char("usnam", 12), _char("xblnr", 16),
    _char("bktxt", 25), _char("le_vbeln", 10),
)

mseg = Table(
    "mseg", metadata, _mandt(), _key("mblnr", 10), _key("mjahr", 4), _key("zeile", 4),
    _char("bwart", 3), _char("matnr", 18), _char("werks", 4), _char("lgort", 4),
    _char("charg", 10), _char("insmk", 1), _char("sobkz", 1), _char("kunnr", 10),
    _char("lifnr", 10), _char("shkzg", 1), _num("menge"), _char("meins", 3),
    _num("erfmg"), _char("erfme", 3), _char("ebeln", 10), _char("ebelp", 5),
    _char("kdauf", 10), _char("kdpos", 6), _char("vbeln_im", 10), _char("vbelp_im", 6),
    _char("umwrk", 4), _char("umlgo", 4), _char("sgtxt", 50),
    Index("ix_mseg_delivery", "mandt", "vbeln_im"),
)

msku = Table(
    "msku", metadata, _mandt(), _key("matnr", 18), _key("werks", 4), _key("charg", 10),
    _key("sobkz", 1), _key("kunnr", 10),
    _num("kulab"),
)

ekko = Table(
    "ekko", metadata, _mandt(), _key("ebeln", 10),
    _char("bukrs", 4), _char("bstyp", 1), _char("bsart", 4), _char("aedat", 8),
    _char("ernam", 12), _char("lifnr", 10), _char("ekorg", 4), _char("ekgrp", 3),
    _char("waers", 5), _char("bedat", 8), _char("reswk", 4),
    # our / your reference: a caller's own document number travels here (OUR_REF, REF_1)
    _char("unsez", 12), _char("ihrez", 12),
    Index("ix_ekko_reference", "mandt", "unsez"),
)

ekpo = Table(
    "ekpo", metadata, _mandt(), _key("ebeln", 10), _key("ebelp", 5),
    _char("matnr", 18), _char("txz01", 40), _char("werks", 4), _char("lgort", 4),
    _num("menge"), _char("meins", 3), _num("netpr"), _char("pstyp", 1), _char("elikz", 1),
    _char("loekz", 1),
)

# --- FI: accounting documents ----------------------------------------------------------------

bkpf = Table(
    "bkpf", metadata, _mandt(), _key("bukrs", 4), _key("belnr", 10), _key("gjahr", 4),
    _char("blart", 2), _char("bldat", 8), _char("budat", 8), _char("monat", 2),
    _char("cpudt", 8), _char("cputm", 6), _char("usnam", 12), _char("xblnr", 16),
    _char("bktxt", 25), _char("waers", 5), _char("awtyp", 5), _char("awkey", 20),
    _char("awsys", 10), _char("stblg", 10),
    Index("ix_bkpf_reference", "mandt", "awkey"),
)

bseg = Table(
    "bseg", metadata, _mandt(), _key("bukrs", 4), _key("belnr", 10), _key("gjahr", 4),
    _key("buzei", 3),
    _char("bschl", 2), _char("koart", 1), _char("shkzg", 1), _num("wrbtr"), _num("dmbtr"),
    _char("hkont", 10), _char("kunnr", 10), _char("lifnr", 10), _char("sgtxt", 50),
    _char("zuonr", 18), _char("zfbdt", 8), _char("augbl", 10), _char("augdt", 8),
    _char("augcp", 8),
    Index("ix_bseg_customer", "mandt", "bukrs", "kunnr"),
    Index("ix_bseg_vendor", "mandt", "bukrs", "lifnr"),
)

# --- SIS: sales statistics S001 ----------------------------------------------------------------

s001 = Table(
    "s001", metadata, _mandt(), _key("ssour", 4), _key("vrsio", 3), _key("spmon", 6),
    _key("sptag", 8), _key("spwoc", 6), _key("spbup", 6), _key("kunnr", 10),
    _key("vkorg", 4), _key("vtweg", 2), _key("spart", 2), _key("matnr", 18),
    _char("stwae", 5), _char("basme", 3),
    _num("aenetwr"), _num("aemenge"), _num("anzaupos"),
    _num("renetwr"), _num("remenge"), _num("anzrepos"),
    _num("umnetwr"), _num("ummenge"), _num("oauwe"), _num("oaume"),
    _num("lfmenge"),
)
