"""SQLite writers queue on the lock file beside the database: one writer at a time, across the
threads of a process and across processes, and the lock is free again once a write ends,
though each thread keeps its handle on the lock file open between writes. The transactions of
write() and read() are real SQLite transactions, though they say BEGIN themselves."""

from __future__ import annotations

import fcntl
import sqlite3
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


# --- the transactions of write() and read() on SQLite ---------------------------------------

def _other_connection(path: Path) -> sqlite3.Connection:
    """Another process's view: its own connection, in autocommit mode, never waiting."""
    return sqlite3.connect(path, timeout=0, isolation_level=None)


def test_a_write_takes_sqlites_write_lock_before_its_first_statement(tmp_path: Path) -> None:
    db = _database(tmp_path / "sap.db")
    other = _other_connection(tmp_path / "sap.db")
    try:
        with db.write():
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
        db.dispose()


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    db = _database(tmp_path / "sap.db")
    with pytest.raises(RuntimeError), db.write() as conn:
        conn.execute(text("INSERT INTO t VALUES ('a')"))
        conn.execute(text("INSERT INTO t VALUES ('b')"))
        raise RuntimeError("a bug halfway")
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
    db.dispose()


def test_a_read_sees_one_state_and_does_not_block_a_writer(tmp_path: Path) -> None:
    db = _database(tmp_path / "sap.db")
    other = _other_connection(tmp_path / "sap.db")
    try:
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
            other.execute("INSERT INTO t VALUES ('written meanwhile')")
            assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 1
    finally:
        other.close()
        db.dispose()


def test_a_transaction_of_the_migration_engine_takes_the_write_lock(tmp_path: Path) -> None:
    db = _database(tmp_path / "sap.db")
    other = _other_connection(tmp_path / "sap.db")
    try:
        with db.migration_engine.begin():
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        db.dispose()
