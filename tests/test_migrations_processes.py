"""The real processes on a database the previous version made: ``fake-sap serve`` and
``crm-adapter serve`` / ``worker`` upgrade it at start, keep its rows and serve requests, also
when two of them start on it at the same moment."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from migration_stores import (
    BACKENDS,
    CRM,
    SAP,
    fresh_database,
    previous_version_with_rows,
    version_of,
)
from sqlalchemy import create_engine, text

from fake_sap.testing.process import FakeSapProcess, free_port

MATERIAL = "000000000000004711"


def test_fake_sap_serve_upgrades_a_database_the_previous_version_made(tmp_path: Path) -> None:
    url = previous_version_with_rows(tmp_path / "previous.db", SAP)

    with FakeSapProcess.start(url, workers=2, log=tmp_path / "fake-sap.log") as server:
        assert version_of(url, SAP) == SAP.migrations.head_revision()
        old_client = server.client("342")
        partner = old_client.register_partner("NEWPARTNER", inbound=["MATMAS"],
                                              parallel_packets=2)
        new_client = server.new_client()
        with old_client.http() as http:
            clients = http.get("/_fake/clients").json()
            partners = http.get("/_fake/clients/342/partners").json()["partners"]

    assert partner["parallel_packets"] == 2
    assert {(p["logical_system"], p["pack_size"], p["parallel_packets"]) for p in partners} == {
        ("NEWPARTNER", 1, 2), ("OLDPARTNER", 3, 1)}
    listed = {entry["client"]: entry for entry in clients["clients"]}
    assert listed["342"]["description"] == "Made by 0.1.0"
    assert new_client.number in listed
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT logsys, pack_size, parallel_packets FROM partners "
                                 "WHERE mandt = '342' ORDER BY logsys")).all() == [
            ("NEWPARTNER", 1, 2), ("OLDPARTNER", 3, 1)]
        assert conn.execute(text("SELECT matnr FROM mara WHERE mandt = '342'")
                            ).scalar_one() == MATERIAL
    engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_fake_sap_servers_starting_at_once_on_one_database_both_serve(
        backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path) as url:
        if backend == "sqlite":
            url = previous_version_with_rows(tmp_path / "previous.db", SAP)
        with ThreadPoolExecutor(2) as pool:
            starting = [pool.submit(FakeSapProcess.start, url, workers=2,
                                    log=tmp_path / f"fake-sap-{n}.log") for n in range(2)]
            servers = [future.result() for future in starting]
        try:
            created = [server.new_client() for server in servers]
            assert version_of(url, SAP) == SAP.migrations.head_revision()
            for server in servers:
                with server.control() as http:
                    listed = {entry["client"] for entry in http.get("/_fake/clients").json()[
                        "clients"]}
                assert {client.number for client in created} <= listed
        finally:
            for server in servers:
                server.stop()


# --- the CRM adapter ------------------------------------------------------------------------------

def crm_config(folder: Path, db_url: str) -> Path:
    config = folder / "crm.toml"
    # SAP is nowhere: with nothing in the outbox, the worker never calls it
    config.write_text(f'[crm_adapter]\ndb_url = "{db_url}"\nreceiver_user = "sap"\n'
                      f'receiver_password = "secret"\nsap_url = "http://127.0.0.1:9"\n',
                      encoding="utf-8")
    return config


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


def wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30.0
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")[-4000:]
        try:
            if httpx.get(f"{url}/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"crm-adapter serve did not answer: {log.read_text()[-4000:]}")


def test_crm_serve_and_worker_starting_together_upgrade_a_previous_version_database(
        tmp_path: Path, start_crm: Callable[..., subprocess.Popen[bytes]]) -> None:
    url = previous_version_with_rows(tmp_path / "previous.db", CRM)
    config = crm_config(tmp_path, url)
    port = free_port()

    server = start_crm("serve", "--port", str(port), "--workers", "2", "--config", str(config))
    worker = start_crm("worker", "--config", str(config), "--poll-seconds", "0.1",
                       "--log-level", "warning")
    base = f"http://127.0.0.1:{port}"
    wait_for_health(base, server, tmp_path / "crm-0.log")

    pending = httpx.get(f"{base}/api/materials/maintenance", timeout=10.0)
    maintained = httpx.put(f"{base}/api/materials/{MATERIAL}/maintenance", timeout=10.0,
                           json={"position_number": "P-1", "repair_level": "L2"})

    assert pending.status_code == 200
    assert [m["material_number"] for m in pending.json()["materials"]] == [MATERIAL]
    assert maintained.status_code == 200, maintained.text
    assert version_of(url, CRM) == CRM.migrations.head_revision()
    time.sleep(0.5)  # the worker has had time to start and run its first passes
    assert worker.poll() is None, (tmp_path / "crm-1.log").read_text(errors="replace")
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT standard_price, repair_level FROM materials")
                            ).one() == ("12.50", "L2")
    engine.dispose()
