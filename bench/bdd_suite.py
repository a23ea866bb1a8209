"""Benchmark: the wall time of the BDD suite (``pytest features``), the time a user of the
Gherkin features waits; and the CPU it took, the servers it starts included.

The suite runs in a child process, ``pytest -q -p no:cacheprovider features`` from the
repository's root, as a developer runs it. Its CPU is the child's (and its own children's,
the ``fake-sap serve`` and adapter processes it starts and stops) from
``resource.getrusage(RUSAGE_CHILDREN)``. ``--quick`` runs only the scenarios of one feature
file (``-k master_data``), a smoke check of the benchmark, not a figure for the suite.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Report

NAME = "bdd-suite"
ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
QUICK_SELECTION = ["-k", "master_data"]


def run(quick: bool) -> Report:
    runs = 1 if quick else RUNS
    selection = QUICK_SELECTION if quick else []
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "features",
               *selection]
    report = Report(NAME, "the BDD suite: wall time of pytest over features/",
                    " ".join(["pytest", *command[3:]]) + f", {runs} run(s)")
    wall = report.metric("wall time", "s")
    cpu = report.metric("CPU, test process and the servers it starts", "s")
    for i in range(1, runs + 1):
        cpu_before = _children_cpu()
        started = time.monotonic()
        finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        wall.runs.append(time.monotonic() - started)
        cpu.runs.append(_children_cpu() - cpu_before)
        summary = _summary(finished.stdout)
        report.notes.append(f"run {i}: {summary} (exit {finished.returncode})")
        if finished.returncode != 0:
            report.notes.append("the suite FAILED: its time is not a figure")
    return report


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _summary(output: str) -> str:
    """pytest's closing line, e.g. ``42 passed in 43.61s``."""
    lines = [line.strip("= ") for line in output.splitlines()
             if re.search(r"\d+ (passed|failed|error)", line)]
    return lines[-1] if lines else "no pytest summary"
