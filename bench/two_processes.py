"""Two ``fake-sap serve`` processes on one PostgreSQL database: the inbound, orders and
packet loads split between them, with the CPU and the database statements per document.

These figures feed the scaling model in docs/benchmarks.md: how far throughput grows with
more processes depends on what one document costs fake-sap's workers (which more processes
multiply) against what it costs the database server (shared by all of them), and on the
points where every process waits for the same row or lock.

- **inbound**: one wrk per fake-sap process, all at once, ``-t1 -c8`` each (for two
  processes together the ``-t2 -c16`` of the single-process benchmark), the same
  single-MATMAS05 stream with disjoint material numbers; every IDoc sent must end in
  status 53.
- **orders**: the ``bapi-orders`` load, 4 SAP logon sessions on each process (8 for two);
  VBAK must hold exactly the committed orders.
- **packet**: one MATMAS05 packet per process, POSTed at once.

Per phase: fake-sap CPU (both ``fake-sap serve`` processes and their workers), PostgreSQL
CPU (the postmaster and its backends), statements (``pg_stat_statements`` calls, BEGIN and
COMMIT included) and transactions (``pg_stat_database``), each divided by the documents.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from bench import load, matmas, packet, postgres
from bench.bapi_orders import OrderLoad, cycle, order_request, verify_vbak
from bench.harness import Metric, Report
from bench.inbound import settled
from bench.load import LoadResult, LoadSettings
from bench.processes import fake_sap, idoc_count, scratch_dir, tree_cpu_seconds
from bench.read_table import seed
from fake_sap.testing.process import FakeSapProcess

NAME = "two-processes"
#: BENCH_PROCESSES: more processes, to see how throughput grows on a machine with more cores
PROCESSES = int(os.environ.get("BENCH_PROCESSES", "2"))
#: per process: fake-sap serve's default
WORKERS = 2
RUNS = 3
SECONDS, QUICK_SECONDS = 10.0, 3.0
#: the inbound and orders loads of one process: half of the single-process benchmarks'
WRK_PER_PROCESS = LoadSettings(threads=1, connections=8)
SESSIONS_PER_PROCESS = 4
PACKET_SIZE, QUICK_PACKET_SIZE = 50_000, 1_000
MATERIALS, CUSTOMERS, INITIAL_STOCK = 200, 50, "100000"
#: material numbers: run i of process k starts at i * RUN_STRIDE + k * PROCESS_STRIDE
RUN_STRIDE, PROCESS_STRIDE = 10_000_000_000, 5_000_000_000
#: the packets' material numbers, far from the seeded materials and the inbound ones
PACKET_FIRST_MATERIAL = 900_000_000


@dataclass
class PhaseFigures:
    """The metrics of one phase; ``document`` names what is counted."""

    throughput: Metric
    sap_cpu: Metric
    database_cpu: Metric
    cpu_ratio: Metric
    statements: Metric
    transactions: Metric

    @classmethod
    def of(cls, report: Report, phase: str, document: str) -> PhaseFigures:
        return cls(report.metric(f"{phase}: throughput, all processes", f"{document}s/s"),
                   report.metric(f"{phase}: fake-sap CPU per {document}", "ms"),
                   report.metric(f"{phase}: PostgreSQL CPU per {document}", "ms"),
                   report.metric(f"{phase}: CPU per {document}, fake-sap / PostgreSQL", "x"),
                   report.metric(f"{phase}: statements per {document}", ""),
                   report.metric(f"{phase}: transactions per {document}", ""))


def run(quick: bool) -> Report:
    seconds, runs = (QUICK_SECONDS, 1) if quick else (SECONDS, RUNS)
    size = QUICK_PACKET_SIZE if quick else PACKET_SIZE
    report = Report(NAME, f"{PROCESSES} fake-sap serve processes ({WORKERS} workers each) on "
                          "one PostgreSQL database: inbound, orders, packet",
                    f"per process: {_wrk_settings(seconds).wrk_command()} single MATMAS05; "
                    f"{SESSIONS_PER_PROCESS} SOAP-RFC sessions of CREATEFROMDAT2 + COMMIT; "
                    f"one {size:,}-IDoc packet. {seconds:g} s, {runs} run(s); PostgreSQL from "
                    f"{postgres.URL_ENV} or a throw-away server")
    inbound = PhaseFigures.of(report, "inbound", "IDoc")
    orders = PhaseFigures.of(report, "orders", "order")
    packets = PhaseFigures.of(report, "packet", "IDoc")
    wrk = load.ensure_wrk()
    if wrk is None:
        return report.unavailable("wrk is not installed and could not be installed")
    try:
        with scratch_dir() as tmp, postgres.database() as db, ExitStack() as stack:
            files = _write_packets(tmp, size)
            extra_args = packet.body_limit_args(max(p.stat().st_size for p in files))
            # one after the other: the first creates the schema and client 100
            servers = [stack.enter_context(fake_sap(db.url, workers=WORKERS,
                                                    extra_args=extra_args))
                       for _ in range(PROCESSES)]
            if db.postmaster_pid is None:
                report.notes.append("the PostgreSQL server runs elsewhere: its CPU is not "
                                    "measured")
            if not db.statements_available:
                report.notes.append("pg_stat_statements is not loaded by the server: "
                                    "statements are not counted")
            script = load.write_script(tmp)
            # orders first: the seeded materials are then all the client has
            master = seed(servers[0].url, MATERIALS, CUSTOMERS, INITIAL_STOCK)
            bodies = [order_request(sold_to, material) for sold_to, material in
                      zip(cycle(master["outlets"], MATERIALS), master["materials"],
                          strict=True)]
            loads = [OrderLoad(s.url, bodies, SESSIONS_PER_PROCESS) for s in servers]
            committed: list[str] = []
            for _ in range(runs):
                _phase(db, servers, orders, report,
                       lambda: _orders(loads, seconds, committed))
            report.notes.append(verify_vbak(servers[0].url, committed))
            for i in range(1, runs + 1):
                _phase(db, servers, inbound, report,
                       partial(_inbound, wrk, script, servers, i, seconds, report))
            _phase(db, servers, packets, report, lambda: _packets(servers, files, report))
    except postgres.Unavailable as missing:
        return report.unavailable(str(missing))
    report.notes.append("CPU from /proc; statements and transactions (COMMIT and ROLLBACK "
                        "statements) from pg_stat_statements, the counting queries' own few "
                        "included")
    return report


def _phase(db: postgres.Database, servers: Sequence[FakeSapProcess], figures: PhaseFigures,
           report: Report, work: Callable[[], tuple[int, float]]) -> None:
    """Run ``work`` (which answers the documents done and the seconds taken) and divide
    what fake-sap and the database spent by those documents."""
    before = db.counters()
    sap_before = sum(tree_cpu_seconds(s.process.pid) for s in servers)
    documents, seconds = work()
    sap_cpu = sum(tree_cpu_seconds(s.process.pid) for s in servers) - sap_before
    after = db.counters()
    per = max(documents, 1)
    figures.throughput.runs.append(documents / seconds)
    figures.sap_cpu.runs.append(1000 * sap_cpu / per)
    figures.transactions.runs.append((after.transactions - before.transactions) / per)
    if after.statements is not None and before.statements is not None:
        figures.statements.runs.append((after.statements - before.statements) / per)
    if after.cpu_seconds is not None and before.cpu_seconds is not None:
        database_cpu = after.cpu_seconds - before.cpu_seconds
        figures.database_cpu.runs.append(1000 * database_cpu / per)
        figures.cpu_ratio.runs.append(sap_cpu / database_cpu if database_cpu else 0.0)


def _inbound(wrk: str, script: Path, servers: Sequence[FakeSapProcess], run: int,
             seconds: float, report: Report) -> tuple[int, float]:
    url = servers[0].url
    posted_before = idoc_count(url, "53")
    settings = _wrk_settings(seconds)
    results = _together([
        partial(load.run_wrk, wrk, s.url, script, run * RUN_STRIDE + k * PROCESS_STRIDE,
                settings)
        for k, s in enumerate(servers)])
    sent = sum(r.sent for r in results)
    posted = settled(lambda: idoc_count(url, "53"), posted_before + sent) - posted_before
    report.notes.append(_inbound_outcome(run, results, posted))
    return posted, seconds


def _wrk_settings(seconds: float) -> LoadSettings:
    return LoadSettings(WRK_PER_PROCESS.threads, WRK_PER_PROCESS.connections, seconds)


def _inbound_outcome(run: int, results: Sequence[LoadResult], posted: int) -> str:
    sent = sum(r.sent for r in results)
    failed = sum(r.failed + r.socket_errors for r in results)
    verdict = "ok" if posted == sent and failed == 0 else "MISMATCH"
    return (f"inbound run {run}: {sent} IDocs sent to {len(results)} processes "
            f"({' + '.join(str(r.sent) for r in results)}), {failed} errors, {posted} in "
            f"status 53 -> {verdict}")


def _orders(loads: Sequence[OrderLoad], seconds: float,
            committed: list[str]) -> tuple[int, float]:
    # the CPU is measured around the phase, of all processes together
    results = _together([partial(o.run, seconds, _not_measured) for o in loads])
    for result in results:
        committed.extend(result.committed)
        if result.failures:
            raise RuntimeError(f"{len(result.failures)} orders failed, first: "
                               f"{result.failures[0]}")
    return sum(len(r.committed) for r in results), max(r.seconds for r in results)


def _not_measured() -> float:
    return 0.0


def _write_packets(folder: Path, size: int) -> list[Path]:
    files = []
    for k in range(PROCESSES):
        first = PACKET_FIRST_MATERIAL + k * size
        path = folder / f"packet-{k}.xml"
        matmas.write_packet(path, range(first, first + size))
        files.append(path)
    return files


def _packets(servers: Sequence[FakeSapProcess], files: Sequence[Path],
             report: Report) -> tuple[int, float]:
    started = time.monotonic()
    results = _together([partial(packet.post_packet, s.url, f)
                         for s, f in zip(servers, files, strict=True)])
    seconds = time.monotonic() - started
    posted = sum(p for _, p in results)
    report.notes.append(f"packets: {posted:,} of the {len(files)} packets' IDocs in status 53,"
                        f" {seconds:.1f} s for all")
    return posted, seconds


Result = TypeVar("Result")


def _together(calls: Sequence[Callable[[], Result]]) -> list[Result]:
    """Run the calls at the same time, one thread each; their results in order."""
    results: list[Result | None] = [None] * len(calls)
    errors: list[BaseException] = []

    def call(index: int) -> None:
        try:
            results[index] = calls[index]()
        except BaseException as error:  # re-raised below, in the caller's thread
            errors.append(error)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return [r for r in results if r is not None]
