"""The emulator's log of recent SOAP-RFC calls (see :mod:`fake_sap.db.rfc_call_log_schema`):
what the console shows as "recent RFC calls".

Layer: RFC edge. The one writer of ``rfc_call_log``. The SOAP-RFC path records each call
after it ran, or, for a call that commits an SAP LUW (BAPI_TRANSACTION_COMMIT), within the
commit's own database transaction, and for a call whose function module knows its answer
when it registers its update task (the sales-document create BAPIs), within that
registration's transaction, and for a call that began a new SAP session and wrote nothing
else (a logon by RFC_PING, a call that reads), within the transaction that writes the
session's row, so that the log costs such a call no transaction of its own; its duration
is then measured up to that transaction. The console reads the newest ones.
The log is bounded: every :data:`PRUNE_EVERY` calls the calls of the client beyond the
newest :data:`KEEP` are deleted.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from fake_sap import clock
from fake_sap.db.engine import Database
from fake_sap.db.rfc_call_log_schema import rfc_call_log

log = logging.getLogger(__name__)

#: calls kept per client
KEEP = 200
#: how often (in calls, across clients) the old calls are deleted
PRUNE_EVERY = 50
#: the longest JSON text kept of the parameters or the RETURN rows
MAX_TEXT = 4000


@dataclass(frozen=True)
class RfcCall:
    call_id: int
    function: str
    user: str
    called_at: datetime
    duration_ms: float
    parameters: str
    return_rows: list[dict[str, Any]]
    error: str


def as_text(value: object) -> str:
    """JSON text of ``value``, cut to :data:`MAX_TEXT` characters (marked with "...")."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "..."


def return_rows(outputs: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The RETURN parameter of a function's result, as a list of rows (BAPIs return one
    structure or a table of BAPIRET2 rows; most other functions have none)."""
    value = outputs.get("RETURN")
    if isinstance(value, Mapping):
        rows = [dict(value)]
    elif isinstance(value, list):
        rows = [dict(r) for r in value if isinstance(r, Mapping)]
    else:
        return []
    # an initial RETURN structure (no type, no message; NUMC fields still read 000) says
    # nothing
    return [r for r in rows if str(r.get("TYPE", "")).strip() or
            str(r.get("MESSAGE", "")).strip()]


#: the statements of :func:`record`, built once (bound per call): the row, and now and then
#: the prune, one DELETE below the oldest call kept (none when the client has fewer calls)
_INSERT = insert(rfc_call_log)
_OLDEST_KEPT = (select(rfc_call_log.c.call_id)
                .where(rfc_call_log.c.mandt == bindparam("mandt"))
                .order_by(rfc_call_log.c.call_id.desc()).offset(KEEP - 1).limit(1)
                .scalar_subquery())
_PRUNE = delete(rfc_call_log).where(rfc_call_log.c.mandt == bindparam("mandt"),
                                    rfc_call_log.c.call_id < _OLDEST_KEPT)


def entry(mandt: str, function: str, user: str, duration_ms: float,
          parameters: Mapping[str, Any], outputs: Mapping[str, Any] | None,
          error: str = "") -> dict[str, Any]:
    """The row of one call (``outputs`` is None for a call that failed with ``error``)."""
    rows = return_rows(outputs) if outputs is not None else []
    return {"mandt": mandt, "function": function[:30], "uname": user[:12],
            "called_at": clock.system_now(), "duration_ms": duration_ms,
            "parameters": as_text(dict(parameters)),
            "return_rows": as_text(rows) if rows else "", "error": error[:255]}


def write(conn: Connection, values: Mapping[str, Any]) -> int:
    """Insert an :func:`entry` in the caller's transaction (and now and then prune the
    client's old calls); returns the call's id."""
    inserted = conn.execute(_INSERT, values).inserted_primary_key
    assert inserted is not None
    call_id: int = inserted[0]
    if call_id % PRUNE_EVERY == 0:
        conn.execute(_PRUNE, {"mandt": values["mandt"]})
    return call_id


def record(db: Database, mandt: str, function: str, user: str, duration_ms: float,
           parameters: Mapping[str, Any], outputs: Mapping[str, Any] | None,
           error: str = "") -> None:
    """Log one call (``outputs`` is None for a call that failed with ``error``)."""
    values = entry(mandt, function, user, duration_ms, parameters, outputs, error)
    with db.write() as conn:
        write(conn, values)


def amend(db: Database, call_id: int, outputs: Mapping[str, Any] | None,
          error: str = "") -> None:
    """Correct what a logged call returned (its RETURN rows and error): for a call logged
    in its commit's transaction whose outcome was known only after the commit."""
    rows = return_rows(outputs) if outputs is not None else []
    with db.write() as conn:
        conn.execute(update(rfc_call_log).where(rfc_call_log.c.call_id == call_id).values(
            return_rows=as_text(rows) if rows else "", error=error[:255]))


@dataclass
class CallEntry:
    """One SOAP-RFC call's row: written in the transaction of the commit the call makes
    (it is the call's :class:`fake_sap.rfc.call.CommitLog`), or else after the call. A call
    has done its work (and committed) by the time it is logged: a failure to log it must not
    turn its answer into a fault, so it is only reported."""

    db: Database
    mandt: str
    function: str
    user: str
    #: ``time.perf_counter()`` when the call was received
    started: float
    #: the call's parameters (empty until they are decoded)
    values: dict[str, Any] = field(default_factory=dict)
    #: the row written in a commit's transaction, and the outputs it was written with
    written: tuple[int, Mapping[str, Any] | None] | None = None
    #: that row, once its commit is durable
    logged: tuple[int, Mapping[str, Any] | None] | None = None

    def _row(self, outputs: Mapping[str, Any] | None, error: str = "") -> dict[str, Any]:
        return entry(self.mandt, self.function, self.user,
                     (time.perf_counter() - self.started) * 1000, self.values, outputs, error)

    def write(self, conn: Connection, outputs: Mapping[str, Any] | None) -> None:
        if self.logged is not None:
            return
        try:
            values = self._row(outputs)
        except Exception:
            # the commit must not fail for its log: the row is written after the call
            log.warning("could not log the call of %s", self.function, exc_info=True)
            return
        self.written = (write(conn, values), outputs)

    def committed(self) -> None:
        if self.logged is None:
            self.logged = self.written

    def log(self, outputs: Mapping[str, Any] | None, error: str = "") -> None:
        """After the call (``outputs`` None: it failed with ``error``): its row, or what its
        row written at the commit could not say yet."""
        try:
            if self.logged is None:
                values = self._row(outputs, error)
                with self.db.write() as conn:
                    write(conn, values)
                return
            call_id, logged_outputs = self.logged
            if error or return_rows(outputs or {}) != return_rows(logged_outputs or {}):
                amend(self.db, call_id, outputs, error)
        except Exception:
            log.warning("could not log the call of %s", self.function, exc_info=True)


def recent(db: Database, mandt: str, limit: int = 50) -> list[RfcCall]:
    """The client's newest calls, newest first."""
    with db.read() as conn:
        rows = conn.execute(select(rfc_call_log).where(rfc_call_log.c.mandt == mandt)
                            .order_by(rfc_call_log.c.call_id.desc()).limit(limit)).mappings()
        return [RfcCall(r["call_id"], r["function"], r["uname"], r["called_at"],
                        r["duration_ms"], r["parameters"], _rows(r["return_rows"]), r["error"])
                for r in rows]


def _rows(text: str) -> list[dict[str, Any]]:
    if not text:
        return []
    try:
        rows = json.loads(text)
    except ValueError:  # cut at MAX_TEXT: show nothing rather than half a row
        return []
    return rows if isinstance(rows, list) else []
