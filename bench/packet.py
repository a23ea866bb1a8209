"""Benchmark 2: one 100,000-IDoc MATMAS05 packet, streamed from a file in one POST.

Measures the wall time of the POST (parsing, checks, postings, status records, commit) and
the peak resident memory of the single gunicorn worker that handled it.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from lxml import etree

from bench import matmas
from bench.harness import Report, Target, repeat
from bench.processes import (
    AUTH,
    CLIENT,
    children,
    cpu_seconds,
    fake_sap,
    peak_rss_mib,
    scratch_dir,
)
from fake_sap.config import Settings

NAME = "packet"
TARGET_IDOCS_PER_SECOND = 6_000
TARGET_PEAK_RSS_MIB = 150
FULL_SIZE = 100_000
DEFAULT_BODY_LIMIT_MB = Settings.max_body_bytes // 2**20
QUICK_SIZE = 5_000
#: runs of the full packet, as many as fit in this budget (at least one)
RUNS = 3
RUN_BUDGET_SECONDS = 120


def run(quick: bool) -> Report:
    size = QUICK_SIZE if quick else FULL_SIZE
    report = Report(NAME, f"one {size:,}-IDoc MATMAS05 packet, one streamed POST",
                    "httpx POST of the packet file (fake-sap serve --workers 1, SQLite)")
    throughput = report.metric("throughput", "IDocs/s", Target(TARGET_IDOCS_PER_SECOND))
    wall = report.metric("wall time", "s")
    cpu = report.metric("IDocs per worker CPU-second", "IDocs/s")
    rss = report.metric("worker peak RSS (VmHWM)", "MiB",
                        Target(TARGET_PEAK_RSS_MIB, at_least=False))
    with scratch_dir() as tmp:
        packet = tmp / "matmas05.xml"
        started = time.monotonic()
        size_bytes = matmas.write_packet(packet, range(1, size + 1))
        report.notes.append(f"packet: {size_bytes / 2**20:,.0f} MiB, written in "
                            f"{time.monotonic() - started:.1f} s by the streaming writer")
        extra_args = body_limit_args(size_bytes)
        for i in repeat(1 if quick else RUNS, RUN_BUDGET_SECONDS):
            db = tmp / f"sap-{i}.db"
            with fake_sap(db, workers=1, extra_args=extra_args) as sap:
                [worker] = children(sap.process.pid)
                cpu_before = cpu_seconds(worker)
                seconds, posted = post_packet(sap.url, packet)
                peak = peak_rss_mib(worker)
                cpu.runs.append(size / (cpu_seconds(worker) - cpu_before))
            if posted != size:
                report.notes.append(f"run {i}: only {posted:,} of {size:,} IDocs in status 53")
            throughput.runs.append(size / seconds)
            wall.runs.append(seconds)
            rss.runs.append(peak)
            db.unlink()
    return report


def body_limit_args(size_bytes: int) -> list[str]:
    """Raise the body limit only when the packet would not fit under the default."""
    if size_bytes <= DEFAULT_BODY_LIMIT_MB * 2**20:
        return []
    return ["--max-body-mb", str(size_bytes // 2**20 + 1)]


def post_packet(url: str, packet: Path) -> tuple[float, int]:
    """POST the file (streamed: httpx reads it in chunks); seconds taken and IDocs in 53."""
    with packet.open("rb") as body, httpx.Client(timeout=3600.0) as http:
        started = time.monotonic()
        response = http.post(f"{url}/sap/bc/idoc_xml", params={"sap-client": CLIENT},
                             content=body, auth=AUTH,
                             headers={"Content-Type": "application/xml"})
        seconds = time.monotonic() - started
    response.raise_for_status()
    result = etree.fromstring(response.content)
    posted = sum(int(s.get("COUNT")) for s in result.iter("STATUS") if s.get("CODE") == "53")
    return seconds, posted
