"""EDIDC's two dispatch indexes hold outbound IDocs only, on a new database and on one the
previous version made, and the dispatcher's queries still read them (SQLite's plan)."""

from __future__ import annotations

from pathlib import Path

import pytest
from migration_stores import BACKENDS, SAP, fresh_database, previous_version_with_rows
from sqlalchemy import Connection, text

from fake_sap.db.engine import Database

DISPATCH_INDEXES = ("ix_edidc_outbound_queue", "ix_edidc_partner_queue")


def _index_conditions(conn: Connection) -> dict[str, str]:
    """Each dispatch index's definition as the database keeps it (its WHERE clause)."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                 "AND tbl_name = 'edidc'"))
    else:
        rows = conn.execute(text("SELECT indexname, indexdef FROM pg_indexes "
                                 "WHERE tablename = 'edidc'"))
    return {name: definition for name, definition in rows if name in DISPATCH_INDEXES}


def _assert_outbound_only(database: Database) -> None:
    with database.read() as conn:
        definitions = _index_conditions(conn)
    assert sorted(definitions) == sorted(DISPATCH_INDEXES)
    for definition in definitions.values():
        # SQLite keeps the statement as written, PostgreSQL its own rendering of it
        assert "WHERE" in definition.upper() and "'1'" in definition, definition


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_new_database_has_outbound_only_dispatch_indexes(backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path, "dispatch_indexes") as url:
        database = Database(url)
        database.create_schema()
        try:
            _assert_outbound_only(database)
        finally:
            database.dispose()


def test_a_database_the_previous_version_made_gets_outbound_only_dispatch_indexes(
        tmp_path: Path) -> None:
    database = Database(previous_version_with_rows(tmp_path / "older.db", SAP))
    database.create_schema()
    try:
        _assert_outbound_only(database)
    finally:
        database.dispose()


def _plan(conn: Connection, sql: str, parameters: tuple[object, ...]) -> str:
    return " | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}",
                                                             parameters))


def test_the_dispatcher_queries_read_the_outbound_only_indexes(tmp_path: Path) -> None:
    """The due IDocs and a partner's queue, shaped as the dispatcher asks for them: DIRECT 1
    as a bound value, which SQLite matches against the partial index's condition."""
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    try:
        with database.read() as conn:
            due_plan = _plan(conn, "SELECT DISTINCT mandt, rcvprn FROM edidc WHERE direct = ? "
                             "AND status IN (?, ?) AND next_attempt_at <= ? AND attempts < ?",
                             ("1", "30", "02", 1.0, 5))
            queue_plan = _plan(conn, "SELECT docnum, xml FROM edidc WHERE mandt = ? "
                               "AND rcvprn = ? AND direct = ? AND status = ? AND docnum > ? "
                               "ORDER BY docnum LIMIT ?", ("100", "CRM", "1", "30", "0", 10))
    finally:
        database.dispose()
    assert "ix_edidc_outbound_queue" in due_plan or "ix_edidc_partner_queue" in due_plan, \
        due_plan
    assert "USING INDEX ix_edidc_partner_queue" in queue_plan, queue_plan
