"""Control API: partner profiles with their XML-HTTP port and message types (WE20/WE21/BD64)."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, jsonify

from fake_sap.db import partners
from fake_sap.errors import BadRequest, NotFound
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, json_body, optional_str, str_list
from fake_sap.http.runtime import runtime

_LOGSYS = re.compile(r"^[A-Z0-9_]{1,10}$")


def _view(row: dict[str, Any]) -> dict[str, Any]:
    port = None
    if row.get("port_url"):
        port = {"url": row["port_url"], "user": row.get("port_user")}
    return {"logical_system": row["logsys"], "description": row["description"], "port": port,
            "outbound": row["outbound"], "inbound": row["inbound"]}


def _logical_system(value: str) -> str:
    if not _LOGSYS.match(value):
        raise BadRequest("A logical system is 1-10 upper-case letters, digits or '_'")
    return value


@bp.get("/clients/<mandt>/partners")
def list_partners(mandt: str) -> Response:
    existing_client(mandt)
    with runtime().db.read() as conn:
        return jsonify({"partners": [_view(p) for p in partners.list_all(conn, mandt)]})


@bp.put("/clients/<mandt>/partners/<logsys>")
def put_partner(mandt: str, logsys: str) -> Response:
    """Register (or replace) a logical system: its port and the messages it exchanges."""
    existing_client(mandt)
    _logical_system(logsys)
    body = json_body()
    port = body.get("port")
    if port is not None and not isinstance(port, dict):
        raise BadRequest("'port' must be an object with 'url', 'user' and 'password'")
    port = port or {}
    url = optional_str(port, "url", 500)
    if url is not None and not url.startswith(("http://", "https://")):
        raise BadRequest("'port.url' must be an http:// or https:// URL")
    with runtime().db.write() as conn:
        partners.upsert_partner(
            conn, mandt, logsys, description=optional_str(body, "description", 60) or "",
            port_url=url, port_user=optional_str(port, "user", 60),
            port_password=optional_str(port, "password", 120),
            outbound=str_list(body, "outbound"), inbound=str_list(body, "inbound"))
        row = partners.get(conn, mandt, logsys)
    assert row is not None
    return jsonify(_view(row))


@bp.get("/clients/<mandt>/partners/<logsys>")
def get_partner(mandt: str, logsys: str) -> Response:
    existing_client(mandt)
    with runtime().db.read() as conn:
        row = partners.get(conn, mandt, logsys)
    if row is None:
        raise NotFound(f"Partner {logsys} is not defined in client {mandt}")
    return jsonify(_view(row))


@bp.delete("/clients/<mandt>/partners/<logsys>")
def delete_partner(mandt: str, logsys: str) -> tuple[str, int]:
    existing_client(mandt)
    with runtime().db.write() as conn:
        if not partners.remove(conn, mandt, logsys):
            raise NotFound(f"Partner {logsys} is not defined in client {mandt}")
    return "", 204
