"""The benchmark harness's own logic (``bench/``): parsing wrk's output, the Lua script's
endpoint, CPU from /proc, running loads side by side, and the per-document division of
the two-process benchmark. No server is started."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from bench import bdd_suite, load, mock_sap, two_processes
from bench.harness import Report, Target
from bench.inbound import settled
from bench.postgres import Counters
from bench.processes import cpu_seconds, tree_cpu_seconds

pytestmark = pytest.mark.unit

WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:5000/sap/bc/idoc?sap-client=100
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    64.10ms   20.00ms 287.00ms   90.00%
  646 requests in 3.01s, 300.00KB read
  Non-2xx or 3xx responses: 2
Requests/sec:    214.62
Transfer/sec:     99.00KB
sent 662
p50_us 63700
p99_us 287000
"""


def test_wrk_output_gives_rate_answers_sent_and_latencies() -> None:
    result = load._parse_wrk(WRK_OUTPUT)
    assert (result.requests_per_second, result.completed, result.failed, result.sent) == \
        (214.62, 646, 2, 662)
    assert (result.p50_ms, result.p99_ms, result.socket_errors) == (63.7, 287.0, 0)


def test_the_script_posts_to_the_endpoint_it_is_given(tmp_path: Path) -> None:
    fake_sap_script = load.write_script(tmp_path).read_text()
    peer_script = load.write_script(tmp_path, mock_sap.IDOC_PATH, "peer.lua").read_text()
    assert f'local path = "{load.PATH}"' in fake_sap_script
    assert f'local path = "{mock_sap.IDOC_PATH}"' in peer_script


def test_the_load_of_the_speed_targets_is_two_threads_and_sixteen_connections() -> None:
    assert load.LoadSettings().wrk_command().startswith("wrk -t2 -c16 ")


def test_a_process_tree_has_used_at_least_the_cpu_of_its_root() -> None:
    own = cpu_seconds(os.getpid())
    assert tree_cpu_seconds(os.getpid()) >= own


def test_loads_run_together_and_answer_in_order() -> None:
    both_running = threading.Barrier(2, timeout=5)

    def first() -> str:
        both_running.wait()
        return "first"

    def second() -> str:
        both_running.wait()
        return "second"

    assert two_processes._together([first, second]) == ["first", "second"]


def test_a_failing_load_fails_the_phase() -> None:
    def broken() -> int:
        raise RuntimeError("wrk exited with 1")

    with pytest.raises(RuntimeError, match="wrk exited"):
        two_processes._together([lambda: 1, broken])


class _Database:
    """The counters a PostgreSQL server would publish, one reading after the other."""

    def __init__(self, *readings: Counters) -> None:
        self.readings = list(readings)

    def counters(self) -> Counters:
        return self.readings.pop(0)


def test_a_phase_divides_what_fake_sap_and_the_database_spent_by_the_documents() -> None:
    report = Report("two-processes", "t", "c")
    figures = two_processes.PhaseFigures.of(report, "orders", "order")
    database = _Database(Counters(100, 1_000, 2.0), Counters(400, 4_000, 3.0))
    two_processes._phase(database, [], figures, report,  # type: ignore[arg-type]
                         lambda: (100, 4.0))
    assert figures.throughput.runs == [25.0]
    assert figures.transactions.runs == [3.0]
    assert figures.statements.runs == [30.0]
    assert figures.database_cpu.runs == [10.0]


def test_a_phase_without_statement_counts_or_server_cpu_leaves_those_figures_out() -> None:
    report = Report("two-processes", "t", "c")
    figures = two_processes.PhaseFigures.of(report, "inbound", "IDoc")
    database = _Database(Counters(0, None, None), Counters(50, None, None))
    two_processes._phase(database, [], figures, report,  # type: ignore[arg-type]
                         lambda: (10, 1.0))
    assert figures.transactions.runs == [5.0]
    assert figures.statements.runs == figures.database_cpu.runs == []
    assert [m.name for m in report.metrics if m.runs] == [
        "inbound: throughput, all processes", "inbound: fake-sap CPU per IDoc",
        "inbound: transactions per IDoc"]


def test_a_count_is_taken_once_it_reaches_what_was_sent() -> None:
    counts = iter([3, 7, 10, 10])
    assert settled(lambda: next(counts), 10) == 10


def test_the_bdd_summary_is_pytests_closing_line() -> None:
    output = "....\n7 passed, 35 deselected in 20.82s\n"
    assert bdd_suite._summary(output) == "7 passed, 35 deselected in 20.82s"
    assert bdd_suite._summary("") == "no pytest summary"


def test_a_bound_of_zero_reports_the_difference() -> None:
    no_loss = Target(0, at_least=False)
    assert no_loss.met(0) and not no_loss.met(3)
    assert no_loss.gap(3) == "+3"
