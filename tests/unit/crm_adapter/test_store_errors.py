"""The CRM store tells storage failures apart from bugs."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from crm_adapter.store.engine import Database, storage_error
from crm_adapter.store.errors import StoreBusy, StoreFull, StoreReadOnly, StoreUnavailable

pytestmark = pytest.mark.unit


def test_a_full_database_is_store_full(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    try:
        with db.write() as conn:
            conn.execute(text("CREATE TABLE t (x TEXT)"))
        with pytest.raises(StoreFull, match="database is full"), db.write() as conn:
            conn.execute(text("PRAGMA max_page_count = 3"))  # stands in for a full disk
            conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "y" * 4000}] * 10)
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0
    finally:
        db.dispose()


def test_a_read_only_file_is_store_read_only(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    writable = Database(f"sqlite:///{path}")
    with writable.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    writable.dispose()
    db = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with pytest.raises(StoreReadOnly, match="database is read-only"), db.write() as conn:
            conn.execute(text("INSERT INTO t VALUES ('x')"))
    finally:
        db.dispose()
    assert not (tmp_path / "file:").exists()


class _DriverError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("driver text")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("sqlstate", "expected"), [
    ("53100", StoreFull), ("25006", StoreReadOnly), ("08006", StoreBusy), ("57P03", StoreBusy)])
def test_postgresql_sqlstates(sqlstate: str, expected: type[StoreUnavailable]) -> None:
    assert type(storage_error(OperationalError("x", {}, _DriverError(sqlstate)))) is expected


def test_sqlite_busy_and_bugs() -> None:
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
    assert type(storage_error(OperationalError("x", {}, busy))) is StoreBusy
    unique = sqlite3.IntegrityError("UNIQUE constraint failed")
    unique.sqlite_errorname = "SQLITE_CONSTRAINT_UNIQUE"  # type: ignore[attr-defined]
    assert storage_error(IntegrityError("x", {}, unique)) is None
    assert storage_error(IntegrityError("x", {}, _DriverError("23505"))) is None


@pytest.mark.parametrize(("number", "kind"), [(errno.ENOSPC, StoreFull),
                                              (errno.EROFS, StoreReadOnly),
                                              (errno.EIO, StoreUnavailable)])
def test_an_os_error_of_the_writers_queue_is_storage_trouble(number: int, kind: type) -> None:
    # the writers' queue writes its ticket files beside the database: a full disk
    # refuses them before SQLite is even asked
    assert type(storage_error(OSError(number, os.strerror(number)))) is kind


def test_another_os_error_is_a_bug_not_an_outage() -> None:
    assert storage_error(OSError(errno.EBADF, os.strerror(errno.EBADF))) is None
