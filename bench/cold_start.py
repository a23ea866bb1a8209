"""Benchmark 4: cold start of ``fake-sap serve`` on a fresh, empty SQLite file until the
first HTTP answer (schema creation, default client, gunicorn and worker start-up)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from bench.harness import Report
from bench.processes import scratch_dir
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
    with scratch_dir() as tmp:
        for i in range(1, runs + 1):
            db = tmp / f"cold-{i}.db"
            db.touch()
            first_answer.runs.append(_time_to_first_answer(db))
    return report


def _time_to_first_answer(db: Path, timeout: float = 60.0) -> float:
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
                    return time.monotonic() - started
                except httpx.TransportError:
                    threading.Event().wait(POLL_SECONDS)
        raise RuntimeError(f"fake-sap serve did not answer within {timeout} s")
    finally:
        process.terminate()
        process.wait(timeout=10)
