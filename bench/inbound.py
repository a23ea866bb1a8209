"""Benchmark 1: single-IDoc POSTs with full inbound processing, against the bare ceiling."""

from __future__ import annotations

import threading
import time

from bench import ceiling, load
from bench.harness import Report, Target
from bench.load import LoadResult, LoadSettings
from bench.processes import fake_sap, idoc_count, scratch_dir, workers_cpu_seconds

NAME = "inbound"
TARGET_IDOCS_PER_SECOND = 1_000
TARGET_SHARE_OF_CEILING = 0.40
WORKERS = 2
#: material numbers of run i start at i * RUN_STRIDE, so no run repeats another's IDocs
RUN_STRIDE = 10_000_000_000


def run(quick: bool) -> Report:
    settings = LoadSettings(seconds=3 if quick else 10)
    runs = 1 if quick else 3
    report = Report(NAME, "inbound single-IDoc POSTs (MATMAS05, status 53) vs. bare ceiling",
                    f"{settings.wrk_command()} -s post_matmas.lua "
                    f"(fake-sap serve --workers {WORKERS}, SQLite; ceiling: gunicorn "
                    f"{WORKERS} sync workers + Flask, body read, 200)")
    fake = report.metric("fake-sap", "IDocs/s", Target(TARGET_IDOCS_PER_SECOND))
    bare = report.metric("ceiling", "req/s")
    share = report.metric("fake-sap / ceiling", "%", Target(TARGET_SHARE_OF_CEILING * 100))
    cpu = report.metric("fake-sap worker CPU per IDoc", "ms")
    bare_cpu = report.metric("ceiling worker CPU per request", "ms")
    p50 = report.metric("fake-sap latency p50", "ms")
    p99 = report.metric("fake-sap latency p99", "ms")
    wrk = load.ensure_wrk()
    if wrk is None:
        report.notes.append("wrk is not installed and could not be installed: figures come "
                            "from a Python load generator and understate both servers")

    def hit(url: str, base: int, seconds: float | None = None) -> LoadResult:
        how = settings if seconds is None else LoadSettings(seconds=seconds)
        if wrk is None:
            return load.run_python(url, base, how)
        return load.run_wrk(wrk, url, script, base, how)

    with scratch_dir() as tmp, fake_sap(tmp / "sap.db", workers=WORKERS) as sap, \
            ceiling.running(WORKERS) as bare_server:
        script = load.write_script(tmp)
        if not quick:  # first requests pay for lazy imports and SQLite page cache warm-up
            hit(sap.url, 0, seconds=2)
            hit(bare_server.url, 0, seconds=2)
        for i in range(1, runs + 1):
            posted_before = idoc_count(sap.url, "53")
            stored_before = idoc_count(sap.url)
            cpu_before = workers_cpu_seconds(sap.process.pid)
            result = hit(sap.url, i * RUN_STRIDE)
            posted = _settled_count(sap.url, "53", posted_before + result.sent) - posted_before
            cpu.runs.append(1000 * (workers_cpu_seconds(sap.process.pid) - cpu_before) /
                            max(posted, 1))
            stored = idoc_count(sap.url) - stored_before
            report.notes.append(_verification(i, result, posted, stored))
            bare_cpu_before = workers_cpu_seconds(bare_server.pid)
            bare_result = hit(bare_server.url, i * RUN_STRIDE)
            bare_cpu.runs.append(1000 * (workers_cpu_seconds(bare_server.pid) -
                                         bare_cpu_before) / max(bare_result.completed, 1))
            fake.runs.append(result.requests_per_second)
            bare.runs.append(bare_result.requests_per_second)
            share.runs.append(100 * result.requests_per_second /
                              bare_result.requests_per_second)
            if result.p50_ms is not None and result.p99_ms is not None:
                p50.runs.append(result.p50_ms)
                p99.runs.append(result.p99_ms)
    return report


def _settled_count(url: str, status: str, expected: int, timeout: float = 15.0) -> int:
    """The count once it reaches ``expected`` or stops moving: requests still in flight
    when wrk stopped are processed by the server after wrk has stopped listening."""
    deadline = time.monotonic() + timeout
    previous = -1
    while time.monotonic() < deadline:
        count = idoc_count(url, status)
        if count >= expected or count == previous:
            return count
        previous = count
        threading.Event().wait(0.5)
    return idoc_count(url, status)


def _verification(run: int, result: LoadResult, posted: int, stored: int) -> str:
    verdict = "ok" if posted == result.sent == stored and result.failed == 0 else "MISMATCH"
    return (f"run {run} [{result.tool}]: {result.sent} IDocs sent, {result.completed} answered "
            f"within the run ({result.failed} with an error status, {result.socket_errors} "
            f"socket errors), {stored} stored, {posted} in status 53 -> {verdict}")


