"""Storage failures are told apart from bugs: each driver error becomes the storage error that
says what happened, or stays what it was."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from fake_sap.db.engine import Database, storage_error
from fake_sap.errors import StorageBusy, StorageFull, StorageReadOnly, StorageUnavailable

pytestmark = pytest.mark.unit


def _database(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    with db.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    return db


def test_a_full_sqlite_database_is_storage_full(tmp_path: Path) -> None:
    db = _database(tmp_path / "full.db")
    try:
        with pytest.raises(StorageFull, match="database is full") as raised, db.write() as conn:
            # the page limit of this connection stands in for a full disk
            conn.execute(text("PRAGMA max_page_count = 3"))
            conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "y" * 4000}] * 10)
        assert raised.value.http_status == 503
        assert raised.value.retry_after_seconds > 0
        assert isinstance(raised.value.__cause__, OperationalError)
        with db.read() as conn:  # rolled back: nothing half-stored
            assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0
    finally:
        db.dispose()


def test_a_read_only_sqlite_file_is_storage_read_only(tmp_path: Path) -> None:
    _database(tmp_path / "ro.db").dispose()
    db = Database(f"sqlite:///file:{tmp_path / 'ro.db'}?mode=ro&uri=true")
    try:
        with pytest.raises(StorageReadOnly, match="database is read-only"), \
                db.write() as conn:
            conn.execute(text("INSERT INTO t VALUES ('x')"))
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0
    finally:
        db.dispose()


@pytest.mark.parametrize(("name", "expected"), [
    ("SQLITE_FULL", StorageFull), ("SQLITE_READONLY", StorageReadOnly),
    ("SQLITE_READONLY_DBMOVED", StorageReadOnly), ("SQLITE_BUSY", StorageBusy),
    ("SQLITE_LOCKED", StorageBusy), ("SQLITE_CANTOPEN", StorageBusy),
    ("SQLITE_IOERR_WRITE", StorageUnavailable)])
def test_sqlite_result_codes(name: str, expected: type[StorageUnavailable]) -> None:
    error = sqlite3.OperationalError("driver text")
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    classified = storage_error(OperationalError("INSERT", {}, error))
    assert type(classified) is expected


class _PsycopgError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("driver text")
        self.sqlstate = sqlstate


OperationalErrorOfPsycopg = type("OperationalError", (_PsycopgError,), {})


@pytest.mark.parametrize(("sqlstate", "expected"), [
    ("53100", StorageFull), ("25006", StorageReadOnly), ("08006", StorageBusy),
    ("57P01", StorageBusy), ("53300", StorageBusy), ("55P03", StorageBusy)])
def test_postgresql_sqlstates(sqlstate: str, expected: type[StorageUnavailable]) -> None:
    classified = storage_error(OperationalError("INSERT", {}, _PsycopgError(sqlstate)))
    assert type(classified) is expected


def test_an_unreachable_postgresql_server_is_storage_busy() -> None:
    error = OperationalError("connect", {}, OperationalErrorOfPsycopg(None))
    assert type(storage_error(error)) is StorageBusy


@pytest.mark.parametrize(("number", "expected"), [
    (errno.ENOSPC, StorageFull), (errno.EROFS, StorageReadOnly)])
def test_the_writers_lock_file(number: int, expected: type[StorageUnavailable]) -> None:
    assert type(storage_error(OSError(number, "lock file"))) is expected


def test_bugs_stay_bugs() -> None:
    error = sqlite3.IntegrityError("UNIQUE constraint failed")
    error.sqlite_errorname = "SQLITE_CONSTRAINT_UNIQUE"  # type: ignore[attr-defined]
    assert storage_error(IntegrityError("INSERT", {}, error)) is None
    assert storage_error(IntegrityError("INSERT", {}, _PsycopgError("23505"))) is None
    assert storage_error(OSError(errno.ENOENT, "missing")) is None
    assert storage_error(ValueError("x")) is None
