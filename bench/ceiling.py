"""The ceiling: the same HTTP stack (gunicorn, 2 sync workers, Flask) doing no work at all.

Its endpoint reads the request body and answers 200, so loading it with the same requests
shows how many requests per second the machine can serve before fake-sap does anything.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from flask import Flask, Response, request

from fake_sap.testing.process import free_port

app = Flask("ceiling")


@app.post("/sap/bc/idoc_xml")
def receive() -> Response:
    body = request.get_data()
    return Response(f"received {len(body)} bytes\n", content_type="text/plain")


@dataclass(frozen=True)
class CeilingServer:
    url: str
    #: the gunicorn arbiter; its children are the workers
    pid: int


@contextmanager
def running(workers: int = 2, ready_timeout: float = 30.0) -> Iterator[CeilingServer]:
    """Serve this app under gunicorn like fake-sap serve does."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", str(workers),
               "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
               "--chdir", str(Path(__file__).resolve().parent.parent),
               "--log-level", "warning", "bench.ceiling:app"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(url, process, ready_timeout)
        yield CeilingServer(url, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the ceiling server exited with {process.returncode}")
        try:
            httpx.post(f"{url}/sap/bc/idoc_xml", content=b"<ping/>", timeout=1.0)
            return
        except httpx.TransportError:
            threading.Event().wait(0.05)
    raise RuntimeError(f"the ceiling server did not answer within {timeout} s")
