"""Control API: the IDoc monitor (WE02/WE05), reprocessing (BD87) and dispatch (RSEOUT00)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Response, jsonify, request

from fake_sap.ale.dispatcher import schedule_resend
from fake_sap.ale.inbound import InboundProcessor
from fake_sap.ale.outbound import distribute_change_pointers
from fake_sap.db import idocs
from fake_sap.db.idocs import IdocFilter
from fake_sap.errors import BadRequest, Conflict, NotFound
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, timestamp
from fake_sap.http.runtime import runtime
from fake_sap.idoc.parser import parse_document

DIRECTIONS = {"inbound": "2", "outbound": "1"}
DIRECTION_NAMES = {v: k for k, v in DIRECTIONS.items()}
REPROCESSABLE_INBOUND = {"51", "64", "66"}
RESENDABLE_OUTBOUND = {"02", "30"}
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
    with runtime().db.read() as conn:
        rows, total = idocs.search(conn, mandt, where, limit, offset)
    return jsonify({"total": total, "limit": limit, "offset": offset,
                    "idocs": [_control_view(r) for r in rows]})


@bp.get("/clients/<mandt>/idocs/<docnum>")
def show_idoc(mandt: str, docnum: str) -> Response:
    existing_client(mandt)
    with runtime().db.read() as conn:
        row = idocs.get(conn, mandt, docnum)
        if row is None:
            raise NotFound(f"IDoc {docnum} does not exist in client {mandt}")
        status_rows = idocs.statuses(conn, mandt, docnum)
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
    dispatch = False
    with runtime().db.write() as conn:
        row = idocs.get(conn, mandt, docnum)
        if row is None:
            raise NotFound(f"IDoc {docnum} does not exist in client {mandt}")
        if row["direct"] == "2":
            if row["status"] not in REPROCESSABLE_INBOUND:
                raise Conflict(f"IDoc {docnum} has status {row['status']}; only inbound IDocs "
                               f"in status {sorted(REPROCESSABLE_INBOUND)} can be processed")
            InboundProcessor(conn, mandt).reprocess(docnum)
            dispatch = bool(distribute_change_pointers(conn, mandt))
        else:
            if row["status"] not in RESENDABLE_OUTBOUND:
                raise Conflict(f"IDoc {docnum} has status {row['status']}; only outbound IDocs "
                               f"in status {sorted(RESENDABLE_OUTBOUND)} can be sent again")
            schedule_resend(conn, mandt, docnum)
            dispatch = True
    if dispatch:
        runtime().dispatcher.run_once(mandt)
    with runtime().db.read() as conn:
        row = idocs.get(conn, mandt, docnum)
    assert row is not None
    return jsonify(_control_view(row))


@bp.post("/clients/<mandt>/ale/dispatch")
def dispatch_now(mandt: str) -> Response:
    """RSEOUT00 now: send every due outbound IDoc of the client and report how many went."""
    existing_client(mandt)
    sent = runtime().dispatcher.run_once(mandt)
    return jsonify({"sent": sent})
