"""Control API: the IDoc monitor (WE02/WE05), reprocessing (BD87) and dispatch (RSEOUT00)."""

from __future__ import annotations

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
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"'{name}' must be an ISO 8601 timestamp") from None
    # stored times are UTC; SQLite compares them as text, so the bound must be UTC too
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"'{name}' must be a whole number") from None
    if not low <= value <= high:
        raise BadRequest(f"'{name}' must be between {low} and {high}")
    return value


@bp.get("/clients/<mandt>/idocs")
def list_idocs(mandt: str) -> Response:
    existing_client(mandt)
    direction = request.args.get("direction")
    if direction and direction not in DIRECTIONS:
        raise BadRequest("'direction' is inbound or outbound")
    where = IdocFilter(
        direct=DIRECTIONS.get(direction or ""), mestyp=request.args.get("mestyp"),
        idoctp=request.args.get("idoctyp"), status=request.args.get("status"),
        partner=request.args.get("partner"), created_from=_timestamp("from"),
        created_to=_timestamp("to"), docnum_from=request.args.get("docnum_from"),
        docnum_to=request.args.get("docnum_to"))
    limit = _int_arg("limit", 50, 1, MAX_PAGE)
    offset = _int_arg("offset", 0, 0, 10**9)
    rows, total = idoc_monitor.search(runtime().db, mandt, where, limit, offset)
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
