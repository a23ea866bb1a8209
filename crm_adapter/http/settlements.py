"""JSON API of the monthly labour-fee settlements and their reconciliation with SAP.

Layer: HTTP edge.

- ``POST /api/settlements/run`` ``{"month"?: "YYYY-MM", "force"?: false}``: settle the
  previous month on the 10th (by the business date, ``/api/clock``); another day only when
  forced or for a month named explicitly. The FI postings go through the outbox.
- ``GET /api/settlements?status=&month=&provincial_center=``, ``GET /api/settlements/<id>``
  (with its repairs)
- ``POST /api/settlements/<id>/retry``: post a failed settlement again
- ``POST /api/settlements/reconcile``: ask SAP which settlements it cleared (a read; done at
  once over RFC with the settings' logon)
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.clock import BusinessClock
from crm_adapter.domain import labour_fees as rules
from crm_adapter.flows import settlement as flow
from crm_adapter.http import openapi
from crm_adapter.http.deliveries import text_arg
from crm_adapter.http.errors import ApiError
from crm_adapter.http.rendering import render
from crm_adapter.http.runtime import runtime
from crm_adapter.sap_connection import sap_connector

#: ids are 64-bit in the store: a larger one in a URL is simply not found (404)
ID = f"int(max={openapi.MAX_ID})"

bp = Blueprint("settlements", __name__)


def _body() -> dict[str, Any]:
    if not request.get_data():
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError("the body must be a JSON object")
    return body


@bp.post("/api/settlements/run")
def run_settlement() -> Response:
    body = _body()
    month, force = body.get("month"), body.get("force", False)
    # left out means "the month due"; given, it must be text (null is not a month)
    if "month" in body and not isinstance(month, str):
        raise ApiError("month must be text YYYY-MM")
    if not isinstance(force, bool):
        raise ApiError("force must be true or false")
    clock = BusinessClock.from_settings(runtime().settings)
    with runtime().db.write() as conn:
        run = flow.run_settlement(conn, clock.today(conn), month, forced=force)
    return jsonify({"run": render(run)})


@bp.get("/api/settlements")
def list_settlements() -> Response:
    status, month = request.args.get("status"), request.args.get("month")
    if status is not None and status not in set(rules.SettlementStatus):
        raise ApiError(f"status must be one of {', '.join(rules.SettlementStatus)}")
    with runtime().db.read() as conn:
        found = flow.settlements(conn, status=status,
                                 month=rules.parse_month(month) if month is not None
                                 else None,
                                 provincial_center=text_arg("provincial_center", 10))
    return jsonify({"settlements": render(found)})


@bp.get(f"/api/settlements/<{ID}:settlement_id>")
def get_settlement(settlement_id: int) -> Response:
    with runtime().db.read() as conn:
        found = flow.settlement_view(conn, settlement_id)
    if found is None:
        raise _not_found(settlement_id)
    return jsonify({"settlement": render(found)})


@bp.post(f"/api/settlements/<{ID}:settlement_id>/retry")
def retry_settlement(settlement_id: int) -> Response:
    clock = BusinessClock.from_settings(runtime().settings)
    with runtime().db.write() as conn:
        found = flow.retry_settlement(conn, clock.today(conn), settlement_id)
    if found is None:
        raise _not_found(settlement_id)
    return jsonify({"settlement": render(found)})


@bp.post("/api/settlements/reconcile")
def reconcile() -> Response:
    sap = sap_connector(runtime().settings)()
    try:
        result = flow.reconcile(runtime().db, sap)
    finally:
        sap.close()
    return jsonify({"reconciliation": render(result)})


def _not_found(settlement_id: int) -> ApiError:
    return ApiError(f"settlement {settlement_id} does not exist", status=404,
                    code="NOT_FOUND")


# --- OpenAPI ---------------------------------------------------------------------------------

_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_MONTH = openapi.MONTH
_NULLABLE_TEXT = {"type": ["string", "null"]}

_SCHEMAS: dict[str, Any] = {
    "Settlement": {
        "type": "object",
        "required": ["id", "provincial_center", "month", "total", "currency", "status",
                     "settlement_number"],
        "properties": {
            "id": {"type": "integer"},
            "settlement_number": {"type": "string", "description": "LF + YYMM + center: "
                                                                   "REF_DOC_NO (XBLNR) and "
                                                                   "HEADER_TXT in SAP"},
            "provincial_center": {"type": "string"}, "month": _MONTH,
            "total": {**_DECIMAL, "description": "Sum of the repairs' fees"},
            "currency": {"type": "string"},
            "status": {"type": "string", "enum": list(rules.SettlementStatus)},
            "fi_document_number": {**_NULLABLE_TEXT, "description": "BKPF-BELNR"},
            "fi_object_key": {**_NULLABLE_TEXT, "description": "OBJ_KEY: BELNR+BUKRS+GJAHR"},
            "cleared_on": {"type": ["string", "null"], "format": "date",
                           "description": "SAP's clearing date (BSEG-AUGDT)"},
            "repairs": {"type": "array", "items": openapi.ref("Repair")},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"}}},
    "SettlementRun": {
        "type": "object", "required": ["month", "today", "settlements", "skipped"],
        "properties": {
            "month": _MONTH, "today": {"type": "string", "format": "date"},
            "settlements": {"type": "array", "items": openapi.ref("Settlement"),
                            "description": "Created now (posting through the outbox)"},
            "skipped": {"type": "array", "items": {"type": "string"},
                        "description": "Centers not settled now, and why"}}},
}

_SETTLEMENT_ID = openapi.path_id("settlement_id", "The settlement's id")
_ONE_SETTLEMENT = openapi.json_content(openapi.wrapped("settlement",
                                                       openapi.ref("Settlement")),
                                       "The settlement")
_PATHS: dict[str, Any] = {
    "/api/settlements": {"get": {
        "operationId": "listSettlements", "tags": ["labour fees"],
        "summary": "Labour-fee settlements by month and center",
        "parameters": [
            openapi.query("status", {"type": "string", "enum": list(rules.SettlementStatus)},
                          "Only settlements in this status"),
            openapi.query("month", _MONTH, "Only this month's"),
            openapi.query("provincial_center", {"type": "string", "maxLength": 10},
                          "Only this center's")],
        "responses": {"200": openapi.json_content(openapi.wrapped("settlements", {
            "type": "array", "items": openapi.ref("Settlement")}), "The settlements"),
            "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE}}},
    "/api/settlements/run": {"post": {
        "operationId": "runSettlement", "tags": ["labour fees"],
        "summary": "Settle a month per provincial center (on the 10th)",
        "description": "Without a month: the previous month, only on day 10 of the business "
                       "date unless force is true. With a month: that month, any day once it "
                       "is over. Repairs dated up to the month's end and not settled yet; "
                       "one settlement per center (status posting), posted to SAP FI by the "
                       "worker. Running again creates only what is missing.",
        "requestBody": openapi.json_body({"type": "object", "properties": {
            "month": _MONTH, "force": {"type": "boolean"}}}, required=False),
        "responses": {"200": openapi.json_content(openapi.wrapped(
            "run", openapi.ref("SettlementRun")), "What the run did"),
            "400": openapi.BAD_REQUEST,
            "422": openapi.json_content(openapi.ERROR, "Not the 10th, or the month is not "
                                                       "over")}}},
    "/api/settlements/reconcile": {"post": {
        "operationId": "reconcileSettlements", "tags": ["labour fees"],
        "summary": "Mark posted settlements settled once SAP cleared them",
        "description": "Reads each center's cleared items (BAPI_AR_ACC_GETBALANCEDITEMS).",
        "responses": {"200": openapi.json_content(openapi.wrapped("reconciliation", {
            "type": "object", "required": ["checked", "settled", "problems"],
            "properties": {"checked": {"type": "integer"},
                           "settled": {"type": "array", "items": {"type": "integer"},
                                       "description": "Ids of the settlements settled now"},
                           "problems": {"type": "array", "items": {"type": "string"}}}}),
            "The outcome"), **openapi.SAP_UNAVAILABLE}}},
    "/api/settlements/{settlement_id}": {"get": {
        "operationId": "getSettlement", "tags": ["labour fees"],
        "summary": "One settlement with its repairs", "parameters": [_SETTLEMENT_ID],
        "responses": {"200": _ONE_SETTLEMENT, "404": openapi.NOT_FOUND}}},
    "/api/settlements/{settlement_id}/retry": {"post": {
        "operationId": "retrySettlement", "tags": ["labour fees"],
        "summary": "Post a failed settlement again", "parameters": [_SETTLEMENT_ID],
        "responses": {"200": _ONE_SETTLEMENT, "404": openapi.NOT_FOUND,
                      "422": openapi.UNPROCESSABLE}}},
}


#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas=_SCHEMAS)
