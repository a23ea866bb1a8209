"""The emulator's log of recent SOAP-RFC calls, for the console: function, parameters,
RETURN rows, duration and error. SAP has no such table (its nearest relatives are the RFC
trace and the statistical records, which look different); this one is the emulator's own.

Keyed by a running number across clients (so that two server processes never pick the same
one) with MANDT beside it, so a client reset or delete removes the client's calls too. The
log is bounded: only the newest calls of a client are kept. Written only by
``fake_sap.rfc.call_log``.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, String, Table, Text

from fake_sap.db.schema import metadata

rfc_call_log = Table(
    "rfc_call_log",
    metadata,
    Column("call_id", Integer, primary_key=True, autoincrement=True),
    Column("mandt", String(3), nullable=False),
    Column("function", String(30), nullable=False),
    Column("uname", String(12), nullable=False, default=""),
    Column("called_at", DateTime(timezone=True), nullable=False),
    Column("duration_ms", Float, nullable=False),
    # the request's parameters and the RETURN rows, as JSON text (cut to a bounded length)
    Column("parameters", Text, nullable=False, default=""),
    Column("return_rows", Text, nullable=False, default=""),
    # the exception a failed call raised (its name and text); empty for a call that ran
    Column("error", String(255), nullable=False, default=""),
    Index("ix_rfc_call_log_client", "mandt", "call_id"),
)
