"""JSON API of materials: reading them, and the maintenance queue of their CRM-only fields.

Layer: HTTP edge. Materials come from SAP (MATMAS); those SAP created wait in the queue
until a CRM user sets their CRM-only fields:

- ``GET /api/materials?after=&include_deleted=&limit=``: materials by number, a page at a
  time (the next page starts after the last number of this one)
- ``GET /api/materials/<material_number>``: one material with its CRM-only fields and
  ``queued_at`` (null unless it waits for maintenance)
- ``GET /api/materials/maintenance``: the waiting materials, oldest first
- ``PUT /api/materials/<material_number>/maintenance`` with ``{"position_number": ...,
  "repair_level": ...}``: set both, which takes the material off the queue
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.flows import master_data
from crm_adapter.http import openapi
from crm_adapter.http.deliveries import flag_arg, int_arg, text_arg
from crm_adapter.http.errors import ApiError
from crm_adapter.http.rendering import jsonable
from crm_adapter.http.runtime import runtime

bp = Blueprint("materials", __name__)


#: the longest material number (MATNR, 18 characters)
MATERIAL_NUMBER_LENGTH = 18


@bp.get("/api/materials")
def list_materials() -> Response:
    with runtime().db.read() as conn:
        found = master_data.materials(
            conn, after=text_arg("after", MATERIAL_NUMBER_LENGTH),
            include_deleted=flag_arg("include_deleted"),
            limit=int_arg("limit", 100, minimum=1, maximum=1000) or 100)
    return jsonify({"materials": [jsonable(m) for m in found]})


# "/api/materials/maintenance" is a rule without variables, so Flask matches it before this
# one: that path is always the queue
@bp.get("/api/materials/<material_number>")
def get_material(material_number: str) -> Response:
    with runtime().db.read() as conn:
        found = master_data.material(conn, material_number)
    return jsonify({"material": jsonable(found)})


@bp.get("/api/materials/maintenance")
def list_pending_maintenance() -> Response:
    with runtime().db.read() as conn:
        pending = master_data.pending_maintenance(conn)
    return jsonify({"materials": [jsonable(m) for m in pending]})


@bp.put("/api/materials/<material_number>/maintenance")
def maintain_material(material_number: str) -> Response:
    body = _json_object()
    position_number, repair_level = body.get("position_number"), body.get("repair_level")
    if not isinstance(position_number, str) or not isinstance(repair_level, str):
        raise ApiError("position_number and repair_level must be given as text",
                       code="INVALID_FIELDS")
    with runtime().db.write() as conn:
        material = master_data.maintain_material(conn, material_number, position_number,
                                                 repair_level)
    return jsonify({"material": jsonable(material)})


def _json_object() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError("the body must be a JSON object")
    return body


# --- OpenAPI (the maintenance routes are described in crm_adapter.http.openapi) -------------

MATERIAL_NUMBER = {"name": "material_number", "in": "path", "required": True,
                   "schema": {"type": "string", "minLength": 1,
                              "maxLength": MATERIAL_NUMBER_LENGTH},
                   "description": "MATNR, leading zeros optional"}
AFTER = openapi.query("after", {"type": "string", "maxLength": MATERIAL_NUMBER_LENGTH},
                      "Start after this material number (the last one of the previous page)")
INCLUDE_DELETED = openapi.query("include_deleted", {"type": "boolean"},
                                "Also those flagged for deletion in SAP")

_PATHS: dict[str, Any] = {
    "/api/materials": {"get": {
        "operationId": "listMaterials", "tags": ["materials"],
        "summary": "Materials by number, a page at a time",
        "description": "The next page starts after the last material number of this one "
                       "(`after`); an empty page is the end.",
        "parameters": [AFTER, INCLUDE_DELETED, openapi.LIMIT],
        "responses": {"200": openapi.json_content(openapi.wrapped("materials", {
            "type": "array", "items": openapi.ref("Material")}), "The materials"),
            "400": openapi.BAD_REQUEST}}},
    "/api/materials/{material_number}": {"get": {
        "operationId": "getMaterial", "tags": ["materials"],
        "summary": "One material: SAP's fields and the CRM-only ones",
        "parameters": [MATERIAL_NUMBER],
        "responses": {"200": openapi.json_content(openapi.wrapped(
            "material", openapi.ref("Material")), "The material"),
            "404": openapi.NOT_FOUND}}},
}

#: this area's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS)
