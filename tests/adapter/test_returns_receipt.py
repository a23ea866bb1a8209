"""Returns receipt: the goods receipt of SAP's returns delivery (LR, DESADV event PGR) is
recorded on the CRM return whose SAP return order it references, once.

End to end against the real fake-sap server: the return order (RE) is created in SAP with the
CRM return's reference, the CRM return holds the order's number (as the returns flow records
it), and SAP's DESADVs reach the adapter served on a loopback port.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sap_crm import SapCrm

from crm_adapter.domain.deliveries import (
    ReturnLine,
    SecondReceiptRefused,
    assess_receipt,
    receipt_already_recorded,
)


def returned(sap_crm: SapCrm, quantity: str) -> tuple[dict[str, Any], str]:
    """A CRM return of ``quantity`` with its SAP return order."""
    unlinked = sap_crm.crm_return(quantity)
    order = sap_crm.return_order(quantity, reference=unlinked["crm_reference"])
    sap_crm.link_return(unlinked["id"], order)
    return sap_crm.stored_return(unlinked["id"]), order


def receive(sap_crm: SapCrm, order: str, delivered: str, counted: str) -> str:
    """SAP's returns delivery of ``delivered`` and its counted goods receipt."""
    delivery = sap_crm.deliver(order, delivered)
    sap_crm.goods_movement(delivery, counted=counted)
    sap_crm.sync()
    return delivery


def received_quantities(found: dict[str, Any]) -> list[Decimal]:
    return [Decimal(i["received_quantity"]) for i in found["items"]]


# --- the receipt -------------------------------------------------------------------------------

def test_the_returns_delivery_is_noted_on_the_return(sap_crm: SapCrm) -> None:
    crm_return, order = returned(sap_crm, "3")

    delivery = sap_crm.deliver(order, "3")
    sap_crm.sync()

    found = sap_crm.stored_return(crm_return["id"])
    assert (found["status"], found["sap_returns_delivery"]) == ("in_sap", delivery)
    assert received_quantities(found) == [Decimal(0)]


def test_the_goods_receipt_records_the_received_quantity(sap_crm: SapCrm) -> None:
    crm_return, order = returned(sap_crm, "3")

    delivery = receive(sap_crm, order, "3", counted="3")

    found = sap_crm.stored_return(crm_return["id"])
    assert (found["status"], found["sap_returns_delivery"], found["reason"]) == (
        "received", delivery, None)
    assert received_quantities(found) == [Decimal(3)]


def test_a_count_below_the_expected_is_recorded_as_a_difference(sap_crm: SapCrm) -> None:
    crm_return, order = returned(sap_crm, "3")

    receive(sap_crm, order, "3", counted="2")

    found = sap_crm.stored_return(crm_return["id"])
    assert found["status"] == "partially_received"
    assert received_quantities(found) == [Decimal(2)]
    assert found["reason"] == (f"the counted quantities differ from the expected: material "
                               f"{sap_crm.material} expected 3, received 2")


def test_a_second_goods_receipt_for_the_same_return_is_refused(sap_crm: SapCrm) -> None:
    crm_return, order = returned(sap_crm, "5")
    first = receive(sap_crm, order, "3", counted="3")

    second = receive(sap_crm, order, "2", counted="2")

    found = sap_crm.stored_return(crm_return["id"])
    assert (found["sap_returns_delivery"], received_quantities(found)) == (first, [Decimal(3)])
    refused = [e for e in sap_crm.inbox(object_key=second) if e["status"] == "failed"]
    assert [e["reason"] for e in refused] == [
        f"return {crm_return['crm_reference']}: the return was already received with returns "
        f"delivery {first}; a second goods receipt (returns delivery {second}) is refused"]


def test_the_same_goods_receipt_sent_again_changes_nothing(sap_crm: SapCrm) -> None:
    crm_return, order = returned(sap_crm, "3")
    delivery = receive(sap_crm, order, "3", counted="3")

    response = sap_crm.resend(sap_crm.desadv_xml(delivery, "PGR"), docnum="0000000000888888")

    assert response.status_code == 200 and response.json["processed"] == 1
    assert received_quantities(sap_crm.stored_return(crm_return["id"])) == [Decimal(3)]
    assert "recorded before" in sap_crm.inbox()[-1]["reason"]


def test_a_receipt_for_a_return_order_the_crm_does_not_know_is_kept_as_failed(
        sap_crm: SapCrm) -> None:
    order = sap_crm.return_order("2", reference="NOT-FROM-CRM")

    delivery = receive(sap_crm, order, "2", counted="2")

    failed = sap_crm.inbox(object_key=delivery, status="failed")
    assert failed and all(f"no CRM return has SAP return order {order}" in e["reason"]
                          for e in failed)


# --- the rules ---------------------------------------------------------------------------------

LINES = [ReturnLine(1, "M1", Decimal(3)), ReturnLine(2, "M2", Decimal(1))]


def test_an_excess_is_received_and_reported() -> None:
    outcome = assess_receipt(LINES, {"M1": Decimal(4), "M2": Decimal(1)})

    assert (outcome.status, outcome.received) == ("received", {1: Decimal(4), 2: Decimal(1)})
    assert outcome.differences == ("material M1 expected 3, received 4",)


def test_a_material_not_on_the_return_is_reported() -> None:
    outcome = assess_receipt(LINES, {"M1": Decimal(3), "M2": Decimal(1), "M9": Decimal(2)})

    assert outcome.differences == ("material M9 received 2, not on the return",)


def test_sap_s_difference_flag_is_reported_even_when_the_crm_quantities_match() -> None:
    outcome = assess_receipt(LINES, {"M1": Decimal(3), "M2": Decimal(1)},
                             sap_reports_difference=True)

    assert outcome.reason is not None and "SAP reports a counting difference" in outcome.reason


@pytest.mark.parametrize("status", ["received", "partially_received"])
def test_a_received_return_refuses_a_receipt_from_another_delivery(status: str) -> None:
    with pytest.raises(SecondReceiptRefused):
        receipt_already_recorded(status, "0080000001", "0080000002")
    assert receipt_already_recorded(status, "0080000001", "0080000001") is True
