"""Material applications: an outlet applies, the CRM approves within quota and stock as SAP
reports them, and SAP gets the sales order, consignment fill-up or stock transport order.

The first part states the domain rules in plain Python; the rest drives the adapter's JSON
API with the real fake-sap server behind it (the worker runs when the test says so).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from crm_driver import body
from landscape import Landscape

from crm_adapter.domain import applications as rules
from crm_adapter.domain.applications import (
    Availability,
    CreditFacts,
    Facts,
    InvalidApplication,
    Item,
    Price,
    Status,
    TransitionRefused,
)

# --- the rules ----------------------------------------------------------------------------------

PUMP, VALVE = "000000000000004711", "000000000000004712"
PRICES = {PUMP: Price(Decimal("100.00")), VALVE: Price(Decimal("250.00"), price_unit=10)}
PLENTY = {PUMP: Availability(Decimal(1000)), VALVE: Availability(Decimal(1000))}


def credit(limit: str = "10000", receivables: str = "0", special: str = "0",
           open_orders: str = "0") -> CreditFacts:
    return CreditFacts(Decimal(limit), Decimal(receivables), Decimal(special),
                       Decimal(open_orders))


def test_the_value_is_priced_at_the_outlet_purchase_price_per_price_unit() -> None:
    items = [Item(PUMP, Decimal(3)), Item(VALVE, Decimal(4))]

    assert rules.value_of(items, PRICES) == Decimal("400.00")  # 300 + 4 x 25


def test_the_quota_is_the_credit_limit_minus_the_exposure_and_what_the_crm_approved() -> None:
    facts = Facts(credit(limit="10000", receivables="2000", special="500", open_orders="3000"),
                  PLENTY, approved_value_not_in_sap=Decimal("1500"))

    assert rules.remaining_quota(facts) == Decimal("3000")


def test_an_application_worth_exactly_the_quota_is_approved() -> None:
    facts = Facts(credit(limit="1000", open_orders="700"), PLENTY)

    decision = rules.decide([Item(PUMP, Decimal(3))], PRICES, facts)

    assert decision.approved and decision.value == Decimal("300.00")


def test_an_application_over_the_quota_is_rejected_with_the_figures() -> None:
    facts = Facts(credit(limit="1000", receivables="200", open_orders="500"), PLENTY)

    decision = rules.decide([Item(PUMP, Decimal(4))], PRICES, facts)

    assert not decision.approved
    assert decision.reason == (
        "over quota: the application is worth 400.00 CNY, the outlet's remaining quota is "
        "300.00 CNY (credit limit 1,000.00 minus receivables 200.00, open orders 500.00)")


def test_an_outlet_without_credit_data_in_sap_has_no_quota() -> None:
    decision = rules.decide([Item(PUMP, Decimal(1))], PRICES, Facts(None, PLENTY))

    assert decision.reasons == ("the outlet has no credit limit in SAP (credit control area "
                                "1000)",)


def test_stock_approved_in_the_crm_but_not_in_sap_yet_is_not_available_again() -> None:
    facts = Facts(credit(), {PUMP: Availability(Decimal(10))},
                  approved_quantities_not_in_sap={PUMP: Decimal(7)})

    decision = rules.decide([Item(PUMP, Decimal(4))], PRICES, facts)

    assert decision.reasons == ("not enough stock of material 000000000000004711 in plant "
                                "1000: 4 requested, 3 available",)


def test_a_material_sap_cannot_check_is_a_reason_to_reject() -> None:
    facts = Facts(credit(), {PUMP: Availability(Decimal(0), "Material not in plant 1000")})

    decision = rules.decide([Item(PUMP, Decimal(1))], PRICES, facts)

    assert decision.reasons == ("material 000000000000004711 cannot be supplied from plant "
                                "1000: Material not in plant 1000",)


def test_every_reason_is_given_at_once() -> None:
    facts = Facts(credit(limit="100"), {PUMP: Availability(Decimal(1)),
                                        VALVE: Availability(Decimal(1))})

    decision = rules.decide([Item(PUMP, Decimal(2)), Item(VALVE, Decimal(2))], PRICES, facts)

    assert [reason.split(":")[0] for reason in decision.reasons] == [
        "over quota", "not enough stock of material 000000000000004711 in plant 1000",
        "not enough stock of material 000000000000004712 in plant 1000"]


@pytest.mark.parametrize("quantity", [0, -1, "1.0001", "abc", True, None, "1e400"])
def test_a_quantity_must_be_positive_with_at_most_three_decimals(quantity: object) -> None:
    with pytest.raises(InvalidApplication):
        rules.parse_quantity(quantity, "items[1]")


def test_only_a_submitted_application_can_be_approved_or_rejected() -> None:
    assert rules.approve(Status.SUBMITTED) is Status.APPROVAL_PENDING
    for status in set(Status) - {Status.SUBMITTED}:
        with pytest.raises(TransitionRefused):
            rules.approve(status)
        with pytest.raises(TransitionRefused):
            rules.reject(status, "no")


def test_only_a_rejected_or_failed_application_can_be_reapplied() -> None:
    assert {s for s in Status if _reapplicable(s)} == {Status.REJECTED, Status.FAILED}


def _reapplicable(status: Status) -> bool:
    try:
        return rules.reapply(status) is Status.SUBMITTED
    except TransitionRefused:
        return False


def test_the_crm_reference_fits_sap_s_reference_fields() -> None:
    assert rules.reference(42) == "MA0000000042"


# --- the JSON API -------------------------------------------------------------------------------

def test_a_new_application_is_submitted_with_its_reference_and_value(
        landscape: Landscape) -> None:
    material = landscape.materials[0]
    landscape.set_outlet_purchase_price(material, Decimal("12.50"))

    created = landscape.apply(landscape.outlets[0].lstrip("0"), "sales_order",
                              {material.lstrip("0"): "4"})

    assert {k: created[k] for k in ("crm_reference", "application_type", "outlet", "status",
                                    "value", "provincial_center", "reason")} == {
        "crm_reference": f"MA{created['id']:010d}", "application_type": "sales_order",
        "outlet": landscape.outlets[0], "status": "submitted", "value": "50.00",
        "provincial_center": landscape.centers[0], "reason": None}
    assert [(i["material_number"], i["quantity"]) for i in created["items"]] == [
        (material, "4")]


@pytest.mark.parametrize(("payload", "status", "message"), [
    ({"type": "sales_order", "items": [{"material": "X", "quantity": 1}]}, 400,
     "outlet must be given as text"),
    ({"outlet": "1000001", "type": "sales_order", "items": "many"}, 400,
     "items must be a list of objects with material and quantity"),
    ({"outlet": "1000001", "type": "rush_order", "items": [{"material": "1", "quantity": 1}]},
     422, "type must be one of sales_order, consignment_fill_up, stock_transport"),
    ({"outlet": "1000001", "type": "sales_order", "items": []}, 422,
     "an application needs at least one item"),
    ({"outlet": "1000001", "type": "sales_order",
      "items": [{"material": "4711", "quantity": 1}]}, 422,
     "material 000000000000004711 is not in the CRM"),
    ({"outlet": "9999999", "type": "sales_order",
      "items": [{"material": "4711", "quantity": 1}]}, 422,
     "outlet 0009999999 is not in the CRM"),
])
def test_an_application_the_crm_cannot_accept_is_refused_with_the_reason(
        landscape: Landscape, payload: dict[str, object], status: int, message: str) -> None:
    response = landscape.http.post("/api/applications", json=payload)

    assert (response.status_code, body(response)["message"]) == (status, message)


def test_a_material_listed_twice_is_refused(landscape: Landscape) -> None:
    material = landscape.materials[0]

    response = landscape.http.post("/api/applications", json={
        "outlet": landscape.outlets[0], "type": "sales_order",
        "items": [{"material": material, "quantity": 1}, {"material": material, "quantity": 2}]})

    assert response.status_code == 422
    assert "listed twice" in body(response)["message"]


def test_applications_are_listed_newest_first_and_filtered(landscape: Landscape) -> None:
    first_outlet, second_outlet = landscape.outlets[:2]
    material = landscape.materials[0]
    first = landscape.apply(first_outlet, "sales_order", {material: 1})
    second = landscape.apply(second_outlet, "consignment_fill_up", {material: 1})
    third = landscape.apply(first_outlet, "stock_transport", {material: 1})
    landscape.approve(third["id"])

    def ids(query: str) -> list[int]:
        response = landscape.http.get(f"/api/applications{query}")
        assert response.status_code == 200, response.text
        return [a["id"] for a in body(response)["applications"]]

    assert ids("") == [third["id"], second["id"], first["id"]]
    assert ids(f"?outlet={first_outlet.lstrip('0')}") == [third["id"], first["id"]]
    assert ids("?status=approval_pending") == [third["id"]]
    assert landscape.http.get("/api/applications?status=lost").status_code == 400


def test_an_unknown_application_is_404(landscape: Landscape) -> None:
    assert landscape.http.get("/api/applications/999").status_code == 404
    assert landscape.http.post("/api/applications/999/approve").status_code == 404


def test_a_user_rejects_with_a_reason_the_outlet_sees(landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})

    response = landscape.http.post(f"/api/applications/{created['id']}/reject",
                                   json={"reason": "Order the new model instead"})

    assert response.status_code == 200
    shown = landscape.application(created["id"])
    assert (shown["status"], shown["reason"]) == ("rejected", "Order the new model instead")


def test_a_rejection_needs_a_reason(landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})

    response = landscape.http.post(f"/api/applications/{created['id']}/reject",
                                   json={"reason": " "})

    assert response.status_code == 400
    assert landscape.application(created["id"])["status"] == "submitted"


def test_an_approval_is_accepted_at_once_and_waits_for_sap_s_facts(
        landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})

    approved = landscape.approve(created["id"])

    assert approved["status"] == "approval_pending"
    assert [(e["kind"], e["status"]) for e in approved["integration"]] == [
        ("check_material_application", "pending")]


def test_an_application_cannot_be_approved_twice(landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})
    landscape.approve(created["id"])

    response = landscape.http.post(f"/api/applications/{created['id']}/approve")

    assert response.status_code == 409
    assert len(landscape.outbox()) == 1


def test_a_submitted_application_cannot_be_reapplied(landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})

    assert landscape.reapply(created["id"]).status_code == 409


# --- end to end: approval against SAP's credit and stock, the SAP document ----------------------

def test_an_approved_sales_order_application_becomes_a_ta_order_for_the_outlet(
        landscape: Landscape) -> None:
    outlet, material = landscape.outlets[0], landscape.materials[0]
    created = landscape.apply(outlet, "sales_order", {material: 3})
    landscape.approve(created["id"])

    landscape.work()

    shown = landscape.application(created["id"])
    [order] = landscape.sales_documents(created["crm_reference"])
    assert (order["AUART"], order["KUNNR"], order["BSTNK"]) == (
        "TA", outlet, created["crm_reference"])
    assert (shown["status"], shown["sap_document_number"]) == ("in_sap", order["VBELN"])


def test_a_consignment_fill_up_becomes_a_kb_order(landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "consignment_fill_up",
                              {landscape.materials[0]: 2})
    landscape.approve(created["id"])

    landscape.work()

    [order] = landscape.sales_documents(created["crm_reference"])
    assert order["AUART"] == "KB"
    assert landscape.application(created["id"])["sap_document_number"] == order["VBELN"]


def test_a_stock_transport_becomes_a_ub_order_from_plant_1000_to_1100(
        landscape: Landscape) -> None:
    first, second = landscape.materials[:2]
    created = landscape.apply(landscape.outlets[0], "stock_transport", {first: 5, second: 2})
    landscape.approve(created["id"])

    landscape.work()

    [order] = landscape.purchase_orders()
    assert (order["BSART"], order["RESWK"]) == ("UB", "1000")
    assert [(i["MATNR"], i["WERKS"], Decimal(i["MENGE"])) for i in
            landscape.purchase_order_items(order["EBELN"])] == [
        (first, "1100", Decimal(5)), (second, "1100", Decimal(2))]
    shown = landscape.application(created["id"])
    assert (shown["status"], shown["sap_document_number"]) == ("in_sap", order["EBELN"])


def test_an_application_over_quota_is_rejected_and_can_be_reapplied_with_less(
        landscape: Landscape) -> None:
    outlet, material = landscape.outlets[0], landscape.materials[0]
    limit = landscape.credit_limit(outlet)
    landscape.set_outlet_purchase_price(material, limit / 10 + 1)  # 10 pieces: over the limit
    created = landscape.apply(outlet, "sales_order", {material: 10})
    landscape.approve(created["id"])

    landscape.work()

    rejected = landscape.application(created["id"])
    assert rejected["status"] == "rejected"
    assert rejected["reason"].startswith("over quota: the application is worth ")
    assert landscape.sales_documents(created["crm_reference"]) == []

    assert landscape.reapply(created["id"], {material: 5}).status_code == 200
    landscape.approve(created["id"])
    landscape.work()

    approved = landscape.application(created["id"])
    assert (approved["status"], approved["reason"]) == ("in_sap", None)
    assert [i["quantity"] for i in approved["items"]] == ["5"]


def test_an_application_over_the_stock_is_rejected_with_the_shortage(
        landscape: Landscape) -> None:
    material = landscape.materials[0]
    landscape.set_outlet_purchase_price(material, Decimal("1.00"))
    created = landscape.apply(landscape.outlets[0], "sales_order", {material: 101})
    landscape.approve(created["id"])

    landscape.work()

    rejected = landscape.application(created["id"])
    assert (rejected["status"], rejected["reason"]) == (
        "rejected", f"not enough stock of material {material} in plant 1000: 101 requested, "
                    "100 available")


def test_open_sap_orders_of_the_outlet_use_up_its_quota(landscape: Landscape) -> None:
    outlet, (first_material, second_material) = landscape.outlets[0], landscape.materials[:2]
    first = landscape.apply(outlet, "sales_order", {first_material: 6})
    landscape.approve(first["id"])
    landscape.work()
    open_order_value = landscape.order_value(landscape.application(first["id"]))
    # one piece worth just more than what the open order leaves of the limit
    landscape.set_outlet_purchase_price(
        second_material, landscape.credit_limit(outlet) - open_order_value + 1)

    second = landscape.apply(outlet, "sales_order", {second_material: 1})
    landscape.approve(second["id"])
    landscape.work()

    rejected = landscape.application(second["id"])
    assert rejected["status"] == "rejected"
    assert f"open orders {open_order_value:,}" in rejected["reason"]


def test_an_approval_counts_what_the_crm_approved_before_it_reached_sap(
        landscape: Landscape) -> None:
    outlet, material = landscape.outlets[0], landscape.materials[0]
    landscape.set_outlet_purchase_price(material, landscape.credit_limit(outlet) / 10)
    first = landscape.apply(outlet, "sales_order", {material: 6})
    second = landscape.apply(outlet, "sales_order", {material: 5})
    landscape.approve(first["id"])
    landscape.approve(second["id"])

    landscape.work()

    assert landscape.application(first["id"])["status"] == "in_sap"
    rejected = landscape.application(second["id"])
    assert rejected["status"] == "rejected"
    assert "approved in the CRM " in rejected["reason"]
