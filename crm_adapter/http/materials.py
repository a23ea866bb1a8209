"""JSON API of the material maintenance queue.

Layer: HTTP edge. Materials created from SAP wait in the queue until a CRM user sets their
CRM-only fields:

- ``GET /api/materials/maintenance``: the waiting materials, oldest first
- ``PUT /api/materials/<material_number>/maintenance`` with ``{"position_number": ...,
  "repair_level": ...}``: set both, which takes the material off the queue
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.flows import master_data
from crm_adapter.http.errors import ApiError
from crm_adapter.http.rendering import jsonable
from crm_adapter.http.runtime import runtime

bp = Blueprint("materials", __name__)


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
