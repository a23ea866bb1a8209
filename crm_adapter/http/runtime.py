"""What the HTTP layer needs at request time: settings, database, inbox, OpenAPI document.

Layer: HTTP edge. One :class:`Runtime` per app, built by :func:`crm_adapter.http.app.create_app`
and reached through :func:`runtime` (never a module-level global), so that several apps can
live in one process (tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app

from crm_adapter.config import AdapterSettings
from crm_adapter.inbox import Inbox
from crm_adapter.store.engine import Database

EXTENSION = "crm_adapter"


@dataclass(frozen=True)
class Runtime:
    settings: AdapterSettings
    db: Database
    inbox: Inbox
    #: the OpenAPI document served at ``/api/openapi.json`` (built by crm_adapter.compose)
    openapi: Mapping[str, Any]


def runtime() -> Runtime:
    """The runtime of the app handling the current request."""
    value: Runtime = current_app.extensions[EXTENSION]
    return value
