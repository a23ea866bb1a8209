"""JSON API of the CRM's business date (:mod:`crm_adapter.clock`).

Layer: HTTP edge. For tests, demos and catching up a missed settlement day:

- ``GET /api/clock``: ``{"today": "2026-11-10", "source": "set" | "settings" | "calendar"}``
- ``PUT /api/clock`` ``{"today": "2026-11-10"}``: fix the business date (every process)
- ``DELETE /api/clock``: back to the settings' date or the calendar
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.clock import BusinessClock, parse_date
from crm_adapter.http import openapi
from crm_adapter.http.errors import ApiError
from crm_adapter.http.runtime import runtime

bp = Blueprint("clock", __name__)


def _clock() -> BusinessClock:
    return BusinessClock.from_settings(runtime().settings)


@bp.get("/api/clock")
def get_clock() -> Response:
    with runtime().db.read() as conn:
        return jsonify(_clock().view(conn))


@bp.put("/api/clock")
def set_clock() -> Response:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or "today" not in body:
        raise ApiError("the body must be {\"today\": \"YYYY-MM-DD\"}")
    day = parse_date(body["today"], "today")
    clock = _clock()
    with runtime().db.write() as conn:
        clock.set(conn, day)
        return jsonify(clock.view(conn))


@bp.delete("/api/clock")
def reset_clock() -> Response:
    clock = _clock()
    with runtime().db.write() as conn:
        clock.reset(conn)
        return jsonify(clock.view(conn))


_CLOCK = {"type": "object", "required": ["today", "source"], "properties": {
    "today": {"type": "string", "format": "date"},
    "source": {"type": "string", "enum": ["set", "settings", "calendar"],
               "description": "set by hand (PUT), the setting CRM_ADAPTER_TODAY, or today "
                              "in China"}}}
_SCHEMAS: dict[str, Any] = {"BusinessDate": _CLOCK}
_PATHS: dict[str, Any] = {"/api/clock": {
    "get": {"operationId": "getBusinessDate", "tags": ["service"],
            "summary": "The CRM's business date",
            "responses": {"200": openapi.json_content(openapi.ref("BusinessDate"),
                                                      "Today and its source")}},
    "put": {"operationId": "setBusinessDate", "tags": ["service"],
            "summary": "Fix the business date (tests, demos, a missed settlement day)",
            "requestBody": openapi.json_body({
                "type": "object", "required": ["today"],
                "properties": {"today": {"type": "string", "format": "date"}}}),
            "responses": {"200": openapi.json_content(openapi.ref("BusinessDate"),
                                                      "The business date now"),
                          "400": openapi.BAD_REQUEST,
                          "422": openapi.json_content(openapi.ERROR, "Not a date")}},
    "delete": {"operationId": "resetBusinessDate", "tags": ["service"],
               "summary": "Back to the settings' date or the calendar",
               "responses": {"200": openapi.json_content(openapi.ref("BusinessDate"),
                                                         "The business date now")}},
}}


#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas=_SCHEMAS)
