"""The CRM database: an SQLAlchemy engine plus read and write transactions.

Layer: store. SQLite is the default (a file, WAL journal, busy timeout), PostgreSQL is
supported for shared set-ups. Write transactions on SQLite start with ``BEGIN IMMEDIATE``:
a writer takes the lock up front and waits (busy timeout) instead of failing halfway when
two deferred transactions both try to upgrade to a write lock. That also serializes the
"check SERIAL, then apply" step of inbound processing across server processes; on
PostgreSQL the inbox takes row locks for the same purpose.

On a SQLite file the writers of all processes first queue for their turn, in the order
they asked (files beside the database, see :mod:`store_engines.writers_queue`): SQLite's
busy handler lets a waiting writer sleep in growing steps of up to 100 ms, so while one
server worker applies a packet the other, storing the next packet SAP posted, would keep
SAP waiting for its answer well beyond the moment the database is free. On PostgreSQL a
pooled connection is tested before use only when it has lain idle
(:func:`store_engines.idle_ping.ping_when_idle`), not at every checkout.

A transaction that fails because of the storage itself raises a
:class:`~crm_adapter.store.errors.StoreUnavailable` instead of the driver's error (see
:func:`storage_error`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from crm_adapter.store import migrations
from crm_adapter.store.errors import StoreBusy, StoreFull, StoreReadOnly, StoreUnavailable
from crm_adapter.store.schema import metadata
from store_engines.disk_errors import DiskTrouble, disk_trouble
from store_engines.idle_ping import ping_when_idle
from store_engines.writers_queue import WritersQueue, lock_path_of

_READ_ONLY = "crm_read_only"
BUSY_TIMEOUT_SECONDS = 30


class Database:
    """One per process. ``write()`` and ``read()`` hand out connections in a transaction."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.engine = self._create_engine()
        #: on a SQLite file the writers of all processes take turns, in the order they asked
        self.writers = WritersQueue(
            lock_path_of(_sqlite_file(self.url)) if self.is_sqlite else None)

    def _create_engine(self) -> Engine:
        if not self.is_sqlite:
            engine = create_engine(self.url, pool_size=5, max_overflow=10)
            ping_when_idle(engine)
            return engine
        database = self.url.database or ""
        options: dict[str, Any] = {}
        if self.url.query.get("uri") in ("true", "1") and database.startswith("file:"):
            # a URI filename (``sqlite:///file:/path/crm.db?mode=ro&uri=true``): its file
            # exists already, there is no folder to create
            pass
        elif database in ("", ":memory:"):
            # one shared connection, or every checkout would see its own empty database
            options["poolclass"] = StaticPool
        else:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            self.url,
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
            **options,
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine

    def create_schema(self) -> None:
        """Bring the schema to the newest revision: create it on an empty database, upgrade
        one an older version made (see :mod:`crm_adapter.store.migrations`)."""
        migrations.upgrade(self.engine)

    def drop_schema(self) -> None:
        """Drop every CRM table and the migrations' version table (tests on a shared
        PostgreSQL database start empty)."""
        metadata.drop_all(self.engine)
        with self.engine.begin() as conn:
            migrations.drop_version_table(conn)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A read-write transaction: committed when the block ends, rolled back on error."""
        with _storage_errors_classified(), self.writers.turn(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (on SQLite a deferred one, so readers never block writers)."""
        with _storage_errors_classified(), \
                self.engine.connect().execution_options(**{_READ_ONLY: True}) as conn:
            with conn.begin():
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is broken)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    _use_wal(cursor, timeout_seconds=BUSY_TIMEOUT_SECONDS)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
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
    if conn.get_execution_options().get(_READ_ONLY):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the one row an INSERT added."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


# -- storage failures --------------------------------------------------------------------------

_SAVED_NOTHING = "nothing of this request was stored"


def storage_error(error: BaseException) -> StoreUnavailable | None:
    """The storage failure behind a driver error, or ``None`` when it is none (a constraint,
    a syntax error: a bug, not an outage). SQLite names its result code
    (``sqlite_errorname``), PostgreSQL its SQLSTATE."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, OSError):  # the writers' queue beside a SQLite file
        return _os_storage_error(original)
    if isinstance(original, sqlite3.Error):
        return _sqlite_storage_error(getattr(original, "sqlite_errorname", "") or "", original)
    if isinstance(error, DBAPIError):
        return _postgresql_storage_error(error, getattr(original, "sqlstate", None))
    return None


def _sqlite_storage_error(name: str, error: sqlite3.Error) -> StoreUnavailable | None:
    if name == "SQLITE_FULL":
        return StoreFull(f"The CRM database is full: {_SAVED_NOTHING}. Try again once space "
                         "has been freed.")
    if name.startswith("SQLITE_READONLY"):
        return StoreReadOnly(f"The CRM database is read-only: {_SAVED_NOTHING}. Try again "
                             "once it is writable.")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreBusy(f"The CRM database stayed locked beyond the busy timeout: "
                         f"{_SAVED_NOTHING}. Try again.")
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreBusy(f"The CRM database file cannot be opened: {_SAVED_NOTHING}.")
    if name.startswith("SQLITE_IOERR"):
        return StoreUnavailable(f"The CRM database could not write to its disk ({error}): "
                                f"{_SAVED_NOTHING}.")
    return None


_DISK_TROUBLE_ERRORS: dict[DiskTrouble, type[StoreUnavailable]] = {
    DiskTrouble.FULL: StoreFull, DiskTrouble.READ_ONLY: StoreReadOnly,
    DiskTrouble.IO: StoreUnavailable}


def _os_storage_error(error: OSError) -> StoreUnavailable | None:
    trouble = disk_trouble(error)
    if trouble is None:
        return None
    return _DISK_TROUBLE_ERRORS[trouble](
        f"The CRM database {trouble.says(error)}: {_SAVED_NOTHING}.")


def _postgresql_storage_error(error: DBAPIError,
                              sqlstate: str | None) -> StoreUnavailable | None:
    if sqlstate == "53100":  # disk_full
        return StoreFull(f"The CRM database is full: {_SAVED_NOTHING}. Try again once space "
                         "has been freed.")
    if sqlstate == "25006":  # read_only_sql_transaction (read-only database or standby)
        return StoreReadOnly(f"The CRM database is read-only: {_SAVED_NOTHING}. Try again "
                             "once it is writable.")
    if sqlstate is not None and sqlstate[:2] in ("08", "53", "57") or sqlstate == "55P03":
        # connection exceptions, insufficient resources, operator intervention, lock timeout
        return StoreBusy(f"The CRM database is unavailable (SQLSTATE {sqlstate}): "
                         f"{_SAVED_NOTHING}. Try again.")
    if sqlstate is None and (error.connection_invalidated
                             or type(error.orig).__name__ == "OperationalError"):
        return StoreBusy(f"The CRM database cannot be reached: {_SAVED_NOTHING}. Try again.")
    return None


@contextmanager
def _storage_errors_classified() -> Iterator[None]:
    """Re-raise a storage failure as :class:`StoreUnavailable`; anything else unchanged."""
    try:
        yield
    except (DBAPIError, OSError) as error:
        storage = storage_error(error)
        if storage is None:
            raise
        raise storage from error


def _sqlite_file(url: URL) -> str:
    """The file of a SQLite URL; "" for an in-memory database or a URI filename (whose
    file is named inside the URI and may be opened read-only)."""
    database = url.database or ""
    if database in ("", ":memory:") or (
            url.query.get("uri") in ("true", "1") and database.startswith("file:")):
        return ""
    return database
