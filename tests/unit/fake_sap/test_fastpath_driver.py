"""SQL text run straight on the driver (``fake_sap.fastpath.driver_statement``) answers what
``exec_driver_sql`` answers: the same rows, the same row count, the same exception class for
a driver error, and statement listeners still see every statement."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from fake_sap.db import change_pointers, idocs, numbers
from fake_sap.db.engine import Database
from fake_sap.fastpath.driver import (
    driver_statement,
    driver_statement_many,
    driver_statement_with_sqlalchemy,
)
from fake_sap.mm import material_master

pytestmark = pytest.mark.unit

Run = Callable[[Connection, str, tuple[Any, ...]], tuple[list[tuple[Any, ...]], int]]
WAYS: dict[str, Run] = {"driver": driver_statement, "sqlalchemy": driver_statement_with_sqlalchemy}

#: statements of every kind the inbound path runs, in order, on a table of its own
STATEMENTS: list[tuple[str, tuple[Any, ...]]] = [
    ("INSERT INTO t (k, v, n) VALUES (?, ?, ?) ON CONFLICT (k) DO NOTHING", ("a", "x", 1)),
    # the same key again: nothing inserted, row count 0
    ("INSERT INTO t (k, v, n) VALUES (?, ?, ?) ON CONFLICT (k) DO NOTHING", ("a", "y", 2)),
    ("INSERT INTO t (k, v, n) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v "
     "WHERE t.v < excluded.v", ("a", "z", 3)),
    ("INSERT INTO t (k, v, n) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v "
     "WHERE t.v < excluded.v", ("a", "b", 4)),
    ("UPDATE t SET n = n + ? WHERE k = ? RETURNING n", (5, "a")),
    ("UPDATE t SET n = n + ? WHERE k = ? RETURNING n", (5, "missing")),
    ("UPDATE t SET v = 'q' WHERE n > ?", (0,)),
    ("SELECT k, v, n FROM t WHERE k = ?", ("a",)),
    ("SELECT k, v, n FROM t WHERE k = ?", ("missing",)),
    ("INSERT INTO t (k, v, n) VALUES ('b', '离心泵', 7), ('c', '', 8)", ()),
    ("SELECT k, v, n FROM t ORDER BY k", ()),
]


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    with database.write() as conn:
        conn.exec_driver_sql("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL, n INTEGER)")
    yield database
    database.dispose()


def answers(db: Database, run: Run) -> list[tuple[list[tuple[Any, ...]], int]]:
    with db.write() as conn:
        found = [run(conn, sql, parameters) for sql, parameters in STATEMENTS]
        conn.rollback()
    return found


def test_the_driver_answers_what_sqlalchemy_answers(db: Database) -> None:
    on_the_driver = answers(db, driver_statement)

    assert on_the_driver == answers(db, driver_statement_with_sqlalchemy)
    assert on_the_driver[:3] == [([], 1), ([], 0), ([], 1)]
    # SQLite's count of an UPDATE ... RETURNING before its rows are fetched, as SQLAlchemy
    # keeps it
    assert on_the_driver[3:6] == [([], 0), ([(6,)], 0), ([], 0)]


@pytest.mark.parametrize("way", sorted(WAYS))
@pytest.mark.parametrize(("sql", "parameters", "error"), [
    ("INSERT INTO t (k, v, n) VALUES (?, ?, ?)", ("a", None, 1), IntegrityError),
    ("SELECT nothing FROM nowhere WHERE k = ?", ("a",), OperationalError),
])
def test_a_driver_error_is_sqlalchemys_exception_for_it(db: Database, way: str, sql: str,
                                                       parameters: tuple[Any, ...],
                                                       error: type[Exception]) -> None:
    with pytest.raises(error) as raised, db.write() as conn:
        WAYS[way](conn, sql, parameters)

    assert raised.value.statement == sql  # type: ignore[attr-defined]


MANY = "INSERT INTO t (k, v, n) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v"


def sqlalchemy_many(conn: Connection, sql: str, parameters: list[tuple[Any, ...]]) -> None:
    conn.exec_driver_sql(sql, parameters)


@pytest.mark.parametrize("rows", [
    [("a", "x", 1)],
    [("a", "x", 1), ("b", "离心泵", None), ("a", "y", 3)],
    [(str(i), "v" * (i % 7), i) for i in range(500)],
])
def test_many_rows_are_written_as_sqlalchemy_writes_them(db: Database,
                                                          rows: list[tuple[Any, ...]]) -> None:
    stored = []
    for run in (driver_statement_many, sqlalchemy_many):
        with db.write() as conn:
            run(conn, MANY, rows)
            stored.append(conn.exec_driver_sql("SELECT k, v, n FROM t ORDER BY k").all())
            conn.rollback()

    assert stored[0] == stored[1]
    assert len(stored[0]) == len({k for k, _, _ in rows})


@pytest.mark.parametrize("run", [driver_statement_many, sqlalchemy_many])
def test_a_driver_error_of_many_rows_is_sqlalchemys_exception_for_it(
        db: Database, run: Callable[[Connection, str, list[tuple[Any, ...]]], None]) -> None:
    with pytest.raises(IntegrityError), db.write() as conn:
        run(conn, "INSERT INTO t (k, v, n) VALUES (?, ?, ?)", [("a", "x", 1), ("a", "y", 2)])


@pytest.mark.parametrize("way", sorted(WAYS))
def test_a_lost_connection_is_invalidated_as_sqlalchemy_invalidates_it(db: Database,
                                                                        way: str) -> None:
    with db.engine.connect() as conn:
        conn.begin()
        conn.connection.driver_connection.close()  # type: ignore[union-attr]
        with pytest.raises(DBAPIError) as raised:
            WAYS[way](conn, "SELECT k FROM t WHERE k = ?", ("a",))

        assert raised.value.connection_invalidated
        assert conn.invalidated


def test_a_statement_listener_sees_the_statement(db: Database) -> None:
    seen: list[str] = []

    def listener(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.write() as conn:
            assert driver_statement(conn, "SELECT k FROM t WHERE k = ?", ("a",)) == ([], -1)
            driver_statement_many(conn, MANY, [("m", "x", 1)])
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)

    assert "SELECT k FROM t WHERE k = ?" in seen
    assert MANY in seen


def test_a_connection_without_a_transaction_begins_one_as_sqlalchemy_does(
        db: Database) -> None:
    """Without a transaction begun, the statement goes through SQLAlchemy, which begins one
    ("autobegin"), so that the connection's commit or rollback is about it."""
    kept = {}
    for way in sorted(WAYS):
        with db.engine.connect() as conn:
            WAYS[way](conn, "INSERT INTO t (k, v, n) VALUES (?, ?, ?)", (way, "x", 1))
            assert conn.in_transaction()
            conn.rollback()
            kept[way] = conn.exec_driver_sql("SELECT count(*) FROM t WHERE k = ?",
                                             (way,)).scalar_one()
            conn.rollback()

    assert kept["driver"] == kept["sqlalchemy"]


def test_the_inbound_statements_answer_alike_on_the_driver_and_through_sqlalchemy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The callers in fake_sap.db and the material master, once each way."""
    results = {}
    for way in sorted(WAYS):
        database = Database(f"sqlite:///{tmp_path / way / 'sap.db'}")
        database.create_schema()
        for module in (idocs, numbers, change_pointers, material_master):
            monkeypatch.setattr(module, "driver_statement", WAYS[way])
        with database.write() as conn:
            numbers.install(conn, "100")
            results[way] = (
                numbers.take(conn, "100", "EDI_DOCNUM", 3), numbers.take(conn, "100", "EDI_DOCNUM"),
                idocs.claim_sender_docnums(conn, "100", [("LS1", "7", "0000000000000001")]),
                idocs.claim_sender_docnums(conn, "100", [("LS1", "7", "0000000000000002")]),
                idocs.advance_serial(conn, "100", "MATMAS", "M1", "20240101", "0000000000000001"),
                idocs.advance_serial(conn, "100", "MATMAS", "M1", "20230101", "0000000000000002"),
                material_master.known_types(conn, "100", ["M1"]),
                change_pointers.mark_processed_without_receivers(conn, "100"))
        database.dispose()

    assert results["driver"] == results["sqlalchemy"]
    assert results["driver"] == (1, 4, {}, {"0000000000000002": "0000000000000001"}, None,
                                 "0000000000000001", {}, False)
