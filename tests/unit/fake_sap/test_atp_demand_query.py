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
from fake_sap.db.schema import mara, marc, mard
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


def test_an_order_items_read_of_its_material_reaches_the_schedule_lines_by_their_key(
        db: Database) -> None:
    # the sold-to party, the material and the availability in the item's plant in one read
    statement = sales_orders._SOLD_TO_AND_MATERIAL
    compiled = statement.compile(dialect=db.engine.dialect)
    values = compiled.construct_params({
        "mandt": "100", "kunnr": "0000000001", "vkorg": "1000", "vtweg": "10", "spart": "00",
        "kkber": "1000", "matnr": "M-1", "werks": "1000"})
    assert compiled.positiontup is not None
    with db.read() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(values[k] for k in compiled.positiontup))]

    assert any(step.startswith("SEARCH vbep") and "posnr=?" in step for step in plan)
    assert not [step for step in plan if step.startswith("SCAN") and (
        "vbep" in step or "vbap" in step or "lips" in step or "mard" in step)]


def test_an_order_items_read_sums_the_stock_and_demand_of_its_plant(db: Database) -> None:
    with db.write() as conn:
        document(conn, "0000000001", "C", [("M-1", "1000", ["2", "3.5"]),
                                           ("M-1", "2000", ["7"])])
        conn.execute(insert(mara).values(mandt="100", matnr="M-1", mtart="HAWA", meins="ST",
                                         ersda="20260101"))
        for werks in ("1000", "2000"):
            conn.execute(insert(marc).values(mandt="100", matnr="M-1", werks=werks))
        for lgort, labst in (("0001", "10"), ("0002", "2.5")):
            conn.execute(insert(mard).values(mandt="100", matnr="M-1", werks="1000",
                                             lgort=lgort, labst=labst))

    with db.read() as conn:
        row = conn.execute(sales_orders._SOLD_TO_AND_MATERIAL, {
            "mandt": "100", "kunnr": "0000000001", "vkorg": "1000", "vtweg": "10",
            "spart": "00", "kkber": "1000", "matnr": "M-1", "werks": "1000"}).mappings().one()

    assert row["customer"] is None and row["material"] == "M-1" and row["plant"] == "1000"
    assert sales_orders._stock_and_demand(row) == (Decimal("12.5"), Decimal("5.5"))
