"""JSON API of deliveries and the outlets' online inventory (both kept from SAP's DESADV).

Layer: HTTP edge. Read-only: SAP is the source of deliveries.

- ``GET /api/deliveries?application_id=&outlet=&sap_order=&include_deleted=&limit=``:
  delivery records (applications' records and sub-deliveries), newest first
- ``GET /api/deliveries/<number>``: one record with its items (and sub-deliveries)
- ``GET /api/applications/<id>/delivery``: an application's delivery record: ordered,
  shipped and open per item, with its sub-deliveries
- ``GET /api/outlets/<outlet>/inventory``: the outlet's online inventory
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.flows import deliveries as flow
from crm_adapter.http import openapi
from crm_adapter.http.errors import ApiError
from crm_adapter.http.query import whole_number
from crm_adapter.http.rendering import render
from crm_adapter.http.runtime import runtime

#: ids are 64-bit in the store: a larger one in a URL is simply not found (404)
ID = f"int(max={openapi.MAX_ID})"

bp = Blueprint("deliveries", __name__)


def int_arg(name: str, default: int | None = None, *, minimum: int = 0,
            maximum: int = 100_000) -> int | None:
    """An integer query parameter (400 when it is not one)."""
    raw = request.args.get(name)
    if raw is None:  # "" is no number either: refused like any other
        return default
    value = whole_number(raw)
    if value is None or not minimum <= value <= maximum:
        raise ApiError(f"{name} must be a whole number from {minimum} to {maximum}")
    return value


def text_arg(name: str, max_length: int) -> str | None:
    """A text query parameter of at most ``max_length`` characters (400 when longer)."""
    value = request.args.get(name)
    if value is not None and len(value) > max_length:
        raise ApiError(f"{name} has at most {max_length} characters")
    return value or None


def flag_arg(name: str) -> bool:
    value = request.args.get(name, "false").lower()
    if value not in ("true", "false"):
        raise ApiError(f"{name} must be true or false")
    return value == "true"


@bp.get("/api/deliveries")
def list_deliveries() -> Response:
    with runtime().db.read() as conn:
        found = flow.deliveries(
            conn, application_id=int_arg("application_id", maximum=openapi.MAX_ID),
            outlet=text_arg("outlet", 10),
            sap_order=text_arg("sap_order", 10),
            include_deleted=flag_arg("include_deleted"),
            limit=int_arg("limit", 100, minimum=1, maximum=1000) or 100)
    return jsonify({"deliveries": render(found)})


@bp.get("/api/deliveries/<delivery_number>")
def get_delivery(delivery_number: str) -> Response:
    number = delivery_number.zfill(10) if delivery_number.isdigit() else delivery_number
    with runtime().db.read() as conn:
        found = flow.delivery_view(conn, number)
    if found is None:
        raise ApiError(f"delivery {delivery_number} is not in the CRM", status=404,
                       code="NOT_FOUND")
    return jsonify({"delivery": render(found)})


@bp.get(f"/api/applications/<{ID}:application_id>/delivery")
def get_application_delivery(application_id: int) -> Response:
    with runtime().db.read() as conn:
        found = flow.application_delivery_view(conn, application_id)
    if found is None:
        raise ApiError(f"application {application_id} has no deliveries", status=404,
                       code="NOT_FOUND")
    return jsonify({"delivery": render(found)})


@bp.get("/api/outlets/<outlet>/inventory")
def get_inventory(outlet: str) -> Response:
    with runtime().db.read() as conn:
        found = flow.inventory(conn, outlet)
    if found is None:
        raise ApiError(f"outlet {outlet} is not in the CRM", status=404, code="NOT_FOUND")
    return jsonify({"outlet": outlet.zfill(10) if outlet.isdigit() else outlet,
                    "inventory": render(found)})


# --- OpenAPI ---------------------------------------------------------------------------------

_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_TIME = {"type": "string", "format": "date-time"}
_DELIVERY_STATUSES = ["open", "goods_issued", "partially_delivered", "delivered"]

_SCHEMAS: dict[str, Any] = {
    "DeliveryItem": {
        "type": "object",
        "required": ["item_number", "material_number", "shipped_quantity", "open_quantity"],
        "properties": {
            "item_number": {"type": "string", "description": "POSNR: of the SAP delivery "
                                                             "(sub-delivery) or the order item "
                                                             "(application's record)"},
            "material_number": {"type": "string"},
            "shipped_quantity": _DECIMAL,
            "open_quantity": {**_DECIMAL, "description": "Of the order item: still open "
                                                         "after this delivery (sub-delivery) "
                                                         "or now (application's record)"}}},
    "Delivery": {
        "type": "object",
        "required": ["delivery_number", "status", "deleted", "items"],
        "properties": {
            "delivery_number": {"type": "string", "description": "LIKP-VBELN, or A + the "
                                                                 "application id for an "
                                                                 "application's record"},
            "parent_delivery": {**_TEXT_OR_NULL, "description": "The application's record "
                                                                "of a sub-delivery"},
            "application_id": {"type": ["integer", "null"]},
            "outlet": _TEXT_OR_NULL, "sap_order_number": _TEXT_OR_NULL,
            "status": {"type": "string", "enum": _DELIVERY_STATUSES},
            "deleted": {"type": "boolean"},
            "items": {"type": "array", "items": openapi.ref("DeliveryItem")},
            "sub_deliveries": {"type": "array", "items": openapi.ref("Delivery"),
                               "description": "An application's record only: its live "
                                              "sub-deliveries"},
            "created_at": _TIME, "updated_at": _TIME}},
    "InventoryLine": {
        "type": "object", "required": ["material_number", "quantity"],
        "properties": {"outlet": {"type": "string"}, "material_number": {"type": "string"},
                       "quantity": _DECIMAL, "updated_at": _TIME}},
}

_ONE_DELIVERY = openapi.json_content(openapi.wrapped("delivery", openapi.ref("Delivery")),
                                     "The delivery record")
_PATHS: dict[str, Any] = {
    "/api/deliveries": {"get": {
        "operationId": "listDeliveries", "tags": ["deliveries"],
        "summary": "Delivery records from SAP's DESADV, newest first",
        "parameters": [
            openapi.query("application_id", {"type": "integer", "minimum": 0,
                                             "maximum": openapi.MAX_ID},
                          "Only this application's"),
            openapi.OUTLET_FILTER,
            openapi.query("sap_order", {"type": "string", "maxLength": 10},
                          "Only deliveries of this SAP order"),
            openapi.query("include_deleted", {"type": "boolean"},
                          "Also deliveries deleted in SAP"),
            openapi.LIMIT],
        "responses": {"200": openapi.json_content(openapi.wrapped("deliveries", {
            "type": "array", "items": openapi.ref("Delivery")}), "The deliveries"),
            "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE}}},
    "/api/deliveries/{delivery_number}": {"get": {
        "operationId": "getDelivery", "tags": ["deliveries"],
        "summary": "One delivery record with its items (and sub-deliveries)",
        "parameters": [{"name": "delivery_number", "in": "path", "required": True,
                        "schema": {"type": "string", "maxLength": 10},
                        "description": "LIKP-VBELN (leading zeros optional) or A + id"}],
        "responses": {"200": _ONE_DELIVERY, "404": openapi.NOT_FOUND}}},
    "/api/applications/{application_id}/delivery": {"get": {
        "operationId": "getApplicationDelivery", "tags": ["deliveries"],
        "summary": "An application's delivery record: ordered, shipped and open per item, "
                   "with its sub-deliveries",
        "parameters": [openapi.APPLICATION_ID],
        "responses": {"200": _ONE_DELIVERY,
                      "404": openapi.json_content(openapi.ERROR, "No deliveries yet")}}},
    "/api/outlets/{outlet}/inventory": {"get": {
        "operationId": "getOutletInventory", "tags": ["deliveries"],
        "summary": "An outlet's online inventory (goods issues in, repairs out)",
        "parameters": [{"name": "outlet", "in": "path", "required": True,
                        "schema": {"type": "string", "maxLength": 10},
                        "description": "Customer number, leading zeros optional"}],
        "responses": {"200": openapi.json_content({
            "type": "object", "required": ["outlet", "inventory"],
            "properties": {"outlet": {"type": "string"}, "inventory": {
                "type": "array", "items": openapi.ref("InventoryLine")}}},
            "The inventory"), "404": openapi.NOT_FOUND, "422": openapi.UNPROCESSABLE}}},
}


#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas=_SCHEMAS)
