"""Tables of the SOAP-RFC side: SAP sessions, their update tasks, transactional RFC units (TIDs)
and per-client switches.

Defined on the one ``metadata`` of ``fake_sap.db.schema``, so ``create_schema()`` creates
them, and every table has MANDT, so a client reset or delete clears them with the rest.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, Index, Integer, String, Table, Text, false

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
    # a SOAP-RFC service that keeps no session: no session cookie, and each call's
    # uncommitted work is discarded when the call ends (last, where its revision put it; a
    # server default, so that the rows of clients switched before it read False)
    Column("stateless", Boolean, nullable=False, default=False, server_default=false()),
)

# Transactional RFC on the receiving side: one row per unit (TID) a caller sent, so that a
# unit is executed at most once per client. Modelled on SAP's ARFCRSTATE ("Status of ARFC
# calls on receiver side"). SAP splits the TID into ARFCIPID, ARFCPID, ARFCTIME and
# ARFCTIDCNT; it is kept whole here because bgRFC unit IDs (32 characters) share the table.
# ARFCSTATE is RECORDED while the unit runs and EXECUTED once it is committed. The columns
# from ``owner`` on are the emulator's own (see docs/soap-rfc.md, "Transactional RFC").
arfcrstate = Table(
    "arfcrstate",
    metadata,
    Column("mandt", String(3), primary_key=True),
    Column("tid", String(32), primary_key=True),
    Column("arfcstate", String(8), nullable=False),
    # the first function module of the unit
    Column("arfcfnam", String(30), nullable=False),
    Column("arfcdatum", String(8), nullable=False),
    Column("arfcuzeit", String(6), nullable=False),
    Column("arfcuser", String(12), nullable=False),
    # how often the unit was started (a takeover after a crash counts)
    Column("arfcretrys", Integer, nullable=False),
    # emulator only: which execution holds the unit, and until when (a crashed one's hold
    # runs out, and the unit can be sent again)
    Column("owner", String(32), nullable=False),
    Column("lease_until", Float, nullable=False),
    # emulator only: the SOAP response of the executed unit, answered again on a resend
    Column("result", Text, nullable=True),
)
