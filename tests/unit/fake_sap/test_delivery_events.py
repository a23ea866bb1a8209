"""Delivery events: what SD's update tasks report, how the ALE output names them on the
wire, and how the composition joins an update task with that output; and the commands of
a sales order and a delivery change, which are built whole and never change."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import pytest

from fake_sap import compose
from fake_sap.ale import delivery_output
from fake_sap.rfc.functions import logistics
from fake_sap.sd.deliveries import ItemChange
from fake_sap.sd.delivery_events import (
    DeliveryEvent,
    DeliveryEventKind,
    DeliverySnapshot,
    Receipt,
)
from fake_sap.sd.sales_orders import ItemInput, OrderInput

pytestmark = pytest.mark.unit

SHOT = DeliverySnapshot({"vbeln": "0080000001", "lfart": "LF"}, ({"posnr": "000010"},))


def test_every_delivery_event_has_its_code_in_the_desadv_idoc() -> None:
    assert {kind: delivery_output.EVENT_CODES[kind] for kind in DeliveryEventKind} == {
        DeliveryEventKind.CREATED: "CRE", DeliveryEventKind.CHANGED: "CHG",
        DeliveryEventKind.GOODS_ISSUE_POSTED: "PGI",
        DeliveryEventKind.GOODS_RECEIPT_POSTED: "PGR", DeliveryEventKind.DELETED: "DEL"}


def test_an_event_is_a_value_that_cannot_be_changed() -> None:
    event = DeliveryEvent(DeliveryEventKind.GOODS_RECEIPT_POSTED, SHOT, ("4900000001", "2024"),
                          Receipt({"000010": "5"}, {"000010": "4"}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.kind = DeliveryEventKind.DELETED  # type: ignore[misc]
    assert event == DeliveryEvent(DeliveryEventKind.GOODS_RECEIPT_POSTED, SHOT,
                                  ("4900000001", "2024"),
                                  Receipt({"000010": "5"}, {"000010": "4"}))


def test_the_delivery_update_tasks_are_wired_with_their_output() -> None:
    table = compose.update_functions()
    for name in logistics.DELIVERY_UPDATE_FUNCTIONS:
        assert name in table
        assert table[name] is not logistics.DELIVERY_UPDATE_FUNCTIONS[name]


def test_a_delivery_update_task_sends_the_events_its_service_returns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, Any]] = []
    events = [DeliveryEvent(DeliveryEventKind.CREATED, SHOT),
              DeliveryEvent(DeliveryEventKind.CHANGED, SHOT)]

    def service(conn: Any, mandt: str, payload: dict[str, Any]) -> list[DeliveryEvent]:
        calls.append(("service", payload))
        return events

    def send(conn: Any, mandt: str, sent: Sequence[DeliveryEvent]) -> list[str]:
        calls.append(("output", list(sent)))
        return []

    monkeypatch.setattr(delivery_output, "send", send)
    update = compose.with_delivery_output(service)
    update(None, "100", {"vbeln": "0080000001"})  # type: ignore[arg-type]
    assert calls == [("service", {"vbeln": "0080000001"}), ("output", events)]


def test_an_order_and_its_items_are_built_whole() -> None:
    item = ItemInput(itm_number="000010", material="M-01", quantity="2")
    order = OrderInput(doc_type="TA", sales_org="1000", distr_chan="10", division="00",
                       sold_to="0000003001", items=(item,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        order.sales_org = "2000"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.quantity = "3"  # type: ignore[misc]
    assert dataclasses.replace(order, sales_org="2000").items == (item,)


def test_a_delivery_item_change_is_built_whole() -> None:
    change = ItemChange("0080000001", quantities={"000010": "1"}, deleted=("000020",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.deleted = ()  # type: ignore[misc]
    assert (change.quantities, change.deleted) == ({"000010": "1"}, ("000020",))
