"""JSON API of the CRM's customers from SAP: outlets and the provincial centers they belong to.

Layer: HTTP edge. Read-only: SAP is the source of both (DEBMAS); numbers are accepted with
or without leading zeros and answered in SAP's internal format (ALPHA, 10 digits).

- ``GET /api/outlets?provincial_center=&center_pending=&after=&include_deleted=&limit=``:
  outlets by customer number, a page at a time; ``center_pending=true`` lists the outlets
  whose provincial center has not arrived from SAP yet
- ``GET /api/outlets/<outlet>``: one outlet with its provincial center and
  ``provincial_center_pending``
- ``GET /api/provincial-centers?after=&include_deleted=&limit=``: centers, a page at a time
- ``GET /api/provincial-centers/<center>``: one center with its outlets' numbers

(``GET /api/outlets/<outlet>/inventory`` belongs to the deliveries area.)
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify

from crm_adapter.flows import master_data
from crm_adapter.flows.master_data import CustomerNotFound
from crm_adapter.http import openapi
from crm_adapter.http.deliveries import flag_arg, int_arg, text_arg
from crm_adapter.http.errors import ErrorStatuses
from crm_adapter.http.rendering import jsonable, render
from crm_adapter.http.runtime import runtime

bp = Blueprint("customers", __name__)

#: the longest customer number (KUNNR, 10 characters)
CUSTOMER_NUMBER_LENGTH = 10

#: this area's exceptions → (HTTP status, error code) (joined in crm_adapter.compose)
ERROR_STATUSES: ErrorStatuses = {CustomerNotFound: (404, "NOT_FOUND")}


def _limit() -> int:
    return int_arg("limit", 100, minimum=1, maximum=1000) or 100


@bp.get("/api/outlets")
def list_outlets() -> Response:
    with runtime().db.read() as conn:
        found = master_data.outlets(
            conn, provincial_center=text_arg("provincial_center", CUSTOMER_NUMBER_LENGTH),
            center_pending=flag_arg("center_pending"),
            after=text_arg("after", CUSTOMER_NUMBER_LENGTH),
            include_deleted=flag_arg("include_deleted"), limit=_limit())
    return jsonify({"outlets": [jsonable(o) for o in found]})


@bp.get("/api/outlets/<outlet>")
def get_outlet(outlet: str) -> Response:
    with runtime().db.read() as conn:
        found = master_data.outlet(conn, outlet)
    return jsonify({"outlet": jsonable(found)})


@bp.get("/api/provincial-centers")
def list_provincial_centers() -> Response:
    with runtime().db.read() as conn:
        found = master_data.provincial_centers(
            conn, after=text_arg("after", CUSTOMER_NUMBER_LENGTH),
            include_deleted=flag_arg("include_deleted"), limit=_limit())
    return jsonify({"provincial_centers": [jsonable(c) for c in found]})


@bp.get("/api/provincial-centers/<center>")
def get_provincial_center(center: str) -> Response:
    with runtime().db.read() as conn:
        found = master_data.provincial_center(conn, center)
    return jsonify({"provincial_center": render(found)})


# --- OpenAPI ---------------------------------------------------------------------------------

_TIME = {"type": "string", "format": "date-time"}
_CUSTOMER_NUMBER = {"type": "string", "maxLength": CUSTOMER_NUMBER_LENGTH,
                    "description": "KNA1-KUNNR in internal format (10 digits for a number)"}
_CUSTOMER_PROPERTIES: dict[str, Any] = {
    "customer_number": _CUSTOMER_NUMBER,
    "name": {"type": "string", "description": "KNA1-NAME1, as SAP has it"},
    "city": {"type": "string", "description": "KNA1-ORT01"},
    "region": {"type": "string", "description": "KNA1-REGIO"},
    "deleted": {"type": "boolean", "description": "Flagged for deletion in SAP (KNA1-LOEVM)"},
    "created_at": _TIME, "updated_at": _TIME}

_SCHEMAS: dict[str, Any] = {
    "Outlet": {
        "type": "object",
        "required": ["customer_number", "name", "deleted", "provincial_center",
                     "provincial_center_pending"],
        "properties": {
            **_CUSTOMER_PROPERTIES,
            "provincial_center": {"type": ["string", "null"],
                                  "description": "The ZP partner SAP assigns (KNVP-KUNN2); "
                                                 "null: none"},
            "provincial_center_pending": {
                "type": "boolean",
                "description": "The outlet names a provincial center the CRM has not "
                               "received from SAP yet"}}},
    "ProvincialCenter": {
        "type": "object", "required": ["customer_number", "name", "deleted"],
        "properties": {
            **_CUSTOMER_PROPERTIES,
            "outlets": {"type": "array", "items": _CUSTOMER_NUMBER,
                        "description": "One center only: the outlets SAP assigns to it, "
                                       "deleted ones included"}}},
}


def _path_number(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True,
            "schema": {"type": "string", "minLength": 1, "maxLength": CUSTOMER_NUMBER_LENGTH},
            "description": f"The {what}'s customer number, leading zeros optional"}


_AFTER = openapi.query("after", {"type": "string", "maxLength": CUSTOMER_NUMBER_LENGTH},
                       "Start after this customer number (the last one of the previous page)")
_INCLUDE_DELETED = openapi.query("include_deleted", {"type": "boolean"},
                                 "Also those flagged for deletion in SAP")
_PAGING = "The next page starts after the last customer number of this one (`after`); an " \
          "empty page is the end."

_PATHS: dict[str, Any] = {
    "/api/outlets": {"get": {
        "operationId": "listOutlets", "tags": ["master data"],
        "summary": "Outlets by customer number, a page at a time", "description": _PAGING,
        "parameters": [
            openapi.query("provincial_center", {"type": "string",
                                                "maxLength": CUSTOMER_NUMBER_LENGTH},
                          "Only this provincial center's outlets (leading zeros optional)"),
            openapi.query("center_pending", {"type": "boolean"},
                          "Only outlets whose provincial center has not arrived from SAP"),
            _AFTER, _INCLUDE_DELETED, openapi.LIMIT],
        "responses": {"200": openapi.json_content(openapi.wrapped("outlets", {
            "type": "array", "items": openapi.ref("Outlet")}), "The outlets"),
            "400": openapi.BAD_REQUEST}}},
    "/api/outlets/{outlet}": {"get": {
        "operationId": "getOutlet", "tags": ["master data"],
        "summary": "One outlet with its provincial center",
        "parameters": [_path_number("outlet", "outlet")],
        "responses": {"200": openapi.json_content(openapi.wrapped(
            "outlet", openapi.ref("Outlet")), "The outlet"), "404": openapi.NOT_FOUND}}},
    "/api/provincial-centers": {"get": {
        "operationId": "listProvincialCenters", "tags": ["master data"],
        "summary": "Provincial centers by customer number, a page at a time",
        "description": _PAGING,
        "parameters": [_AFTER, _INCLUDE_DELETED, openapi.LIMIT],
        "responses": {"200": openapi.json_content(openapi.wrapped("provincial_centers", {
            "type": "array", "items": openapi.ref("ProvincialCenter")}),
            "The provincial centers"),
            "400": openapi.BAD_REQUEST}}},
    "/api/provincial-centers/{center}": {"get": {
        "operationId": "getProvincialCenter", "tags": ["master data"],
        "summary": "One provincial center with its outlets",
        "parameters": [_path_number("center", "provincial center")],
        "responses": {"200": openapi.json_content(openapi.wrapped(
            "provincial_center", openapi.ref("ProvincialCenter")), "The provincial center"),
            "404": openapi.NOT_FOUND}}},
}

#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas=_SCHEMAS)
