"""Start order of the adapter's two processes: ``crm-adapter worker`` started first on an
empty database creates the schema itself and works, and ``crm-adapter serve`` started after
it serves on that schema.

SAP is nowhere in these tests: with nothing in the outbox the worker never calls it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from crm_driver import CrmApi, document, eventually, from_sap
from idoc_builders import material

from crm_adapter.compose import inbox_handlers
from crm_adapter.inbox import Inbox
from crm_adapter.store import inbox as inbox_store
from crm_adapter.store import migrations
from crm_adapter.store.engine import Database
from fake_sap.testing.process import free_port


@pytest.fixture
def start_crm(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start ``crm-adapter`` commands (logging to files in tmp_path); all are ended after."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*arguments: str) -> subprocess.Popen[bytes]:
        with (tmp_path / f"crm-{len(started)}.log").open("ab") as log:
            process = subprocess.Popen([sys.executable, "-m", "crm_adapter.cli", *arguments],
                                       stdout=log, stderr=log)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def schema_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return migrations.current_revision(connection)


def test_the_worker_started_first_on_an_empty_database_creates_the_schema_and_works(
        tmp_path: Path, start_crm: Callable[..., subprocess.Popen[bytes]]) -> None:
    database_file = tmp_path / "crm.db"
    db_url = f"sqlite:///{database_file}"
    config = tmp_path / "crm.toml"
    config.write_text(f'[crm_adapter]\ndb_url = "{db_url}"\nreceiver_user = "sap"\n'
                      f'receiver_password = "secret"\nsap_url = "http://127.0.0.1:9"\n',
                      encoding="utf-8")
    assert not database_file.exists()

    worker = start_crm("worker", "--config", str(config), "--poll-seconds", "0.1",
                       "--pending-idoc-seconds", "0.2", "--log-level", "warning")
    db = Database(db_url)
    try:
        eventually(lambda: schema_revision(db), lambda revision: revision is not None,
                   timeout=30.0, what="the worker to create the schema")
        assert schema_revision(db) == migrations.head_revision()
        # an IDoc stored by a receiving process that died before applying it: the worker
        # applies it on the schema it made
        Inbox(db, inbox_handlers()).receive(document(from_sap(material("4711", "Pump"))))
        eventually(lambda: [e["status"] for e in _inbox(db)], lambda s: s == ["processed"],
                   timeout=30.0, what="the worker to apply the stored IDoc")
    finally:
        db.dispose()
    assert worker.poll() is None, (tmp_path / "crm-0.log").read_text(errors="replace")

    port = free_port()
    server = start_crm("serve", "--port", str(port), "--workers", "1", "--config", str(config))
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10.0) as http:
        eventually(lambda: _healthy(http, server), bool, timeout=30.0,
                   what="crm-adapter serve after the worker")
        found = CrmApi(http).material("4711")

    assert found is not None and found["description_en"] == "Pump"
    assert worker.poll() is None, (tmp_path / "crm-0.log").read_text(errors="replace")


def _inbox(db: Database) -> list[dict[str, object]]:
    with db.read() as conn:
        return list(inbox_store.listing(conn, limit=10))


def _healthy(http: httpx.Client, server: subprocess.Popen[bytes]) -> bool:
    assert server.poll() is None, "crm-adapter serve exited"
    try:
        return http.get("/health").status_code == 200
    except httpx.TransportError:
        return False
