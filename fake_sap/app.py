"""The Flask application factory.

Layer: HTTP edge (the web process's entry). Its tables (function directory, update functions,
OpenAPI document) come from :mod:`fake_sap.compose`.

An app is made in two parts, so that ``fake-sap serve`` can build the first once, in the
gunicorn master, and let every worker inherit it by ``fork``:

- :func:`build_app`: the routes and the tables compose builds; nothing in it belongs to a
  process (no database connection, no thread, no identity), so a forked copy is as good as
  a new one;
- :func:`start_app`: what each process needs of its own: the engine and its pool, the ALE
  dispatcher and its thread (its lease owner names the process), the number buffer, the
  per-process caches of client state and sessions.

:func:`create_app` does both, for a single process (tests, the profiles).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

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
from fake_sap.rfc.luw import UpdateFunctions
from fake_sap.rfc.registry import FunctionDirectory
from fake_sap.ui.views import bp as console_bp
from fake_sap.ui.views import home_bp as console_home_bp

log = logging.getLogger(__name__)

#: where :func:`build_app` keeps the composed tables until :func:`start_app` needs them
_TABLES = "fake_sap.tables"


@dataclass(frozen=True)
class AppTables:
    """What :mod:`fake_sap.compose` builds for an app: the same in every process."""

    functions: FunctionDirectory
    update_functions: UpdateFunctions
    openapi: dict[str, Any]


def create_app(settings: Settings | None = None) -> Flask:
    """An app ready to serve in this process."""
    settings = settings or Settings.from_env()
    app = build_app()
    start_app(app, settings)
    return app


def build_app() -> Flask:
    """The routes and the composed tables, without anything of a process (see the module
    text): a server that forks its workers builds this once, before the fork."""
    app = Flask("fake_sap")
    # the IDoc-XML endpoint streams and limits bodies itself
    app.config["MAX_CONTENT_LENGTH"] = None
    functions = compose.function_directory()
    app.extensions[_TABLES] = AppTables(functions, compose.update_functions(),
                                        compose.openapi_document(functions))
    errors.register(app)
    app.register_blueprint(idoc_xml_bp)
    app.register_blueprint(control_bp)
    app.register_blueprint(openapi_bp)
    app.register_blueprint(soap_rfc_bp)
    # the web console (/_fake/ui/) and the page at / that links to it
    app.register_blueprint(console_bp)
    app.register_blueprint(console_home_bp)
    return app


def start_app(app: Flask, settings: Settings) -> None:
    """Give an app of :func:`build_app` the objects of this process (see the module text)
    and start its dispatcher; called once per process, in a server's worker after the fork."""
    tables: AppTables = app.extensions[_TABLES]
    db = Database(settings.db_url)
    dispatcher = Dispatcher(db, settings)
    app.extensions["fake_sap"] = Runtime(settings, db, dispatcher, tables.functions,
                                         tables.update_functions, tables.openapi,
                                         NumberBuffer(Buffering.parse(settings.number_buffers)))
    if settings.dispatcher:
        dispatcher.start()


def prepare_database(settings: Settings) -> None:
    """Create the schema and the default client if they are missing (idempotent).

    The client is looked up before it is written so that a server can start on a database
    that is prepared but read-only: it then answers each write with 503 instead of not
    starting at all."""
    db = Database(settings.db_url)
    try:
        db.create_schema()
        with db.read() as conn:
            if clients.exists(conn, settings.default_client):
                return
        with db.write() as conn:
            clients.create_if_absent(conn, settings.default_client, "Default client")
    finally:
        db.dispose()
