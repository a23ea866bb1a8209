"""Waiting on the writers' queue of a SQLite file (``store_engines.writers_queue``) in tests."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path


def queued(queue_dir: Path) -> int:
    """How many writers wait for their turn, or hold it after waiting (a writer with nobody
    ahead takes its turn without a ticket file)."""
    return len([name for name in os.listdir(queue_dir) if name != "tickets"])


def wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, "the writer never queued"
        time.sleep(0.001)
