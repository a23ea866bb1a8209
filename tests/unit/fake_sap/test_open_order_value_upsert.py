"""The open order value of a customer changes in one statement: the first change makes its
row, later ones add to it, exactly (whole cents)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from fake_sap.db.documents import open_order_values
from fake_sap.db.engine import Database
from fake_sap.sd import open_orders

pytestmark = pytest.mark.unit


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    open_order_values.create(database.engine)
    yield database
    database.dispose()


def stored(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {kunnr: cents for kunnr, cents in conn.execute(
            select(open_order_values.c.kunnr, open_order_values.c.netwr_cents))}


def test_the_first_order_makes_the_row_and_the_next_add_to_it(db: Database) -> None:
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    with db.write() as conn:
        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            open_orders.add(conn, "100", "0000000001", Decimal("10.10"))
            open_orders.add(conn, "100", "0000000001", Decimal("0.20"))
            open_orders.add(conn, "100", "0000000002", Decimal("5"))
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)

    assert stored(db) == {"0000000001": 1030, "0000000002": 500}
    assert len(statements) == 3


def test_an_order_leaving_a_customer_without_a_row_leaves_a_negative_value(
        db: Database) -> None:
    with db.write() as conn:
        open_orders.add(conn, "100", "0000000001", Decimal("-1.5"))

    with db.read() as conn:
        assert open_orders.value_of(conn.execute(
            select(open_order_values.c.netwr_cents)).scalar_one()) == Decimal("-1.5")
