"""Running the emulator under gunicorn, with N worker processes over one database.

Layer: entry point. The database is prepared (schema, default client, ``--demo`` data) only
once gunicorn has bound its socket, in the master's ``when_ready`` hook before any worker
starts: a start that fails, for example because the port is taken, writes nothing.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from gunicorn.app.base import BaseApplication

from fake_sap.app import create_app, prepare_database
from fake_sap.config import Settings


class FakeSapServer(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, host: str, port: int, workers: int,
                 access_log: bool = False, demo: bool = False) -> None:
        self.settings = settings
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "sync",
            # each worker builds its own app (engine, dispatcher thread) after the fork
            "preload_app": False,
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
        return create_app(self.settings)


def serve(settings: Settings, host: str, port: int, workers: int, *,
          access_log: bool = False, demo: bool = False) -> None:
    settings = replace(settings, server_workers=workers)
    # workers read nothing from the parent but these settings
    os.environ.update(settings.to_env())
    FakeSapServer(settings, host, port, workers, access_log, demo).run()


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
