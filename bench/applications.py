"""Benchmark: material applications approved in the CRM and turned into SAP orders.

fake-sap is seeded (control API) and the same master data is posted to the CRM adapter's
receiver as MATMAS/DEBMAS IDocs, read back from SAP's tables with SAP's outbound readers.
Then N sales-order applications (one outlet each in turn, one item of 1 piece) are created
and approved through the adapter's JSON API, and ``crm-adapter worker`` is started: for
each application it checks credit and stock in SAP (BAPI_MATERIAL_AVAILABILITY and the
credit data) and creates the order (BAPI_SALESORDER_CREATEFROMDAT2 + commit). The clock
runs from the worker's start until every application is ``in_sap``.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import httpx

from bench.adapter_load import PARTNER, RECEIVER_PASSWORD, RECEIVER_USER, Adapter, crm_adapter
from bench.harness import Report
from bench.processes import CLIENT, fake_sap, scratch_dir
from bench.read_table import seed
from fake_sap.testing.process import FakeSapProcess

NAME = "applications"
FULL_SIZE, QUICK_SIZE = 500, 50
MATERIALS, CUSTOMERS, INITIAL_STOCK = 200, 40, "100000"
WORKER_BUDGET_SECONDS = 600.0


def run(quick: bool) -> Report:
    size = QUICK_SIZE if quick else FULL_SIZE
    report = Report(NAME, f"{size} material applications approved and created as SAP orders",
                    "httpx: POST /api/applications + /approve x N, then crm-adapter worker "
                    "(one worker, one RFC session) until all are in_sap (fake-sap --workers 2,"
                    " crm-adapter serve --workers 2, SQLite)")
    orders = report.metric("applications turned into SAP orders (worker)", "orders/s")
    api = report.metric("create + approve through the API", "applications/s")
    with scratch_dir() as tmp, fake_sap(tmp / "sap.db", workers=2) as sap, \
            crm_adapter(tmp, sap.url) as adapter:
        master = seed(sap.url, MATERIALS, CUSTOMERS, INITIAL_STOCK)
        _load_crm_master_data(sap, adapter)
        outlets = master["outlets"]
        started = time.monotonic()
        with httpx.Client(base_url=adapter.url, timeout=60.0) as crm:
            for i in range(size):
                created = crm.post("/api/applications", json={
                    "outlet": outlets[i % len(outlets)], "type": "sales_order",
                    "items": [{"material": master["materials"][i % MATERIALS],
                               "quantity": "1"}]})
                created.raise_for_status()
                application = created.json()["application"]["id"]
                crm.post(f"/api/applications/{application}/approve").raise_for_status()
        api.runs.append(size / (time.monotonic() - started))
        env = {**os.environ, "CRM_ADAPTER_DB_URL": f"sqlite:///{adapter.db}",
               "CRM_ADAPTER_SAP_URL": sap.url}
        worker = subprocess.Popen([sys.executable, "-m", "crm_adapter.cli", "worker",
                                   "--log-level", "warning", "--poll-seconds", "0.05"],
                                  env=env, stdout=subprocess.DEVNULL)
        try:
            started = time.monotonic()
            counts = _wait_until_settled(adapter.db, size, started + WORKER_BUDGET_SECONDS)
            seconds = time.monotonic() - started
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        orders.runs.append(counts.get("in_sap", 0) / seconds)
        report.notes.append(f"statuses at the end: {counts} after {seconds:.1f} s "
                            "(worker start-up included)")
    return report


def _load_crm_master_data(sap: FakeSapProcess, adapter: Adapter) -> None:
    """The CRM's initial load: BD10 and BD12 to the adapter, passed to it right away."""
    client = sap.client(CLIENT)
    client.register_partner(PARTNER, url=f"{adapter.url}/sap/idoc", user=RECEIVER_USER,
                            password=RECEIVER_PASSWORD, outbound=["MATMAS", "DEBMAS"],
                            pack_size=500)
    for mestyp in ("MATMAS", "DEBMAS"):
        client.send_master_data(mestyp, PARTNER)
    client.dispatch()  # the adapter applies each packet before answering


def _wait_until_settled(db: object, size: int, deadline: float) -> dict[str, int]:
    while True:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            counts = dict(conn.execute(
                "SELECT status, count(*) FROM material_applications GROUP BY status").fetchall())
        settled = sum(counts.get(s, 0) for s in ("in_sap", "failed", "rejected"))
        if settled >= size or time.monotonic() > deadline:
            return counts
        threading.Event().wait(0.1)
