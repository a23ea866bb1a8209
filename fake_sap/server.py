"""Running the emulator under gunicorn, with N worker processes over one database.

Each worker serves its requests on a few threads (gunicorn's ``gthread`` worker) and keeps
a client's connection open between requests (HTTP keep-alive), so that a test suite calling
the emulator again and again does not pay a TCP connect per call, as it would with the
``sync`` worker, which closes the connection after every answer. A thread that waits (for
the SQLite write lock, on a held call of an injected timeout fault) leaves the worker's
other threads free. ``--threads 1`` still keeps connections alive.

The app is thread-safe: a request's state is Flask's request context, the business date a
context variable; the engine's pool gives each thread its own connection, and SQLite writers
of all threads and processes queue on the write lock file (see ``fake_sap.db.engine``).

Layer: entry point. The master builds the app's routes and tables once
(:func:`fake_sap.app.build_app`, gunicorn's ``preload_app``) and every worker inherits them
by ``fork``; each worker then gives the app the objects of its own process (engine,
dispatcher, caches: :func:`fake_sap.app.start_app`) in the ``post_fork`` hook. A worker
thus starts serving at once instead of composing the app again, and the master's imports
and tables are paid for once, not once per worker.

The database is prepared (schema, default client, ``--demo`` data) only once gunicorn has
bound its socket, in the master's ``when_ready`` hook before any worker starts: a start that
fails, for example because the port is taken, writes nothing (building the app writes
nothing either).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from fake_sap.app import build_app, prepare_database, start_app
from fake_sap.config import Settings

#: request threads per worker process (``fake-sap serve --threads``)
DEFAULT_THREADS = 2


class FakeSapServer(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, host: str, port: int, workers: int,
                 access_log: bool = False, demo: bool = False,
                 threads: int = DEFAULT_THREADS) -> None:
        self.settings = settings
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            # the master builds the app once; each worker starts its own part after the fork
            "preload_app": True,
            "post_fork": lambda _arbiter, _worker: start_app(self._app(), settings),
            "timeout": 300,
            "graceful_timeout": 5,
            "keepalive": 5,
            "accesslog": "-" if access_log else None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "fake-sap",
            # runs in the master once the socket is bound, before the first worker forks
            "when_ready": lambda _arbiter: _prepare(settings, f"{host}:{port}", demo),
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        """The app as the master builds it (``preload_app``), before any worker forks."""
        return build_app()

    def _app(self) -> Flask:
        """The master's app, as this worker inherited it."""
        app: Flask = self.wsgi()
        return app


def serve(settings: Settings, host: str, port: int, workers: int, *,
          access_log: bool = False, demo: bool = False, threads: int = DEFAULT_THREADS) -> None:
    settings = replace(settings, server_workers=workers)
    # workers read nothing from the parent but these settings
    os.environ.update(settings.to_env())
    FakeSapServer(settings, host, port, workers, access_log, demo, threads).run()


def _prepare(settings: Settings, address: str, demo: bool) -> None:
    """Schema, default client and demo data; called once the server holds its port."""
    prepare_database(settings)
    if demo:
        from fake_sap.seed import seed_demo

        seed_demo(settings.db_url, settings.default_client)
    print(f"fake-sap listening on http://{address} (client {settings.default_client}, "
          f"{settings.server_workers} worker(s), database {_redacted(settings.db_url)})",
          flush=True)


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
