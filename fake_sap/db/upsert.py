"""INSERT ... ON CONFLICT for both supported databases (SQLite and PostgreSQL).

The statements are built once per dialect, table and column set and then reused with
bound parameters: building an ``ON CONFLICT`` construct costs far more than running it, and
these statements run for every IDoc of every packet.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, bindparam
from sqlalchemy.dialects import postgresql, sqlite


def _insert(dialect: str, table: Table):  # type: ignore[no-untyped-def]
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _key(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


@lru_cache(maxsize=512)
def _upsert_statement(dialect: str, table: Table, columns: tuple[str, ...],
                      keep: tuple[str, ...]) -> Any:
    key = _key(table)
    statement = _insert(dialect, table)
    updated = [c for c in columns if c not in key and c not in keep]
    if updated:
        return statement.on_conflict_do_update(
            index_elements=key, set_={c: statement.excluded[c] for c in updated})
    return statement.on_conflict_do_nothing(index_elements=key)


@lru_cache(maxsize=256)
def _insert_if_absent_statement(dialect: str, table: Table, columns: tuple[str, ...]) -> Any:
    statement = _insert(dialect, table).values({c: bindparam(c) for c in columns})
    return statement.on_conflict_do_nothing(index_elements=_key(table)).execution_options(
        preserve_rowcount=True)


@lru_cache(maxsize=256)
def _advance_statement(dialect: str, table: Table, columns: tuple[str, ...],
                       column: str) -> Any:
    key = _key(table)
    statement = _insert(dialect, table).values({c: bindparam(c) for c in columns})
    return statement.on_conflict_do_update(
        index_elements=key,
        set_={c: statement.excluded[c] for c in columns if c not in key},
        where=table.c[column] < statement.excluded[column],
    ).execution_options(preserve_rowcount=True)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
           keep: Sequence[str] = ()) -> None:
    """Insert rows; on a primary-key conflict overwrite every column except the key and
    ``keep`` (e.g. creation date, stock quantities). Rows are applied in order."""
    if not rows:
        return
    statement = _upsert_statement(conn.dialect.name, table, tuple(rows[0]), tuple(keep))
    conn.execute(statement, list(rows))


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
