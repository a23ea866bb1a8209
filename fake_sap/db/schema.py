"""Tables, named and shaped after the SAP tables they stand in for.

Every business table starts with MANDT: clients are isolated the way SAP isolates them.
Keys are stored in internal format (leading zeros), dates as DATS text ``YYYYMMDD`` and
amounts as canonical decimal text, exactly as they travel in IDocs, so reading a table back
(the monitor, RFC_READ_TABLE) needs no conversion.
"""

from __future__ import annotations

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
    Text,
)

from fake_sap.ddic.tables import customer as ddic_customer
from fake_sap.ddic.tables import material as ddic_material

metadata = MetaData()


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

edidc = Table(
    "edidc",
    metadata,
    _mandt(),
    Column("docnum", String(16), primary_key=True),
    Column("direct", String(1), nullable=False),  # 1 outbound, 2 inbound
    Column("status", String(2), nullable=False),
    Column("idoctp", String(30), nullable=False, default=""),
    Column("cimtyp", String(30), nullable=False, default=""),
    Column("mestyp", String(30), nullable=False, default=""),
    Column("mescod", String(3), nullable=False, default=""),
    Column("mesfct", String(3), nullable=False, default=""),
    Column("sndpor", String(10), nullable=False, default=""),
    Column("sndprt", String(2), nullable=False, default=""),
    Column("sndprn", String(10), nullable=False, default=""),
    Column("rcvpor", String(10), nullable=False, default=""),
    Column("rcvprt", String(2), nullable=False, default=""),
    Column("rcvprn", String(10), nullable=False, default=""),
    Column("serial", String(20), nullable=False, default=""),
    Column("refint", String(16), nullable=False, default=""),  # the sender's DOCNUM
    Column("objkey", String(70), nullable=False, default=""),  # object the IDoc is about
    Column("credat", String(8), nullable=False),
    Column("cretim", String(6), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("xml", Text, nullable=False),
    # outbound dispatch bookkeeping
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", Float, nullable=True),
    Index("ix_edidc_status", "mandt", "status"),
    Index("ix_edidc_created", "mandt", "created_at"),
    Index("ix_edidc_outbound_queue", "direct", "status", "next_attempt_at"),
    # a partner's queue in DOCNUM order, read from the index instead of walking past every
    # IDoc the partner has ever been sent
    Index("ix_edidc_partner_queue", "mandt", "rcvprn", "direct", "status", "docnum"),
)

edids = Table(
    "edids",
    metadata,
    _mandt(),
    Column("docnum", String(16), primary_key=True),
    Column("countr", Integer, primary_key=True),
    Column("status", String(2), nullable=False),
    Column("logdat", String(8), nullable=False),
    Column("logtim", String(6), nullable=False),
    Column("statyp", String(1), nullable=False, default=""),
    Column("stamid", String(20), nullable=False, default=""),
    Column("stamno", String(3), nullable=False, default=""),
    Column("stapa1", String(50), nullable=False, default=""),
    Column("stapa2", String(50), nullable=False, default=""),
    Column("stapa3", String(50), nullable=False, default=""),
    Column("stapa4", String(50), nullable=False, default=""),
    Column("statxt", String(220), nullable=False, default=""),
    Column("segnum", String(6), nullable=False, default=""),
    Column("segfld", String(30), nullable=False, default=""),
)

# Inbound duplicate detection: one row per (sender, sender's DOCNUM). A primary key rather
# than a lookup, so that two workers racing on the same IDoc cannot both post it.
idoc_inbound_keys = Table(
    "idoc_inbound_keys",
    metadata,
    _mandt(),
    Column("sndprn", String(10), primary_key=True),
    Column("refint", String(16), primary_key=True),
    Column("docnum", String(16), nullable=False),
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
    Index("ix_bdcp2_open", "mandt", "mestyp", "process"),
    # a client's open pointers of any message type (marked processed after each inbound IDoc)
    Index("ix_bdcp2_client_open", "mandt", "process"),
)

# --- MM: material master, SD/FI: customer master -----------------------------------------------
# Declared once, as SAP tables, in fake_sap.ddic.tables: the columns, keys and initial values
# come from the declarations, which RFC_READ_TABLE and DDIF_FIELDINFO_GET read as well.

mara = Table("mara", metadata, *ddic_material.MARA.schema_items())
makt = Table("makt", metadata, *ddic_material.MAKT.schema_items())
marc = Table("marc", metadata, *ddic_material.MARC.schema_items())
mard = Table("mard", metadata, *ddic_material.MARD.schema_items())
mbew = Table("mbew", metadata, *ddic_material.MBEW.schema_items())
mvke = Table("mvke", metadata, *ddic_material.MVKE.schema_items())
marm = Table("marm", metadata, *ddic_material.MARM.schema_items())

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
from fake_sap.db import rfc_call_log_schema as _rfc_call_log_schema  # noqa: E402,F401
from fake_sap.db import rfc_schema as _rfc_schema  # noqa: E402,F401
from fake_sap.db import state_version as _state_version  # noqa: E402,F401
