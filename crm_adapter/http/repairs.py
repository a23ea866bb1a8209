"""JSON API of repair orders, repair methods and the labour fee rules.

Layer: HTTP edge.

- ``POST /api/repairs`` ``{"outlet", "repair_date", "repair_method", "materials": [{"material",
  "quantity"}], "crm_reference"?, "repaired_material"?}``: record a repair order; its level
  and fee follow the rules (:mod:`crm_adapter.domain.labour_fees`), the materials used leave
  the outlet's online inventory (201; 422 with the reason when a rule refuses)
- ``GET /api/repairs?outlet=&month=YYYY-MM&settled=true|false``, ``GET /api/repairs/<id>``
- ``GET /api/repair-methods``: the methods and their base levels
- ``GET /api/labour-fee-rules``; ``PUT /api/labour-fee-rules/<level>`` ``{"fee": "80.00"}``;
  ``DELETE /api/labour-fee-rules/<level>``
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.clock import BusinessClock, parse_date
from crm_adapter.domain import labour_fees as rules
from crm_adapter.flows import settlement as flow
from crm_adapter.flows.settlement import RepairInput
from crm_adapter.http import openapi
from crm_adapter.http.deliveries import text_arg
from crm_adapter.http.errors import ApiError
from crm_adapter.http.rendering import render
from crm_adapter.http.runtime import runtime

#: ids are 64-bit in the store: a larger one in a URL is simply not found (404)
ID = f"int(max={openapi.MAX_ID})"

bp = Blueprint("repairs", __name__)


def json_object() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError("the body must be a JSON object")
    return body


def _text(body: dict[str, Any], name: str, *, required: bool = True,
          max_length: int = 40) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > max_length:
        raise ApiError(f"{name} must be text of 1 to {max_length} characters")
    return value.strip()


def _materials(body: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    given = body.get("materials", [])
    if not isinstance(given, list) or not all(
            isinstance(m, dict) and isinstance(m.get("material"), str) for m in given):
        raise ApiError("materials must be a list of {\"material\", \"quantity\"}")
    return tuple((m["material"], rules.parse_material_quantity(
        m.get("quantity"), f"material {m['material']}")) for m in given)


@bp.post("/api/repairs")
def record_repair() -> Response:
    body = json_object()
    repair = RepairInput(
        outlet=_text(body, "outlet", max_length=10) or "",
        repair_date=parse_date(body.get("repair_date"), "repair_date"),
        repair_method=_text(body, "repair_method") or "", materials=_materials(body),
        crm_reference=_text(body, "crm_reference", required=False, max_length=35),
        repaired_material=_text(body, "repaired_material", required=False, max_length=18))
    db = runtime().db
    clock = BusinessClock.from_settings(runtime().settings)
    with db.write() as conn:
        created = flow.record_repair(conn, clock.today(conn), repair)
    response = jsonify({"repair": render(created)})
    response.status_code = 201
    return response


@bp.get("/api/repairs")
def list_repairs() -> Response:
    settled_arg = request.args.get("settled")
    if settled_arg not in (None, "true", "false"):
        raise ApiError("settled must be true or false")
    month = request.args.get("month")
    with runtime().db.read() as conn:
        found = flow.repairs(conn, outlet=text_arg("outlet", 10),
                             month=rules.parse_month(month) if month is not None else None,
                             settled=None if settled_arg is None else settled_arg == "true")
    return jsonify({"repairs": render(found)})


@bp.get(f"/api/repairs/<{ID}:repair_id>")
def get_repair(repair_id: int) -> Response:
    with runtime().db.read() as conn:
        found = flow.repair_view(conn, repair_id)
    if found is None:
        raise ApiError(f"repair order {repair_id} does not exist", status=404,
                       code="NOT_FOUND")
    return jsonify({"repair": render(found)})


@bp.get("/api/repair-methods")
def list_repair_methods() -> Response:
    return jsonify({"methods": [{"method": method, "base_level": str(level)}
                                for method, level in rules.REPAIR_METHODS.items()]})


@bp.get("/api/labour-fee-rules")
def list_fee_rules() -> Response:
    with runtime().db.read() as conn:
        return jsonify({"rules": render(flow.fee_rules(conn))})


@bp.put("/api/labour-fee-rules/<level>")
def set_fee_rule(level: str) -> Response:
    body = json_object()
    if "fee" not in body:
        raise ApiError("fee is required")
    with runtime().db.write() as conn:
        rule = flow.set_fee_rule(conn, level, body["fee"])
    return jsonify({"rule": render(rule)})


@bp.delete("/api/labour-fee-rules/<level>")
def delete_fee_rule(level: str) -> Response:
    with runtime().db.write() as conn:
        deleted = flow.delete_fee_rule(conn, level)
    if not deleted:
        raise ApiError(f"there is no labour fee rule for level {level}", status=404,
                       code="NOT_FOUND")
    return Response(status=204)


# --- OpenAPI ---------------------------------------------------------------------------------

_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_LEVEL = {"type": "string", "pattern": "^[1-9]$", "description": "Repair level 1 to 9"}
_DATE = {"type": "string", "format": "date"}

_SCHEMAS: dict[str, Any] = {
    "NewRepair": {
        "type": "object", "required": ["outlet", "repair_date", "repair_method"],
        "properties": {
            "outlet": {**openapi.TEXT, "maxLength": 10},
            "repair_date": {**_DATE, "description": "Not after the business date"},
            "repair_method": {"type": "string", "enum": list(rules.REPAIR_METHODS)},
            "materials": {"type": "array", "maxItems": rules.MAX_MATERIALS,
                          "items": openapi.ref("ItemInput"),
                          "description": "Materials used: taken out of the outlet's "
                                         "online inventory"},
            "crm_reference": {**openapi.TEXT, "maxLength": 35,
                              "description": "Default: RO + 10 digits of the id"},
            "repaired_material": {**openapi.TEXT, "maxLength": 18}}},
    "Repair": {
        "type": "object",
        "required": ["id", "crm_reference", "outlet", "repair_date", "repair_method",
                     "repair_level", "fee", "materials"],
        "properties": {
            "id": {"type": "integer"}, "crm_reference": {"type": "string"},
            "outlet": {"type": "string"}, "repair_date": _DATE,
            "repair_method": {"type": "string"}, "repaired_material": {"type": ["string",
                                                                                "null"]},
            "repair_level": {**_LEVEL, "description": "max(method's base level, highest "
                                                      "repair level of the materials used)"},
            "fee": {**_DECIMAL, "description": "CNY, from the fee rule of the level when "
                                               "recorded"},
            "settlement_id": {"type": ["integer", "null"]},
            "materials": {"type": "array", "items": {
                "type": "object", "required": ["material_number", "quantity"],
                "properties": {"material_number": {"type": "string"},
                               "quantity": _DECIMAL}}},
            "created_at": {"type": "string", "format": "date-time"}}},
    "FeeRule": {
        "type": "object", "required": ["repair_level", "fee", "currency"],
        "properties": {"repair_level": _LEVEL, "fee": _DECIMAL,
                       "currency": {"type": "string", "enum": [rules.CURRENCY]}}},
}

_LEVEL_PARAMETER = {"name": "level", "in": "path", "required": True, "schema": _LEVEL,
                    "description": "The repair level"}
_PATHS: dict[str, Any] = {
    "/api/repairs": {
        "get": {
            "operationId": "listRepairs", "tags": ["labour fees"],
            "summary": "Repair orders by date",
            "parameters": [openapi.OUTLET_FILTER,
                           openapi.query("month", openapi.MONTH,
                                         "Only repairs dated in this month"),
                           openapi.query("settled", {"type": "boolean"},
                                         "Only settled (true) or unsettled (false) ones")],
            "responses": {"200": openapi.json_content(openapi.wrapped("repairs", {
                "type": "array", "items": openapi.ref("Repair")}), "The repairs"),
                "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE}},
        "post": {
            "operationId": "recordRepair", "tags": ["labour fees"],
            "summary": "Record a repair order: level and fee by the rules",
            "requestBody": openapi.json_body(openapi.ref("NewRepair")),
            "responses": {"201": openapi.json_content(openapi.wrapped(
                "repair", openapi.ref("Repair")), "The repair order"),
                "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE}}},
    "/api/repairs/{repair_id}": {"get": {
        "operationId": "getRepair", "tags": ["labour fees"], "summary": "One repair order",
        "parameters": [openapi.path_id("repair_id", "The repair order's id")],
        "responses": {"200": openapi.json_content(openapi.wrapped(
            "repair", openapi.ref("Repair")), "The repair order"),
            "404": openapi.NOT_FOUND}}},
    "/api/repair-methods": {"get": {
        "operationId": "listRepairMethods", "tags": ["labour fees"],
        "summary": "Repair methods and their base repair levels",
        "responses": {"200": openapi.json_content(openapi.wrapped("methods", {
            "type": "array", "items": {
                "type": "object", "required": ["method", "base_level"],
                "properties": {"method": {"type": "string"}, "base_level": _LEVEL}}}),
            "The methods")}}},
    "/api/labour-fee-rules": {"get": {
        "operationId": "listFeeRules", "tags": ["labour fees"],
        "summary": "The labour fee per repair level",
        "responses": {"200": openapi.json_content(openapi.wrapped("rules", {
            "type": "array", "items": openapi.ref("FeeRule")}), "The rules")}}},
    "/api/labour-fee-rules/{level}": {
        "put": {
            "operationId": "setFeeRule", "tags": ["labour fees"],
            "summary": "Set the fee of a level (repairs recorded later use it)",
            "parameters": [_LEVEL_PARAMETER],
            "requestBody": openapi.json_body({
                "type": "object", "required": ["fee"],
                "properties": {"fee": {
                    "oneOf": [{"type": "string", "pattern": r"^[0-9]{1,8}(\.[0-9]{1,2})?$"},
                              {"type": "integer", "minimum": 0, "maximum": 99999999}],
                    "description": "CNY, not negative, at most two decimals"}}}),
            "responses": {"200": openapi.json_content(openapi.wrapped(
                "rule", openapi.ref("FeeRule")), "The rule"),
                "400": openapi.BAD_REQUEST, "422": openapi.UNPROCESSABLE}},
        "delete": {
            "operationId": "deleteFeeRule", "tags": ["labour fees"],
            "summary": "Remove a level's rule (repairs of that level are refused then)",
            "parameters": [_LEVEL_PARAMETER],
            "responses": {"204": {"description": "Removed"}, "404": openapi.NOT_FOUND}}},
}


#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas=_SCHEMAS)
