"""Benchmark: initial load of materials from fake-sap into the CRM store, through ALE.

A MATMAS05 packet of N IDocs is posted into fake-sap (client 100) with the CRM adapter
registered as the MATMAS partner: SAP posts every material, writes a change pointer per
material, turns them into N outbound IDocs in the same transaction, and its dispatcher
passes them to the adapter's receiver (``POST /sap/idoc``), one IDoc per POST, in DOCNUM
order. The clock runs from the start of the packet POST until the CRM's ``materials``
table holds N rows (read straight from its SQLite file). Reported apart: the packet POST
(SAP inbound + creating the outbound IDocs) and the delivery to the CRM (dispatcher +
receiver), the CPU time of each side, and the peak RSS of the adapter's workers.

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

from bench import matmas
from bench.harness import Report, Target
from bench.packet import _body_limit_args, _post
from bench.processes import (
    children,
    cpu_seconds,
    fake_sap,
    peak_rss_mib,
    scratch_dir,
    workers_cpu_seconds,
)
from fake_sap.testing import free_port

NAME = "adapter-load"
TARGET_SECONDS = 30.0
#: WE20 output mode "collect": IDocs per POST to the adapter (1 = one IDoc per POST);
#: BENCH_PACK_SIZE overrides it
PACK_SIZE = int(os.environ.get("BENCH_PACK_SIZE", "500"))
TARGET_PEAK_RSS_MIB = 200
FULL_SIZE, QUICK_SIZE = 100_000, 2_000
#: longest wait for the delivery after the packet POST (a projection is reported beyond)
DELIVERY_BUDGET_SECONDS = float(os.environ.get("BENCH_ADAPTER_LOAD_BUDGET", 300))
RECEIVER_USER, RECEIVER_PASSWORD = "sap", "crm-secret"
PARTNER = "CRMCLNT100"
ADAPTER_WORKERS = 2


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
def crm_adapter(tmp: Path, sap_url: str) -> Iterator[Adapter]:
    port, db = free_port(), tmp / "crm.db"
    env = {**os.environ, "CRM_ADAPTER_DB_URL": f"sqlite:///{db}",
           "CRM_ADAPTER_SAP_URL": sap_url, "CRM_ADAPTER_RECEIVER_USER": RECEIVER_USER,
           "CRM_ADAPTER_RECEIVER_PASSWORD": RECEIVER_PASSWORD}
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
    report = Report(NAME, f"initial load: a {size:,}-IDoc MATMAS packet into fake-sap, "
                          "distributed to the CRM adapter's receiver",
                    "httpx POST of the packet to fake-sap (--workers 2, SQLite) with the "
                    f"adapter (crm-adapter serve --workers {ADAPTER_WORKERS}, SQLite) as "
                    "MATMAS partner; until the CRM store holds every material")
    total = report.metric("packet POST until all materials in the CRM", "s",
                          Target(TARGET_SECONDS, at_least=False))
    post = report.metric("of which the packet POST (SAP inbound + outbound IDocs)", "s")
    delivery = report.metric(f"delivery rate SAP -> CRM ({PACK_SIZE} IDocs per POST)",
                             "IDocs/s")
    rss = report.metric("adapter worker peak RSS (VmHWM, largest worker)", "MiB",
                        Target(TARGET_PEAK_RSS_MIB, at_least=False))
    sap_cpu = report.metric("fake-sap workers CPU per delivered IDoc", "ms")
    crm_cpu = report.metric("adapter workers CPU per delivered IDoc", "ms")
    with scratch_dir() as tmp:
        packet = tmp / "matmas05.xml"
        size_bytes = matmas.write_packet(packet, range(1, size + 1))
        with fake_sap(tmp / "sap.db", workers=2, extra_args=_body_limit_args(size_bytes)) \
                as sap, crm_adapter(tmp, sap.url) as adapter:
            sap.client("100").register_partner(
                PARTNER, url=f"{adapter.url}/sap/idoc", user=RECEIVER_USER,
                password=RECEIVER_PASSWORD, outbound=["MATMAS"], pack_size=PACK_SIZE)
            sap_before = workers_cpu_seconds(sap.process.pid)
            crm_before = sum(cpu_seconds(w) for w in adapter.workers())
            started = time.monotonic()
            post_seconds, posted = _post(sap.url, packet)
            posted_at = time.monotonic()
            in_crm_at_post = adapter.materials()
            loaded = _wait_for_materials(adapter, size, posted_at + DELIVERY_BUDGET_SECONDS)
            finished = time.monotonic()
            delivered = max(loaded - in_crm_at_post, 1)
            rate = delivered / (finished - posted_at)
            post.runs.append(post_seconds)
            delivery.runs.append(rate)
            rss.runs.append(max(peak_rss_mib(w) for w in adapter.workers()))
            sap_cpu.runs.append(1000 * (workers_cpu_seconds(sap.process.pid) - sap_before
                                        ) / max(loaded, 1))
            crm_cpu.runs.append(1000 * (sum(cpu_seconds(w) for w in adapter.workers())
                                        - crm_before) / max(loaded, 1))
            if loaded >= size:
                total.runs.append(finished - started)
            else:
                projected = post_seconds + (size - in_crm_at_post) / rate
                total.runs.append(projected)
                report.notes.append(
                    f"stopped after {DELIVERY_BUDGET_SECONDS:.0f} s of delivery with {loaded:,} "
                    f"of {size:,} materials in the CRM; the total shown is projected from the "
                    "delivery rate")
            report.notes.append(f"{posted:,} of {size:,} IDocs posted (53) in SAP; "
                                f"{in_crm_at_post:,} materials already in the CRM when the "
                                "POST returned")
    return report


def _wait_for_materials(adapter: Adapter, size: int, deadline: float) -> int:
    while True:
        loaded = adapter.materials()
        if loaded >= size or time.monotonic() > deadline:
            return loaded
        threading.Event().wait(0.25)
