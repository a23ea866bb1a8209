"""``python -m bench [NAME ...] [--quick] [--json FILE]``: run benchmarks, print tables."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench import (
    adapter_load,
    applications,
    bapi_orders,
    bdd_suite,
    client_creation,
    cold_start,
    inbound,
    packet,
    read_table,
    seed,
    two_processes,
)
from bench.harness import Report
from bench.load import ensure_wrk

BENCHMARKS: dict[str, Callable[[bool], Report]] = {
    inbound.NAME: inbound.run,
    packet.NAME: packet.run,
    seed.NAME: seed.run,
    cold_start.NAME: cold_start.run,
    client_creation.NAME: client_creation.run,
    bdd_suite.NAME: bdd_suite.run,
    bapi_orders.NAME: bapi_orders.run,
    read_table.NAME: read_table.run,
    adapter_load.NAME: adapter_load.run,
    applications.NAME: applications.run,
    two_processes.NAME: two_processes.run,
}


def machine() -> dict[str, str]:
    wrk = ensure_wrk()  # before the header, so that it names the wrk the benchmarks use
    wrk_version = subprocess.run([wrk, "-v"], capture_output=True, text=True).stdout \
        .split("[")[0].strip() if wrk else "not installed"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores (nproc)": str(len(os.sched_getaffinity(0))),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "wrk": wrk_version,
        "revision": _revision(),
    }


def _revision() -> str:
    described = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                               text=True, cwd=Path(__file__).resolve().parent.parent)
    return described.stdout.strip() or "unknown"


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes and single runs: a smoke check, not a measurement")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from "
                     f"{', '.join(BENCHMARKS)}")
    about = machine()
    print("  ".join(f"{k}: {v}" for k, v in about.items()), flush=True)
    reports = []
    for name in args.names or list(BENCHMARKS):
        started, load_before = time.monotonic(), os.getloadavg()[0]
        report = BENCHMARKS[name](args.quick)
        report.notes.append(f"took {time.monotonic() - started:.0f} s; load average "
                            f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after (other "
                            "processes on the machine skew the figures)")
        print("\n" + report.render(), flush=True)
        reports.append(report)
    if args.json:
        args.json.write_text(json.dumps({"machine": about, "quick": args.quick,
                                         "reports": [r.as_dict() for r in reports]}, indent=2))
    missed = [m for r in reports for m in r.metrics if m.runs and m.met is False]
    print(f"\n{len(missed)} target(s) missed" if missed else "\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
