"""INSERT ... ON CONFLICT for both supported databases (SQLite and PostgreSQL): the one
upsert path. Layer: persistence (imports SQLAlchemy, the schema and :mod:`fake_sap.db.bulk`).

:func:`upsert` is how every row that may already exist is written, by the inbound IDoc
posting, the BAPIs' update functions, the seed and the control API alike: a row's given
columns replace the stored ones, the columns it leaves out keep their stored value (or take
their default when the row is new). It runs straight on the DB-API
(:func:`fake_sap.db.bulk.execute_rows`), one statement per run of rows with the same
columns, because it runs for every IDoc of every packet.

:func:`insert_if_absent` and :func:`advance_if_newer` are the single-row claims that must
tell whether they wrote; their statements are built once per dialect, table and column set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, update

from fake_sap.db.bulk import execute_rows


def dialect_insert(dialect: str, table: Table):  # type: ignore[no-untyped-def]
    """The INSERT of ``dialect`` (with its ON CONFLICT clauses). The dialect modules are
    imported here, when a statement is first built: importing SQLAlchemy's PostgreSQL
    dialect costs a SQLite server's start-up about 25 ms it never needs."""
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql
        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite
    return sqlite.insert(table)


def _key(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


@lru_cache(maxsize=256)
def _insert_if_absent_statement(dialect: str, table: Table, columns: tuple[str, ...]) -> Any:
    statement = dialect_insert(dialect, table).values({c: bindparam(c) for c in columns})
    return statement.on_conflict_do_nothing(index_elements=_key(table)).execution_options(
        preserve_rowcount=True)


@lru_cache(maxsize=256)
def _advance_statement(dialect: str, table: Table, columns: tuple[str, ...],
                       column: str) -> Any:
    key = _key(table)
    statement = dialect_insert(dialect, table).values({c: bindparam(c) for c in columns})
    return statement.on_conflict_do_update(
        index_elements=key,
        set_={c: statement.excluded[c] for c in columns if c not in key},
        where=table.c[column] < statement.excluded[column],
    ).execution_options(preserve_rowcount=True)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
           keep: Sequence[str] = (), only_if_greater: str | None = None) -> None:
    """Insert rows; on a primary-key conflict overwrite the columns the row gives, except
    the key and ``keep`` (e.g. creation date, stock quantities). Columns a row leaves out
    take their default in a new row and stay as they are in an existing one. With
    ``only_if_greater`` an existing row is overwritten only by a greater value of that
    column (ALE serialization). Rows are applied in order; rows may differ in their columns.
    """
    start = 0
    while start < len(rows):
        columns = rows[start].keys()
        end = start + 1
        while end < len(rows) and rows[end].keys() == columns:
            end += 1
        updated = tuple(c for c in columns if c not in keep)
        execute_rows(conn, table, rows[start:end], conflict="update", updated=updated,
                     only_if_greater=only_if_greater)
        start = end


def insert_if_absent(conn: Connection, table: Table, row: dict[str, Any]) -> bool:
    """Insert one row unless its key exists; True when this call inserted it.

    Under PostgreSQL a concurrent inserter of the same key makes this wait for the other
    transaction and then report False, which is exactly the race protection we want.
    """
    statement = _insert_if_absent_statement(conn.dialect.name, table, tuple(row))
    return _rows_written(conn, statement, row) == 1


def advance_if_newer(conn: Connection, table: Table, row: dict[str, Any], column: str) -> bool:
    """Insert ``row``, or overwrite the existing one only if ``row[column]`` is greater.

    True when the row was written: used for ALE serialization (newest SERIAL wins).
    """
    statement = _advance_statement(conn.dialect.name, table, tuple(row), column)
    return _rows_written(conn, statement, row) == 1


def _rows_written(conn: Connection, statement: Any, row: dict[str, Any]) -> int:
    # SQLAlchemy 2 only guarantees rowcount for UPDATE/DELETE unless asked to keep it
    # (preserve_rowcount); on psycopg an INSERT ... ON CONFLICT otherwise reports -1.
    return int(conn.execute(statement, row).rowcount)


@dataclass
class RowChanges:
    """The rows one business object's change writes, kept apart from writing them so that
    the changes of a whole IDoc packet are written in bulk (one statement per table), and a
    change that fails its checks writes nothing."""

    #: (table, row) written by :func:`upsert`
    upserts: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    #: (table, column values identifying the rows) deleted before the upserts
    deletes: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    #: (table, column values identifying the row, new values): plain UPDATEs after the
    #: upserts that leave the other columns alone, e.g. a deletion flag
    updates: list[tuple[Table, dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def write_changes(conn: Connection, changes: Sequence[RowChanges],
                  keep: Mapping[str, Sequence[str]]) -> None:
    """Write the changes of many objects: deletes, then upserts grouped by table (keeping
    the ``keep`` columns of each table name), then updates. The caller guarantees that no
    two changes touch the same object."""
    for change in changes:
        for table, criteria in change.deletes:
            conn.execute(delete(table).where(*[table.c[k] == v for k, v in criteria.items()]))
    grouped: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
    for change in changes:
        for table, row in change.upserts:
            grouped.setdefault(table.name, (table, []))[1].append(row)
    for table, rows in grouped.values():
        upsert(conn, table, rows, keep=keep.get(table.name, ()))
    for change in changes:
        for table, criteria, values in change.updates:
            conn.execute(update(table).where(*[table.c[k] == v for k, v in criteria.items()])
                         .values(**values))
