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

from flask import Blueprint, Flask, Response, jsonify

from crm_adapter import compose
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
from crm_adapter.http.runtime import EXTENSION, Runtime
from crm_adapter.inbox import Handlers, Inbox
from crm_adapter.store.engine import Database

BLUEPRINTS: list[Blueprint] = [receiver.bp, materials.bp, applications.bp, returns.bp,
                                openapi.bp]
BLUEPRINTS += [customers.bp, deliveries.bp, repairs.bp, settlements.bp, statistics.bp,
               clock.bp]

health = Blueprint("health", __name__)


@health.get("/health")
def get_health() -> Response:
    return jsonify({"status": "ok"})


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
