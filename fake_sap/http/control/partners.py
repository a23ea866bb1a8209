"""Control API: partner profiles with their XML-HTTP port and message types (WE20/WE21/BD64)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from flask import Response, jsonify

from fake_sap.basis import partners
from fake_sap.basis.partners import PartnerProfile
from fake_sap.errors import BadRequest, NotFound
from fake_sap.http.control import bp
from fake_sap.http.control.requests import (
    existing_client,
    json_body,
    json_integer,
    optional_str,
    str_list,
)
from fake_sap.http.runtime import runtime

_LOGSYS = re.compile(r"^[A-Z0-9_]{1,10}$")
#: message types as WE81 spells them (MATMAS, DEBMAS, Z-messages); "matmas" would never match
MAX_PACK_SIZE = 1000
MAX_PARALLEL_PACKETS = 8
MESSAGE_TYPE = re.compile(r"^[A-Z0-9_/]{1,30}$")
#: the characters of RFC 3986 section 2 (unreserved, reserved, percent-encoded octets)
URI_TEXT = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+")


def _view(row: dict[str, Any]) -> dict[str, Any]:
    port = None
    if row.get("port_url"):
        port = {"url": row["port_url"], "user": row.get("port_user")}
    return {"logical_system": row["logsys"], "description": row["description"], "port": port,
            "outbound": row["outbound"], "inbound": row["inbound"],
            "pack_size": row.get("pack_size") or 1,
            "parallel_packets": row.get("parallel_packets") or 1}


def logical_system(value: str) -> str:
    if not _LOGSYS.fullmatch(value):
        raise BadRequest("A logical system is 1-10 upper-case letters, digits or '_'")
    return value


def _port_url(port: dict[str, Any] | None) -> str | None:
    """The XML-HTTP port's URL (None: no port); a bad one is a 400 now rather than status 02
    later. A port is its URL: one given without it (``{}``, ``{"url": null}``) is refused, as
    the OpenAPI document's ``Port`` requires it."""
    if port is None:
        return None
    url = port.get("url")
    if not isinstance(url, str) or len(url) > 500 or not _is_http_url(url):
        raise BadRequest("'port.url' must be an absolute http:// or https:// URL with a host "
                         "(at most 500 characters)")
    return url


def _is_http_url(url: str) -> bool:
    # a URI (RFC 3986), as the OpenAPI document's "uri" format says: no spaces, no
    # characters outside its set (an IRI's "ü" must be percent-encoded), no stray "%"
    if not URI_TEXT.fullmatch(url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _whole_number(body: dict[str, Any], name: str, largest: int) -> int:
    """An optional whole number from 1 to ``largest`` (default 1)."""
    value = json_integer(body.get(name, 1))
    if value is None or not 1 <= value <= largest:
        raise BadRequest(f"'{name}' must be a whole number from 1 to {largest}")
    return value


def _message_types(body: dict[str, Any], name: str) -> list[str]:
    values = str_list(body, name)
    wrong = [v for v in values if not MESSAGE_TYPE.fullmatch(v)]
    if wrong:
        raise BadRequest(f"'{name}' holds message types (upper case, e.g. MATMAS), "
                         f"not {wrong}")
    return values


@bp.get("/clients/<mandt>/partners")
def list_partners(mandt: str) -> Response:
    existing_client(mandt)
    return jsonify({"partners": [_view(p) for p in partners.list_all(runtime().db, mandt)]})


@bp.put("/clients/<mandt>/partners/<logsys>")
def put_partner(mandt: str, logsys: str) -> Response:
    """Register (or replace) a logical system: its port and the messages it exchanges."""
    existing_client(mandt)
    logical_system(logsys)
    body = json_body()
    port = body.get("port")
    if port is not None and not isinstance(port, dict):
        raise BadRequest("'port' must be an object with 'url', 'user' and 'password'")
    url = _port_url(port)
    description = optional_str(body, "description", 60) or ""
    user = optional_str(port or {}, "user", 60)
    password = optional_str(port or {}, "password", 120)
    outbound, inbound = _message_types(body, "outbound"), _message_types(body, "inbound")
    pack_size = _whole_number(body, "pack_size", MAX_PACK_SIZE)
    parallel_packets = _whole_number(body, "parallel_packets", MAX_PARALLEL_PACKETS)
    if outbound and url is None:
        # WE20 refuses an outbound parameter without a receiver port
        raise BadRequest("A partner that receives outbound message types needs a 'port'")
    row = partners.put(runtime().db, mandt, PartnerProfile(
        logsys, description=description, port_url=url, port_user=user,
        port_password=password, outbound=outbound, inbound=inbound, pack_size=pack_size,
        parallel_packets=parallel_packets))
    return jsonify(_view(row))


@bp.get("/clients/<mandt>/partners/<logsys>")
def get_partner(mandt: str, logsys: str) -> Response:
    existing_client(mandt)
    row = partners.get(runtime().db, mandt, logsys)
    if row is None:
        raise NotFound(f"Partner {logsys} is not defined in client {mandt}")
    return jsonify(_view(row))


@bp.delete("/clients/<mandt>/partners/<logsys>")
def delete_partner(mandt: str, logsys: str) -> tuple[str, int]:
    existing_client(mandt)
    if not partners.remove(runtime().db, mandt, logsys):
        raise NotFound(f"Partner {logsys} is not defined in client {mandt}")
    return "", 204
