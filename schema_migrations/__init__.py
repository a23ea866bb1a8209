"""Schema migrations with Alembic, run from Python, for a package that ships its own
Alembic environment: the emulator's database (``fake_sap.db.migrations``) and the CRM
adapter's store (``crm_adapter.store.migrations``) are each one :class:`Migrations`.

Layer: its own top-level package, beside ``sap_client``: both stores need it, and
``fake_sap`` and ``crm_adapter`` never import each other. It imports SQLAlchemy and Alembic
only, never either of them (an import-linter contract checks it).

Each store's environment (``env.py``) and revisions (``versions/``) ship inside its package,
so neither an ``alembic.ini`` nor the ``alembic`` command is needed: start-up and the
``db`` subcommands of both CLIs call :meth:`Migrations.upgrade` and its siblings.

Several processes may start on one database at once (gunicorn's master migrates before its
workers fork, but two servers on one PostgreSQL, or a server and a worker program started
together, do not know about each other). The upgrade therefore runs inside one write
transaction that only one process at a time gets: a transaction-scoped advisory lock on
PostgreSQL, a ``BEGIN IMMEDIATE`` transaction on SQLite (in WAL mode the same lock as
``EXCLUSIVE``). The second process waits, then finds the schema at head and does nothing.
Each store keeps its own version table, so both may share one database.

Every start of a server or worker asks whether the schema is at head, and nearly always it
is. That question is answered without Alembic: the version table is read with one SELECT
and compared with the head named in the revision files (read as text, see
:meth:`Migrations.head_from_files`). Alembic, whose import alone costs more than the rest of
the check, is imported only when the two differ, or for the ``db`` subcommands. A new, empty
database does not need it either: its tables are created from the metadata and the version
table is stamped as Alembic would stamp it (:meth:`Migrations.stamp_new`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    inspect,
    text,
)
from sqlalchemy.schema import CreateColumn

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

#: ``revision = "0003"`` and ``down_revision = "0002"`` (or None) in a revision file, as
#: Alembic's template writes them (with or without a type annotation)
_REVISION_LINE = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)\s*$""",
    re.MULTILINE)


@dataclass(frozen=True)
class Revision:
    """One step of a schema's history, as ``db history`` shows it."""

    revision: str
    down_revision: str | None
    message: str
    is_head: bool


class Migrations:
    """The migrations of one store: its tables, where its revisions are, its version table
    and the PostgreSQL advisory lock held while it is upgraded."""

    def __init__(self, metadata: MetaData, directory: Path, *, version_table: str,
                 advisory_lock_key: int) -> None:
        self.metadata = metadata
        self.directory = directory
        self.version_table = version_table
        self.advisory_lock_key = advisory_lock_key
        self._script_directory: ScriptDirectory | None = None

    def alembic_config(self, connection: Connection | None = None) -> Config:
        """An Alembic configuration without a file: where the scripts are, the connection
        to use (``env.py`` reads it from ``attributes``)."""
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(self.directory))
        # the revision files are named after their number: v0002_add_something.py
        config.set_main_option("file_template", "v%%(rev)s_%%(slug)s")
        if connection is not None:
            config.attributes["connection"] = connection
        return config

    def _scripts(self) -> ScriptDirectory:
        if self._script_directory is None:
            from alembic.script import ScriptDirectory

            self._script_directory = ScriptDirectory.from_config(self.alembic_config())
        return self._script_directory

    def head_revision(self) -> str:
        head = self._scripts().get_current_head()
        assert head is not None, "the migrations have no revision"
        return head

    def history(self) -> list[Revision]:
        """Every revision, the newest first."""
        heads = set(self._scripts().get_heads())
        return [Revision(script.revision, _single(script.down_revision), script.doc or "",
                         script.revision in heads)
                for script in self._scripts().walk_revisions()]

    def head_from_files(self) -> str | None:
        """The head revision as the revision files name it, read as text (no Alembic): the
        one revision no other revision names as its ``down_revision``. None when that is
        not one clear answer (no files, several heads, a line it cannot read): the caller
        then asks Alembic (:meth:`head_revision`), which is always right."""
        revisions: set[str] = set()
        parents: set[str] = set()
        for path in (self.directory / "versions").glob("*.py"):
            found = dict(_revision_lines(path.read_text(encoding="utf-8")))
            if "revision" not in found or "down_revision" not in found:
                if path.name == "__init__.py":
                    continue
                return None
            revision, parent = found["revision"], found["down_revision"]
            if revision is None:
                return None
            revisions.add(revision)
            if parent is not None:
                parents.add(parent)
        heads = revisions - parents
        return heads.pop() if len(heads) == 1 else None

    def stored_revision(self, engine: Engine) -> str | None:
        """The revision in the version table, read with one SELECT on a connection of the
        driver (no transaction of the engine, so on SQLite no write lock); None when the
        table is missing or does not hold exactly one revision."""
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(f"SELECT version_num FROM {self.version_table}")
                rows = cursor.fetchall()
            except engine.dialect.loaded_dbapi.Error:  # no version table (yet)
                return None
            finally:
                cursor.close()
                connection.rollback()
        finally:
            connection.close()
        return str(rows[0][0]) if len(rows) == 1 else None

    def current_revision(self, connection: Connection) -> str | None:
        """The revision the database is at; None for an empty database or one made before
        there were migrations."""
        from alembic.runtime.migration import MigrationContext

        context = MigrationContext.configure(connection,
                                             opts={"version_table": self.version_table})
        return context.get_current_revision()

    def is_empty(self, connection: Connection) -> bool:
        """No table of this store and no version table (another store's may be there)."""
        names = set(inspect(connection).get_table_names())
        return self.version_table not in names and not names & set(self.metadata.tables)

    def is_unversioned_with_tables(self, connection: Connection) -> bool:
        """A database an earlier version made: tables, but no version table."""
        names = set(inspect(connection).get_table_names())
        return self.version_table not in names and bool(names & set(self.metadata.tables))

    def upgrade(self, engine: Engine, revision: str = "head", *,
                replay_on_empty: bool = False) -> tuple[str | None, str | None]:
        """Bring the database to ``revision`` (once, however many processes try at the same
        time). Returns the revision before and after.

        An empty database brought to head gets the tables as they are now and is stamped
        with the head revision (Alembic's recipe for a database built from scratch): the
        revisions exist for databases older versions made, and replaying every one of them
        costs each new database (every test's, every ``fake-sap seed``) a little more with
        each revision. ``replay_on_empty`` replays them anyway: the migration tests check
        that the chain builds what the tables declare."""
        head = self.head_from_files() if revision == "head" else None
        if head is not None and self.stored_revision(engine) == head:
            return head, head  # the usual start: no Alembic needed
        if head is not None and not replay_on_empty:
            with self._migration_transaction(engine) as connection:
                if self.is_empty(connection):  # a new database: no Alembic needed either
                    # no table of this store exists (just checked, under the migration
                    # lock): no need to ask the database about each one again
                    self.metadata.create_all(connection, checkfirst=False)
                    self.stamp_new(connection, head)
                    return None, head
        from alembic import command

        if revision == "head" and head is None:  # the files did not say: ask Alembic
            with engine.connect() as connection:
                if self.current_revision(connection) == self.head_revision():
                    return self.head_revision(), self.head_revision()
        with self._migration_transaction(engine) as connection:
            before = self.current_revision(connection)
            if before is None and revision == "head" and not replay_on_empty \
                    and self.is_empty(connection):
                self.metadata.create_all(connection)
                command.stamp(self.alembic_config(connection), "head")
                return None, self.current_revision(connection)
            if before is None and self.is_unversioned_with_tables(connection):
                log.info("the database was made before schema migrations; bringing it to "
                         "the baseline revision, then upgrading")
            command.upgrade(self.alembic_config(connection), revision)
            return before, self.current_revision(connection)

    def version_table_definition(self) -> Table:
        """The version table as Alembic (1.x) makes it: one ``version_num`` VARCHAR(32),
        the primary key named ``<version table>_pkc`` (Alembic's
        ``DefaultImpl.version_table_impl``). A test compares it with Alembic's own."""
        return Table(self.version_table, MetaData(),
                     Column("version_num", String(32), nullable=False),
                     PrimaryKeyConstraint("version_num", name=f"{self.version_table}_pkc"))

    def stamp_new(self, connection: Connection, revision: str) -> None:
        """Stamp a database whose tables were just created with ``revision``, as Alembic's
        ``stamp`` does there (create the version table, insert the one row), without
        importing Alembic: every new database (each test's, each ``fake-sap seed``, each
        first start) would otherwise pay for that import, more than the rest of the
        start-up check."""
        version = self.version_table_definition()
        version.create(connection)
        connection.execute(version.insert().values(version_num=revision))

    def schema_differences(self, connection: Connection) -> list[Any]:
        """What autogenerate finds between the database and the store's tables (empty when
        the migrations build exactly those tables)."""
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext

        context = MigrationContext.configure(connection, opts={
            "version_table": self.version_table, "compare_type": True,
            "include_name": self.include_name, "target_metadata": self.metadata})
        return list(compare_metadata(context, self.metadata))

    def make_revision(self, engine: Engine, message: str) -> Path:
        """Write a new revision file with what autogenerate finds between ``engine``'s
        database (upgraded to head first) and the store's tables."""
        from alembic import command

        self.upgrade(engine)
        number = f"{int(self.head_revision()) + 1:04d}"
        with engine.begin() as connection:
            script = command.revision(self.alembic_config(connection), message,
                                      autogenerate=True, rev_id=number)
        assert script is not None and not isinstance(script, list)
        self._script_directory = None
        return Path(script.path)

    def drop_version_table(self, connection: Connection) -> None:
        connection.execute(text(f"DROP TABLE IF EXISTS {self.version_table}"))

    def include_name(self, name: str | None, type_: str, parent_names: Any) -> bool:
        """Autogenerate looks at this store's tables only: the other store's tables may
        share the database. (A table removed from the schema therefore needs its
        ``drop_table`` written into the revision by hand.)"""
        return type_ != "table" or name in self.metadata.tables

    def describe(self, connection: Connection) -> str:
        """Where the database stands, in one line (``db current``)."""
        current = self.current_revision(connection)
        head = self.head_revision()
        if current == head:
            return f"{current} (head)"
        if current is None and self.is_unversioned_with_tables(connection):
            return "none: made before schema migrations (an upgrade brings it to head)"
        if current is None:
            return "none: an empty database (an upgrade creates the schema)"
        return f"{current} (head is {head}; an upgrade brings it there)"

    @contextmanager
    def _migration_transaction(self, engine: Engine) -> Iterator[Connection]:
        """A write transaction that one process at a time gets (see the module docstring)."""
        with engine.begin() as connection:  # SQLite: the engine begins with BEGIN IMMEDIATE
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": self.advisory_lock_key})
            yield connection


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


def _revision_lines(source: str) -> Iterator[tuple[str, str | None]]:
    """(``revision`` or ``down_revision``, its value) for the lines of a revision file that
    set them; None for ``= None``."""
    for match in _REVISION_LINE.finditer(source):
        yield match.group(1), match.group(2)


def _single(down_revision: Any) -> str | None:
    if down_revision is None or isinstance(down_revision, str):
        return down_revision
    return ", ".join(down_revision)
