"""The transactions of write() and read() are real SQLite transactions, though they say BEGIN
themselves. (The writers' queue that a write first waits in is tested with the package it
comes from, in tests/unit/test_store_engines.py.)"""

from __future__ import annotations

import sqlite3
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
