"""Pure rules of sales documents: item numbers, amounts, and the plan kept between the BAPI
call and its commit."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

import pytest

from fake_sap.errors import sap_message
from fake_sap.sd.sales_orders import (
    MAX_PRICE,
    MAX_VALUE,
    OrderPlan,
    PlannedItem,
    item_number,
    net_value,
    rejected,
    shown,
    too_large,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("sent", "row", "posnr"), [
    ("", 1, "000010"),
    ("", 3, "000030"),
    ("000000", 2, "000020"),
    ("15", 1, "000015"),
    ("000020", 9, "000020"),
])
def test_item_numbers_are_taken_as_sent_or_counted_in_tens(sent: str, row: int,
                                                           posnr: str) -> None:
    assert item_number(sent, row) == posnr


@pytest.mark.parametrize(("value", "text"), [
    ("5.000", "5"), ("2.50", "2.5"), ("0", "0"), ("100", "100"), ("1E+2", "100")])
def test_messages_show_numbers_without_trailing_zeros(value: str, text: str) -> None:
    assert shown(Decimal(value)) == text


def test_the_net_value_is_rounded_to_cents() -> None:
    assert net_value(Decimal("3.333"), Decimal("3")) == Decimal("10.00")
    assert net_value(Decimal("0.005"), Decimal("1")) == Decimal("0.00")  # banker's rounding
    assert net_value(Decimal("19.99"), Decimal("2.5")) == Decimal("49.98")


def test_amounts_must_fit_the_currency_fields() -> None:
    assert not too_large(MAX_PRICE, MAX_VALUE)
    assert too_large(MAX_PRICE + Decimal("0.01"), Decimal(0))
    assert too_large(Decimal(1), MAX_VALUE + Decimal("0.01"))


def test_a_refused_document_ends_with_v4_219() -> None:
    error = rejected(sap_message("E", "V1", "390", "Enter a material for item &1", "000010"))
    assert [(m.msgid, m.msgno) for m in error.messages] == [("V1", "390"), ("V4", "219")]


def _plan() -> OrderPlan:
    item = PlannedItem(posnr="000010", matnr="M-1", arktx="Tea", pstyv="TAN", quantity="5",
                       unit="ST", werks="1000", lgort="0001", vstel="1000", price="2.5",
                       value="12.50", confirmed="5", sched_date="20240101")
    return OrderPlan(
        vbeln="0000010000", auart="TA", vbtyp="C", name="Standard Order", vkorg="1000",
        vtweg="10", spart="00", sold_to="0000000001", ship_to="0000000001", bstnk="PO-1",
        bstdk="", vdatu="20240101", audat="20240101", currency="CNY", net_value="12.50",
        credit_blocked=False, vgbel="", erdat="20240101", erzet="120000", ernam="TESTER",
        items=[item], messages=[sap_message("S", "V4", "233", "done")],
        partners={"AG": "0000000001", "WE": "0000000001"})


def test_a_plan_survives_the_update_task_payload_without_its_messages() -> None:
    plan = _plan()
    payload = plan.to_payload()
    assert "messages" not in payload
    again = OrderPlan.from_payload(payload)
    assert again.items == plan.items
    assert again.messages == []
    assert again.to_payload() == payload


def test_the_payload_is_what_asdict_gives_without_the_messages() -> None:
    plan = _plan()
    expected = asdict(plan)
    expected.pop("messages")

    payload = plan.to_payload()

    assert payload == expected
    payload["items"][0]["matnr"] = "OTHER"  # a copy: changing it leaves the plan alone
    payload["partners"]["AG"] = "OTHER"
    assert (plan.items[0].matnr, plan.partners["AG"]) == ("M-1", "0000000001")
