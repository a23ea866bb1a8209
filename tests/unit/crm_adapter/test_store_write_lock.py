"""The CRM store's SQLite writers queue on the lock file beside the database: the lock is
held while a write runs and free again once it ends (each thread keeps its handle on the
file between writes), and a database without a file of its own has no lock file."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_adapter.store.engine import Database

pytestmark = pytest.mark.unit


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
    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    lock_path = tmp_path / "crm.db.writelock"
    with db.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))

    for _ in range(2):  # the second write reuses the handle the first one opened
        with db.write() as conn:
            conn.execute(text("INSERT INTO t VALUES ('a')"))
            assert not _lock_is_free(lock_path)
        assert _lock_is_free(lock_path)
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 2
    db.dispose()


def test_a_write_inside_a_write_of_the_same_thread_does_not_wait_for_itself(
        tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    with db.write() as outer:
        outer.execute(text("CREATE TABLE t (x TEXT)"))
    with db.write() as outer:
        outer.execute(text("INSERT INTO t VALUES ('a')"))
        with db._writer_turn():  # would wait forever if it queued behind the outer write
            assert not _lock_is_free(tmp_path / "crm.db.writelock")
    assert _lock_is_free(tmp_path / "crm.db.writelock")
    db.dispose()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_writes_without_a_lock_file(url: str) -> None:
    db = Database(url)
    with db.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
        conn.execute(text("INSERT INTO t VALUES ('a')"))
    assert db._lock_path is None
    db.dispose()
