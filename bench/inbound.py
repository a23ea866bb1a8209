"""Benchmark 1: single-IDoc POSTs with full inbound processing, against the peer (mock-sap)
and the bare ceiling, in the same run with the same load."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench import ceiling, load, mock_sap
from bench.harness import Metric, Report, Target
from bench.load import LoadResult, LoadSettings
from bench.processes import (
    cpu_seconds,
    fake_sap,
    idoc_count,
    scratch_dir,
    workers_cpu_seconds,
)

NAME = "inbound"
#: the speed targets: fake-sap's rate against the peer's and the ceiling's, same run
TARGET_TIMES_MOCK_SAP = 3.0
TARGET_SHARE_OF_CEILING = 0.25
WORKERS = 2
#: material numbers of run i start at i * RUN_STRIDE, so no run repeats another's IDocs
RUN_STRIDE = 10_000_000_000
#: mock-sap's IDocs get material numbers of their own range (it never rejects duplicates,
#: but the same stream for both keeps the bodies the same size)
MOCK_SAP_OFFSET = 5_000_000_000


@dataclass
class Server:
    """One system under the same load: where to POST, what its processes have used."""

    label: str
    unit: str
    url: str
    path: str
    script: Path
    #: CPU seconds used so far by the processes that serve its requests
    cpu: Callable[[], float]
    #: material numbers of run i start at i * RUN_STRIDE + offset
    offset: int = 0


@dataclass
class Figures:
    """The metrics one server fills, run by run."""

    rate: Metric
    cpu: Metric
    p50: Metric | None = None
    p99: Metric | None = None
    #: IDocs sent but not in status 53 afterwards: must be none
    lost: Metric | None = None


def run(quick: bool) -> Report:
    settings = LoadSettings(seconds=3 if quick else 10)
    runs = 1 if quick else 3
    report = Report(NAME, "inbound single-IDoc POSTs (MATMAS05, status 53) vs. mock-sap and "
                          "the bare ceiling, one run",
                    f"{settings.wrk_command()} -s post_matmas.lua, keep-alive, against each "
                    f"in turn (fake-sap serve --workers {WORKERS}, SQLite; mock-sap "
                    f"{mock_sap.VERSION} on SQLite, POST /sap/bc/idoc; ceiling: gunicorn "
                    f"{WORKERS} sync workers + Flask, body read, 200)")
    # the absolutes and the ratios made of them first, then what each costs
    fake_rate = report.metric("fake-sap", "IDocs/s")
    mock_rate = report.metric("mock-sap", "IDocs/s")
    bare_rate = report.metric("ceiling", "req/s")
    over_mock = report.metric("fake-sap / mock-sap", "x", Target(TARGET_TIMES_MOCK_SAP))
    over_ceiling = report.metric("fake-sap / ceiling", "x", Target(TARGET_SHARE_OF_CEILING))
    mock_over_ceiling = report.metric("mock-sap / ceiling", "x")
    fake = Figures(fake_rate, report.metric("fake-sap CPU per IDoc (workers)", "ms"),
                   report.metric("fake-sap latency p50", "ms"),
                   report.metric("fake-sap latency p99", "ms"),
                   report.metric("fake-sap IDocs sent but not in status 53", "",
                                 Target(0, at_least=False)))
    mock = Figures(mock_rate, report.metric("mock-sap CPU per IDoc (its process)", "ms"),
                   report.metric("mock-sap latency p50", "ms"),
                   report.metric("mock-sap latency p99", "ms"))
    bare = Figures(bare_rate, report.metric("ceiling CPU per request (workers)", "ms"))
    wrk = load.ensure_wrk()
    if wrk is None:
        report.notes.append("wrk is not installed and could not be installed: figures come "
                            "from a Python load generator and understate every server")

    def hit(server: Server, base: int, seconds: float | None = None) -> LoadResult:
        """One wrk run against ``server``, material numbers from ``base`` on."""
        how = settings if seconds is None else LoadSettings(seconds=seconds)
        if wrk is None:
            return load.run_python(server.url, base + server.offset, how, server.path)
        return load.run_wrk(wrk, server.url, server.script, base + server.offset, how,
                            server.path)

    with scratch_dir() as tmp, ExitStack() as stack:
        sap = stack.enter_context(fake_sap(tmp / "sap.db", workers=WORKERS))
        fake_server = Server("fake-sap", "IDocs/s", sap.url, load.PATH, load.write_script(tmp),
                             lambda: workers_cpu_seconds(sap.process.pid))
        bare_server = stack.enter_context(ceiling.running(WORKERS))
        ceiling_server = Server("ceiling", "req/s", bare_server.url, load.PATH,
                                fake_server.script,
                                lambda: workers_cpu_seconds(bare_server.pid))
        mock_server: Server | None = None
        if mock_sap.installed():
            peer = stack.enter_context(mock_sap.running())
            mock_server = Server("mock-sap", "IDocs/s", peer.url, mock_sap.IDOC_PATH,
                                 load.write_script(tmp, mock_sap.IDOC_PATH, "mock_sap.lua"),
                                 lambda: cpu_seconds(peer.pid), MOCK_SAP_OFFSET)
        else:
            report.notes.append(mock_sap.not_installed_note())
        servers = [s for s in (fake_server, mock_server, ceiling_server) if s is not None]
        if not quick:  # first requests pay for lazy imports and SQLite page cache warm-up
            for server in servers:
                hit(server, 0, seconds=2)
        for i in range(1, runs + 1):
            stored_before = idoc_count(sap.url)
            result = _counted_run(fake_server, fake, hit, i,
                                  lambda: idoc_count(sap.url, "53"), report)
            if idoc_count(sap.url) - stored_before != result.sent:
                report.notes.append(f"run {i} fake-sap: {idoc_count(sap.url) - stored_before} "
                                    f"IDocs stored for {result.sent} sent -> MISMATCH")
            if mock_server is not None:
                mock_result = _counted_run(mock_server, mock, hit, i,
                                           partial(mock_sap.idoc_count, mock_server.url),
                                           report)
                over_mock.runs.append(result.requests_per_second /
                                      mock_result.requests_per_second)
            bare_result = _counted_run(ceiling_server, bare, hit, i, None, report)
            over_ceiling.runs.append(result.requests_per_second /
                                     bare_result.requests_per_second)
            if mock_server is not None:
                mock_over_ceiling.runs.append(mock_result.requests_per_second /
                                              bare_result.requests_per_second)
    report.notes.append("CPU per IDoc is the CPU time (/proc/<pid>/stat) of the processes "
                        "serving the requests, divided by the IDocs they stored")
    return report


def _counted_run(server: Server, figures: Figures,
                 hit: Callable[[Server, int], LoadResult], run: int,
                 count: Callable[[], int] | None, report: Report) -> LoadResult:
    """Load one server once: its rate, its CPU per document, its latencies. ``count`` tells
    how many IDocs the server holds in status 53; every IDoc sent must end up there."""
    before = count() if count is not None else 0
    cpu_before = server.cpu()
    result = hit(server, run * RUN_STRIDE)
    done = settled(count, before + result.sent) - before if count is not None else \
        result.completed
    figures.rate.runs.append(result.requests_per_second)
    figures.cpu.runs.append(1000 * (server.cpu() - cpu_before) / max(done, 1))
    if figures.p50 is not None and figures.p99 is not None and \
            result.p50_ms is not None and result.p99_ms is not None:
        figures.p50.runs.append(result.p50_ms)
        figures.p99.runs.append(result.p99_ms)
    if count is not None:
        report.notes.append(_verification(run, server.label, result, done))
        if figures.lost is not None:
            figures.lost.runs.append(result.sent - done)
    return result


def settled(count: Callable[[], int], expected: int, timeout: float = 15.0) -> int:
    """The count once it reaches ``expected`` or stops moving: requests still in flight
    when wrk stopped are processed by the server after wrk has stopped listening."""
    deadline = time.monotonic() + timeout
    previous = -1
    while time.monotonic() < deadline:
        current = count()
        if current >= expected or current == previous:
            return current
        previous = current
        threading.Event().wait(0.5)
    return count()


def _verification(run: int, label: str, result: LoadResult, posted: int) -> str:
    verdict = "ok" if posted == result.sent and result.failed == 0 else "MISMATCH"
    return (f"run {run} {label} [{result.tool}]: {result.sent} IDocs sent, {result.completed} "
            f"answered within the run ({result.failed} with an error status, "
            f"{result.socket_errors} socket errors), {posted} in status 53 -> {verdict}")
