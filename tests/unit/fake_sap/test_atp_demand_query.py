"""The ATP demand of a material: the confirmed quantities of its order items, reached from
the items by their keys in every plan (a correlated sum), so that one check does not read
the client's other schedule lines."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Connection, insert

from fake_sap.db.documents import vbak, vbap, vbep
from fake_sap.db.engine import Database
from fake_sap.sd import sales_orders

pytestmark = pytest.mark.unit


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    yield database
    database.dispose()


def document(conn: Connection, vbeln: str, vbtyp: str,
             items: list[tuple[str, str, list[str]]]) -> None:
    """A document with (material, plant, confirmed quantity per schedule line) items."""
    conn.execute(insert(vbak).values(mandt="100", vbeln=vbeln, vbtyp=vbtyp))
    for number, (matnr, werks, lines) in enumerate(items, start=1):
        posnr = f"{10 * number:06d}"
        conn.execute(insert(vbap).values(mandt="100", vbeln=vbeln, posnr=posnr, matnr=matnr,
                                         werks=werks))
        for etenr, bmeng in enumerate(lines, start=1):
            conn.execute(insert(vbep).values(mandt="100", vbeln=vbeln, posnr=posnr,
                                             etenr=f"{etenr:04d}", bmeng=bmeng))


def test_the_demand_sums_the_confirmed_lines_of_the_orders_items_only(db: Database) -> None:
    with db.write() as conn:
        document(conn, "0000000001", "C", [("M-1", "1000", ["2", "3.5"]),
                                           ("M-1", "2000", ["7"]), ("M-2", "1000", ["11"])])
        document(conn, "0000000002", "C", [("M-1", "1000", ["1"]), ("M-1", "1000", [])])
        # a return (category H) is no demand
        document(conn, "0000000003", "H", [("M-1", "1000", ["100"])])

    with db.read() as conn:
        assert sales_orders.open_demand(conn, "100", "M-1", "1000") == Decimal("6.5")
        assert sales_orders.open_demand(conn, "100", "M-3", "1000") == Decimal(0)


def test_sqlite_reaches_the_schedule_lines_by_their_key(db: Database) -> None:
    compiled = sales_orders._AVAILABILITY.compile(dialect=db.engine.dialect)
    values = compiled.construct_params({"mandt": "100", "matnr": "M-1", "werks": "1000"})
    assert compiled.positiontup is not None
    with db.read() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(values[k] for k in compiled.positiontup))]

    assert not [step for step in plan if step.startswith("SCAN") and "CONSTANT" not in step]
    assert any(step.startswith("SEARCH vbep") and "posnr=?" in step for step in plan)
