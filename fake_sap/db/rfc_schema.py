"""Tables of the SOAP-RFC side: SAP sessions, their update tasks, and per-client switches.

Defined on the one ``metadata`` of ``fake_sap.db.schema``, so ``create_schema()`` creates
them, and every table has MANDT, so a client reset or delete clears them with the rest.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, Index, Integer, String, Table

from fake_sap.db.schema import metadata

#: idle time after which a session ends and its uncommitted work is discarded (ICF default
#: session timeouts are in this range)
DEFAULT_SESSION_TIMEOUT_SECONDS = 1800

# A stateful SAP session, kept by the SAP_SESSIONID_<SID>_<client> cookie.
rfc_sessions = Table(
    "rfc_sessions",
    metadata,
    Column("session_id", String(64), primary_key=True),
    Column("mandt", String(3), nullable=False),
    Column("uname", String(12), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_used", Float, nullable=False),
    Index("ix_rfc_sessions_idle", "mandt", "last_used"),
)

# The update task: what write BAPIs registered and BAPI_TRANSACTION_COMMIT executes, in
# order. SAP keeps the same in VBHDR/VBMOD/VBDATA (function module name plus its data).
rfc_update_tasks = Table(
    "rfc_update_tasks",
    metadata,
    Column("session_id", String(64), primary_key=True),
    Column("counter", Integer, primary_key=True),
    Column("mandt", String(3), nullable=False),
    Column("function", String(30), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", Float, nullable=False),
)

# Per-client switches of the SOAP-RFC side (the clients table itself is not ours to widen).
rfc_client_settings = Table(
    "rfc_client_settings",
    metadata,
    Column("mandt", String(3), primary_key=True),
    # legacy clients: every call ends with an implicit COMMIT WORK
    Column("commit_every_call", Boolean, nullable=False, default=False),
    Column("session_timeout_seconds", Integer, nullable=False,
           default=DEFAULT_SESSION_TIMEOUT_SECONDS),
)
