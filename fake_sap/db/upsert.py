"""INSERT ... ON CONFLICT for both supported databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def _insert(conn: Connection, table: Table):  # type: ignore[no-untyped-def]
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
           keep: Sequence[str] = ()) -> None:
    """Insert rows; on a primary-key conflict overwrite every column except the key and
    ``keep`` (e.g. creation date, stock quantities). Rows are applied in order."""
    if not rows:
        return
    key = [c.name for c in table.primary_key.columns]
    statement = _insert(conn, table)
    columns = [c for c in rows[0] if c not in key and c not in keep]
    if columns:
        statement = statement.on_conflict_do_update(
            index_elements=key, set_={c: statement.excluded[c] for c in columns})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=key)
    conn.execute(statement, list(rows))


def insert_if_absent(conn: Connection, table: Table, row: dict[str, Any]) -> bool:
    """Insert one row unless its key exists; True when this call inserted it.

    Under PostgreSQL a concurrent inserter of the same key makes this wait for the other
    transaction and then report False, which is exactly the race protection we want.
    """
    key = [c.name for c in table.primary_key.columns]
    statement = _insert(conn, table).values(**row).on_conflict_do_nothing(index_elements=key)
    return _rows_written(conn, statement) == 1


def advance_if_newer(conn: Connection, table: Table, row: dict[str, Any], column: str) -> bool:
    """Insert ``row``, or overwrite the existing one only if ``row[column]`` is greater.

    True when the row was written: used for ALE serialization (newest SERIAL wins).
    """
    key = [c.name for c in table.primary_key.columns]
    statement = _insert(conn, table).values(**row)
    statement = statement.on_conflict_do_update(
        index_elements=key,
        set_={c: statement.excluded[c] for c in row if c not in key},
        where=table.c[column] < statement.excluded[column],
    )
    return _rows_written(conn, statement) == 1


def _rows_written(conn: Connection, statement: Any) -> int:
    # SQLAlchemy 2 only guarantees rowcount for UPDATE/DELETE unless asked to keep it; on
    # psycopg an INSERT ... ON CONFLICT otherwise reports -1 whatever happened.
    return int(conn.execute(statement.execution_options(preserve_rowcount=True)).rowcount)
