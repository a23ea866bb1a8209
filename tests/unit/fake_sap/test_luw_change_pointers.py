"""A commit distributes change pointers after its update tasks unless every task's function
is declared to write none (``luw.WithoutChangePointers``): then BD21 is not asked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event, select

from fake_sap.db import change_pointers
from fake_sap.db.engine import Database
from fake_sap.db.schema import bdcp2
from fake_sap.rfc import luw

pytestmark = pytest.mark.unit

WITHOUT_POINTERS = "Z_WRITES_NO_POINTERS"
PLAIN = "Z_PLAIN"


def write_nothing(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    """An update function whose writes do not matter here."""


FUNCTIONS: luw.UpdateFunctions = {
    WITHOUT_POINTERS: luw.WithoutChangePointers(write_nothing),
    PLAIN: write_nothing,
}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'luw.db'}")
    database.create_schema()
    yield database
    database.dispose()


def open_pointer(db: Database) -> None:
    """A pointer left open, e.g. by a writer outside the LUW; nobody receives its type, so
    the distribution marks it processed."""
    with db.write() as conn:
        change_pointers.record(conn, "100", [change_pointers.ChangePointer(
            "MATMAS", "M-1", "U")], datetime(2026, 1, 1))


def processed(db: Database) -> list[str]:
    with db.read() as conn:
        return list(conn.execute(select(bdcp2.c.process)).scalars())


def commit_one(db: Database, function: str) -> list[str]:
    """Register one task of ``function`` and commit it; the statements the commit ran."""
    session = luw.open_session(db, "100", "DEVELOPER", None)
    luw.register_update(db, session, function, {}, FUNCTIONS)
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        result = luw.commit(db, session, FUNCTIONS)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert (result.executed, result.error) == (1, None)
    return statements


def test_a_commit_of_tasks_without_change_pointers_does_not_ask_bd21(db: Database) -> None:
    open_pointer(db)

    statements = commit_one(db, WITHOUT_POINTERS)

    assert not [s for s in statements if "bdcp2" in s]
    assert processed(db) == [""]


def test_a_commit_of_any_other_task_distributes_the_open_pointers(db: Database) -> None:
    open_pointer(db)

    commit_one(db, PLAIN)

    assert processed(db) == ["X"]


def test_the_declared_function_writes_as_the_function_it_wraps(db: Database) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def remember(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
        calls.append((mandt, payload))

    with db.write() as conn:
        luw.WithoutChangePointers(remember)(conn, "100", {"vbeln": "1"})

    assert calls == [("100", {"vbeln": "1"})]
