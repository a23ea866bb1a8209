"""The start-up check of schema_migrations without Alembic: the head read from the revision
files as text is Alembic's head, and the version table is read with one SELECT."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, create_engine, inspect, text

from crm_adapter.store import migrations as crm_migrations
from fake_sap.db import migrations as sap_migrations
from schema_migrations import Migrations

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("store", [sap_migrations.MIGRATIONS, crm_migrations.MIGRATIONS],
                         ids=["fake_sap", "crm_adapter"])
def test_the_head_named_in_the_files_is_alembics_head(store: Migrations) -> None:
    assert store.head_from_files() == store.head_revision()


def _migrations_with(tmp_path: Path, files: dict[str, str]) -> Migrations:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "__init__.py").write_text("")
    for name, source in files.items():
        (versions / name).write_text(source)
    return Migrations(MetaData(), tmp_path, version_table="version_of_test",
                      advisory_lock_key=1)


def test_the_head_is_the_revision_no_other_revises(tmp_path: Path) -> None:
    migrations = _migrations_with(tmp_path, {
        "v0001_a.py": '"""Revision ID: 0001"""\nrevision = "0001"\ndown_revision = None\n',
        "v0002_b.py": "revision: str = '0002'\ndown_revision: str | None = '0001'\n",
    })
    assert migrations.head_from_files() == "0002"


@pytest.mark.parametrize("second", [
    "revision = '0002'\ndown_revision = ('0001', '0003')\n",  # a merge: Alembic decides
    "revision = '0002'\ndown_revision = None\n",  # two heads
    "down_revision = '0001'\n",  # no revision line
], ids=["merge", "two heads", "unreadable"])
def test_no_clear_answer_leaves_it_to_alembic(tmp_path: Path, second: str) -> None:
    migrations = _migrations_with(tmp_path, {
        "v0001_a.py": 'revision = "0001"\ndown_revision = None\n', "v0002_b.py": second})
    assert migrations.head_from_files() is None


def test_the_stored_revision_is_read_with_one_select(tmp_path: Path) -> None:
    migrations = _migrations_with(tmp_path, {})
    engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        assert migrations.stored_revision(engine) is None  # no version table
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE version_of_test (version_num VARCHAR(32))"))
        assert migrations.stored_revision(engine) is None  # no row
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO version_of_test VALUES ('0007')"))
        assert migrations.stored_revision(engine) == "0007"
    finally:
        engine.dispose()


def _version_table_as_stored(engine: Engine, name: str) -> tuple[object, ...]:
    found = inspect(engine)
    columns = [(c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(name)]
    return (columns, found.get_pk_constraint(name), found.get_indexes(name),
            found.get_unique_constraints(name))


def test_a_new_database_is_stamped_as_alembic_stamps_it(tmp_path: Path) -> None:
    migrations = _migrations_with(tmp_path, {
        "v0007_a.py": 'revision = "0007"\ndown_revision = None\n'})
    by_hand = create_engine(f"sqlite:///{tmp_path / 'by_hand.db'}")
    by_alembic = create_engine(f"sqlite:///{tmp_path / 'by_alembic.db'}")
    try:
        with by_hand.begin() as conn:
            migrations.stamp_new(conn, "0007")
        with by_alembic.begin() as conn:
            context = MigrationContext.configure(
                conn, opts={"version_table": migrations.version_table})
            context.stamp(ScriptDirectory(str(tmp_path)), "0007")

        assert _version_table_as_stored(by_hand, "version_of_test") == \
            _version_table_as_stored(by_alembic, "version_of_test")
        assert migrations.stored_revision(by_hand) == "0007"
    finally:
        by_hand.dispose()
        by_alembic.dispose()
