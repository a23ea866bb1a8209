"""The CRM adapter's Flask application factory.

Layer: HTTP edge (the web process's entry; its tables come from :mod:`crm_adapter.compose`).
To add an API area, write a module with a blueprint ``bp`` and append it to
:data:`BLUEPRINTS`, and its OpenAPI fragment to
:data:`crm_adapter.compose.OPENAPI_FRAGMENTS`; to map a new exception to a
status, add it to the area's ``ERROR_STATUSES`` (joined in
:func:`crm_adapter.compose.error_statuses`) or to
:data:`crm_adapter.http.errors.STATUS_BY_EXCEPTION`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, jsonify

from crm_adapter import compose, outbox
from crm_adapter.config import AdapterSettings
from crm_adapter.http import (
    applications,
    clock,
    customers,
    deliveries,
    errors,
    materials,
    openapi,
    receiver,
    repairs,
    returns,
    settlements,
    statistics,
)
from crm_adapter.http.runtime import EXTENSION, Runtime, runtime
from crm_adapter.inbox import Handlers, Inbox
from crm_adapter.store.engine import Database
from crm_adapter.store.errors import StoreUnavailable

BLUEPRINTS: list[Blueprint] = [receiver.bp, materials.bp, applications.bp, returns.bp,
                                openapi.bp]
BLUEPRINTS += [customers.bp, deliveries.bp, repairs.bp, settlements.bp, statistics.bp,
               clock.bp]

health = Blueprint("health", __name__)


@health.get("/health")
def get_health() -> Response:
    """Liveness, and whether the worker calls SAP (``sap``): ``running``, ``halted`` by a
    configuration error (with its reason), or ``unknown`` while the store cannot be read."""
    return jsonify({"status": "ok", "sap": _sap_calls()})


@health.post("/api/sap/resume")
def resume_sap_calls() -> Response:
    """An operator fixed what halted SAP calls (the SAP user's password, a stateful SOAP-RFC
    service): the worker calls SAP again, and the waiting jobs are due at once."""
    with runtime().db.write() as conn:
        outbox.resume(conn)
    return jsonify(_sap_calls())


def _sap_calls() -> dict[str, Any]:
    try:
        with runtime().db.read() as conn:
            halt = outbox.halt_state(conn)
    except StoreUnavailable:  # liveness must not depend on the store
        return {"status": "unknown"}
    if halt is None:
        return {"status": "running"}
    return {"status": "halted", "error": halt["error"], "reason": halt["reason"],
            "since": halt["halted_at"].isoformat()}


def create_app(settings: AdapterSettings | None = None, *,
               handlers: Handlers | None = None) -> Flask:
    """Build the app: database (schema created if missing), inbox with the flows' handlers,
    the receiver and the JSON API. ``settings`` default to :meth:`AdapterSettings.load`."""
    settings = settings or AdapterSettings.load()
    db = Database(settings.db_url)
    db.create_schema()
    inbox = Inbox(db, handlers or compose.inbox_handlers())
    app = Flask("crm_adapter", static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = inbox.max_document_bytes
    app.extensions[EXTENSION] = Runtime(settings, db, inbox, compose.openapi_document())
    errors.register(app, compose.error_statuses(), compose.console_error_pages())
    app.register_blueprint(health)
    for blueprint in (*BLUEPRINTS, *compose.console_blueprints()):
        app.register_blueprint(blueprint)
    return app
