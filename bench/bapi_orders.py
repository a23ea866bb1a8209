"""Benchmark: sales orders over SOAP-RFC, BAPI_SALESORDER_CREATEFROMDAT2 then
BAPI_TRANSACTION_COMMIT in the same SAP session, from concurrent clients.

The load generator is a Python thread pool, not wrk: an order is two dependent requests
(the commit must carry the session cookie the first answer set), which wrk's one-request
``request()`` hook cannot express without a state machine in Lua. Each thread owns one
``httpx.Client``, i.e. one cookie jar and so one SAP session, and runs orders back to back
until the run's deadline; it never starts an order it cannot commit, so every BAPI call has
its commit. The generator's own CPU time is measured and reported, because it runs on the
same cores as the server.

An order is one item of 1 piece: sold-to parties cycle through the seeded outlets, materials
through the seeded materials (100,000 pieces each in plant 1000, so the availability check
always confirms). Afterwards VBAK is read with RFC_READ_TABLE and must hold exactly the
committed documents.

The peer in the same run is mock-sap (``bench.mock_sap``): the same threads send the same
SOAP envelopes to its BAPI endpoint, with its own demo customers and products as partners
and materials, and its count of sales orders must grow by the orders committed. mock-sap
writes each call as it runs and its BAPI_TRANSACTION_COMMIT does nothing (its README says
so), so its figure is the cost of the two calls, not of a unit of work.
"""

from __future__ import annotations

import os
import re
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import count

import httpx

from bench import mock_sap
from bench.harness import Metric, Report, Target
from bench.processes import cpu_seconds, fake_sap, scratch_dir, workers_cpu_seconds
from bench.read_table import (
    RFC_PATH,
    data_lines,
    envelope,
    percentile,
    post,
    read_table_request,
    rfc_http,
    seed,
)

NAME = "bapi-orders"
TARGET_ORDERS_PER_SECOND = 300
#: and at least this many times mock-sap's rate in the same run
TARGET_TIMES_MOCK_SAP = 3.0
WORKERS = 2
CLIENTS = 8
RUNS = 3
SECONDS, QUICK_SECONDS = 10.0, 3.0
WARM_UP_SECONDS = 2.0
MATERIALS, CUSTOMERS, INITIAL_STOCK = 200, 50, "100000"
SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}

COMMIT = envelope("BAPI_TRANSACTION_COMMIT", {"WAIT": "X"})
_DOCUMENT = re.compile(rb"<SALESDOCUMENT>(\d+)</SALESDOCUMENT>")
#: an E or A message in RETURN means the BAPI refused the order (or the commit failed)
_ERROR = re.compile(rb"<TYPE>[EA]</TYPE>")


def order_request(sold_to: str, material: str) -> bytes:
    return envelope("BAPI_SALESORDER_CREATEFROMDAT2", {
        "ORDER_HEADER_IN": {"DOC_TYPE": "TA", **SALES_AREA},
        "ORDER_PARTNERS": [{"PARTN_ROLE": "AG", "PARTN_NUMB": sold_to}],
        "ORDER_ITEMS_IN": [{"ITM_NUMBER": "10", "MATERIAL": material}],
        "ORDER_SCHEDULES_IN": [{"ITM_NUMBER": "10", "REQ_QTY": "1"}]})


@dataclass
class ClientTally:
    """What one client thread did in one run."""

    committed: list[str] = field(default_factory=list)
    #: seconds from the BAPI call being sent until the commit's answer was read
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    seconds: float
    committed: list[str]
    latencies: list[float]
    failures: list[str]
    generator_cpu_seconds: float
    workers_cpu_seconds: float

    @property
    def orders_per_second(self) -> float:
        return len(self.committed) / self.seconds


class OrderLoad:
    """CLIENTS threads, each one SAP session, creating and committing orders."""

    def __init__(self, url: str, bodies: list[bytes], clients: int,
                 path: str = RFC_PATH) -> None:
        self.url = url
        self.bodies = bodies
        self.clients = clients
        #: the SOAP endpoint the envelopes go to
        self.path = path
        self._next_body = count()
        self._lock = threading.Lock()
        #: no thread starts an order after this (perf_counter) instant
        self._deadline = 0.0

    def run(self, seconds: float, server_cpu: Callable[[], float]) -> RunResult:
        """``server_cpu``: the CPU seconds used so far by the processes serving the calls."""
        tallies = [ClientTally() for _ in range(self.clients)]
        threads = [threading.Thread(target=self._client, args=(tally,)) for tally in tallies]
        workers_before, generator_before = server_cpu(), time.process_time()
        started = time.perf_counter()
        self._deadline = started + seconds
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        return RunResult(elapsed, [d for t in tallies for d in t.committed],
                         [s for t in tallies for s in t.latencies],
                         [f for t in tallies for f in t.failures],
                         time.process_time() - generator_before,
                         server_cpu() - workers_before)

    def _body(self) -> bytes:
        with self._lock:
            return self.bodies[next(self._next_body) % len(self.bodies)]

    def _client(self, tally: ClientTally) -> None:
        with rfc_http(self.url) as http:
            while time.perf_counter() < self._deadline:
                began = time.perf_counter()
                try:
                    document = self._order(http)
                except (httpx.HTTPError, RuntimeError) as error:
                    tally.failures.append(str(error)[:300])
                    continue
                tally.latencies.append(time.perf_counter() - began)
                tally.committed.append(document)

    def _order(self, http: httpx.Client) -> str:
        created = post(http, self._body(), self.path).content
        number = _DOCUMENT.search(created)
        if number is None or _ERROR.search(created):
            raise RuntimeError(f"order refused: {created[:500]!r}")
        committed = post(http, COMMIT, self.path).content
        if _ERROR.search(committed):
            raise RuntimeError(f"commit failed: {committed[:500]!r}")
        return number.group(1).decode()


@dataclass
class Figures:
    """The metrics one server fills, run by run."""

    rate: Metric
    p50: Metric
    p95: Metric
    server_cpu: Metric
    generator_cpu: Metric
    generator_cores: Metric

    def add(self, result: RunResult) -> None:
        orders = max(len(result.committed), 1)
        self.rate.runs.append(result.orders_per_second)
        self.p50.runs.append(1000 * statistics.median(result.latencies or [0.0]))
        self.p95.runs.append(1000 * percentile(result.latencies or [0.0], 95))
        self.server_cpu.runs.append(1000 * result.workers_cpu_seconds / orders)
        self.generator_cpu.runs.append(1000 * result.generator_cpu_seconds / orders)
        self.generator_cores.runs.append(result.generator_cpu_seconds / result.seconds)


def run(quick: bool) -> Report:
    seconds, runs = (QUICK_SECONDS, 1) if quick else (SECONDS, RUNS)
    report = Report(NAME, "sales orders over SOAP-RFC: CREATEFROMDAT2 + COMMIT, one session "
                          f"per client, {CLIENTS} concurrent clients, vs. mock-sap",
                    f"{CLIENTS} Python threads x (POST {RFC_PATH} BAPI_SALESORDER_CREATEFROMDAT2"
                    f", POST BAPI_TRANSACTION_COMMIT) for {seconds:g} s, {runs} run(s) "
                    f"(fake-sap serve --workers {WORKERS}, SQLite; the same envelopes to "
                    f"mock-sap {mock_sap.VERSION}'s POST {mock_sap.BAPI_SOAP_PATH})")
    fake_rate = report.metric("fake-sap committed orders", "/s",
                              Target(TARGET_ORDERS_PER_SECOND))
    mock_rate = report.metric("mock-sap committed orders", "/s")
    over_mock = report.metric("fake-sap / mock-sap", "x", Target(TARGET_TIMES_MOCK_SAP))
    fake = _figures(report, "fake-sap", fake_rate, "worker CPU per order")
    mock = _figures(report, "mock-sap", mock_rate, "CPU per order (its process)")
    labels = [f"run {i}" for i in range(1, runs + 1)]
    with scratch_dir() as tmp:
        with fake_sap(tmp / "sap.db", workers=WORKERS) as sap:
            master = seed(sap.url, MATERIALS, CUSTOMERS, INITIAL_STOCK)
            bodies = [order_request(sold_to, material) for sold_to, material in
                      zip(cycle(master["outlets"], MATERIALS), master["materials"],
                          strict=True)]
            load = OrderLoad(sap.url, bodies, CLIENTS)
            pid = sap.process.pid
            committed = _runs(load, lambda: workers_cpu_seconds(pid), labels, seconds, quick,
                              fake, report, "fake-sap")
            report.notes.append(verify_vbak(sap.url, committed))
        if mock_sap.installed():
            with mock_sap.running() as peer:
                customers, products = mock_sap.master_data(peer.url)
                bodies = [order_request(sold_to, material) for sold_to, material in
                          zip(cycle(customers, MATERIALS), cycle(products, MATERIALS),
                              strict=True)]
                stored_before = mock_sap.sales_order_count(peer.url)
                load = OrderLoad(peer.url, bodies, CLIENTS, mock_sap.BAPI_SOAP_PATH)
                committed = _runs(load, partial(cpu_seconds, peer.pid), labels, seconds,
                                  quick, mock, report, "mock-sap")
                stored = mock_sap.sales_order_count(peer.url) - stored_before
                verdict = "ok" if stored == len(committed) else "MISMATCH"
                report.notes.append(f"mock-sap: {stored} sales orders stored, "
                                    f"{len(committed)} committed (warm-up included) -> "
                                    f"{verdict}")
            over_mock.runs.extend(f / m for f, m in zip(fake_rate.runs, mock_rate.runs,
                                                        strict=True))
        else:
            report.notes.append(mock_sap.not_installed_note())
    report.notes.append(f"{len(os.sched_getaffinity(0))} cores shared by the load generator "
                        "and the server; fake-sap and mock-sap are loaded one after the "
                        "other, run i of one is compared with run i of the other")
    return report


def _figures(report: Report, label: str, rate: Metric, cpu_name: str) -> Figures:
    return Figures(rate, report.metric(f"{label} order latency p50 (BAPI + COMMIT)", "ms"),
                   report.metric(f"{label} order latency p95 (BAPI + COMMIT)", "ms"),
                   report.metric(f"{label} {cpu_name}", "ms"),
                   report.metric(f"{label} load generator CPU per order", "ms"),
                   report.metric(f"{label} load generator CPU", "cores"))


def _runs(load: OrderLoad, server_cpu: Callable[[], float], labels: list[str],
          seconds: float, quick: bool, figures: Figures, report: Report,
          server: str) -> list[str]:
    """A warm-up (unless quick), then the runs; the documents committed in all of them."""
    committed: list[str] = []
    if not quick:  # it pays for lazy imports and a cold page cache
        result = load.run(WARM_UP_SECONDS, server_cpu)
        report.notes.append(_outcome(f"{server} warm-up", result))
        committed.extend(result.committed)
    for label in labels:
        result = load.run(seconds, server_cpu)
        report.notes.append(_outcome(f"{server} {label}", result))
        committed.extend(result.committed)
        figures.add(result)
    return committed


def cycle(values: list[str], length: int) -> list[str]:
    return [values[i % len(values)] for i in range(length)]


def _outcome(label: str, result: RunResult) -> str:
    verdict = "ok" if not result.failures else \
        f"{len(result.failures)} FAILED, first: {result.failures[0]}"
    return (f"{label}: {len(result.committed)} orders committed in {result.seconds:.1f} s "
            f"-> {verdict}")


def verify_vbak(url: str, committed: list[str]) -> str:
    """VBAK, read with RFC_READ_TABLE, must hold exactly the committed documents."""
    with rfc_http(url) as http:
        stored = data_lines(post(http, read_table_request("VBAK", ["VBELN"])))
    documents = {line.strip() for line in stored}
    verdict = "ok" if documents == set(committed) and len(stored) == len(committed) \
        else f"MISMATCH ({len(documents - set(committed))} not committed by the benchmark, " \
             f"{len(set(committed) - documents)} committed but missing)"
    return (f"VBAK via RFC_READ_TABLE: {len(stored)} orders stored, {len(committed)} committed "
            f"(warm-up included) -> {verdict}")
