"""The open order value the credit check counts, kept per customer as orders come and go.

The credit check adds to a customer's receivables the net value of its sales orders not yet
completely delivered. That sum is kept as it changes (``open_order_values``); these tests
check it against the sum over the orders themselves through a whole logistics flow, and that
the check answers from it: an order delivered completely no longer counts, and counts again
when its delivery is deleted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from idoc_builders import customer, packet
from logistics_flow import BAPI, IDOC, Flow, seeded_flow
from sqlalchemy import create_engine, text

from fake_sap.db import migrations
from fake_sap.db.documents import open_order_values, vbak, vbuk
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.types import DEBMAS07
from fake_sap.sd import open_orders


@pytest.fixture
def flow(sap):
    with seeded_flow(sap) as running:
        yield running


def summed_over_orders(flow: Flow, kunnr: str) -> Decimal:
    """The open order value as the orders themselves give it: the net value of the orders
    (category C) whose delivery status is not C."""
    total = Decimal(0)
    for order in flow.tables.rows(vbak, kunnr=kunnr):
        status = flow.tables.row(vbuk, vbeln=order["vbeln"])
        if status is not None and order["vbtyp"] == "C" and status["lfgsk"] != "C":
            total += Decimal(order["netwr"])
    return total


def kept(flow: Flow, kunnr: str) -> Decimal:
    row = flow.tables.row(open_order_values, kunnr=kunnr)
    return open_orders.value_of(None if row is None else row["netwr_cents"])


def set_credit_limit(flow: Flow, kunnr: str, limit: str) -> None:
    idoc = customer(kunnr, "ZOUT", name="Outlet")
    idoc.segments[0].children.append(SegmentData("E1KNKKM", {
        "MSGFN": "005", "KKBER": "1000", "KLIMK": limit}))
    response = flow.sap.post_idocs(packet(DEBMAS07, [idoc]))
    assert response.status_code == 200 and 'CODE="53"' in response.text, response.text


def order_messages(flow: Flow, quantity: str) -> dict[str, Any]:
    result = flow.rfc.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00"},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": flow.outlet}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": flow.material}],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": "10", "REQ_QTY": quantity}])
    flow.commit()
    return dict(result)


def warnings(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["ID"], r["NUMBER"]) for r in result["RETURN"] if r["TYPE"] == "W"]


def test_the_kept_value_is_the_sum_over_the_open_orders_through_a_flow(flow):
    outlet = flow.outlet
    assert kept(flow, outlet) == summed_over_orders(flow, outlet) == 0

    first = flow.order("10", channel=BAPI)
    second = flow.order([(flow.material, "3"), (flow.materials[1], "2")], channel=IDOC)
    flow.order("2", doc_type="RE")  # a return is no open order
    assert kept(flow, outlet) == summed_over_orders(flow, outlet) > 0

    flow.deliver(first, "4")  # partially delivered: still open
    assert kept(flow, outlet) == summed_over_orders(flow, outlet)

    flow.deliver(first, "6")  # the rest: completely delivered, no longer open
    assert flow.status(first)["lfgsk"] == "C"
    assert kept(flow, outlet) == summed_over_orders(flow, outlet)

    delivery = flow.deliver(second)
    assert kept(flow, outlet) == summed_over_orders(flow, outlet) == 0

    assert flow.delete_delivery(delivery)["RETURN"]
    flow.commit()
    assert flow.status(second)["lfgsk"] == "A"
    assert kept(flow, outlet) == summed_over_orders(flow, outlet) > 0


def test_an_order_delivered_completely_no_longer_counts_towards_the_exposure(flow):
    delivered = flow.order("5")
    delivery = flow.deliver(delivered)
    value = kept(flow, flow.outlet)
    assert value == 0
    [order] = flow.tables.rows(vbak, vbeln=delivered)
    # the delivered order and one more of the same value would exceed the limit
    set_credit_limit(flow, flow.outlet, str(Decimal(order["netwr"]) * 3 / 2))

    assert ("V1", "154") not in warnings(order_messages(flow, "5"))

    flow.delete_delivery(delivery)
    flow.commit()  # the delivered order is open again, and so is the one just made
    assert ("V1", "154") in warnings(order_messages(flow, "1"))


# --- the revision that made the table ----------------------------------------------------------

def test_the_revision_sums_the_open_orders_a_database_held_before(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'at-0011.db'}")
    migrations.upgrade(engine, "0011")
    orders = [("0000010000", "C", "12.50", "A"), ("0000010001", "C", "7.25", "B"),
              ("0000010002", "C", "100.00", "C"), ("0000010003", "H", "3.00", "A")]
    with engine.begin() as conn:
        for vbeln, vbtyp, netwr, lfgsk in orders:
            conn.execute(text("INSERT INTO vbak (mandt, vbeln, vbtyp, kunnr, netwr, auart, "
                              "erdat, erzet, ernam, audat, vkorg, vtweg, spart, bstnk, bstdk, "
                              "vdatu, lifsk, faksk, augru, waerk, vgbel, vgtyp) VALUES "
                              "('100', :vbeln, :vbtyp, '0000000042', :netwr, '', '', '', '', "
                              "'', '', '', '', '', '', '', '', '', '', '', '', '')"),
                         {"vbeln": vbeln, "vbtyp": vbtyp, "netwr": netwr})
            conn.execute(text("INSERT INTO vbuk (mandt, vbeln, vbtyp, gbstk, lfstk, lfgsk, "
                              "wbstk, kostk, fkstk, cmgst, abstk, uvall) VALUES "
                              "('100', :vbeln, :vbtyp, '', '', :lfgsk, '', '', '', '', '', '')"),
                         {"vbeln": vbeln, "vbtyp": vbtyp, "lfgsk": lfgsk})

    migrations.upgrade(engine)

    with engine.connect() as conn:
        assert conn.execute(text("SELECT mandt, kunnr, netwr_cents FROM open_order_values")
                            ).all() == [("100", "0000000042", 1975)]
    engine.dispose()


# --- pure logic --------------------------------------------------------------------------------

@pytest.mark.unit
def test_values_are_kept_in_whole_cents_and_read_back_exactly() -> None:
    assert open_orders.cents(Decimal("12.50")) == 1250
    assert open_orders.cents(Decimal("-0.01")) == -1
    assert open_orders.cents(Decimal("0")) == 0
    assert open_orders.value_of(1975) == Decimal("19.75")
    assert open_orders.value_of(None) == 0
    assert open_orders.value_of(open_orders.cents(Decimal("9999999999999.99"))) == \
        Decimal("9999999999999.99")


@pytest.mark.unit
def test_only_sales_orders_not_completely_delivered_count() -> None:
    assert open_orders.counts("C", "A") and open_orders.counts("C", "B")
    assert not open_orders.counts("C", "C")
    assert not open_orders.counts("H", "A")
