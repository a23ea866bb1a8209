"""Starting emulator processes on throw-away databases; their IDoc counts, CPU and memory."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from fake_sap.testing.process import DEFAULT_PASSWORD, DEFAULT_USER, FakeSapProcess

AUTH = (DEFAULT_USER, DEFAULT_PASSWORD)
CLIENT = "100"


@contextmanager
def scratch_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="fake-sap-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def fake_sap(db: Path | str, *, workers: int, extra_args: list[str] | None = None
             ) -> Iterator[FakeSapProcess]:
    server = FakeSapProcess.start(db, workers=workers, extra_args=extra_args)
    try:
        yield server
    finally:
        server.stop()


def idoc_count(url: str, status: str | None = None) -> int:
    """``total`` of inbound IDocs in the monitor of client 100, optionally for one status."""
    params = {"direction": "inbound", "limit": "1", **({"status": status} if status else {})}
    response = httpx.get(f"{url}/_fake/clients/{CLIENT}/idocs", params=params, timeout=60.0)
    response.raise_for_status()
    return int(response.json()["total"])


def children(pid: int) -> list[int]:
    """Direct child processes (gunicorn workers of a ``fake-sap serve`` arbiter)."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def peak_rss_mib(pid: int) -> float:
    """The process's high-water mark of resident memory (``VmHWM``) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far."""
    # fields after the command name (which may contain spaces) start at field 3 (state)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def workers_cpu_seconds(arbiter: int) -> float:
    return sum(cpu_seconds(worker) for worker in children(arbiter))


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and all its descendants: the live ones, and those that have
    exited and were waited for (``cutime``/``cstime``), such as PostgreSQL backends of
    closed connections or restarted gunicorn workers."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime, stime, cutime, cstime are fields 14-17 of stat(5), 11-14 after the name
    own = sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    live = 0.0
    for child in children(pid):
        try:
            live += tree_cpu_seconds(child)
        except FileNotFoundError:  # it exited meanwhile; its parent's cutime has it soon
            continue
    return own + live
