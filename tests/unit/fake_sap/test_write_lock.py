"""SQLite writers queue on the lock file beside the database: one writer at a time, across the
threads of a process and across processes, and the lock is free again once a write ends, also
now that each thread keeps its handle on the lock file open between writes."""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from fake_sap.db.engine import Database

pytestmark = pytest.mark.unit


def _database(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    with db.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    return db


def _lock_is_free(lock_path: Path) -> bool:
    """What another process sees: its own open of the lock file, tried without waiting."""
    with open(lock_path, "a+b") as other:
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(other, fcntl.LOCK_UN)
        return True


def test_a_write_holds_the_lock_for_other_processes_and_frees_it_when_it_ends(
        tmp_path: Path) -> None:
    db = _database(tmp_path / "sap.db")
    lock_path = tmp_path / "sap.db.writelock"

    for _ in range(2):  # the second write reuses the handle the first one opened
        with db.write() as conn:
            conn.execute(text("INSERT INTO t VALUES ('a')"))
            assert not _lock_is_free(lock_path)
        assert _lock_is_free(lock_path)


def test_a_thread_waits_while_another_thread_of_the_process_writes(tmp_path: Path) -> None:
    db = _database(tmp_path / "sap.db")
    first_writing, second_trying = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with db.write() as conn:
            first_writing.set()
            second_trying.wait(timeout=30)
            conn.execute(text("INSERT INTO t VALUES ('first')"))
            order.append("first done")

    def second() -> None:
        first_writing.wait(timeout=30)
        second_trying.set()
        with db.write() as conn:
            order.append("second in")
            conn.execute(text("INSERT INTO t VALUES ('second')"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert order == ["first done", "second in"]
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 2
    db.dispose()
