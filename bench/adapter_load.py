"""Benchmark: initial load of materials from fake-sap into the CRM store, through ALE.

What an SAP team does to fill a newly connected CRM: fake-sap client 100 holds N materials
(``fake-sap seed``), the CRM adapter is registered as the MATMAS partner (XML-HTTP port on
its receiver, WE20 pack size 1,000, two packets on their way at once), and BD10 ("send
material", ``POST /_fake/clients/100/ale/send-master-data``) creates a full MATMAS05 IDoc
per material. fake-sap commits them in packets and its dispatcher starts passing them to
the receiver (``POST /sap/idoc``, up to 1,000 IDocs per POST, two POSTs at a time, the
adapter serializing by SERIAL) while later packets are still being created. The
clock runs from the BD10 request until the CRM's ``materials`` table holds N rows (read
straight from its SQLite file). Reported apart: the BD10 request (creating the IDocs), the
delivery rate, the CPU time of each side per IDoc, and the peak RSS of both servers'
workers.

A full load that cannot finish within the budget is stopped; its delivery rate then gives
the projected total.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.harness import Report, Target
from bench.processes import (
    CLIENT,
    children,
    cpu_seconds,
    fake_sap,
    peak_rss_mib,
    scratch_dir,
    workers_cpu_seconds,
)
from fake_sap.testing.process import free_port

NAME = "adapter-load"
TARGET_SECONDS = 20.0
#: WE20 output mode "collect": IDocs per POST to the adapter (1 = one IDoc per POST);
#: BENCH_PACK_SIZE overrides it
PACK_SIZE = int(os.environ.get("BENCH_PACK_SIZE", "1000"))
#: packets on their way to the adapter at once (RSEOUT00's parallel processing, as an
#: initial load is run); BENCH_PARALLEL_PACKETS overrides it
PARALLEL_PACKETS = int(os.environ.get("BENCH_PARALLEL_PACKETS", "2"))
TARGET_PEAK_RSS_MIB = 200
FULL_SIZE, QUICK_SIZE = 100_000, 2_000
#: longest wait for the whole load (a projection is reported beyond)
DELIVERY_BUDGET_SECONDS = float(os.environ.get("BENCH_ADAPTER_LOAD_BUDGET", 300))
RECEIVER_USER, RECEIVER_PASSWORD = "sap", "crm-secret"
PARTNER = "CRMCLNT100"
ADAPTER_WORKERS = 2
#: the adapter's ``receiver_processing``: apply a packet after answering SAP (as an initial
#: load is best run), or before (the adapter's default); BENCH_RECEIVER_PROCESSING overrides
RECEIVER_PROCESSING = os.environ.get("BENCH_RECEIVER_PROCESSING", "after_answer")


@dataclass
class Adapter:
    process: subprocess.Popen[bytes]
    url: str
    db: Path

    def materials(self) -> int:
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30) as conn:
                return int(conn.execute("SELECT count(*) FROM materials").fetchone()[0])
        except sqlite3.OperationalError:  # not created yet, or busy
            return 0

    def workers(self) -> list[int]:
        return children(self.process.pid)


@contextmanager
def crm_adapter(tmp: Path, sap_url: str,
                receiver_processing: str = "before_answer") -> Iterator[Adapter]:
    port, db = free_port(), tmp / "crm.db"
    env = {**os.environ, "CRM_ADAPTER_DB_URL": f"sqlite:///{db}",
           "CRM_ADAPTER_SAP_URL": sap_url, "CRM_ADAPTER_RECEIVER_USER": RECEIVER_USER,
           "CRM_ADAPTER_RECEIVER_PASSWORD": RECEIVER_PASSWORD,
           "CRM_ADAPTER_RECEIVER_PROCESSING": receiver_processing}
    process = subprocess.Popen(
        [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(port),
         "--workers", str(ADAPTER_WORKERS)], env=env, stdout=subprocess.DEVNULL)
    adapter = Adapter(process, f"http://127.0.0.1:{port}", db)
    try:
        _wait_until_answering(f"{adapter.url}/api/openapi.json", process)
        yield adapter
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_answering(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.TransportError:
            threading.Event().wait(0.1)
    raise RuntimeError(f"the CRM adapter did not answer at {url}")


def run(quick: bool) -> Report:
    size = QUICK_SIZE if quick else FULL_SIZE
    report = Report(NAME, f"initial load: BD10 of {size:,} materials in fake-sap, "
                          "distributed to the CRM adapter's receiver",
                    f"fake-sap seed --materials {size} --customers 0, then fake-sap serve "
                    f"--workers 2 (SQLite) with the adapter (crm-adapter serve --workers "
                    f"{ADAPTER_WORKERS}, SQLite, receiver_processing={RECEIVER_PROCESSING}) "
                    f"as MATMAS partner (pack size {PACK_SIZE}, {PARALLEL_PACKETS} "
                    "packet(s) at once); POST .../ale/"
                    "send-master-data {\"message_type\": \"MATMAS\"} until the CRM store "
                    "holds every material")
    total = report.metric("BD10 request until all materials are in the CRM", "s",
                          Target(TARGET_SECONDS, at_least=False))
    created = report.metric("of which the BD10 request (creating the outbound IDocs)", "s")
    delivery = report.metric(f"materials into the CRM per second ({PACK_SIZE} IDocs per "
                             "POST)", "IDocs/s")
    rss = report.metric("adapter worker peak RSS (VmHWM, largest worker)", "MiB",
                        Target(TARGET_PEAK_RSS_MIB, at_least=False))
    sap_rss = report.metric("fake-sap worker peak RSS (VmHWM, largest worker)", "MiB")
    sap_cpu = report.metric("fake-sap workers CPU per IDoc (create + send)", "ms")
    crm_cpu = report.metric("adapter workers CPU per IDoc (receive + apply)", "ms")
    behind = report.metric("materials not yet in the CRM when the BD10 request answered",
                           "materials")
    with scratch_dir() as tmp:
        _seed(tmp / "sap.db", size)
        with fake_sap(tmp / "sap.db", workers=2) as sap, \
                crm_adapter(tmp, sap.url, RECEIVER_PROCESSING) as adapter:
            client = sap.client(CLIENT)
            client.register_partner(
                PARTNER, url=f"{adapter.url}/sap/idoc", user=RECEIVER_USER,
                password=RECEIVER_PASSWORD, outbound=["MATMAS"], pack_size=PACK_SIZE,
                parallel_packets=PARALLEL_PACKETS)
            sap_before = workers_cpu_seconds(sap.process.pid)
            crm_before = sum(cpu_seconds(w) for w in adapter.workers())
            started = time.monotonic()
            sent = client.send_master_data("MATMAS", PARTNER)
            created_at = time.monotonic()
            # what the pipeline still owes once creating is done: the tail of the load
            behind.runs.append(size - adapter.materials())
            loaded = _wait_for_materials(adapter, size, started + DELIVERY_BUDGET_SECONDS)
            finished = time.monotonic()
            created.runs.append(created_at - started)
            delivery.runs.append(loaded / (finished - started))
            rss.runs.append(max(peak_rss_mib(w) for w in adapter.workers()))
            sap_rss.runs.append(max(peak_rss_mib(w) for w in children(sap.process.pid)))
            sap_cpu.runs.append(1000 * (workers_cpu_seconds(sap.process.pid) - sap_before
                                        ) / max(loaded, 1))
            crm_cpu.runs.append(1000 * (sum(cpu_seconds(w) for w in adapter.workers())
                                        - crm_before) / max(loaded, 1))
            if loaded >= size:
                total.runs.append(finished - started)
            else:
                total.runs.append(size / max(loaded, 1) * (finished - started))
                report.notes.append(
                    f"stopped after {DELIVERY_BUDGET_SECONDS:.0f} s with {loaded:,} of "
                    f"{size:,} materials in the CRM; the total shown is projected from the "
                    "rate so far")
            report.notes.append(f"BD10 created {sent['created']:,} IDocs for {size:,} "
                                "materials")
    return report


def _seed(db: Path, materials: int) -> None:
    """Materials straight into fake-sap's database, before the server starts."""
    subprocess.run([str(Path(sys.executable).with_name("fake-sap")), "seed", "--db",
                    f"sqlite:///{db}", "--client", CLIENT, "--materials", str(materials),
                    "--customers", "0", "--seed", "1"], check=True, capture_output=True)


def _wait_for_materials(adapter: Adapter, size: int, deadline: float) -> int:
    while True:
        loaded = adapter.materials()
        if loaded >= size or time.monotonic() > deadline:
            return loaded
        threading.Event().wait(0.25)
