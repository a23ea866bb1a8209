"""The emulator's database: schema creation is safe on a database an older version made."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from fake_sap.db.engine import Database


def test_an_index_an_older_version_did_not_create_is_added_at_start(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    with db.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_edidc_partner_queue"))

    db.create_schema()

    indexes = {index["name"] for index in inspect(db.engine).get_indexes("edidc")}
    assert "ix_edidc_partner_queue" in indexes


def test_creating_the_schema_twice_changes_nothing(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    before = {name: inspect(db.engine).get_indexes(name)
              for name in inspect(db.engine).get_table_names()}

    db.create_schema()

    after = {name: inspect(db.engine).get_indexes(name)
             for name in inspect(db.engine).get_table_names()}
    assert after == before
