"""Bulk writes and reads for the hot paths (inbound IDoc packets, BD10), straight to the
DB-API. Layer: persistence (imports SQLAlchemy, the schema and the fast path's driver calls).

SQLAlchemy Core spends far more time preparing each row of an ``executemany`` than the
database spends writing it: for a 100,000-IDoc packet that is most of the time. These
helpers build the SQL text once per dialect and table, convert the few non-text values the
way SQLAlchemy would store them, and hand plain tuples to the driver. Only for tables whose
columns are text, numbers and timestamps — which is every table of this emulator. Reading
(:func:`read_rows`) is the same for text-only tables: SQLAlchemy's rows and statement
handling cost about as much as the database's own work.

Upserts (``INSERT ... ON CONFLICT DO UPDATE``) are not made here but by
:func:`fake_sap.db.upsert.upsert`, the one upsert path, which uses :func:`execute_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, DateTime, String, Table
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from fake_sap.fastpath.driver import driver_statement, driver_statement_many

_PLACEHOLDER = {"sqlite": "?", "postgresql": "%s"}


@lru_cache(maxsize=256)
def _sql(dialect: str, table: Table, columns: tuple[str, ...], conflict: str,
         updated_columns: tuple[str, ...], only_if_greater: str | None) -> str:
    placeholder = _PLACEHOLDER[dialect]
    names = ", ".join(columns)
    values = ", ".join(placeholder for _ in columns)
    text = f"INSERT INTO {table.name} ({names}) VALUES ({values})"
    key = [c.name for c in table.primary_key.columns]
    if conflict == "ignore":
        text += f" ON CONFLICT ({', '.join(key)}) DO NOTHING"
    elif conflict == "update":
        updated = [c for c in updated_columns if c not in key]
        if updated:
            sets = ", ".join(f"{c} = excluded.{c}" for c in updated)
            text += f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
            if only_if_greater:
                text += (f" WHERE {table.name}.{only_if_greater} < "
                         f"excluded.{only_if_greater}")
        else:
            text += f" ON CONFLICT ({', '.join(key)}) DO NOTHING"
    return text


@lru_cache(maxsize=256)
def _missing_defaults(table: Table, given: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    """Columns a row leaves out that have a plain default: filled in like SQLAlchemy would,
    so that adding a column with a default never breaks these raw inserts."""
    return tuple((c.name, c.default.arg) for c in table.columns
                 if c.name not in given and isinstance(c.default, ScalarElementColumnDefault))


@lru_cache(maxsize=256)
def _timestamp_positions(table: Table, columns: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(i for i, name in enumerate(columns) if isinstance(table.c[name].type, DateTime))


def _sqlite_timestamp(value: datetime | None) -> str | None:
    # SQLAlchemy's SQLite DATETIME storage format (it reads the same text back):
    # YYYY-MM-DD HH:MM:SS.ffffff, which isoformat writes faster than strftime (the UTC
    # offset of an aware value, after those 26 characters, is not stored)
    return None if value is None else value.isoformat(" ", "microseconds")[:26]


def write_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *,
               conflict: str = "error", rows_per_statement: int = 1) -> None:
    """Insert ``rows`` (all with the same keys); ``conflict``: ``error`` (plain INSERT) or
    ``ignore`` (ON CONFLICT DO NOTHING). Upserts go through :mod:`fake_sap.db.upsert`.

    ``rows_per_statement`` above 1 writes that many rows with each INSERT (``VALUES (...),
    (...)``) instead of one statement per row: for the few rows that belong together, like
    the status records of one IDoc. Keep it within the database's limit of bound variables
    (999 in older SQLite versions) divided by the number of columns."""
    if conflict not in ("error", "ignore"):
        raise ValueError(f"write_rows inserts ({conflict!r}): upserts go through db.upsert")
    if rows_per_statement <= 1 or len(rows) <= 1:
        execute_rows(conn, table, rows, conflict=conflict)
        return
    dialect = conn.dialect.name
    defaults = _missing_defaults(table, tuple(rows[0]))
    if defaults:
        missing = dict(defaults)
        rows = [{**row, **missing} for row in rows]
    columns = tuple(rows[0])
    if dialect == "sqlite" and _timestamp_positions(table, columns):
        # timestamps need the conversion execute_rows makes
        execute_rows(conn, table, rows, conflict=conflict)
        return
    pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    for first in range(0, len(rows), rows_per_statement):
        batch = rows[first:first + rows_per_statement]
        driver_statement(conn, _multi_row_sql(dialect, table, columns, conflict, len(batch)),
                         tuple(chain.from_iterable(map(pick, batch))))


@lru_cache(maxsize=256)
def _multi_row_sql(dialect: str, table: Table, columns: tuple[str, ...], conflict: str,
                   count: int) -> str:
    placeholder = _PLACEHOLDER[dialect]
    row = f"({', '.join(placeholder for _ in columns)})"
    single = _sql(dialect, table, columns, conflict, (), None)
    head, _, tail = single.partition(f"VALUES {row}")
    return f"{head}VALUES {', '.join([row] * count)}{tail}"


def execute_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *,
                 conflict: str, updated: Sequence[str] = (),
                 only_if_greater: str | None = None) -> None:
    """Run one INSERT for ``rows`` (all with the same keys). ``conflict``: ``error``,
    ``ignore`` or ``update``; on ``update`` an existing row gets the ``updated`` columns
    (without ``only_if_greater``, else only when that column grows). A column a row leaves
    out takes its default on insert, and is never touched on update."""
    if not rows:
        return
    dialect = conn.dialect.name
    given = tuple(rows[0])
    defaults = _missing_defaults(table, given)
    # the defaults of the columns the rows leave out go after the given ones: the same
    # values for every row, appended to each row's tuple rather than copied into its dict
    columns = given + tuple(name for name, _ in defaults)
    default_values = tuple(value for _, value in defaults)
    sql = _sql(dialect, table, columns, conflict, tuple(updated), only_if_greater)
    stamps = _timestamp_positions(table, columns) if dialect == "sqlite" else ()
    # a row's values in column order, picked in C rather than one by one
    pick = itemgetter(*given) if len(given) > 1 else lambda row: (row[given[0]],)
    if stamps:
        parameters = []
        last: tuple[datetime | None, str | None] = (None, None)
        for row in rows:
            values = [*pick(row), *default_values]
            for position in stamps:
                value = values[position]
                if value is not last[0]:  # a row's timestamps are often one and the same
                    last = (value, _sqlite_timestamp(value))
                values[position] = last[1]
            parameters.append(tuple(values))
    elif default_values:
        parameters = [pick(row) + default_values for row in rows]
    else:
        parameters = [pick(row) for row in rows]
    driver_statement_many(conn, sql, parameters)


@lru_cache(maxsize=1024)
def _select_sql(dialect: str, table: Table, key: str, count: int,
                order: tuple[str, ...], columns: tuple[str, ...] | None = None) -> str:
    if not all(isinstance(c.type, String) for c in table.columns):
        # other types would come back as the driver has them, not as SQLAlchemy converts them
        raise TypeError(f"{table.name}: read_rows reads tables of text columns only")
    placeholder = _PLACEHOLDER[dialect]
    # the columns named, not *: a column added to an older database comes last in its table
    selected = table.columns.keys() if columns is None else [table.c[c].name for c in columns]
    return (f"SELECT {', '.join(selected)} FROM {table.name} "
            f"WHERE mandt = {placeholder} AND {key} IN ({', '.join([placeholder] * count)}) "
            f"ORDER BY {', '.join(order)}")


def read_rows(conn: Connection, table: Table, mandt: str, key: str, keys: Sequence[str],
              order: Sequence[str], columns: Sequence[str] | None = None
              ) -> list[tuple[Any, ...]]:
    """The client's rows of a text-only ``table`` whose column ``key`` is one of ``keys``,
    ordered by the columns ``order``: plain tuples, columns in table order (or only the
    ``columns`` named, in that order). One query, so keep ``keys`` within the database's
    limit of bound variables."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(_select_sql(conn.dialect.name, table, key, len(keys), tuple(order),
                                   None if columns is None else tuple(columns)),
                       (mandt, *keys))
        return list(cursor.fetchall())
    finally:
        cursor.close()
