"""Benchmark: what a test pays to get a client of a running fake-sap, per creation.

Two kinds of creation, each timed one at a time against ``fake-sap serve --workers 2`` on a
fresh SQLite file (``time.perf_counter`` around the call; ``time.process_time`` for the
benchmark process's own CPU; the server's CPU per connection is its gunicorn workers' user
plus system time from ``/proc``, a figure less disturbed by other load than the time):

- **RFC connection**: ``sap_client.Connection(url=..., client="100", user=..., passwd=...)``
  as a test opens one (its logon is an RFC_PING), then ``close()``;
- **SAP client**: ``FakeSapProcess.new_client()``, the fresh SAP client the ``fake_sap``
  fixture gives every test (``POST /_fake/clients`` on the control connection it keeps
  open), which the BDD scenarios use too.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from bench.harness import Metric, Report
from bench.processes import AUTH, CLIENT, fake_sap, scratch_dir, workers_cpu_seconds
from sap_client.rfc import Connection

NAME = "client-creation"
WORKERS = 2
CREATIONS, QUICK_CREATIONS = 200, 20
#: SAP clients are rows that stay; fewer of them
SAP_CLIENTS, QUICK_SAP_CLIENTS = 50, 5
RUNS = 3
WARM_UP = 5


def run(quick: bool) -> Report:
    connections = QUICK_CREATIONS if quick else CREATIONS
    sap_clients = QUICK_SAP_CLIENTS if quick else SAP_CLIENTS
    runs = 1 if quick else RUNS
    report = Report(NAME, "per-test client creation against a running fake-sap",
                    f"sap_client.Connection(url, client={CLIENT}) + close(), {connections} "
                    f"times; FakeSapProcess.new_client(), {sap_clients} times; {runs} run(s) "
                    f"(fake-sap serve --workers {WORKERS}, SQLite)")
    connection_p50 = report.metric("sap_client.Connection: median per creation", "ms")
    connection_cpu = report.metric("sap_client.Connection: client CPU per creation", "ms")
    server_cpu = report.metric("sap_client.Connection: server worker CPU per creation", "ms")
    sap_client_p50 = report.metric("new SAP client (POST /_fake/clients): median", "ms")
    with scratch_dir() as tmp, fake_sap(tmp / "sap.db", workers=WORKERS) as sap:

        def connect() -> None:
            Connection(url=sap.url, client=CLIENT, user=AUTH[0], passwd=AUTH[1]).close()

        for _ in range(WARM_UP):  # the first connections pay for imports in the workers
            connect()
        for _ in range(runs):
            workers_before = workers_cpu_seconds(sap.process.pid)
            _timed(connect, connections, connection_p50, connection_cpu)
            server_cpu.runs.append(
                1000 * (workers_cpu_seconds(sap.process.pid) - workers_before) / connections)
            _timed(sap.new_client, sap_clients, sap_client_p50)
    return report


def _timed(create: Callable[[], object], times: int, median: Metric,
           cpu: Metric | None = None) -> None:
    seconds = []
    cpu_before = time.process_time()
    for _ in range(times):
        started = time.perf_counter()
        create()
        seconds.append(time.perf_counter() - started)
    median.runs.append(1000 * statistics.median(seconds))
    if cpu is not None:
        cpu.runs.append(1000 * (time.process_time() - cpu_before) / times)
