"""Deliveries (crm_adapter.domain.deliveries): the application's delivery record and its
sub-deliveries, recomputed from the live sub-deliveries; goods issue adds to the outlet's
inventory exactly once; a returns delivery's goods receipt is spread over the return's items.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_adapter.domain.deliveries import (
    RECEIVED_STATUSES,
    DeliveredItem,
    DeliveryEvent,
    DeliveryMessage,
    DeliveryStatus,
    ItemProgress,
    OrderedItem,
    Progress,
    ReturnLine,
    SecondReceiptRefused,
    application_record_number,
    application_status,
    assess_receipt,
    inventory_increase,
    order_item_number,
    progress,
    receipt_already_recorded,
)

pytestmark = pytest.mark.unit

D = Decimal


def message(*items: DeliveredItem, delivery_type: str = "LF", order_category: str = "C",
            goods_moved: bool = False, event: DeliveryEvent = DeliveryEvent.CREATED
            ) -> DeliveryMessage:
    return DeliveryMessage(
        delivery_number="0080000001", delivery_type=delivery_type, event=event,
        order_number="0000010000", order_category=order_category, order_complete=False,
        goods_moved=goods_moved, material_document="", ship_to="0000001000",
        items=items)


def item(material: str, quantity: str, number: str = "000010") -> DeliveredItem:
    return DeliveredItem(number, material, D(quantity))


# --- numbers ----------------------------------------------------------------------------------

def test_the_application_s_delivery_record_is_a_and_nine_digits():
    assert application_record_number(42) == "A000000042"
    assert len(application_record_number(1)) == 10  # LIKP-VBELN is CHAR 10


@pytest.mark.parametrize(("nth", "posnr"), [(1, "000010"), (2, "000020"), (15, "000150")])
def test_order_items_are_numbered_in_steps_of_ten_as_numc_6(nth, posnr):
    assert order_item_number(nth) == posnr


def test_sap_event_codes():
    assert [e.value for e in DeliveryEvent] == ["CRE", "CHG", "PGI", "PGR", "DEL"]


# --- the delivery message ---------------------------------------------------------------------

def test_a_delivery_of_type_lr_or_for_a_returns_order_is_a_returns_delivery():
    assert message(delivery_type="LR").is_returns
    assert message(order_category="H").is_returns
    assert not message(delivery_type="LF", order_category="C").is_returns
    assert not message(delivery_type="NL", order_category="V").is_returns


def test_a_message_s_quantities_add_up_per_material():
    delivered = message(item("M1", "2", "000010"), item("M2", "1", "000020"),
                        item("M1", "3", "900001"))  # a batch split item
    assert delivered.quantities() == {"M1": D(5), "M2": D(1)}


# --- progress ---------------------------------------------------------------------------------

ORDERED = [OrderedItem("000010", "M1", D(10)), OrderedItem("000020", "M2", D(4))]


def test_nothing_shipped_is_open():
    result = progress(ORDERED, {})
    assert result.status is DeliveryStatus.OPEN
    assert [i.shipped for i in result.items] == [0, 0]
    assert [i.open for i in result.items] == [D(10), D(4)]


def test_something_shipped_is_partially_delivered_with_the_rest_open():
    result = progress(ORDERED, {"M1": D(4)})
    assert result.status is DeliveryStatus.PARTIALLY_DELIVERED
    assert [(i.item_number, i.shipped, i.open) for i in result.items] == [
        ("000010", D(4), D(6)), ("000020", D(0), D(4))]


def test_everything_shipped_is_delivered():
    assert progress(ORDERED, {"M1": D(10), "M2": D(4)}).status is DeliveryStatus.DELIVERED


def test_sap_reporting_the_order_complete_closes_it_with_nothing_open():
    result = progress(ORDERED, {"M1": D(4)}, order_complete=True)
    assert result.status is DeliveryStatus.DELIVERED
    assert [result.open_quantity(i) for i in result.items] == [0, 0]
    # the item's own view still knows what was not shipped
    assert result.items[0].open == D(6)


def test_an_order_complete_without_anything_shipped_is_delivered_too():
    assert progress(ORDERED, {}, order_complete=True).status is DeliveryStatus.DELIVERED


def test_a_material_in_two_items_fills_the_first_before_the_next():
    ordered = [OrderedItem("000010", "M1", D(5)), OrderedItem("000020", "M1", D(5))]
    result = progress(ordered, {"M1": D(7)})
    assert [i.shipped for i in result.items] == [D(5), D(2)]


def test_the_last_item_of_a_material_takes_any_excess():
    ordered = [OrderedItem("000010", "M1", D(5)), OrderedItem("000020", "M1", D(5))]
    result = progress(ordered, {"M1": D(12)})
    assert [i.shipped for i in result.items] == [D(5), D(7)]
    assert result.items[1].open == 0  # never negative
    assert result.status is DeliveryStatus.DELIVERED


def test_shipped_materials_that_were_not_ordered_are_ignored():
    result = progress(ORDERED, {"M9": D(3)})
    assert result.status is DeliveryStatus.OPEN


def test_progress_does_not_depend_on_the_order_deliveries_arrived_in():
    # recomputed from the totals of the live sub-deliveries, so the arrival order of the
    # messages cannot matter
    first = progress(ORDERED, {"M1": D(4) + D(6), "M2": D(1)})
    second = progress(ORDERED, {"M1": D(6) + D(4), "M2": D(1)})
    assert first == second


def test_an_item_s_open_quantity():
    assert ItemProgress("000010", "M1", D(10), D(3)).open == D(7)
    assert ItemProgress("000010", "M1", D(10), D(13)).open == 0


def test_an_empty_order_is_open_unless_closed():
    assert Progress((), closed=False).status is DeliveryStatus.OPEN
    assert Progress((), closed=True).status is DeliveryStatus.DELIVERED


# --- the application's status -----------------------------------------------------------------

@pytest.mark.parametrize(("current", "delivery", "expected"), [
    ("in_sap", DeliveryStatus.DELIVERED, "delivered"),
    ("in_sap", DeliveryStatus.PARTIALLY_DELIVERED, "partially_delivered"),
    ("partially_delivered", DeliveryStatus.DELIVERED, "delivered"),
    ("in_sap", DeliveryStatus.OPEN, "in_sap"),
    # its only deliveries were deleted in SAP: the order is open again
    ("partially_delivered", DeliveryStatus.OPEN, "in_sap"),
    ("delivered", DeliveryStatus.OPEN, "in_sap"),
    ("approved", DeliveryStatus.OPEN, "approved"),
])
def test_the_application_follows_its_delivery_progress(current, delivery, expected):
    assert application_status(current, delivery) == expected


# --- inventory --------------------------------------------------------------------------------

def test_a_delivery_without_goods_movement_adds_nothing():
    assert inventory_increase(message(item("M1", "3")), None) == {}


def test_the_first_goods_issue_adds_the_delivered_quantities():
    delivered = message(item("M1", "3"), item("M2", "2", "000020"), goods_moved=True,
                        event=DeliveryEvent.GOODS_ISSUE)
    assert inventory_increase(delivered, "open") == {"M1": D(3), "M2": D(2)}
    assert inventory_increase(delivered, None) == {"M1": D(3), "M2": D(2)}


def test_a_goods_issue_the_crm_already_counted_adds_nothing_again():
    delivered = message(item("M1", "3"), goods_moved=True)
    assert inventory_increase(delivered, DeliveryStatus.GOODS_ISSUED) == {}
    assert inventory_increase(delivered, "goods_issued") == {}


def test_items_of_zero_quantity_add_nothing():
    delivered = message(item("M1", "0"), item("M2", "1", "000020"), goods_moved=True)
    assert inventory_increase(delivered, "open") == {"M2": D(1)}


# --- returns: the single goods receipt --------------------------------------------------------

def test_only_received_returns_have_their_receipt():
    assert {s.value for s in RECEIVED_STATUSES} == {"received", "partially_received"}


def test_a_return_not_received_yet_has_no_receipt_recorded():
    assert receipt_already_recorded("in_sap", None, "0084000001") is False


def test_the_same_receipt_sent_again_is_recognized():
    assert receipt_already_recorded("received", "0084000001", "0084000001") is True
    assert receipt_already_recorded("partially_received", "0084000001", "0084000001") is True


def test_a_second_receipt_with_another_delivery_is_refused():
    with pytest.raises(SecondReceiptRefused, match="already received with returns delivery "
                                                   "0084000001; a second goods receipt "
                                                   r"\(returns delivery 0084000002\)"):
        receipt_already_recorded("received", "0084000001", "0084000002")


LINES = [ReturnLine(1, "M1", D(3)), ReturnLine(2, "M2", D(2))]


def test_counted_as_expected_is_received_without_differences():
    outcome = assess_receipt(LINES, {"M1": D(3), "M2": D(2)})
    assert outcome.status == "received"
    assert outcome.received == {1: D(3), 2: D(2)}
    assert outcome.differences == ()
    assert outcome.reason is None


def test_less_than_expected_of_any_item_is_partially_received():
    outcome = assess_receipt(LINES, {"M1": D(3), "M2": D(1)})
    assert outcome.status == "partially_received"
    assert outcome.received == {1: D(3), 2: D(1)}
    assert outcome.differences == ("material M2 expected 2, received 1",)
    assert outcome.reason == ("the counted quantities differ from the expected: "
                              "material M2 expected 2, received 1")


def test_an_item_not_counted_at_all_is_received_as_zero():
    outcome = assess_receipt(LINES, {"M1": D(3)})
    assert outcome.received == {1: D(3), 2: D(0)}
    assert outcome.status == "partially_received"


def test_more_than_expected_is_received_with_the_excess_as_a_difference():
    outcome = assess_receipt(LINES, {"M1": D("3.5"), "M2": D(2)})
    assert outcome.status == "received"
    assert outcome.received[1] == D("3.5")
    assert outcome.differences == ("material M1 expected 3, received 3.5",)


def test_a_material_not_on_the_return_is_a_difference():
    outcome = assess_receipt(LINES, {"M1": D(3), "M2": D(2), "M7": D(1)})
    assert outcome.status == "received"
    assert outcome.differences == ("material M7 received 1, not on the return",)


def test_sap_s_own_counting_difference_is_reported_when_the_crm_sees_none():
    outcome = assess_receipt(LINES, {"M1": D(3), "M2": D(2)}, sap_reports_difference=True)
    assert outcome.differences == ("SAP reports a counting difference against its returns "
                                   "delivery",)
    assert outcome.status == "received"


def test_sap_s_counting_difference_adds_nothing_when_the_crm_sees_one_itself():
    outcome = assess_receipt(LINES, {"M1": D(2), "M2": D(2)}, sap_reports_difference=True)
    assert outcome.differences == ("material M1 expected 3, received 2",)


def test_a_material_on_two_return_items_fills_the_first_first():
    lines = [ReturnLine(1, "M1", D(2)), ReturnLine(2, "M1", D(2))]
    outcome = assess_receipt(lines, {"M1": D(3)})
    assert outcome.received == {1: D(2), 2: D(1)}
    assert outcome.status == "partially_received"
