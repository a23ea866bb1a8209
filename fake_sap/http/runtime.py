"""Per-process runtime objects shared by the blueprints: database, settings, dispatcher, and
the tables :mod:`fake_sap.compose` built (function directory, update functions, OpenAPI).

Layer: HTTP edge. Reached through :func:`runtime` (never a module-level global), so that
several apps can live in one process."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import current_app

from fake_sap.ale.dispatcher import Dispatcher
from fake_sap.basis.client_state import ClientStates
from fake_sap.config import Settings
from fake_sap.db.engine import Database
from fake_sap.db.numbers import NumberBuffer
from fake_sap.rfc.luw import SessionCache, UpdateFunctions
from fake_sap.rfc.registry import FunctionDirectory


@dataclass
class Runtime:
    settings: Settings
    db: Database
    dispatcher: Dispatcher
    #: the function modules callable over SOAP-RFC (SE37)
    functions: FunctionDirectory
    #: what BAPI_TRANSACTION_COMMIT runs (``CALL FUNCTION ... IN UPDATE TASK`` targets)
    update_functions: UpdateFunctions
    #: the control API's OpenAPI document, served at ``/_fake/openapi.json``
    openapi: Mapping[str, Any]
    #: this process's blocks of buffered number ranges
    numbers: NumberBuffer = field(default_factory=NumberBuffer)
    #: the clients' logon, business date and faults as last read, checked by every request
    client_states: ClientStates = field(init=False)
    #: the SAP sessions this process has seen alive, behind the same state version
    sessions: SessionCache = field(default_factory=SessionCache)

    def __post_init__(self) -> None:
        self.client_states = ClientStates(self.db)


def runtime() -> Runtime:
    return current_app.extensions["fake_sap"]  # type: ignore[no-any-return]
