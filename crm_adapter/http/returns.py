"""JSON API of returns.

Layer: HTTP edge.

- ``POST /api/returns`` ``{"outlet", "application_id" | "sap_order", "items": [{"material",
  "quantity"}]}``
- ``GET /api/returns?outlet=&status=&limit=``, ``GET /api/returns/<id>``
- ``POST /api/returns/<id>/approve`` (202: the worker creates the SAP return order),
  ``POST /api/returns/<id>/reject`` ``{"reason"}``
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from crm_adapter.domain.returns import (
    InvalidReturn,
    ReturnNotFound,
    ReturnTransitionRefused,
    Status,
)
from crm_adapter.flows import returns as flow
from crm_adapter.http import openapi
from crm_adapter.http.applications import (
    ID,
    items_field,
    json_object,
    listing_arguments,
    rendered,
    text_field,
)
from crm_adapter.http.errors import ApiError, ErrorStatuses
from crm_adapter.http.query import json_integer
from crm_adapter.http.runtime import runtime

bp = Blueprint("returns", __name__)

#: this area's exceptions → (HTTP status, error code) (joined in crm_adapter.compose)
ERROR_STATUSES: ErrorStatuses = {
    ReturnNotFound: (404, "NOT_FOUND"),
    InvalidReturn: (422, "INVALID_RETURN"),
    ReturnTransitionRefused: (409, "STATUS_CONFLICT"),
}


@bp.post("/api/returns")
def create_return() -> tuple[Response, int, dict[str, str]]:
    body = json_object()
    outlet, items = text_field(body, "outlet"), items_field(body)
    given_id, sap_order = body.get("application_id"), body.get("sap_order")
    application_id = json_integer(given_id)
    if given_id is not None and (application_id is None
                                 or not 0 <= application_id <= openapi.MAX_ID):
        raise ApiError("application_id must be a number", code="INVALID_FIELDS")
    if sap_order is not None and not isinstance(sap_order, str):
        raise ApiError("sap_order must be given as text", code="INVALID_FIELDS")
    if (application_id is None) == (sap_order is None):
        raise ApiError("give either application_id or sap_order", code="INVALID_FIELDS")
    with runtime().db.write() as conn:
        created = flow.create(conn, outlet, items, application_id=application_id,
                              sap_order=sap_order)
    return (jsonify({"return": rendered(created)}), 201,
            {"Location": f"/api/returns/{created['id']}"})


@bp.get("/api/returns")
def list_returns() -> Response:
    status, limit = listing_arguments({s.value for s in Status})
    with runtime().db.read() as conn:
        found = flow.listing(conn, outlet=request.args.get("outlet") or None, status=status,
                             limit=limit)
    return jsonify({"returns": [rendered(r) for r in found]})


@bp.get(f"/api/returns/<{ID}:return_id>")
def get_return(return_id: int) -> Response:
    with runtime().db.read() as conn:
        found = flow.show(conn, return_id)
    return jsonify({"return": rendered(found)})


@bp.post(f"/api/returns/<{ID}:return_id>/approve")
def approve_return(return_id: int) -> tuple[Response, int]:
    with runtime().db.write() as conn:
        approved = flow.approve(conn, return_id)
    return jsonify({"return": rendered(approved)}), 202


@bp.post(f"/api/returns/<{ID}:return_id>/reject")
def reject_return(return_id: int) -> Response:
    reason = text_field(json_object(), "reason")
    with runtime().db.write() as conn:
        rejected = flow.reject(conn, return_id, reason)
    return jsonify({"return": rendered(rejected)})
