"""The IDoc receiver SAP's XML-HTTP port posts to, and the inbox's JSON API.

Layer: HTTP edge.

``POST /sap/idoc`` takes one IDoc-XML document (one or many ``<IDOC>``, any XML content
type, Basic auth with the receiver credentials of the settings). Every IDoc is committed to
the inbox *before* the 200 answer, so SAP's status 03 means the CRM has it; processing
comes after the commit (before the answer, or with the setting ``receiver_processing =
after_answer`` once it is sent) and its failures never change the answer (the IDoc stays
in the inbox as failed, retryable). A document that cannot be read is answered 400 and nothing of
it is stored; SAP then keeps the IDoc in status 02 and resends it.

``GET /api/inbox`` lists entries (``?status=failed``, ``?message_type=MATMAS``, ``?limit=``),
``GET /api/inbox/<id>`` shows one with its XML, ``POST /api/inbox/<id>/retry`` processes a
failed one again.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.http.errors import ApiError, LogonRequired
from crm_adapter.http.query import whole_number
from crm_adapter.http.rendering import jsonable
from crm_adapter.http.runtime import runtime
from crm_adapter.inbox import Inbox, Outcome, Receipt, UnknownEntry
from crm_adapter.store import inbox as inbox_store
from crm_adapter.store.inbox import InboxStatus

log = logging.getLogger(__name__)

bp = Blueprint("receiver", __name__)

MAX_LISTING = 1000
#: entry ids are 64-bit in the store; a larger one in a URL is not found (404), not a 500
ENTRY_ID = f"int(max={2**63 - 1})"


# --- the receiver ----------------------------------------------------------------------------

@bp.post("/sap/idoc")
def post_idoc() -> tuple[Response, int]:
    _require_receiver_logon()
    _require_xml()
    inbox = runtime().inbox
    receipt = inbox.receive(request.get_data(cache=False))
    # the IDocs are committed: from here on the answer is 200 whatever processing does
    if runtime().settings.receiver_processing == "after_answer":
        response = jsonify(_answer(receipt, []))
        # runs once the answer is sent: SAP records 03 and posts its next packet, which
        # another server worker stores meanwhile
        response.call_on_close(lambda: _process(inbox, receipt))
        return response, 200
    return jsonify(_answer(receipt, _process(inbox, receipt))), 200


def _process(inbox: Inbox, receipt: Receipt) -> list[Outcome]:
    try:
        return inbox.process(receipt.stored, receipt.idocs, receipt.messages)
    except Exception:  # noqa: BLE001 (entries stay "received"; process_pending picks them up)
        log.exception("processing received IDocs failed; they are kept for a retry")
        return []


def _answer(receipt: Receipt, outcomes: list[Outcome]) -> dict[str, int]:
    counts = {status.value: sum(o.status is status for o in outcomes)
              for status in (InboxStatus.PROCESSED, InboxStatus.FAILED, InboxStatus.OBSOLETE)}
    return {"received": receipt.count, "stored": len(receipt.stored),
            "duplicates": len(receipt.duplicates), **counts}


def _require_receiver_logon() -> None:
    settings = runtime().settings
    auth = request.authorization
    given_user = (auth.username or "") if auth and auth.type == "basic" else ""
    given_password = (auth.password or "") if auth and auth.type == "basic" else ""
    # compare both in constant time, so a wrong user takes as long as a wrong password
    user_ok = hmac.compare_digest(given_user.encode(), settings.receiver_user.encode())
    password_ok = hmac.compare_digest(given_password.encode(),
                                      settings.receiver_password.encode())
    if not (auth and user_ok and password_ok):
        raise LogonRequired("Basic authentication with the receiver credentials is required")


def _require_xml() -> None:
    """Any XML content type (text/xml, application/xml, application/x-sap.idoc, ...+xml)."""
    mimetype = request.mimetype
    if mimetype and "xml" not in mimetype and mimetype != "application/x-sap.idoc":
        raise ApiError(f"Content-Type {mimetype} is not XML", status=415,
                       code="UNSUPPORTED_MEDIA_TYPE")


# --- the inbox API ---------------------------------------------------------------------------

@bp.get("/api/inbox")
def list_inbox() -> Response:
    status = request.args.get("status") or None
    if status is not None and status not in {s.value for s in InboxStatus}:
        raise ApiError(f"status must be one of {', '.join(s.value for s in InboxStatus)}")
    limit = whole_number(request.args.get("limit", "100"))
    if limit is None or not 1 <= limit <= MAX_LISTING:
        raise ApiError(f"limit must be a number from 1 to {MAX_LISTING}")
    with runtime().db.read() as conn:
        entries = inbox_store.listing(conn, status=status,
                                      message_type=request.args.get("message_type") or None,
                                      limit=limit)
    return jsonify({"entries": [jsonable(e) for e in entries]})


@bp.get(f"/api/inbox/<{ENTRY_ID}:entry_id>")
def get_inbox_entry(entry_id: int) -> Response:
    return jsonify({"entry": jsonable(_entry(entry_id))})


@bp.post(f"/api/inbox/<{ENTRY_ID}:entry_id>/retry")
def retry_inbox_entry(entry_id: int) -> Response:
    runtime().inbox.retry(entry_id)
    return jsonify({"entry": jsonable(_entry(entry_id), without=("xml",))})


def _entry(entry_id: int) -> dict[str, Any]:
    with runtime().db.read() as conn:
        entry = inbox_store.get(conn, entry_id)
    if entry is None:
        raise UnknownEntry(f"inbox entry {entry_id} does not exist")
    return entry
