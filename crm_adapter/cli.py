"""The ``crm-adapter`` command.

Layer: entry point (reads settings, builds the app or the worker). Subcommands register
themselves in :func:`build_parser`, one ``_add_<name>(commands)`` function each.

    crm-adapter serve [--host 127.0.0.1] [--port 8080] [--workers 2] [--config FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from crm_adapter.config import AdapterSettings


def _settings(args: argparse.Namespace) -> AdapterSettings:
    return AdapterSettings.load(args.config)


# --- serve -----------------------------------------------------------------------------------

def _serve(args: argparse.Namespace) -> int:
    from gunicorn.app.base import BaseApplication
    from sqlalchemy.engine import make_url

    from crm_adapter.http.app import create_app
    from crm_adapter.store.engine import Database

    settings = _settings(args)
    # create the schema once, before the workers start, so they do not race to create it
    db = Database(settings.db_url)
    db.create_schema()
    db.dispose()

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"{args.host}:{args.port}", "workers": args.workers,
                "worker_class": "sync", "preload_app": False, "timeout": 300,
                "graceful_timeout": 5, "keepalive": 5, "accesslog": None, "errorlog": "-",
                "loglevel": "warning", "proc_name": "crm-adapter"}
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            # runs in each worker after the fork: every worker gets its own engine
            return create_app(settings)

    shown = make_url(settings.db_url).render_as_string(hide_password=True)
    print(f"crm-adapter listening on http://{args.host}:{args.port} "
          f"({args.workers} worker(s), database {shown})", flush=True)
    Server().run()
    return 0


def _add_serve(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the IDoc receiver and the JSON API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--config", default=None, help="TOML settings file")
    serve.set_defaults(func=_serve)


# --- the command -----------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm-adapter",
                                     description="The CRM side of the SAP integration.")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_serve(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
