"""The ``crm-adapter`` command.

Layer: entry point (reads settings, builds the app or the worker). Subcommands register
themselves in :func:`build_parser`, one ``_add_<name>(commands)`` function each.

    crm-adapter serve [--host 127.0.0.1] [--port 8080] [--workers 2] [--config FILE]
    crm-adapter settle [--month YYYY-MM] [--force] [--reconcile] [--config FILE]
    crm-adapter worker [--config FILE] [--poll-seconds S] [--stale-seconds S] ...
    crm-adapter openapi [--check] [--root DIR]
    crm-adapter db upgrade|current [--config FILE] ; crm-adapter db history
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from crm_adapter.config import AdapterSettings


def _settings(args: argparse.Namespace) -> AdapterSettings:
    try:
        return AdapterSettings.load(args.config)
    except ValueError as error:  # a setting with a value the adapter does not know
        raise SystemExit(f"crm-adapter: {error}") from None


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


# --- worker ----------------------------------------------------------------------------------

def _worker(args: argparse.Namespace) -> int:
    import logging
    import signal
    import threading

    from crm_adapter.outbox import WorkerSettings
    from crm_adapter.worker import WorkerOptions, run_worker

    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    options = WorkerOptions(
        outbox=WorkerSettings(retry_base_seconds=args.retry_base_seconds,
                              retry_max_seconds=args.retry_max_seconds,
                              poll_seconds=args.poll_seconds, stale_seconds=args.stale_seconds),
        pending_idoc_seconds=args.pending_idoc_seconds)
    settings = _settings(args)
    print(f"crm-adapter worker: outbox to SAP at {settings.sap_url} client "
          f"{settings.sap_client}", flush=True)
    run_worker(settings, stop, options)
    return 0


def _add_worker(commands: Any) -> None:
    from crm_adapter.outbox import STALE_SECONDS

    worker = commands.add_parser(
        "worker", help="perform the outbox (calls to SAP) and IDocs left unprocessed")
    worker.add_argument("--config", default=None, help="TOML settings file")
    worker.add_argument("--poll-seconds", type=float, default=0.5,
                        help="pause when nothing is due (default 0.5)")
    worker.add_argument("--retry-base-seconds", type=float, default=1.0,
                        help="first retry delay after a communication error; doubles "
                             "with every attempt (default 1)")
    worker.add_argument("--retry-max-seconds", type=float, default=300.0,
                        help="longest retry delay (default 300)")
    worker.add_argument("--stale-seconds", type=float, default=STALE_SECONDS,
                        help="an entry in progress this long belongs to a crashed worker and "
                             f"is taken up again (default {STALE_SECONDS:g})")
    worker.add_argument("--pending-idoc-seconds", type=float, default=60.0,
                        help="how often to process IDocs left unprocessed (default 60)")
    worker.add_argument("--log-level", default="info",
                        choices=["debug", "info", "warning", "error"])
    worker.set_defaults(func=_worker)


# --- openapi ---------------------------------------------------------------------------------

def _openapi(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crm_adapter.compose import openapi_json
    from crm_adapter.http.openapi import OPENAPI_FILE

    target = Path(args.root) / OPENAPI_FILE
    expected = openapi_json()
    current = target.read_bytes() if target.is_file() else None
    if args.check:
        if current == expected:
            print(f"{OPENAPI_FILE} is up to date")
            return 0
        print(f"{OPENAPI_FILE} is {'missing' if current is None else 'out of date'}; run "
              "`crm-adapter openapi` to regenerate it")
        return 1
    if current == expected:
        print(f"{OPENAPI_FILE} is up to date")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(expected)
    print(f"{'wrote' if current is None else 'updated'} {OPENAPI_FILE}")
    return 0


def _add_openapi(commands: Any) -> None:
    openapi = commands.add_parser(
        "openapi", help="write the JSON API's OpenAPI document to contracts/openapi/")
    openapi.add_argument("--check", action="store_true",
                         help="write nothing; exit 1 if the committed file differs")
    openapi.add_argument("--root", default=".",
                         help="repository root to write into (default: current directory)")
    openapi.set_defaults(func=_openapi)


# --- settle ----------------------------------------------------------------------------------

def _settle(args: argparse.Namespace) -> int:
    import json

    from crm_adapter.clock import BusinessClock
    from crm_adapter.domain.errors import DomainError
    from crm_adapter.flows import settlement
    from crm_adapter.http.rendering import render
    from crm_adapter.sap_connection import sap_connector
    from crm_adapter.store.engine import Database

    settings = _settings(args)
    db = Database(settings.db_url)
    db.create_schema()
    try:
        if args.reconcile:
            sap = sap_connector(settings)()
            try:
                result = settlement.reconcile(db, sap)
            finally:
                sap.close()
        else:
            clock = BusinessClock.from_settings(settings)
            with db.write() as conn:
                result = settlement.run_settlement(conn, clock.today(conn), args.month,
                                                   forced=args.force)
    except DomainError as error:
        print(f"crm-adapter settle: {error}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(json.dumps(render(result), indent=2, ensure_ascii=False))
    return 0


def _add_settle(commands: Any) -> None:
    settle = commands.add_parser(
        "settle", help="settle the repair labour fees of a month per provincial center",
        description="Without --month: the previous month, on day 10 of the business date "
                    "only (unless --force). The FI postings are made by `crm-adapter "
                    "worker`. --reconcile marks posted settlements settled once SAP cleared "
                    "them.")
    settle.add_argument("--month", default=None, help="the month to settle, YYYY-MM (any "
                                                      "day, once the month is over)")
    settle.add_argument("--force", action="store_true",
                        help="settle the previous month on another day than the 10th")
    settle.add_argument("--reconcile", action="store_true",
                        help="instead of settling: ask SAP which settlements it cleared")
    settle.add_argument("--config", default=None, help="TOML settings file")
    settle.set_defaults(func=_settle)


# --- db ------------------------------------------------------------------------------------

def _db(args: argparse.Namespace) -> int:
    from crm_adapter.store import migrations
    from crm_adapter.store.engine import Database

    if args.db_command == "history":
        for step in migrations.history():
            print(f"{step.revision}{' (head)' if step.is_head else ''} {step.message}")
        return 0
    if args.db_command == "revision":
        return _db_revision(args.message)
    db = Database(_settings(args).db_url)
    try:
        if args.db_command == "upgrade":
            before, after = migrations.upgrade(db.engine, args.revision)
            print(f"at {after}" if before == after
                  else f"upgraded from {before or 'none'} to {after}")
        else:
            with db.engine.connect() as conn:
                print(migrations.describe(conn))
    finally:
        db.dispose()
    return 0


def _db_revision(message: str) -> int:
    """Autogenerate a revision against a scratch database built by the migrations so far."""
    import tempfile
    from pathlib import Path

    from crm_adapter.store import migrations
    from crm_adapter.store.engine import Database

    with tempfile.TemporaryDirectory() as folder:
        scratch = Database(f"sqlite:///{Path(folder) / 'scratch.db'}")
        try:
            path = migrations.make_revision(scratch.engine, message)
        finally:
            scratch.dispose()
    print(f"wrote {path}: check it (autogenerate does not see everything) and add a test")
    return 0


def _add_db(commands: Any) -> None:
    db = commands.add_parser("db", help="the CRM database's schema migrations")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", help="bring the schema to the newest revision (serve and worker do this "
                        "at start)")
    upgrade.add_argument("--revision", default="head")
    current = db_commands.add_parser("current", help="the revision the database is at")
    for command in (upgrade, current):
        command.add_argument("--config", default=None, help="TOML settings file")
    db_commands.add_parser("history", help="every revision, the newest first")
    revision = db_commands.add_parser(
        "revision", help="(developers) write a new revision for a change of the tables")
    revision.add_argument("-m", "--message", required=True)
    db.set_defaults(func=_db)


# --- the command -----------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm-adapter",
                                     description="The CRM side of the SAP integration.")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_serve(commands)
    _add_settle(commands)
    _add_worker(commands)
    _add_openapi(commands)
    _add_db(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
