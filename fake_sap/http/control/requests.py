"""Small helpers to read and check control-API request bodies and paths."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from flask import request

from fake_sap.basis import clients
from fake_sap.errors import BadRequest, NotFound
from fake_sap.http.runtime import runtime

CLIENT_PATTERN = re.compile(r"^[0-9]{3}$")


def json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object")
    return body


def client_number(value: Any) -> str:
    if not isinstance(value, str) or not CLIENT_PATTERN.fullmatch(value):
        raise BadRequest("A client is a three-digit string, e.g. \"100\"")
    return value


def existing_client(mandt: str) -> str:
    client_number(mandt)
    if not clients.exists(runtime().db, mandt):
        raise NotFound(f"Client {mandt} does not exist")
    return mandt


def json_integer(value: Any) -> int | None:
    """``value`` as an integer if JSON Schema counts it as one, else None. JSON does not
    tell 107 from 107.0 and JSON Schema calls both integers; ``True`` is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def optional_str(body: dict[str, Any], name: str, max_length: int) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > max_length:
        raise BadRequest(f"'{name}' must be a string of at most {max_length} characters")
    return value


def str_list(body: dict[str, Any], name: str) -> list[str]:
    value = body.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and 0 < len(v) <= 30
                                              for v in value):
        raise BadRequest(f"'{name}' must be a list of message types")
    return value


def timestamp(moment: datetime) -> str:
    """RFC 3339 text of a stored timestamp (SQLite hands them back without a zone: UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()
