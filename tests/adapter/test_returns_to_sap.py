"""Returns to SAP: an outlet's return, once approved, becomes an SAP return order (RE)
against the original order, exactly once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from crm_driver import body
from landscape import Landscape

from crm_adapter.domain import returns as rules
from crm_adapter.domain.applications import Item
from crm_adapter.domain.returns import InvalidReturn, ReturnTransitionRefused, Status
from sap_client.tables import equals, read_table

# --- the rules ----------------------------------------------------------------------------------

PUMP = "000000000000004711"


def test_a_return_may_take_back_what_the_application_still_has() -> None:
    rules.check_against_application([Item(PUMP, Decimal(2))], {PUMP: Decimal(5)},
                                    {PUMP: Decimal(3)})


def test_a_return_may_not_take_back_more_than_the_application_still_has() -> None:
    with pytest.raises(InvalidReturn, match="only 2 of the application can still be returned"):
        rules.check_against_application([Item(PUMP, Decimal(3))], {PUMP: Decimal(5)},
                                        {PUMP: Decimal(3)})


def test_a_return_may_not_take_back_a_material_the_application_did_not_have() -> None:
    with pytest.raises(InvalidReturn, match="is not part of the application"):
        rules.check_against_application([Item(PUMP, Decimal(1))], {}, {})


def test_only_a_submitted_return_can_be_approved() -> None:
    assert rules.approve(Status.SUBMITTED) is Status.APPROVED
    with pytest.raises(ReturnTransitionRefused):
        rules.approve(Status.APPROVED)


# --- end to end ---------------------------------------------------------------------------------

def ordered(landscape: Landscape, items: dict[str, Any],
            kind: str = "sales_order") -> dict[str, Any]:
    """An application of the first outlet that is in SAP."""
    created = landscape.apply(landscape.outlets[0], kind, items)
    landscape.approve(created["id"])
    landscape.work()
    application = landscape.application(created["id"])
    assert application["status"] == "in_sap", application
    return application


def create_return(landscape: Landscape, items: dict[str, Any], **origin: Any) -> Any:
    return landscape.http.post("/api/returns", json={
        "outlet": landscape.outlets[0], **origin,
        "items": [{"material": m, "quantity": q} for m, q in items.items()]})


def returned(landscape: Landscape, items: dict[str, Any], **origin: Any) -> dict[str, Any]:
    response = create_return(landscape, items, **origin)
    assert response.status_code == 201, response.text
    return dict(body(response)["return"])


def approve_return(landscape: Landscape, return_id: int) -> dict[str, Any]:
    response = landscape.http.post(f"/api/returns/{return_id}/approve")
    assert response.status_code == 202, response.text
    return dict(body(response)["return"])


def shown(landscape: Landscape, return_id: int) -> dict[str, Any]:
    response = landscape.http.get(f"/api/returns/{return_id}")
    assert response.status_code == 200, response.text
    return dict(body(response)["return"])


def test_an_approved_return_becomes_an_re_order_against_the_original_order(
        landscape: Landscape) -> None:
    first, second = landscape.materials[:2]
    application = ordered(landscape, {first: 5, second: 3})
    created = returned(landscape, {second: 2}, application_id=application["id"])
    assert (created["status"], created["original_order"]) == (
        "submitted", application["sap_document_number"])

    approve_return(landscape, created["id"])
    landscape.work()

    [order] = landscape.sales_documents(created["crm_reference"])
    assert (order["AUART"], order["KUNNR"], order["VGBEL"]) == (
        "RE", landscape.outlets[0], application["sap_document_number"])
    [item] = read_table(landscape.rfc, "VBAP", ["MATNR", "KWMENG", "VGBEL", "VGPOS"],
                        [equals("VBELN", order["VBELN"])])
    assert (item["MATNR"], Decimal(item["KWMENG"]), item["VGBEL"], item["VGPOS"]) == (
        second, Decimal(2), application["sap_document_number"], "000020")
    after = shown(landscape, created["id"])
    assert (after["status"], after["sap_return_order"]) == ("in_sap", order["VBELN"])


def test_a_return_against_an_sap_order_number_is_created_in_sap(landscape: Landscape) -> None:
    material = landscape.materials[0]
    application = ordered(landscape, {material: 4})
    created = returned(landscape, {material: 1},
                       sap_order=application["sap_document_number"].lstrip("0"))

    approve_return(landscape, created["id"])
    landscape.work()

    [order] = landscape.sales_documents(created["crm_reference"])
    assert order["VGBEL"] == application["sap_document_number"]


def test_more_than_the_application_had_cannot_be_returned(landscape: Landscape) -> None:
    material = landscape.materials[0]
    application = ordered(landscape, {material: 4})
    returned(landscape, {material: 3}, application_id=application["id"])

    response = create_return(landscape, {material: 2}, application_id=application["id"])

    assert response.status_code == 422
    assert body(response)["message"] == (f"material {material}: 2 to return, but only 1 of "
                                         "the application can still be returned")


def test_goods_of_an_application_not_in_sap_yet_cannot_be_returned(
        landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})

    response = create_return(landscape, {landscape.materials[0]: 1},
                             application_id=created["id"])

    assert response.status_code == 422
    assert body(response)["message"] == f"application {created['id']} has no SAP order yet"


def test_goods_of_a_stock_transport_are_not_returned_with_a_return_order(
        landscape: Landscape) -> None:
    application = ordered(landscape, {landscape.materials[0]: 1}, kind="stock_transport")

    response = create_return(landscape, {landscape.materials[0]: 1},
                             application_id=application["id"])

    assert response.status_code == 422


def test_a_return_names_either_the_application_or_the_sap_order(landscape: Landscape) -> None:
    assert create_return(landscape, {landscape.materials[0]: 1}).status_code == 400
    assert create_return(landscape, {landscape.materials[0]: 1}, application_id=1,
                         sap_order="10000").status_code == 400


def test_a_return_sap_refuses_fails_with_sap_s_message_and_is_not_retried(
        landscape: Landscape) -> None:
    material = landscape.materials[0]
    application = ordered(landscape, {material: 2})
    # given by SAP number the CRM cannot check the quantity; SAP can
    created = returned(landscape, {material: 5},
                       sap_order=application["sap_document_number"])
    approve_return(landscape, created["id"])

    landscape.work()
    landscape.work()

    failed = shown(landscape, created["id"])
    assert failed["status"] == "failed"
    assert failed["reason"].startswith("SAP refused the return order: "
                                       "BAPI_CUSTOMERRETURN_CREATE: E V1 395")
    [entry] = landscape.outbox(kind="create_customer_return")
    assert (entry["status"], entry["attempts"]) == ("failed", 1)
    assert landscape.sales_documents(created["crm_reference"]) == []


def test_a_rejected_return_keeps_its_reason_and_goes_nowhere(landscape: Landscape) -> None:
    material = landscape.materials[0]
    application = ordered(landscape, {material: 2})
    created = returned(landscape, {material: 1}, application_id=application["id"])

    response = landscape.http.post(f"/api/returns/{created['id']}/reject",
                                   json={"reason": "Not damaged"})

    assert response.status_code == 200
    after = shown(landscape, created["id"])
    assert (after["status"], after["reason"], after["integration"]) == (
        "rejected", "Not damaged", [])


def test_a_return_cannot_be_approved_twice(landscape: Landscape) -> None:
    material = landscape.materials[0]
    application = ordered(landscape, {material: 2})
    created = returned(landscape, {material: 1}, application_id=application["id"])
    approve_return(landscape, created["id"])

    assert landscape.http.post(f"/api/returns/{created['id']}/approve").status_code == 409


def test_returns_are_listed_by_outlet_and_status(landscape: Landscape) -> None:
    material = landscape.materials[0]
    application = ordered(landscape, {material: 3})
    first = returned(landscape, {material: 1}, application_id=application["id"])
    second = returned(landscape, {material: 1}, application_id=application["id"])
    approve_return(landscape, second["id"])

    response = landscape.http.get(f"/api/returns?outlet={landscape.outlets[0]}")
    approved = landscape.http.get("/api/returns?status=approved")

    assert [r["id"] for r in body(response)["returns"]] == [second["id"], first["id"]]
    assert [r["id"] for r in body(approved)["returns"]] == [second["id"]]
    assert landscape.http.get("/api/returns/999").status_code == 404
