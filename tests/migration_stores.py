"""What the migration tests need to know about the two stores (the emulator's database and
the CRM adapter's), and the databases they run on: SQLite files always, a fresh PostgreSQL
database each when FAKE_SAP_TEST_PG_URL names a server."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, inspect, text
from sqlalchemy.engine import make_url

from crm_adapter.store import migrations as crm_migrations
from crm_adapter.store.engine import Database as CrmDatabase
from crm_adapter.store.schema import metadata as crm_metadata
from fake_sap.db import migrations as sap_migrations
from fake_sap.db.engine import Database as SapDatabase
from fake_sap.db.schema import metadata as sap_metadata

DATA = Path(__file__).resolve().parent / "data"
PG_URL = os.environ.get("FAKE_SAP_TEST_PG_URL")
#: the databases every migration test runs on
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


@dataclass(frozen=True)
class Store:
    name: str
    metadata: MetaData
    migrations: ModuleType
    database: type[SapDatabase] | type[CrmDatabase]
    #: the command that runs the store's migrations (``db ...`` follows)
    command: str

    @property
    def previous_version_sql(self) -> Path:
        """The schema version 0.1.0, the last one without migrations, made on SQLite."""
        return DATA / f"{self.name}_0.1.0_sqlite.sql"

    def open(self, url: str) -> Any:
        return self.database(url)


SAP = Store("fake_sap", sap_metadata, sap_migrations, SapDatabase, "fake-sap")
CRM = Store("crm_adapter", crm_metadata, crm_migrations, CrmDatabase, "crm-adapter")
STORES = {store.name: store for store in (SAP, CRM)}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@contextmanager
def fresh_database(backend: str, folder: Path, name: str = "store") -> Iterator[str]:
    """The URL of an empty database: a new SQLite file, or a new PostgreSQL database
    (dropped afterwards) on the server of FAKE_SAP_TEST_PG_URL."""
    if backend == "sqlite":
        yield sqlite_url(folder / f"{name}.db")
        return
    assert PG_URL is not None
    server = make_url(PG_URL)
    database = f"migrations_{name}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        try:
            yield server.set(database=database).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def load_previous_version(path: Path, store: Store, *, sql: str | None = None) -> None:
    """Make the SQLite file a database of version 0.1.0 (``sql``: that schema, altered)."""
    connection = sqlite3.connect(path)
    try:
        connection.executescript(sql if sql is not None else
                                 store.previous_version_sql.read_text(encoding="utf-8"))
        connection.commit()
    finally:
        connection.close()


# --- a database the previous version made, with a few rows --------------------------------

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

PREVIOUS_SAP_ROWS = [
    "INSERT INTO clients (mandt, description, strict_partner_check, created_at) VALUES "
    f"('342', 'Made by 0.1.0', 0, '{NOW}')",
    "INSERT INTO partners (mandt, logsys, description, pack_size, created_at) VALUES "
    f"('342', 'OLDPARTNER', 'a partner from before', 3, '{NOW}')",
    "INSERT INTO mara (mandt, matnr, mtart, mbrsh, matkl, meins, spart, bismt, mtpos_mara, "
    "brgew, ntgew, gewei, lvorm, ersda, ernam, laeda, aenam) VALUES ('342', "
    "'000000000000004711', 'FERT', 'M', '', 'EA', '', '', '', '', '', '', '', '20260301', "
    "'', '', '')",
]

PREVIOUS_CRM_ROWS = [
    "INSERT INTO materials (material_number, description_en, description_zh, material_type, "
    "material_group, base_unit, standard_price, price_unit, deleted, created_at, updated_at) "
    f"VALUES ('000000000000004711', 'Pump', '', 'FERT', '', 'EA', '12.50', 1, 0, '{NOW}', "
    f"'{NOW}')",
    "INSERT INTO material_maintenance (material_number, queued_at) VALUES "
    f"('000000000000004711', '{NOW}')",
]


def previous_version_with_rows(path: Path, store: Store, *, sql: str | None = None) -> str:
    load_previous_version(path, store, sql=sql)
    engine = create_engine(sqlite_url(path))
    with engine.begin() as conn:
        for statement in PREVIOUS_SAP_ROWS if store is SAP else PREVIOUS_CRM_ROWS:
            conn.execute(text(statement))
    engine.dispose()
    return sqlite_url(path)


def version_of(url: str, store: Store) -> str | None:
    """The revision the database records, read the plain way (no Alembic)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if store.migrations.VERSION_TABLE not in inspect(conn).get_table_names():
                return None
            return conn.execute(text(
                f"SELECT version_num FROM {store.migrations.VERSION_TABLE}")).scalar_one()
    finally:
        engine.dispose()


def reflected_schema(engine: Engine) -> dict[str, Any]:
    """Tables, columns, keys, indexes and constraints as the database reports them."""
    inspector = inspect(engine)
    schema: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        if table.startswith("alembic_version"):
            continue
        schema[table] = {
            "columns": [(column["name"], str(column["type"]), column["nullable"],
                         column.get("default"), column.get("autoincrement"))
                        for column in inspector.get_columns(table)],
            "primary_key": inspector.get_pk_constraint(table),
            "foreign_keys": sorted(
                (fk["constrained_columns"], fk["referred_table"], fk["referred_columns"])
                for fk in inspector.get_foreign_keys(table)),
            "indexes": sorted((index["name"], index["column_names"], index["unique"])
                              for index in inspector.get_indexes(table)),
            "unique": sorted((unique["name"] or "", unique["column_names"])
                             for unique in inspector.get_unique_constraints(table)),
            "checks": sorted((check["name"] or "", check["sqltext"])
                             for check in inspector.get_check_constraints(table)),
        }
    return schema
