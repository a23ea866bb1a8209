"""BD21 where nobody receives: the open change pointers (BDCP2) are marked processed in one
statement, and left open for distribution when a partner receives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from fake_sap.basis import clients as client_admin
from fake_sap.db import change_pointers, partners
from fake_sap.db.engine import Database
from fake_sap.db.schema import bdcp2

pytestmark = pytest.mark.unit

POINTERS = [change_pointers.ChangePointer("MATMAS", "M-1", "I"),
            change_pointers.ChangePointer("MATMAS", "M-2", "U")]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    client_admin.create(database, "100", "first")
    client_admin.create(database, "200", "second")
    yield database
    database.dispose()


def processed_flags(db: Database, mandt: str) -> list[str]:
    with db.read() as conn:
        return list(conn.execute(select(bdcp2.c.process).where(bdcp2.c.mandt == mandt)
                                 .order_by(bdcp2.c.cpident)).scalars())


def test_without_receivers_the_open_pointers_are_marked_processed(db: Database) -> None:
    with db.write() as conn:
        change_pointers.record(conn, "100", POINTERS, datetime.now(UTC))
        marked = change_pointers.mark_processed_without_receivers(conn, "100")
        again = change_pointers.mark_processed_without_receivers(conn, "100")

    assert (marked, again) == (True, False)
    assert processed_flags(db, "100") == ["X", "X"]


def test_with_a_receiver_the_pointers_stay_open_for_distribution(db: Database) -> None:
    with db.write() as conn:
        partners.upsert_partner(conn, "100", "CRMCLNT100", port_url=None, port_user=None,
                                port_password=None, outbound=["MATMAS"], inbound=[])
        # another client's receiver does not count
        change_pointers.record(conn, "200", POINTERS, datetime.now(UTC))
        change_pointers.record(conn, "100", POINTERS, datetime.now(UTC))
        marked_here = change_pointers.mark_processed_without_receivers(conn, "100")
        marked_there = change_pointers.mark_processed_without_receivers(conn, "200")

    assert (marked_here, marked_there) == (False, True)
    assert processed_flags(db, "100") == ["", ""]
    assert processed_flags(db, "200") == ["X", "X"]
