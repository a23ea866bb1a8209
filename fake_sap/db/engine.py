"""One :class:`Database` per process: an SQLAlchemy engine plus read and write transactions.

SQLite is the embedded default. Several gunicorn workers share one SQLite file, so write
transactions start with ``BEGIN IMMEDIATE``: a writer takes the lock up front and waits
(busy timeout) instead of failing halfway when two deferred transactions try to upgrade.
PostgreSQL needs nothing special; its row locks and ``ON CONFLICT`` do the work. Its pooled
connections are tested before use only when they have lain idle (see
:func:`store_engines.idle_ping.ping_when_idle`), not at every checkout.

:meth:`Database.write` and :meth:`Database.read` say ``BEGIN`` on SQLite themselves rather
than through a "begin" event of the engine: any connection event of SQLAlchemy's makes it
dispatch events around every statement, which cost an inbound IDoc about a tenth of its
Python function calls. :attr:`Database.engine` therefore has no event of its own (statement
observers may add theirs); a transaction of ``engine.begin()`` on SQLite runs each statement
on its own. The schema migrations, which need real transactions, use
:attr:`Database.migration_engine`, the same pool with the "begin" event.

A transaction that fails because of the storage itself (disk full, database read-only,
locked beyond the busy timeout, server unreachable) raises a
:class:`~fake_sap.errors.StorageUnavailable` instead of the driver's error (see
:func:`storage_error`), so that the HTTP edge can answer 503 and say what happened. The
transaction was rolled back, so nothing of it is stored.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from fake_sap.db import migrations
from fake_sap.db.schema import metadata
from fake_sap.errors import StorageBusy, StorageFull, StorageReadOnly, StorageUnavailable
from store_engines.disk_errors import DiskTrouble, disk_trouble
from store_engines.idle_ping import ping_when_idle
from store_engines.writers_queue import WritersQueue, lock_path_of


class Database:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        #: the engine of :meth:`write` and :meth:`read` (no connection events, see above)
        self.engine = self._create_engine()
        #: the engine for the schema migrations: on SQLite its "begin" event says
        #: ``BEGIN IMMEDIATE``, so that ``engine.begin()`` is a transaction
        self.migration_engine = self.engine
        if self.is_sqlite:
            self.migration_engine = self.engine.execution_options()
            event.listen(self.migration_engine, "begin", _sqlite_on_begin)
        #: on a SQLite file the writers of all processes take turns, in the order they
        #: asked (see :mod:`store_engines.writers_queue`)
        self.writers = WritersQueue(
            lock_path_of(_sqlite_file(self.url)) if self.is_sqlite else None)

    def _create_engine(self) -> Engine:
        if not self.is_sqlite:
            engine = create_engine(self.url, pool_size=5, max_overflow=10)
            ping_when_idle(engine)
            return engine
        database = _sqlite_file(self.url)
        if database:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            self.url,
            connect_args={"timeout": 60, "check_same_thread": False},
        )
        # a pool event: it sets each new connection up and costs nothing per statement
        event.listen(engine, "connect", _sqlite_on_connect)
        return engine

    def create_schema(self) -> None:
        """Bring the schema to the newest revision: create it on an empty database, upgrade
        one an older version made (see :mod:`fake_sap.db.migrations`)."""
        migrations.upgrade(self.migration_engine)

    def drop_schema(self) -> None:
        """Drop every table, the migrations' version table too."""
        metadata.drop_all(self.migration_engine)
        with self.migration_engine.begin() as conn:
            migrations.drop_version_table(conn)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A read-write transaction: committed when the block ends, rolled back on error."""
        with _storage_errors_classified(), self.writers.turn(), self.engine.connect() as conn:
            with conn.begin():
                if self.is_sqlite:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (on SQLite a deferred one, so readers never block writers)."""
        with _storage_errors_classified(), self.engine.connect() as conn:
            with conn.begin():
                if self.is_sqlite:
                    conn.exec_driver_sql("BEGIN")
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_file(url: URL) -> str:
    """The path of a SQLite database file; empty for an in-memory database. A URI filename
    (``sqlite:///file:/path/sap.db?mode=ro&uri=true``, e.g. to open a file read-only) names
    its file after ``file:``."""
    database = url.database or ""
    if url.query.get("uri") in ("true", "1") and database.startswith("file:"):
        database = database.removeprefix("file:")
        if database.startswith("//"):  # file://host/path: SQLite allows only localhost
            database = "/" + database[2:].split("/", 1)[-1]
    return "" if database in ("", ":memory:") or url.query.get("mode") == "memory" \
        else database


def _sqlite_on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is broken).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    _use_wal(cursor, timeout_seconds=60)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _use_wal(cursor: Any, timeout_seconds: float) -> None:
    """Put the file in WAL mode (it stays so), unless it is already.

    Switching needs the file to itself, and SQLite answers "database is locked" at once,
    without waiting the busy timeout, when another process holds it. That happens when
    processes start together on a new file (the server and the worker, or two servers), so
    the switch is retried until the first one has made it."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _sqlite_on_begin(conn: Connection) -> None:
    # a migration writes: take SQLite's write lock up front
    conn.exec_driver_sql("BEGIN IMMEDIATE")


# -- storage failures --------------------------------------------------------------------------

_SAVED_NOTHING = "nothing of this request was stored"


def storage_error(error: BaseException) -> StorageUnavailable | None:
    """The storage failure behind a driver or file error, or ``None`` when it is none
    (a constraint, a syntax error: a bug, not an outage).

    SQLite names its result code (``sqlite_errorname``), PostgreSQL its SQLSTATE; the lock
    file of SQLite writers fails with the operating system's error number.
    """
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        return _sqlite_storage_error(original)
    if isinstance(original, OSError):
        return _os_storage_error(original)
    if isinstance(error, DBAPIError):
        return _postgresql_storage_error(error, getattr(original, "sqlstate", None))
    return None


def _sqlite_storage_error(error: sqlite3.Error) -> StorageUnavailable | None:
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return StorageFull(f"The database is full: {_SAVED_NOTHING}. Try again once space "
                           "has been freed.")
    if name.startswith("SQLITE_READONLY"):
        return StorageReadOnly(f"The database is read-only: {_SAVED_NOTHING}. Try again once "
                               "it is writable.")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StorageBusy(f"The database stayed locked beyond the busy timeout: "
                           f"{_SAVED_NOTHING}. Try again.")
    if name.startswith("SQLITE_CANTOPEN"):
        return StorageBusy(f"The database file cannot be opened: {_SAVED_NOTHING}.")
    if name.startswith("SQLITE_IOERR"):
        # a write the file system refused (read-only remount, file size limit, I/O error)
        return StorageUnavailable(f"The database could not write to its disk ({error}): "
                                  f"{_SAVED_NOTHING}.")
    return None


_DISK_TROUBLE_ERRORS: dict[DiskTrouble, type[StorageUnavailable]] = {
    DiskTrouble.FULL: StorageFull, DiskTrouble.READ_ONLY: StorageReadOnly,
    DiskTrouble.IO: StorageUnavailable}


def _os_storage_error(error: OSError) -> StorageUnavailable | None:
    trouble = disk_trouble(error)
    if trouble is None:
        return None
    return _DISK_TROUBLE_ERRORS[trouble](
        f"The database {trouble.says(error)}: {_SAVED_NOTHING}.")


def _postgresql_storage_error(error: DBAPIError,
                              sqlstate: str | None) -> StorageUnavailable | None:
    if sqlstate == "53100":  # disk_full
        return StorageFull(f"The database is full: {_SAVED_NOTHING}. Try again once space "
                           "has been freed.")
    if sqlstate == "25006":  # read_only_sql_transaction (read-only database or standby)
        return StorageReadOnly(f"The database is read-only: {_SAVED_NOTHING}. Try again once "
                               "it is writable.")
    if sqlstate is not None and sqlstate[:2] in ("08", "53", "57") or sqlstate == "55P03":
        # connection exceptions, insufficient resources, operator intervention, lock timeout
        return StorageBusy(f"The database is unavailable (SQLSTATE {sqlstate}): "
                           f"{_SAVED_NOTHING}. Try again.")
    if sqlstate is None and (error.connection_invalidated
                             or type(error.orig).__name__ == "OperationalError"):
        return StorageBusy(f"The database cannot be reached: {_SAVED_NOTHING}. Try again.")
    return None


@contextmanager
def _storage_errors_classified() -> Iterator[None]:
    """Re-raise a storage failure as :class:`StorageUnavailable`; anything else unchanged."""
    try:
        yield
    except (DBAPIError, OSError) as error:
        storage = storage_error(error)
        if storage is None:
            raise
        raise storage from error
