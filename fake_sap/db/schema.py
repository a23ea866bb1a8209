"""Tables, named and shaped after the SAP tables they stand in for.

Every business table starts with MANDT: clients are isolated the way SAP isolates them.
Keys are stored in internal format (leading zeros), dates as DATS text ``YYYYMMDD`` and
amounts as canonical decimal text, exactly as they travel in IDocs, so reading a table back
(the monitor, RFC_READ_TABLE) needs no conversion.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    text,
)

from fake_sap.ddic.tables import customer as ddic_customer
from fake_sap.ddic.tables import idoc as ddic_idoc
from fake_sap.ddic.tables import material as ddic_material

metadata = MetaData()

#: SQLite only: rows stored in the b-tree of their composite primary key instead of beside
#: it, which saves the key's own page for every row written. For the tables an inbound
#: IDoc writes whose rows are far smaller than a page (not EDIDC, carrying the XML, nor
#: MARA, some 290 bytes a row: see revision 0016, which rebuilds them in older databases)
_WITHOUT_ROWID: dict[str, Any] = {"sqlite_with_rowid": False}


def _mandt() -> Column:
    return Column("mandt", String(3), primary_key=True)


# --- system ---------------------------------------------------------------------------------

clients = Table(
    "clients",
    metadata,
    _mandt(),
    Column("description", String(60), nullable=False, default=""),
    # WE20 strictness: off = accept IDocs from any logical system (documented default)
    Column("strict_partner_check", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

customizing = Table(
    "customizing",
    metadata,
    _mandt(),
    Column("tabname", String(30), primary_key=True),
    Column("tabkey", String(60), primary_key=True),
    Column("data", JSON, nullable=False),
)

number_ranges = Table(
    "number_ranges",
    metadata,
    _mandt(),
    Column("object", String(20), primary_key=True),
    Column("next_value", BigInteger, nullable=False),
)

# --- IDocs (EDIDC / EDIDS) ------------------------------------------------------------------

# Declared once, as SAP tables, in fake_sap.ddic.tables.idoc: SAP's fields and the emulator's
# own columns (the IDoc-XML, the object key, the dispatch bookkeeping), which are no SAP fields.
edidc = Table("edidc", metadata, *ddic_idoc.EDIDC.schema_items())
edids = Table("edids", metadata, *ddic_idoc.EDIDS.schema_items(), **_WITHOUT_ROWID)

# Inbound duplicate detection: one row per (sender, sender's DOCNUM). A primary key rather
# than a lookup, so that two workers racing on the same IDoc cannot both post it.
idoc_inbound_keys = Table(
    "idoc_inbound_keys",
    metadata,
    _mandt(),
    Column("sndprn", String(10), primary_key=True),
    Column("refint", String(16), primary_key=True),
    Column("docnum", String(16), nullable=False),
    **_WITHOUT_ROWID,
)

# ALE serialization: the newest SERIAL posted per object and message type.
idoc_serialization = Table(
    "idoc_serialization",
    metadata,
    _mandt(),
    Column("mestyp", String(30), primary_key=True),
    Column("objkey", String(70), primary_key=True),
    Column("serial", String(20), nullable=False),
    Column("docnum", String(16), nullable=False),
    **_WITHOUT_ROWID,
)

# --- ALE: partner profiles (WE20), ports (WE21), distribution model (BD64) ---------------------

partners = Table(
    "partners",
    metadata,
    _mandt(),
    Column("logsys", String(10), primary_key=True),
    Column("description", String(60), nullable=False, default=""),
    Column("port_url", String(500), nullable=True),
    Column("port_user", String(60), nullable=True),
    Column("port_password", String(120), nullable=True),
    # WE20 output mode: 1 = pass each IDoc immediately; more = collect up to this many IDocs
    # of one type into one IDoc-XML document per POST (still in order)
    Column("pack_size", Integer, nullable=False, default=1),
    # RSEOUT00's parallel processing: packets on their way to the port at once; 1 keeps
    # strict DOCNUM order, more lets packets overtake each other (the receiver serializes)
    Column("parallel_packets", Integer, nullable=False, default=1, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

partner_messages = Table(
    "partner_messages",
    metadata,
    _mandt(),
    Column("logsys", String(10), primary_key=True),
    Column("direction", String(3), primary_key=True),  # "out" or "in"
    Column("mestyp", String(30), primary_key=True),
)

# One dispatcher owns a partner's queue at a time, so IDocs reach it in order.
dispatch_leases = Table(
    "dispatch_leases",
    metadata,
    _mandt(),
    Column("logsys", String(10), primary_key=True),
    Column("owner", String(60), nullable=False),
    Column("until", Float, nullable=False),
)

# BDCP2: change pointers, written by every change of a distributed object.
bdcp2 = Table(
    "bdcp2",
    metadata,
    Column("cpident", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("mandt", String(3), nullable=False),
    Column("mestyp", String(30), nullable=False),
    Column("tabname", String(30), nullable=False),
    Column("tabkey", String(70), nullable=False),
    Column("cdchgid", String(1), nullable=False),  # I insert, U update, D delete
    Column("cretime", DateTime(timezone=True), nullable=False),
    Column("process", String(1), nullable=False, default=""),  # X once turned into IDocs
    # a client's open pointers (BD21; marked processed after each inbound IDoc): no statement
    # names a message type, so there is no index on it (each one costs every pointer written).
    # Every statement that uses the index asks for open pointers (PROCESS blank), so it holds
    # only those: it stays a page or so however many pointers were processed, where one on
    # all pointers wrote about two pages for every inbound IDoc.
    Index("ix_bdcp2_client_open", "mandt", "process",
          sqlite_where=text("process = ''"), postgresql_where=text("process = ''")),
)

# --- MM: material master, SD/FI: customer master -----------------------------------------------
# Declared once, as SAP tables, in fake_sap.ddic.tables: the columns, keys and initial values
# come from the declarations, which RFC_READ_TABLE and DDIF_FIELDINFO_GET read as well.

mara = Table("mara", metadata, *ddic_material.MARA.schema_items())
makt = Table("makt", metadata, *ddic_material.MAKT.schema_items(), **_WITHOUT_ROWID)
marc = Table("marc", metadata, *ddic_material.MARC.schema_items(), **_WITHOUT_ROWID)
mard = Table("mard", metadata, *ddic_material.MARD.schema_items(), **_WITHOUT_ROWID)
mbew = Table("mbew", metadata, *ddic_material.MBEW.schema_items(), **_WITHOUT_ROWID)
mvke = Table("mvke", metadata, *ddic_material.MVKE.schema_items(), **_WITHOUT_ROWID)
marm = Table("marm", metadata, *ddic_material.MARM.schema_items(), **_WITHOUT_ROWID)

kna1 = Table("kna1", metadata, *ddic_customer.KNA1.schema_items())
knvv = Table("knvv", metadata, *ddic_customer.KNVV.schema_items())
knvp = Table("knvp", metadata, *ddic_customer.KNVP.schema_items())
knb1 = Table("knb1", metadata, *ddic_customer.KNB1.schema_items())
knkk = Table("knkk", metadata, *ddic_customer.KNKK.schema_items())


def client_tables() -> list[Table]:
    """Tables that hold a client's data (wiped by a client reset), in dependency order."""
    return [t for t in metadata.sorted_tables if "mandt" in t.c]


# Document tables, the SOAP-RFC side and the test controls (business dates, injected faults)
# live in their own modules but belong to the same schema.
from fake_sap.db import clock_schema as _clock_schema  # noqa: E402,F401
from fake_sap.db import documents as _documents  # noqa: E402,F401
from fake_sap.db import faults_schema as _faults_schema  # noqa: E402,F401
from fake_sap.db import idoc_types_schema as _idoc_types_schema  # noqa: E402,F401
from fake_sap.db import iso_codes as _iso_codes  # noqa: E402,F401
from fake_sap.db import logon_schema as _logon_schema  # noqa: E402,F401
from fake_sap.db import rfc_call_log_schema as _rfc_call_log_schema  # noqa: E402,F401
from fake_sap.db import rfc_schema as _rfc_schema  # noqa: E402,F401
from fake_sap.db import state_version as _state_version  # noqa: E402,F401
