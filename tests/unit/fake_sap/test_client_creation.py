"""Creating a client in one statement per table (``fake_sap.db.clients.create_if_absent``):
the row it returns is the row a later read gives, a taken number creates nothing, and the
client gets the same baseline as :func:`fake_sap.db.clients.create` gives. An in-memory
SQLite database; no process is started."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, func, select

from fake_sap.db import clients, schema
from fake_sap.db.iso_codes import t005, t006, tcurc
from fake_sap.http.control.requests import timestamp

pytestmark = pytest.mark.unit


@pytest.fixture
def conn() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    schema.metadata.create_all(engine)
    with engine.begin() as connection:
        yield connection


def _counts(conn: Connection, mandt: str) -> dict[str, int]:
    return {table.name: conn.execute(select(func.count()).select_from(table)
                                     .where(table.c.mandt == mandt)).scalar_one()
            for table in (schema.customizing, schema.number_ranges, t006, tcurc, t005)}


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    """The row as the control API shows it (booleans and RFC 3339 times)."""
    return {**row, "strict_partner_check": bool(row["strict_partner_check"]),
            "created_at": timestamp(row["created_at"])}


def test_the_returned_row_is_the_stored_one(conn: Connection) -> None:
    created = clients.create_if_absent(conn, "300", "new")
    assert created is not None
    stored = clients.get(conn, "300")
    assert stored is not None
    assert _shown(created) == _shown(stored)


def test_a_taken_number_creates_nothing(conn: Connection) -> None:
    assert clients.create_if_absent(conn, "300", "first") is not None
    before = _counts(conn, "300")
    assert clients.create_if_absent(conn, "300", "second") is None
    assert _counts(conn, "300") == before
    stored = clients.get(conn, "300")
    assert stored is not None and stored["description"] == "first"


def test_the_baseline_is_that_of_create(conn: Connection) -> None:
    clients.create(conn, "100", "old way")
    clients.create_if_absent(conn, "200", "new way")
    assert _counts(conn, "200") == _counts(conn, "100")
    assert clients.customizing_entries(conn, "200") == clients.customizing_entries(conn, "100")
