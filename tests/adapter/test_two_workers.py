"""Two ``crm-adapter worker`` processes on one CRM database (a second worker started by
mistake, or an old one still running during a deployment): every outbox entry is performed
by one of them, and every application gets exactly one SAP document.

The workers claim entries with the default ``--stale-seconds``, as deployed, against the
real fake-sap server.
"""

from __future__ import annotations

import collections
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from crm_driver import eventually
from landscape import Landscape

from crm_adapter.config import AdapterSettings
from crm_adapter.store import applications as application_store
from sap_client.tables import read_table

BATCH = 20


@pytest.fixture
def two_workers(landscape: Landscape, tmp_path: Path
                ) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Two ``crm-adapter worker`` processes on the landscape's database and SAP client."""
    settings: AdapterSettings = landscape.settings
    config = tmp_path / "crm-worker.toml"
    config.write_text(
        "[crm_adapter]\n" + "".join(f'{name} = "{getattr(settings, name)}"\n' for name in (
            "db_url", "sap_url", "sap_client", "sap_user", "sap_password")),
        encoding="utf-8")
    workers: list[subprocess.Popen[bytes]] = []
    for number in range(2):
        with (tmp_path / f"crm-worker-{number}.log").open("ab") as log:
            workers.append(subprocess.Popen(
                [sys.executable, "-m", "crm_adapter.cli", "worker", "--config", str(config),
                 "--poll-seconds", "0.05", "--retry-base-seconds", "0.1",
                 "--log-level", "warning"], stdout=log, stderr=log))
    yield workers
    for process in workers:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def statuses(landscape: Landscape) -> collections.Counter[str]:
    with landscape.db.read() as conn:
        return collections.Counter(a["status"] for a in application_store.listing(
            conn, limit=1000))


def test_two_workers_on_one_database_create_each_sap_order_once(
        landscape: Landscape, two_workers: list[subprocess.Popen[bytes]]) -> None:
    created = [landscape.apply(landscape.outlets[n % len(landscape.outlets)], "sales_order",
                               {landscape.materials[n % len(landscape.materials)]: 1})
               for n in range(BATCH)]
    for application in created:
        landscape.approve(application["id"])

    eventually(lambda: statuses(landscape)["in_sap"], lambda done: done == BATCH,
               timeout=90.0, what="every order in SAP")

    assert all(worker.poll() is None for worker in two_workers)
    orders = read_table(landscape.rfc, "VBAK", ["VBELN", "BSTNK"], ["BSTNK LIKE 'MA%'"])
    assert collections.Counter(o["BSTNK"] for o in orders) == {
        a["crm_reference"]: 1 for a in created}
    linked = {landscape.application(a["id"])["sap_document_number"] for a in created}
    assert linked == {o["VBELN"] for o in orders}
    entries = [e for a in created for e in landscape.application(a["id"])["integration"]]
    assert {(e["kind"], e["status"], e["attempts"]) for e in entries} == {
        ("check_material_application", "done", 1), ("create_sales_order", "done", 1)}
