"""Control API: create, list, reset and delete SAP clients; client-level switches; the
failed logons of the logon user in a client and its unlock (SU01)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from fake_sap.basis import clients
from fake_sap.basis.clients import ClientChange
from fake_sap.errors import BadRequest, NotFound
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
    return jsonify({"clients": [_view(r) for r in clients.list_all(runtime().db)]})


@bp.post("/clients")
def create_client() -> tuple[Response, int]:
    body = json_body()
    mandt = client_number(body.get("client"))
    description = optional_str(body, "description", 60) or ""
    return jsonify(_view(clients.create(runtime().db, mandt, description))), 201


@bp.get("/clients/<mandt>")
def get_client(mandt: str) -> Response:
    existing_client(mandt)
    row = clients.get(runtime().db, mandt)
    if row is None:
        raise NotFound(f"Client {mandt} does not exist")
    return jsonify(_view(row))


@bp.patch("/clients/<mandt>")
def change_client(mandt: str) -> Response:
    existing_client(mandt)
    body = json_body()
    strict: bool | None = None
    if "strict_partner_check" in body:
        if not isinstance(body["strict_partner_check"], bool):
            raise BadRequest("'strict_partner_check' must be true or false")
        strict = body["strict_partner_check"]
    description = optional_str(body, "description", 60)
    changed = clients.change(runtime().db, mandt, ClientChange(strict, description))
    return jsonify(_view(changed))


@bp.delete("/clients/<mandt>")
def delete_client(mandt: str) -> tuple[str, int]:
    existing_client(mandt)
    clients.delete(runtime().db, mandt)
    return "", 204


@bp.post("/clients/<mandt>/reset")
def reset_client(mandt: str) -> Response:
    """Back to a freshly created client: all data gone, baseline customizing reinstalled."""
    existing_client(mandt)
    return jsonify(_view(clients.reset(runtime().db, mandt)))


def _logon_user(user: str) -> str:
    """The logon user named in the path (any case); 404 for every other name, as the
    emulator has no other user master."""
    logon_user = runtime().settings.user
    if user.upper() != logon_user.upper():
        raise NotFound(f"User {user[:12].upper()} does not exist")
    return logon_user


def _user_view(mandt: str, user: str, failed: clients.FailedLogons) -> dict[str, Any]:
    return {"client": mandt, "user": user.upper(), "failed_logons": failed.count,
            "locked": failed.locked}


@bp.get("/clients/<mandt>/users/<user>")
def get_user(mandt: str, user: str) -> Response:
    """The user's failed logons in the client and whether they have locked it."""
    existing_client(mandt)
    logon_user = _logon_user(user)
    return jsonify(_user_view(mandt, logon_user,
                              clients.failed_logons(runtime().db, mandt, logon_user)))


@bp.post("/clients/<mandt>/users/<user>/unlock")
def unlock_user(mandt: str, user: str) -> Response:
    """Unlock the user in the client and set its failed logons back to 0 (SU01's unlock);
    a user that is not locked stays as it is, without failed logons."""
    existing_client(mandt)
    logon_user = _logon_user(user)
    return jsonify(_user_view(mandt, logon_user,
                              clients.unlock(runtime().db, mandt, logon_user)))
