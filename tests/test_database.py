"""The emulator's database: schema creation is safe on a database an older version made, and
the bulk writes store what SQLAlchemy would."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, inspect, text

from fake_sap.db.bulk import write_rows
from fake_sap.db.engine import Database
from fake_sap.db.migrations import drop_version_table
from fake_sap.db.schema import edidc


def test_an_index_an_older_version_did_not_create_is_added_at_start(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    with db.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_edidc_partner_queue"))
        drop_version_table(conn)  # an older version kept no record of its schema

    db.create_schema()

    indexes = {index["name"] for index in inspect(db.engine).get_indexes("edidc")}
    assert "ix_edidc_partner_queue" in indexes


def indexes(db: Database) -> dict[str, list[str]]:
    """Each table's indexes as text (a partial index's condition is an object that compares
    by identity)."""
    inspector = inspect(db.engine)
    return {name: [repr({**index, "dialect_options": {
                key: str(value) for key, value in index.get("dialect_options", {}).items()}})
                   for index in inspector.get_indexes(name)]
            for name in inspector.get_table_names()}


def test_creating_the_schema_twice_changes_nothing(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    before = indexes(db)

    db.create_schema()

    assert indexes(db) == before
    assert "process = ''" in " ".join(before["bdcp2"])  # the partial index's condition kept


def test_bulk_writes_store_timestamps_as_sqlalchemy_does(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    moments = [datetime(2026, 3, 1, 10, 15, 0, tzinfo=UTC),  # no microseconds
               datetime(2026, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)]
    row = {"mandt": "100", "direct": "1", "status": "30", "credat": "20260301",
           "cretim": "101500", "xml": ""}
    with db.engine.begin() as conn:
        write_rows(conn, edidc, [{**row, "docnum": "1", "created_at": moments[0],
                                  "updated_at": moments[0]},
                                 {**row, "docnum": "2", "created_at": moments[1],
                                  "updated_at": moments[0]}])
        conn.execute(insert(edidc).values(**row, docnum="3", created_at=moments[1],
                                          updated_at=moments[1]))

    with db.engine.begin() as conn:
        stored = conn.execute(text("SELECT docnum, created_at, updated_at FROM edidc "
                                   "ORDER BY docnum")).all()
    assert stored == [("1", "2026-03-01 10:15:00.000000", "2026-03-01 10:15:00.000000"),
                      ("2", "2026-12-31 23:59:59.999999", "2026-03-01 10:15:00.000000"),
                      ("3", "2026-12-31 23:59:59.999999", "2026-12-31 23:59:59.999999")]


def test_a_column_an_older_version_did_not_create_is_added_at_start(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO partners (mandt, logsys, description, pack_size, "
                          "parallel_packets, created_at) VALUES ('100', 'OLDPARTNER', '', 1, "
                          "1, '2026-01-01 00:00:00')"))
        conn.execute(text("ALTER TABLE partners DROP COLUMN parallel_packets"))
        drop_version_table(conn)  # an older version kept no record of its schema

    db.create_schema()

    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT parallel_packets FROM partners WHERE logsys = "
                                 "'OLDPARTNER'")).scalar_one() == 1
