"""JSON API of material applications.

Layer: HTTP edge. Parses requests, calls :mod:`crm_adapter.flows.applications` in one CRM
transaction, renders the result. Nothing here waits for SAP: an approval is accepted with
202 and completes when the worker has SAP's facts (``GET`` shows how far it got).

- ``POST /api/applications`` ``{"outlet", "type", "items": [{"material", "quantity"}]}``
- ``GET /api/applications?outlet=&status=&limit=``, ``GET /api/applications/<id>``
- ``POST /api/applications/<id>/approve`` (202), ``.../reject`` ``{"reason"}``,
  ``.../reapply`` ``{"items": [...]}`` (items optional: unchanged without)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, jsonify, request

from crm_adapter.domain.applications import (
    ApplicationNotFound,
    InvalidApplication,
    Status,
    TransitionRefused,
)
from crm_adapter.flows import applications as flow
from crm_adapter.http.errors import ApiError, ErrorStatuses
from crm_adapter.http.query import whole_number
from crm_adapter.http.rendering import jsonable
from crm_adapter.http.runtime import runtime

bp = Blueprint("applications", __name__)

MAX_LISTING = 1000
#: ids are 64-bit integers in the store; a larger one in a URL is simply not found (404)
MAX_ID = 2**63 - 1
ID = f"int(max={MAX_ID})"

#: this area's exceptions → (HTTP status, error code) (joined in crm_adapter.compose)
ERROR_STATUSES: ErrorStatuses = {
    ApplicationNotFound: (404, "NOT_FOUND"),
    InvalidApplication: (422, "INVALID_APPLICATION"),
    TransitionRefused: (409, "STATUS_CONFLICT"),
}


@bp.post("/api/applications")
def create_application() -> tuple[Response, int, dict[str, str]]:
    body = json_object()
    outlet, kind = text_field(body, "outlet"), text_field(body, "type")
    items = items_field(body)
    with runtime().db.write() as conn:
        application = flow.create(conn, outlet, kind, items)
    return (jsonify({"application": rendered(application)}), 201,
            {"Location": f"/api/applications/{application['id']}"})


@bp.get("/api/applications")
def list_applications() -> Response:
    status, limit = listing_arguments({s.value for s in Status})
    with runtime().db.read() as conn:
        found = flow.listing(conn, outlet=request.args.get("outlet") or None, status=status,
                             limit=limit)
    return jsonify({"applications": [rendered(a) for a in found]})


@bp.get(f"/api/applications/<{ID}:application_id>")
def get_application(application_id: int) -> Response:
    with runtime().db.read() as conn:
        application = flow.show(conn, application_id)
    return jsonify({"application": rendered(application)})


@bp.post(f"/api/applications/<{ID}:application_id>/approve")
def approve_application(application_id: int) -> tuple[Response, int]:
    with runtime().db.write() as conn:
        application = flow.approve(conn, application_id)
    return jsonify({"application": rendered(application)}), 202


@bp.post(f"/api/applications/<{ID}:application_id>/reject")
def reject_application(application_id: int) -> Response:
    reason = text_field(json_object(), "reason")
    with runtime().db.write() as conn:
        application = flow.reject(conn, application_id, reason)
    return jsonify({"application": rendered(application)})


@bp.post(f"/api/applications/<{ID}:application_id>/reapply")
def reapply_application(application_id: int) -> Response:
    body = json_object(optional=True)
    items = items_field(body) if "items" in body else None
    with runtime().db.write() as conn:
        application = flow.reapply(conn, application_id, items)
    return jsonify({"application": rendered(application)})


# --- shared by the JSON API of returns --------------------------------------------------------

def json_object(*, optional: bool = False) -> dict[str, Any]:
    """The body as a JSON object; with ``optional`` an empty body reads as ``{}``."""
    if optional and not request.get_data(cache=True):
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError("the body must be a JSON object")
    return body


def text_field(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ApiError(f"{name} must be given as text", code="INVALID_FIELDS")
    return value


def items_field(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = body.get("items")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ApiError("items must be a list of objects with material and quantity",
                       code="INVALID_FIELDS")
    return items


def listing_arguments(statuses: set[str]) -> tuple[str | None, int]:
    status = request.args.get("status") or None
    if status is not None and status not in statuses:
        raise ApiError(f"status must be one of {', '.join(sorted(statuses))}")
    limit = whole_number(request.args.get("limit", "100"))
    if limit is None or not 1 <= limit <= MAX_LISTING:
        raise ApiError(f"limit must be a number from 1 to {MAX_LISTING}")
    return status, limit


def rendered(value: Any) -> Any:
    """JSON-ready, also inside nested items and outbox entries."""
    if isinstance(value, Mapping):
        return jsonable({key: rendered(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return [rendered(item) for item in value]
    return value
