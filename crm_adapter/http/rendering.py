"""Turning store rows into JSON-ready dicts.

Layer: HTTP edge. Decimals become strings (exact, as SAP sends amounts), dates and times
ISO 8601; the store keeps times in UTC, which SQLite hands back without a time zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any


def jsonable(row: Mapping[str, Any], *, without: tuple[str, ...] = ()) -> dict[str, Any]:
    return {key: _value(value) for key, value in row.items() if key not in without}


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def render(value: Any) -> Any:
    """Like :func:`jsonable`, for nested dicts and lists too."""
    if isinstance(value, Mapping):
        return {key: render(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [render(item) for item in value]
    return _value(value)
