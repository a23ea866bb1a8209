"""Schema migrations of the CRM store (Alembic), run from Python.

Layer: store. May import SQLAlchemy, Alembic and :mod:`crm_adapter.store.schema`; nothing
above the store. The Alembic environment (``env.py``) and the revisions (``versions/``) ship
inside the package, so neither an ``alembic.ini`` nor the ``alembic`` command is needed:
start-up (:meth:`crm_adapter.store.engine.Database.create_schema`) and the
``crm-adapter db`` commands call :func:`upgrade` and its siblings here.

Several processes may start on one database at once (``crm-adapter serve`` migrates before
its gunicorn workers fork, but the server and ``crm-adapter worker`` are started together
and do not know about each other). The upgrade therefore runs inside one write transaction
that only one process at a time gets: a transaction-scoped advisory lock on PostgreSQL, a
``BEGIN IMMEDIATE`` transaction on SQLite (in WAL mode the same lock as ``EXCLUSIVE``). The
second process waits, then finds the schema at head and does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, inspect, text
from sqlalchemy.schema import CreateColumn

from crm_adapter.store.schema import metadata

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent
#: the CRM's own version table: the emulator's tables may live in the same database
VERSION_TABLE = "alembic_version_crm"
#: PostgreSQL advisory lock held while the schema is upgraded (any constant unique to us:
#: the ASCII of "crmadpt1")
ADVISORY_LOCK_KEY = 0x63726D6164707431


@dataclass(frozen=True)
class Revision:
    """One step of the schema's history, as ``crm-adapter db history`` shows it."""

    revision: str
    down_revision: str | None
    message: str
    is_head: bool


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration without a file: where the scripts are, the connection to
    use (``env.py`` reads it from ``attributes``)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # the revision files are named after their number: v0002_add_something.py
    config.set_main_option("file_template", "v%%(rev)s_%%(slug)s")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the migrations have no revision"
    return head


def history() -> list[Revision]:
    """Every revision, the newest first."""
    heads = set(_scripts().get_heads())
    return [Revision(script.revision, _single(script.down_revision), script.doc or "",
                     script.revision in heads)
            for script in _scripts().walk_revisions()]


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None for an empty database or one made before
    there were migrations."""
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def is_unversioned_with_tables(connection: Connection) -> bool:
    """A database an earlier version made: tables, but no version table."""
    names = set(inspect(connection).get_table_names())
    return VERSION_TABLE not in names and bool(names & _own_table_names())


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database to ``revision`` (once, however many processes try at the same
    time). Returns the revision before and after."""
    if revision == "head":
        with engine.connect() as connection:
            if current_revision(connection) == head_revision():
                return head_revision(), head_revision()  # the usual start: nothing to do
    with _migration_transaction(engine) as connection:
        before = current_revision(connection)
        if before is None and is_unversioned_with_tables(connection):
            log.info("the database was made before schema migrations; bringing it to the "
                     "baseline revision, then upgrading")
        command.upgrade(alembic_config(connection), revision)
        return before, current_revision(connection)


def schema_differences(connection: Connection) -> list[Any]:
    """What autogenerate finds between the database and the tables of
    :mod:`crm_adapter.store.schema` (empty when the migrations build exactly those tables)."""
    context = MigrationContext.configure(connection, opts={
        "version_table": VERSION_TABLE, "compare_type": True, "include_name": include_name,
        "target_metadata": metadata})
    return list(compare_metadata(context, metadata))


def make_revision(engine: Engine, message: str) -> Path:
    """Write a new revision file with what autogenerate finds between ``engine``'s database
    (upgraded to head first) and the tables in :mod:`crm_adapter.store.schema`."""
    upgrade(engine)
    number = f"{int(head_revision()) + 1:04d}"
    with engine.begin() as connection:
        script = command.revision(alembic_config(connection), message, autogenerate=True,
                                  rev_id=number)
    assert script is not None and not isinstance(script, list)
    _scripts.cache_clear()
    return Path(script.path)


def drop_version_table(connection: Connection) -> None:
    connection.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Autogenerate looks at the CRM's tables only: the emulator's tables may share
    the database. (A table removed from the schema therefore needs its ``drop_table``
    written into the revision by hand.)"""
    return type_ != "table" or name in _own_table_names()


def create_missing(connection: Connection, schema: MetaData) -> None:
    """Create what the database lacks of ``schema``: whole tables, columns and indexes.

    A column added to a table after its first release must be nullable or have a server
    default, so that the rows already there get a value."""
    present_tables = set(inspect(connection).get_table_names())
    for table in schema.sorted_tables:
        if table.name not in present_tables:
            table.create(connection)
            continue
        inspector = inspect(connection)
        present_columns = {column["name"] for column in inspector.get_columns(table.name)}
        preparer = connection.dialect.identifier_preparer
        for column in table.columns:
            if column.name in present_columns:
                continue
            if not column.nullable and column.server_default is None:
                raise RuntimeError(f"{table.name}.{column.name} is missing from the database "
                                   "and has no server default to fill existing rows with")
            definition = CreateColumn(column).compile(dialect=connection.dialect)
            connection.execute(text(f"ALTER TABLE {preparer.format_table(table)} "
                                    f"ADD COLUMN {definition}"))
        present_indexes = {index["name"] for index in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present_indexes:
                index.create(connection)


@contextmanager
def _migration_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction that one process at a time gets (see the module docstring)."""
    with engine.begin() as connection:  # SQLite: the engine begins with BEGIN IMMEDIATE
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": ADVISORY_LOCK_KEY})
        yield connection


def _own_table_names() -> set[str]:
    return set(metadata.tables)


def _single(down_revision: Any) -> str | None:
    if down_revision is None or isinstance(down_revision, str):
        return down_revision
    return ", ".join(down_revision)


def describe(connection: Connection) -> str:
    """Where the database stands, in one line (``db current``)."""
    current = current_revision(connection)
    head = head_revision()
    if current == head:
        return f"{current} (head)"
    if current is None and is_unversioned_with_tables(connection):
        return "none: made before schema migrations (an upgrade brings it to head)"
    if current is None:
        return "none: an empty database (an upgrade creates the schema)"
    return f"{current} (head is {head}; an upgrade brings it there)"
