"""THE FAST PATH, SQL text on the database driver: what ``exec_driver_sql`` answers, without
SQLAlchemy's per-statement work.

See :mod:`fake_sap.fastpath` and ``docs/adr/0005-fast-paths.md``. Layer: storage; imports
SQLAlchemy only, so that ``fake_sap.db`` and the services that use it reach no edge through it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

# --- SQL text straight on the driver ---------------------------------------------------------

def driver_statement(conn: Connection, sql: str, parameters: Sequence[Any]
                     ) -> tuple[list[tuple[Any, ...]], int]:
    """Run SQL text (made once, in the driver's parameter style) in ``conn``'s transaction
    and return its rows and its row count: what :func:`driver_statement_with_sqlalchemy`
    returns, without SQLAlchemy's execution context, result object and statement events.

    A single inbound IDoc runs a dozen statements of a few microseconds of database work
    each, and ``exec_driver_sql`` cost about 10 to 15 microseconds more per statement. A
    driver error is raised as the SQLAlchemy exception ``exec_driver_sql`` raises for it
    (:class:`sqlalchemy.exc.IntegrityError`, ``OperationalError`` ...), so that storage
    failures are classified as before. While anything listens for SQLAlchemy's statement
    events (a test or a profile counting statements), or the connection has not begun its
    transaction, the statement goes through SQLAlchemy (:func:`_sqlalchemy_must_run`). Only
    for statements whose values the driver returns as SQLAlchemy would (text and integer
    columns)."""
    if _sqlalchemy_must_run(conn):
        return driver_statement_with_sqlalchemy(conn, sql, parameters)
    cursor = None
    try:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(sql, parameters)
        # the count as SQLAlchemy keeps it: taken before the rows are fetched (SQLite
        # counts the rows an UPDATE ... RETURNING changed only once they are fetched)
        count = cursor.rowcount
        rows = cursor.fetchall() if cursor.description is not None else []
        return [tuple(row) for row in rows], count
    except conn.dialect.loaded_dbapi.Error as error:
        raise _sqlalchemy_error(conn, cursor, sql, parameters, error, many=False) from error
    finally:
        if cursor is not None:
            cursor.close()


def _sqlalchemy_must_run(conn: Connection) -> bool:
    """A statement goes through SQLAlchemy while something listens for its statement events,
    and on a connection that has not begun its transaction: SQLAlchemy begins it then
    ("autobegin"), and its commit or rollback would not know of a statement it never saw."""
    dispatch = conn.dispatch
    return (not conn.in_transaction() or bool(dispatch.before_cursor_execute)
            or bool(dispatch.after_cursor_execute))


def driver_statement_with_sqlalchemy(conn: Connection, sql: str, parameters: Sequence[Any]
                                     ) -> tuple[list[tuple[Any, ...]], int]:
    """The reference for :func:`driver_statement`: the same statement through
    ``exec_driver_sql``."""
    result = conn.exec_driver_sql(sql, tuple(parameters),
                                  execution_options={"preserve_rowcount": True})
    rows = [tuple(row) for row in result] if result.returns_rows else []
    return rows, result.rowcount


def driver_statement_many(conn: Connection, sql: str,
                          parameters: Sequence[Sequence[Any]]) -> None:
    """:func:`driver_statement` for a statement that writes and returns nothing, run once
    for each parameter tuple (the driver's ``executemany``): what
    ``conn.exec_driver_sql(sql, parameters)`` does with a list of tuples."""
    if _sqlalchemy_must_run(conn):
        conn.exec_driver_sql(sql, list(parameters))
        return
    cursor = None
    try:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(sql, parameters)
    except conn.dialect.loaded_dbapi.Error as error:
        raise _sqlalchemy_error(conn, cursor, sql, parameters, error, many=True) from error
    finally:
        if cursor is not None:
            cursor.close()


def _sqlalchemy_error(conn: Connection, cursor: Any, sql: str, parameters: Any,
                      error: Any, many: bool) -> BaseException:
    """The exception SQLAlchemy raises for a driver error, and what it does besides: a
    connection the database dropped is invalidated, so the pool does not hand it out again."""
    lost = conn.dialect.is_disconnect(error, conn.connection.dbapi_connection, cursor)
    if lost:
        conn.invalidate(error)
    return DBAPIError.instance(sql, parameters, error, conn.dialect.loaded_dbapi.Error,
                               connection_invalidated=lost, dialect=conn.dialect,
                               ismulti=many)
