"""Schema migrations (Alembic) of both stores, in this process: the migrations build exactly
the tables the schema modules declare, a database made by the previous version is upgraded
with its rows, and several processes upgrading at once do it once."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from migration_stores import (
    BACKENDS,
    CRM,
    SAP,
    STORES,
    Store,
    fresh_database,
    load_previous_version,
    previous_version_with_rows,
    reflected_schema,
    sqlite_url,
    version_of,
)
from sqlalchemy import Engine, create_engine, text

from fake_sap.db import migrations

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(params=list(STORES))
def store(request: pytest.FixtureRequest) -> Store:
    return STORES[request.param]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# --- the migrations and the schema modules agree ----------------------------------------------

@contextmanager
def migrated_and_created(store: Store, backend: str, tmp_path: Path
                         ) -> Iterator[tuple[Engine, Engine]]:
    """Two new databases of the store: one built by every revision from the baseline on (a
    new database would be created from the tables and stamped instead), one by
    ``create_all`` from the schema modules."""
    with fresh_database(backend, tmp_path, "migrated") as migrated_url, \
            fresh_database(backend, tmp_path, "created") as created_url:
        migrated = store.open(migrated_url)
        store.migrations.upgrade(migrated.engine, replay_on_empty=True)
        created = create_engine(created_url)
        store.metadata.create_all(created)
        try:
            yield migrated.engine, created
        finally:
            migrated.dispose()
            created.dispose()


def test_the_migrations_build_the_schema_that_create_all_builds(
        store: Store, backend: str, tmp_path: Path) -> None:
    with migrated_and_created(store, backend, tmp_path) as (migrated, created):
        assert reflected_schema(migrated) == reflected_schema(created)


def test_the_schema_module_has_no_change_that_a_revision_lacks(
        store: Store, backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path) as url:
        database = store.open(url)
        store.migrations.upgrade(database.engine, replay_on_empty=True)
        try:
            with database.engine.connect() as conn:
                differences = store.migrations.schema_differences(conn)
        finally:
            database.dispose()
    assert differences == [], (
        f"the tables declared for {store.name} differ from what its migrations build: "
        f"{differences}. Write a revision for the change: `{store.command} db revision -m "
        "'what changed'` (then read the file it wrote and add to it what autogenerate "
        "cannot see)")


#: the partial indexes and the rows each holds: (table, index, what its condition names)
PARTIAL_INDEXES = (("edidc", "ix_edidc_outbound_queue", "direct"),
                   ("edidc", "ix_edidc_partner_queue", "direct"),
                   ("bdcp2", "ix_bdcp2_client_open", "process"))


def index_conditions(engine: Engine) -> dict[str, str]:
    """Each index's condition as the database keeps it, in lower case ('' for none)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                     "AND sql IS NOT NULL")).all()
        else:
            rows = conn.execute(text("SELECT indexname, indexdef FROM pg_indexes "
                                     "WHERE schemaname = current_schema()")).all()
    return {name: definition.lower().partition(" where ")[2] for name, definition in rows}


def test_the_dispatch_and_open_pointer_indexes_hold_only_the_rows_their_queries_ask_for(
        backend: str, tmp_path: Path) -> None:
    with migrated_and_created(SAP, backend, tmp_path) as engines:
        for engine in engines:
            conditions = index_conditions(engine)
            for _table, index, column in PARTIAL_INDEXES:
                assert column in conditions[index], (index, conditions[index])
            # the monitor's indexes hold every IDoc
            assert conditions["ix_edidc_status"] == ""
            assert conditions["ix_edidc_created"] == ""


def test_a_new_database_is_at_the_head_revision(store: Store, tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "new.db")
    database = store.open(url)
    database.create_schema()
    database.dispose()

    assert version_of(url, store) == store.migrations.head_revision()


def test_dropping_the_schema_drops_the_version_so_the_next_start_creates_it_again(
        store: Store, backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path) as url:
        database = store.open(url)
        database.create_schema()
        database.drop_schema()

        database.create_schema()

        try:
            assert set(reflected_schema(database.engine)) == set(store.metadata.tables)
        finally:
            database.dispose()


# --- a database the previous version made ------------------------------------------------------

def test_a_database_the_previous_version_made_is_upgraded_with_its_rows(
        store: Store, tmp_path: Path) -> None:
    url = previous_version_with_rows(tmp_path / "previous.db", store)
    assert version_of(url, store) is None

    database = store.open(url)
    database.create_schema()

    assert version_of(url, store) == store.migrations.head_revision()
    with database.engine.connect() as conn:
        if store is SAP:
            assert conn.execute(text("SELECT description FROM clients WHERE mandt = '342'")
                                ).scalar_one() == "Made by 0.1.0"
            assert conn.execute(text("SELECT mtart FROM mara")).scalar_one() == "FERT"
        else:
            assert conn.execute(text("SELECT standard_price FROM materials")
                                ).scalar_one() == "12.50"
        assert store.migrations.schema_differences(conn) == []
    database.dispose()


def test_a_client_of_the_previous_version_gets_the_iso_code_tables(tmp_path: Path) -> None:
    url = previous_version_with_rows(tmp_path / "previous.db", SAP)

    database = SAP.open(url)
    database.create_schema()

    with database.engine.connect() as conn:
        units = {row[0]: row[1] for row in conn.execute(
            text("SELECT msehi, isocode FROM t006 WHERE mandt = '342'"))}
        currencies = conn.execute(text("SELECT COUNT(*) FROM tcurc WHERE mandt = '342'"))
        countries = conn.execute(text("SELECT COUNT(*) FROM t005 WHERE mandt = '342'"))
        assert (units["ST"], currencies.scalar_one(), countries.scalar_one()) == ("PCE", 3, 3)
    database.dispose()


def test_a_client_made_before_the_iso_code_revision_gets_the_iso_code_tables(
        tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "at-0003.db"))
    migrations.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO clients (mandt, description, strict_partner_check, "
                          "created_at) VALUES ('200', '', 0, '2026-01-01 00:00:00')"))

    migrations.upgrade(engine)

    with engine.connect() as conn:
        assert conn.execute(text("SELECT msehi FROM t006 WHERE mandt = '200' AND "
                                 "isocode = 'PCE' AND \"primary\" = 'X'")).scalar_one() == "ST"
    engine.dispose()


def test_the_tables_an_inbound_idoc_writes_are_rebuilt_without_rowid_with_their_rows(
        tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "at-0015.db"))
    migrations.upgrade(engine, "0015")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO makt (mandt, matnr, spras, maktx) VALUES "
                          "('100', '000000000000000042', 'E', 'Pump'), "
                          "('100', '000000000000000042', '1', 'Pumpe')"))
        conn.execute(text("INSERT INTO idoc_inbound_keys (mandt, sndprn, refint, docnum) "
                          "VALUES ('100', 'ERPCLNT100', '77', '0000000000000001')"))

    migrations.upgrade(engine)

    with engine.connect() as conn:
        stored = dict(conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
        texts = conn.execute(text("SELECT spras, maktx FROM makt ORDER BY spras")).all()
        key = conn.execute(text("SELECT docnum FROM idoc_inbound_keys")).scalar_one()
    engine.dispose()
    rebuilt = ("edids", "idoc_inbound_keys", "idoc_serialization", "makt", "marc", "mard",
               "mbew", "mvke", "marm")
    without_rowid = {name for name, sql in stored.items()
                     if sql.rstrip().endswith("WITHOUT ROWID")}
    assert [name for name in rebuilt if name not in without_rowid] == []
    assert not {"edidc", "mara"} & without_rowid
    assert [tuple(row) for row in texts] == [("1", "Pumpe"), ("E", "Pump")]
    assert key == "0000000000000001"


def test_inbox_entries_stored_before_the_documents_table_keep_their_documents(
        tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "at-0002.db")
    engine = create_engine(url)
    CRM.migrations.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO inbox (id, sender, docnum, message_type, idoc_type, object_key, "
            "serial, xml, status, attempts, received_at) VALUES (7, 'ERPCLNT100', "
            "'0000000000000042', 'MATMAS', 'MATMAS05', '4711', '', '<MATMAS05/>', "
            "'processed', 1, '2026-01-01 00:00:00')"))

    CRM.migrations.upgrade(engine)

    with engine.connect() as conn:
        assert conn.execute(text("SELECT entry_id, xml FROM inbox_documents")).one() == (
            7, "<MATMAS05/>")
        assert conn.execute(text("SELECT status FROM inbox WHERE id = 7")).scalar_one() \
            == "processed"
        assert CRM.migrations.schema_differences(conn) == []
    engine.dispose()


def test_inbox_entries_stored_before_the_identity_revision_get_their_creation_time(
        backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path, "at_0004") as url:
        _upgrade_inbox_entries_through_the_identity_revision(url)


def _upgrade_inbox_entries_through_the_identity_revision(url: str) -> None:
    engine = create_engine(url)
    CRM.migrations.upgrade(engine, "0004")
    with engine.begin() as conn:
        for entry_id, control in ((7, "<CREDAT>20261201</CREDAT><CRETIM>101500</CRETIM>"),
                                  (8, "")):
            conn.execute(text(
                "INSERT INTO inbox (id, sender, docnum, message_type, idoc_type, object_key, "
                "serial, status, attempts, received_at) VALUES (:id, 'ERPCLNT100', :docnum, "
                "'MATMAS', 'MATMAS05', '4711', '', 'processed', 1, '2026-01-01 00:00:00')"),
                {"id": entry_id, "docnum": f"{entry_id:016d}"})
            conn.execute(text("INSERT INTO inbox_documents (entry_id, xml) VALUES (:id, :xml)"),
                         {"id": entry_id, "xml": f"<MATMAS05><IDOC BEGIN=\"1\"><EDI_DC40 "
                          f"SEGMENT=\"1\">{control}</EDI_DC40></IDOC></MATMAS05>"})

    CRM.migrations.upgrade(engine)

    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, credat, cretim FROM inbox ORDER BY id")).all() \
            == [(7, "20261201", "101500"), (8, "", "")]
        assert CRM.migrations.schema_differences(conn) == []
    engine.dispose()


def test_a_column_an_older_version_lacked_is_added_with_its_server_default(
        tmp_path: Path) -> None:
    older = SAP.previous_version_sql.read_text(encoding="utf-8")
    without_column = older.replace("\tparallel_packets INTEGER DEFAULT '1' NOT NULL,\n", "")
    assert without_column != older
    url = previous_version_with_rows(tmp_path / "older.db", SAP, sql=without_column)

    database = SAP.open(url)
    database.create_schema()

    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT pack_size, parallel_packets FROM partners WHERE "
                                 "logsys = 'OLDPARTNER'")).one() == (3, 1)
    assert version_of(url, SAP) == SAP.migrations.head_revision()
    database.dispose()


def test_a_missing_column_without_a_server_default_stops_the_upgrade_and_says_which(
        tmp_path: Path) -> None:
    older = SAP.previous_version_sql.read_text(encoding="utf-8")
    without_column = older.replace("\tmtart VARCHAR(4) NOT NULL,\n", "")
    assert without_column != older
    load_previous_version(tmp_path / "older.db", SAP, sql=without_column)
    database = SAP.open(sqlite_url(tmp_path / "older.db"))

    with pytest.raises(RuntimeError, match=r"mara\.mtart is missing from the database"):
        database.create_schema()

    assert version_of(sqlite_url(tmp_path / "older.db"), SAP) is None  # nothing half done
    database.dispose()


def test_an_index_an_older_version_lacked_is_created(store: Store, tmp_path: Path) -> None:
    older = store.previous_version_sql.read_text(encoding="utf-8")
    index = "ix_edidc_partner_queue" if store is SAP else "ix_outbox_reference"
    without_index = re.sub(rf"CREATE INDEX {index} [^;]*;", "", older)
    assert without_index != older
    url = previous_version_with_rows(tmp_path / "older.db", store, sql=without_index)

    database = store.open(url)
    database.create_schema()

    indexes = {name for table in reflected_schema(database.engine).values()
               for name, _columns, _unique in table["indexes"]}
    assert index in indexes
    database.dispose()


# --- several processes at once ------------------------------------------------------------------

UPGRADE_AT = """
import sys, time
from {module} import Database
database = Database(sys.argv[1])
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
database.create_schema()
database.dispose()
"""


#: where the processes start: an empty database, or the previous version's (kept as SQLite DDL)
RACES = [("sqlite", False), ("sqlite", True), *((backend, False) for backend in BACKENDS
                                                 if backend != "sqlite")]


@pytest.mark.parametrize(("backend", "previous"), RACES,
                         ids=[f"{b}-{'previous-version' if p else 'empty'}" for b, p in RACES])
def test_processes_upgrading_one_database_at_the_same_moment_do_it_once(
        store: Store, backend: str, previous: bool, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path) as url:
        if previous:
            url = previous_version_with_rows(tmp_path / "previous.db", store)
        module = "fake_sap.db.engine" if store is SAP else "crm_adapter.store.engine"
        # every process has imported everything and waits for the same moment
        moment = time.time() + 3.0
        processes = [subprocess.Popen([sys.executable, "-c", UPGRADE_AT.format(module=module),
                                       url, str(moment)], stderr=subprocess.PIPE)
                     for _ in range(4)]
        results = [(process.wait(timeout=60), process.stderr.read().decode()
                    if process.stderr else "") for process in processes]

        assert results == [(0, "")] * 4
        assert version_of(url, store) == store.migrations.head_revision()
        database = store.open(url)
        try:
            with database.engine.connect() as conn:
                assert store.migrations.schema_differences(conn) == []
        finally:
            database.dispose()


# --- the commands --------------------------------------------------------------------------------

def run(*command: str, cwd: Path) -> str:
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_the_db_commands_named_in_the_readme_show_and_run_the_migrations(
        tmp_path: Path) -> None:
    named = re.findall(r"`(fake-sap|crm-adapter) db ([a-z|\s]+)`", README.read_text())
    commands = {(program, sub.strip()) for program, subs in named for sub in subs.split("|")}
    assert commands == {("fake-sap", "upgrade"), ("fake-sap", "current"),
                        ("fake-sap", "history"), ("crm-adapter", "upgrade"),
                        ("crm-adapter", "current"), ("crm-adapter", "history")}
    sap_url = previous_version_with_rows(tmp_path / "sap.db", SAP)
    crm_config = tmp_path / "crm.toml"
    crm_config.write_text(f'[crm_adapter]\ndb_url = "{sqlite_url(tmp_path / "crm.db")}"\n',
                          encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    sap = [str(bin_dir / "fake-sap"), "db"]
    crm = [str(bin_dir / "crm-adapter"), "db"]
    head = SAP.migrations.head_revision()

    assert "made before schema migrations" in run(*sap, "current", "--db", sap_url,
                                                  cwd=tmp_path)
    assert run(*sap, "upgrade", "--db", sap_url, cwd=tmp_path) == \
        f"upgraded from none to {head}\n"
    assert run(*sap, "upgrade", "--db", sap_url, cwd=tmp_path) == f"at {head}\n"
    assert run(*sap, "current", "--db", sap_url, cwd=tmp_path) == f"{head} (head)\n"
    assert run(*sap, "history", cwd=tmp_path).startswith(f"{head} (head) ")

    assert "an empty database" in run(*crm, "current", "--config", str(crm_config),
                                      cwd=tmp_path)
    crm_head = CRM.migrations.head_revision()
    assert run(*crm, "upgrade", "--config", str(crm_config), cwd=tmp_path) == \
        f"upgraded from none to {crm_head}\n"
    assert run(*crm, "current", "--config", str(crm_config), cwd=tmp_path) == \
        f"{crm_head} (head)\n"
    assert run(*crm, "history", cwd=tmp_path).startswith(f"{crm_head} (head) ")
