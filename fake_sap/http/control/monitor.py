"""Control API: the IDoc monitor (WE02/WE05), reprocessing (BD87) and dispatch (RSEOUT00)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from flask import Response, jsonify, request

from fake_sap.ale import reprocessing
from fake_sap.basis import idoc_monitor
from fake_sap.basis.idoc_monitor import IdocFilter
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, timestamp
from fake_sap.http.runtime import runtime
from fake_sap.idoc.parser import parse_document

DIRECTIONS = {"inbound": "2", "outbound": "1"}
#: RFC 3339 section 5.6 date-time (its "T" and "Z" may be lower case); the date and time
#: values themselves are checked by ``datetime.fromisoformat``
RFC3339_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})")
#: the largest offset handed to SQL (a 64-bit signed integer in SQLite and PostgreSQL); a
#: larger one is as valid and finds nothing either
LARGEST_SQL_OFFSET = 2**63 - 1
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
#: digits beyond which a number is simply "very large" (``int`` refuses thousands of them)
MOST_DIGITS = 40
DIRECTION_NAMES = {v: k for k, v in DIRECTIONS.items()}
MAX_PAGE = 500


def _control_view(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "docnum": row["docnum"], "direction": DIRECTION_NAMES.get(row["direct"], row["direct"]),
        "status": row["status"], "idoctyp": row["idoctp"], "cimtyp": row["cimtyp"],
        "mestyp": row["mestyp"], "sndpor": row["sndpor"], "sndprt": row["sndprt"],
        "sndprn": row["sndprn"], "rcvpor": row["rcvpor"], "rcvprt": row["rcvprt"],
        "rcvprn": row["rcvprn"], "serial": row["serial"], "sender_docnum": row["refint"],
        "object_key": row["objkey"], "credat": row["credat"], "cretim": row["cretim"],
        "created_at": timestamp(row["created_at"]), "updated_at": timestamp(row["updated_at"]),
        "attempts": row["attempts"],
    }


def _status_view(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "counter": row["countr"], "status": row["status"], "date": row["logdat"],
        "time": row["logtim"], "message_type": row["statyp"], "message_id": row["stamid"],
        "message_number": row["stamno"],
        "variables": [row["stapa1"], row["stapa2"], row["stapa3"], row["stapa4"]],
        "text": row["statxt"], "segment_field": row["segfld"],
    }


def _timestamp(name: str) -> datetime | None:
    value = request.args.get(name)
    if value is None:
        return None
    # the OpenAPI document promises RFC 3339 (JSON Schema's date-time): a zone is part of
    # it, and ``fromisoformat`` alone would also take a bare date, "20240101" or an empty text
    if not RFC3339_DATE_TIME.fullmatch(value):
        raise BadRequest(f"'{name}' must be an RFC 3339 timestamp with a time zone, "
                         f"e.g. 2024-05-01T08:00:00Z")
    try:
        # stored times are UTC; SQLite compares them as text, so the bound must be UTC too
        return datetime.fromisoformat(value.upper()).astimezone(UTC)
    except (ValueError, OverflowError):  # no such day or time; out of range once in UTC
        raise BadRequest(f"'{name}' must be an RFC 3339 timestamp with a time zone, "
                         f"e.g. 2024-05-01T08:00:00Z") from None


def _int_arg(name: str, default: int, low: int, high: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    # ASCII digits with an optional sign only: ``int`` would also read " 7", "1_000" or
    # other scripts' digits, none of which is an OpenAPI integer
    if not WHOLE_NUMBER.fullmatch(raw):
        raise BadRequest(f"'{name}' must be a whole number")
    value = int(raw) if len(raw) <= MOST_DIGITS else (
        -(10**MOST_DIGITS) if raw.startswith("-") else 10**MOST_DIGITS)
    if value < low or (high is not None and value > high):
        raise BadRequest(f"'{name}' must be at least {low}" if high is None
                         else f"'{name}' must be between {low} and {high}")
    return value


@bp.get("/clients/<mandt>/idocs")
def list_idocs(mandt: str) -> Response:
    existing_client(mandt)
    repeated = sorted(name for name in request.args if len(request.args.getlist(name)) > 1)
    if repeated:  # every filter is one value; which of several would be meant?
        raise BadRequest(f"Give each parameter once: {', '.join(repeated)}")
    direction = request.args.get("direction")
    if direction is not None and direction not in DIRECTIONS:
        raise BadRequest("'direction' is inbound or outbound")
    where = IdocFilter(
        direct=DIRECTIONS.get(direction or ""), mestyp=request.args.get("mestyp"),
        idoctp=request.args.get("idoctyp"), status=request.args.get("status"),
        partner=request.args.get("partner"), created_from=_timestamp("from"),
        created_to=_timestamp("to"), docnum_from=request.args.get("docnum_from"),
        docnum_to=request.args.get("docnum_to"))
    limit = _int_arg("limit", 50, 1, MAX_PAGE)
    offset = _int_arg("offset", 0, 0)
    rows, total = idoc_monitor.search(runtime().db, mandt, where, limit,
                                      min(offset, LARGEST_SQL_OFFSET))
    return jsonify({"total": total, "limit": limit, "offset": offset,
                    "idocs": [_control_view(r) for r in rows]})


@bp.get("/clients/<mandt>/idocs/<docnum>")
def show_idoc(mandt: str, docnum: str) -> Response:
    existing_client(mandt)
    found = idoc_monitor.get_with_statuses(runtime().db, mandt, docnum)
    row, status_rows = found.control, found.statuses
    parsed = parse_document(row["xml"].encode("utf-8"))[0]
    view = _control_view(row)
    view.update({
        "control_record": parsed.control,
        "segments": [s.to_dict() for s in parsed.segments],
        "status_records": [_status_view(s) for s in status_rows],
        "xml": row["xml"],
    })
    return jsonify(view)


@bp.post("/clients/<mandt>/idocs/<docnum>/process")
def process_idoc(mandt: str, docnum: str) -> Response:
    """BD87: reprocess an inbound IDoc (51/64/66) or resend an outbound one (02/30)."""
    existing_client(mandt)
    dispatch = reprocessing.process(runtime().db, mandt, docnum)
    if dispatch:
        runtime().dispatcher.run_once(mandt)
    return jsonify(_control_view(idoc_monitor.get(runtime().db, mandt, docnum)))


@bp.post("/clients/<mandt>/ale/dispatch")
def dispatch_now(mandt: str) -> Response:
    """RSEOUT00 now: send every due outbound IDoc of the client and report how many went."""
    existing_client(mandt)
    sent = runtime().dispatcher.run_once(mandt)
    return jsonify({"sent": sent})
