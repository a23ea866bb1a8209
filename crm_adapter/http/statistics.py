"""JSON API of the sales statistics imported from SAP's S001.

Layer: HTTP edge.

- ``POST /api/statistics/import`` ``{"month": "YYYY-MM"}``: read the month from SAP
  (RFC_READ_TABLE, with the settings' logon) and replace it in the CRM
- ``GET /api/statistics?month=&customer=&material=&sales_organization=&limit=&offset=``
- ``GET /api/statistics/months``: the months imported, with row counts
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.flows import statistics as flow
from crm_adapter.http import openapi
from crm_adapter.http.deliveries import int_arg, text_arg
from crm_adapter.http.errors import ApiError
from crm_adapter.http.rendering import render
from crm_adapter.http.runtime import runtime
from crm_adapter.sap_connection import sap_connector

bp = Blueprint("statistics", __name__)


@bp.post("/api/statistics/import")
def import_month() -> Response:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or "month" not in body:
        raise ApiError("the body must be {\"month\": \"YYYY-MM\"}")
    flow.period(body["month"])  # refuse a bad month before logging on to SAP
    sap = sap_connector(runtime().settings)()
    try:
        result = flow.import_month(runtime().db, sap, body["month"])
    finally:
        sap.close()
    return jsonify({"import": render(result)})


@bp.get("/api/statistics")
def list_statistics() -> Response:
    with runtime().db.read() as conn:
        found = flow.statistics(
            conn, month=request.args.get("month"), customer=text_arg("customer", 10),
            material=text_arg("material", 18),
            sales_organization=text_arg("sales_organization", 4),
            limit=int_arg("limit", 1000, minimum=1, maximum=10_000) or 1000,
            offset=int_arg("offset", 0, maximum=openapi.MAX_ID) or 0)
    return jsonify({"statistics": render(found)})


@bp.get("/api/statistics/months")
def list_months() -> Response:
    with runtime().db.read() as conn:
        return jsonify({"months": render(flow.imported_months(conn))})


# --- OpenAPI ---------------------------------------------------------------------------------

_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_MONTH = openapi.MONTH
_FIGURES = ("incoming_orders_quantity", "incoming_orders_value", "sales_quantity",
            "sales_value", "returns_quantity", "returns_value")

_SCHEMAS: dict[str, Any] = {"SalesStatistic": {
    "type": "object",
    "required": ["month", "customer_number", "material_number", "sales_organization",
                 "distribution_channel", "division", *_FIGURES, "currency"],
    "properties": {
        "month": _MONTH, "customer_number": {"type": "string"},
        "material_number": {"type": "string"}, "sales_organization": {"type": "string"},
        "distribution_channel": {"type": "string"}, "division": {"type": "string"},
        **{name: _DECIMAL for name in _FIGURES}, "currency": {"type": "string"},
        "imported_at": {"type": "string", "format": "date-time"}}}}
_PATHS: dict[str, Any] = {
    "/api/statistics": {"get": {
        "operationId": "listSalesStatistics", "tags": ["statistics"],
        "summary": "Imported S001 figures per month, customer, material and sales area",
        "parameters": [
            openapi.query("month", _MONTH, "Only this month"),
            openapi.query("customer", {"type": "string", "maxLength": 10},
                          "Only this customer (leading zeros optional)"),
            openapi.query("material", {"type": "string", "maxLength": 18},
                          "Only this material (leading zeros optional)"),
            openapi.query("sales_organization", {"type": "string", "maxLength": 4},
                          "Only this sales organization"),
            openapi.query("limit", {"type": "integer", "minimum": 1, "maximum": 10000},
                          "At most this many (default 1000)"),
            openapi.query("offset", {"type": "integer", "minimum": 0,
                                     "maximum": openapi.MAX_ID}, "Skip this many")],
        "responses": {"200": openapi.json_content(openapi.wrapped("statistics", {
            "type": "array", "items": openapi.ref("SalesStatistic")}), "The figures"),
            "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE}}},
    "/api/statistics/import": {"post": {
        "operationId": "importSalesStatistics", "tags": ["statistics"],
        "summary": "Import a month of S001 from SAP (replaces the month)",
        "requestBody": openapi.json_body({"type": "object", "required": ["month"],
                                          "properties": {"month": _MONTH}}),
        "responses": {"200": openapi.json_content(openapi.wrapped("import", {
            "type": "object", "required": ["month", "rows", "replaced"],
            "properties": {"month": _MONTH, "rows": {"type": "integer"},
                           "replaced": {"type": "integer",
                                        "description": "Rows of the month before"},
                           "imported_at": {"type": "string", "format": "date-time"}}}),
            "The import"), "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE,
            **openapi.SAP_UNAVAILABLE}}},
    "/api/statistics/months": {"get": {
        "operationId": "listStatisticsMonths", "tags": ["statistics"],
        "summary": "The months imported",
        "responses": {"200": openapi.json_content(openapi.wrapped("months", {
            "type": "array", "items": {
                "type": "object", "required": ["month", "rows"],
                "properties": {"month": _MONTH, "rows": {"type": "integer"},
                               "imported_at": {"type": "string", "format": "date-time"}}}}),
            "The months")}}},
}


#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas=_SCHEMAS)
