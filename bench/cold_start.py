"""Benchmark 4: cold start of ``fake-sap serve`` on a fresh, empty SQLite file until the
first HTTP answer (schema creation, default client, gunicorn and worker start-up).

Beside the wall time, the CPU the server's processes (the gunicorn master and its workers,
from ``/proc``) have used by the first answer: on a loaded machine the wall time mostly
measures the wait for a core, the CPU time what the start-up costs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from bench.harness import Report
from bench.processes import children, scratch_dir
from fake_sap.testing.process import free_port

NAME = "cold-start"
FAKE_SAP = str(Path(sys.executable).with_name("fake-sap"))
WORKERS = 2
POLL_SECONDS = 0.01


def run(quick: bool) -> Report:
    runs = 2 if quick else 5
    report = Report(NAME, "cold start of fake-sap serve until the first HTTP answer",
                    f"fake-sap serve --db sqlite:///<fresh empty file> --workers {WORKERS}, "
                    f"polled every {POLL_SECONDS * 1000:.0f} ms with GET /_fake/clients")
    first_answer = report.metric("first HTTP answer", "s")
    cpu = report.metric("CPU of master and workers by then", "s")
    with scratch_dir() as tmp:
        for i in range(1, runs + 1):
            db = tmp / f"cold-{i}.db"
            db.touch()
            seconds, cpu_seconds = _time_to_first_answer(db)
            first_answer.runs.append(seconds)
            cpu.runs.append(cpu_seconds)
    return report


def _cpu_seconds(pid: int) -> float:
    """User and system CPU of a process so far (``/proc/<pid>/stat``), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _time_to_first_answer(db: Path, timeout: float = 60.0) -> tuple[float, float]:
    """Seconds until the first answer, and the CPU seconds the server's processes used."""
    port = free_port()
    command = [FAKE_SAP, "serve", "--host", "127.0.0.1", "--port", str(port),
               "--db", f"sqlite:///{db}", "--workers", str(WORKERS)]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(timeout=5.0) as http:
            while time.monotonic() - started < timeout:
                if process.poll() is not None:
                    raise RuntimeError(f"fake-sap serve exited with {process.returncode}")
                try:
                    http.get(f"http://127.0.0.1:{port}/_fake/clients")
                    seconds = time.monotonic() - started
                    return seconds, _cpu_seconds(process.pid) + sum(
                        _cpu_seconds(worker) for worker in children(process.pid))
                except httpx.TransportError:
                    threading.Event().wait(POLL_SECONDS)
        raise RuntimeError(f"fake-sap serve did not answer within {timeout} s")
    finally:
        process.terminate()
        process.wait(timeout=10)
