"""The Flask application factory.

Layer: HTTP edge (the web process's entry). Its tables (function directory, update functions,
OpenAPI document) come from :mod:`fake_sap.compose`.
"""

from __future__ import annotations

import logging

from flask import Flask

from fake_sap import compose
from fake_sap.ale.dispatcher import Dispatcher
from fake_sap.config import Settings
from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.db.numbers import Buffering, NumberBuffer
from fake_sap.http import errors
from fake_sap.http.control import bp as control_bp
from fake_sap.http.control.openapi import bp as openapi_bp
from fake_sap.http.idoc_xml import bp as idoc_xml_bp
from fake_sap.http.runtime import Runtime
from fake_sap.http.soap_rfc import bp as soap_rfc_bp
from fake_sap.ui.views import bp as console_bp
from fake_sap.ui.views import home_bp as console_home_bp

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask("fake_sap")
    # the IDoc-XML endpoint streams and limits bodies itself
    app.config["MAX_CONTENT_LENGTH"] = None
    db = Database(settings.db_url)
    dispatcher = Dispatcher(db, settings)
    functions = compose.function_directory()
    app.extensions["fake_sap"] = Runtime(settings, db, dispatcher, functions,
                                         compose.update_functions(),
                                         compose.openapi_document(functions),
                                         NumberBuffer(Buffering.parse(settings.number_buffers)))
    errors.register(app)
    app.register_blueprint(idoc_xml_bp)
    app.register_blueprint(control_bp)
    app.register_blueprint(openapi_bp)
    app.register_blueprint(soap_rfc_bp)
    # the web console (/_fake/ui/) and the page at / that links to it
    app.register_blueprint(console_bp)
    app.register_blueprint(console_home_bp)
    if settings.dispatcher:
        dispatcher.start()
    return app


def prepare_database(settings: Settings) -> None:
    """Create the schema and the default client if they are missing (idempotent)."""
    db = Database(settings.db_url)
    try:
        db.create_schema()
        with db.write() as conn:
            if not clients.exists(conn, settings.default_client):
                clients.create(conn, settings.default_client, "Default client")
    finally:
        db.dispose()
