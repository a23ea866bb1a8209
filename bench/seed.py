"""Benchmark 3: ``fake-sap seed`` of 100,000 materials and 1,000 customers: wall time, and
the CPU time of the seed process (``getrusage`` of the finished child), which a loaded
machine does not stretch as it does the wall time."""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Report, repeat
from bench.processes import CLIENT, scratch_dir

NAME = "seed"
FULL_MATERIALS, FULL_CUSTOMERS = 100_000, 1_000
QUICK_MATERIALS, QUICK_CUSTOMERS = 5_000, 100
#: runs, as many as fit in this budget (at least one)
RUNS = 3
RUN_BUDGET_SECONDS = 45
FAKE_SAP = str(Path(sys.executable).with_name("fake-sap"))


def command(db: Path, materials: int, customers: int) -> list[str]:
    return [FAKE_SAP, "seed", "--db", f"sqlite:///{db}", "--client", CLIENT,
            "--materials", str(materials), "--customers", str(customers), "--seed", "1"]


def run(quick: bool) -> Report:
    materials, customers = (QUICK_MATERIALS, QUICK_CUSTOMERS) if quick else \
        (FULL_MATERIALS, FULL_CUSTOMERS)
    shown = " ".join(command(Path("<tmp>/seed.db"), materials, customers)[1:])
    report = Report(NAME, f"fake-sap seed of {materials:,} materials, {customers:,} customers",
                    f"fake-sap {shown}")
    if not _available():
        return report.unavailable("`fake-sap seed` does not accept --materials/--customers "
                                  "yet: the seeding command is not implemented")
    wall = report.metric("wall time", "s")
    rate = report.metric("materials", "/s")
    cpu = report.metric("CPU of the seed process", "s")
    with scratch_dir() as tmp:
        for i in repeat(1 if quick else RUNS, RUN_BUDGET_SECONDS):
            db = tmp / f"seed-{i}.db"
            started = time.monotonic()
            cpu_before = _children_cpu_seconds()
            done = subprocess.run(command(db, materials, customers), capture_output=True,
                                  text=True)
            seconds = time.monotonic() - started
            cpu_seconds = _children_cpu_seconds() - cpu_before
            if done.returncode != 0:
                return report.unavailable(f"fake-sap seed failed ({done.returncode}): "
                                          f"{done.stderr.strip()[-300:]}")
            stored = _count(db, "mara")
            if stored < materials:
                report.notes.append(f"run {i}: only {stored:,} of {materials:,} materials in "
                                    "MARA")
            wall.runs.append(seconds)
            rate.runs.append(materials / seconds)
            cpu.runs.append(cpu_seconds)
    return report


def _children_cpu_seconds() -> float:
    """User and system CPU of this process's finished (waited-for) children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _available() -> bool:
    shown = subprocess.run([FAKE_SAP, "seed", "--help"], capture_output=True, text=True)
    return "--materials" in shown.stdout and "--customers" in shown.stdout


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute(f"SELECT count(*) FROM {table} WHERE mandt = ?",
                                (CLIENT,)).fetchone()
    return int(count)
