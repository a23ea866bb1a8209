"""The emulator's log of recent SOAP-RFC calls (see :mod:`fake_sap.db.rfc_call_log_schema`):
what the console shows as "recent RFC calls".

Layer: RFC edge. The one writer of ``rfc_call_log``. The SOAP-RFC path records each call
after it ran; the console reads the newest ones. The log is bounded: every
:data:`PRUNE_EVERY` calls the calls of the client beyond the newest :data:`KEEP` are deleted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select

from fake_sap import clock
from fake_sap.db.engine import Database
from fake_sap.db.rfc_call_log_schema import rfc_call_log

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


def record(db: Database, mandt: str, function: str, user: str, duration_ms: float,
           parameters: Mapping[str, Any], outputs: Mapping[str, Any] | None,
           error: str = "") -> None:
    """Log one call (``outputs`` is None for a call that failed with ``error``)."""
    rows = return_rows(outputs) if outputs is not None else []
    values = {"mandt": mandt, "function": function[:30], "uname": user[:12],
              "called_at": clock.system_now(), "duration_ms": duration_ms,
              "parameters": as_text(dict(parameters)),
              "return_rows": as_text(rows) if rows else "", "error": error[:255]}
    with db.write() as conn:
        inserted = conn.execute(_INSERT, values).inserted_primary_key
        if inserted is not None and inserted[0] % PRUNE_EVERY == 0:
            conn.execute(_PRUNE, {"mandt": mandt})


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
