"""Control API: create, list, reset and delete SAP clients; client-level switches."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from fake_sap.db import clients
from fake_sap.errors import BadRequest, Conflict, NotFound
from fake_sap.http.control import bp
from fake_sap.http.control.requests import (
    client_number,
    existing_client,
    json_body,
    optional_str,
    timestamp,
)
from fake_sap.http.runtime import runtime


def _view(row: dict[str, Any]) -> dict[str, Any]:
    return {"client": row["mandt"], "description": row["description"],
            "strict_partner_check": bool(row["strict_partner_check"]),
            "created_at": timestamp(row["created_at"])}


@bp.get("/clients")
def list_clients() -> Response:
    with runtime().db.read() as conn:
        return jsonify({"clients": [_view(r) for r in clients.list_all(conn)]})


@bp.post("/clients")
def create_client() -> tuple[Response, int]:
    body = json_body()
    mandt = client_number(body.get("client"))
    description = optional_str(body, "description", 60) or ""
    with runtime().db.write() as conn:
        if clients.exists(conn, mandt):
            raise Conflict(f"Client {mandt} already exists")
        clients.create(conn, mandt, description)
        row = clients.get(conn, mandt)
    assert row is not None
    return jsonify(_view(row)), 201


@bp.get("/clients/<mandt>")
def get_client(mandt: str) -> Response:
    existing_client(mandt)
    with runtime().db.read() as conn:
        row = clients.get(conn, mandt)
    if row is None:
        raise NotFound(f"Client {mandt} does not exist")
    return jsonify(_view(row))


@bp.patch("/clients/<mandt>")
def change_client(mandt: str) -> Response:
    existing_client(mandt)
    body = json_body()
    changes: dict[str, Any] = {}
    if "strict_partner_check" in body:
        if not isinstance(body["strict_partner_check"], bool):
            raise BadRequest("'strict_partner_check' must be true or false")
        changes["strict_partner_check"] = body["strict_partner_check"]
    description = optional_str(body, "description", 60)
    if description is not None:
        changes["description"] = description
    with runtime().db.write() as conn:
        if changes:
            clients.set_options(conn, mandt, **changes)
        row = clients.get(conn, mandt)
    assert row is not None
    return jsonify(_view(row))


@bp.delete("/clients/<mandt>")
def delete_client(mandt: str) -> tuple[str, int]:
    existing_client(mandt)
    with runtime().db.write() as conn:
        clients.wipe(conn, mandt, keep_client_row=False)
    return "", 204


@bp.post("/clients/<mandt>/reset")
def reset_client(mandt: str) -> Response:
    """Back to a freshly created client: all data gone, baseline customizing reinstalled."""
    existing_client(mandt)
    with runtime().db.write() as conn:
        clients.wipe(conn, mandt, keep_client_row=True)
        clients.install_baseline(conn, mandt)
        # the partner profiles are gone, so a strict client would refuse every IDoc
        clients.set_options(conn, mandt, strict_partner_check=False)
        row = clients.get(conn, mandt)
    assert row is not None
    return jsonify(_view(row))
