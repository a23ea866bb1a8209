"""The adapter's read API of master data, against ``crm-adapter serve`` as deployed: materials
with their CRM-only fields, outlets with their provincial center, provincial centers with
their outlets; numbers with or without leading zeros; paging; unknown numbers are 404.

Master data reaches the served adapter as SAP sends it: IDoc-XML posted to its receiver.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from crm_driver import RECEIVER_PASSWORD, RECEIVER_USER, CrmProcess, document, from_sap
from idoc_builders import customer, material

from fake_sap.idoc.document import Idoc

PRICES = {"STPRS": "12.50", "VERPR": "11.80", "ZPLP1": "15.00", "ZPLP2": "19.90",
          "PEINH": "1", "VPRSV": "S"}


@pytest.fixture
def api(crm_process: CrmProcess) -> Iterator[httpx.Client]:
    """The served adapter's JSON API."""
    with httpx.Client(base_url=crm_process.url, timeout=30.0) as client:
        yield client


def receive(api: httpx.Client, *idocs: Idoc) -> None:
    response = api.post("/sap/idoc", content=document(*(from_sap(i) for i in idocs)),
                        auth=(RECEIVER_USER, RECEIVER_PASSWORD),
                        headers={"Content-Type": "application/xml"})
    assert response.status_code == 200, response.text
    assert response.json()["failed"] == 0, response.text


# --- materials --------------------------------------------------------------------------------

def test_a_material_is_read_with_sap_s_fields_and_waits_for_its_crm_only_fields(
        api: httpx.Client) -> None:
    receive(api, material("4711", "Pump", valuation=PRICES, MATKL="PUMPS"))

    response = api.get("/api/materials/4711")

    assert response.status_code == 200, response.text
    found = response.json()["material"]
    assert {key: found[key] for key in (
        "material_number", "description_en", "material_group", "base_unit", "standard_price",
        "outlet_purchase_price", "retail_price", "price_unit", "deleted", "position_number",
        "repair_level")} == {
        "material_number": "000000000000004711", "description_en": "Pump",
        "material_group": "PUMPS", "base_unit": "ST", "standard_price": "12.50",
        "outlet_purchase_price": "15.00", "retail_price": "19.90", "price_unit": 1,
        "deleted": False, "position_number": None, "repair_level": None}
    assert found["queued_at"] is not None


def test_a_maintained_material_shows_its_crm_only_fields_and_no_longer_waits(
        api: httpx.Client) -> None:
    receive(api, material("4711"))
    maintained = api.put("/api/materials/4711/maintenance",
                         json={"position_number": "A-01-03", "repair_level": "2"})
    assert maintained.status_code == 200, maintained.text

    found = api.get("/api/materials/000000000000004711").json()["material"]

    assert (found["position_number"], found["repair_level"], found["queued_at"]) == (
        "A-01-03", "2", None)


def test_a_material_number_is_found_in_external_and_internal_format(api: httpx.Client) -> None:
    receive(api, material("4711"), material("PUMP-X1"))

    numbers = [api.get(f"/api/materials/{number}").json()["material"]["material_number"]
               for number in ("4711", "000000000000004711", "PUMP-X1", " 4711 ")]

    assert numbers == ["000000000000004711"] * 2 + ["PUMP-X1", "000000000000004711"]


@pytest.mark.parametrize("number", ["4712", "X" * 19])
def test_an_unknown_material_is_404_with_the_api_s_error_shape(
        api: httpx.Client, number: str) -> None:
    receive(api, material("4711"))

    response = api.get(f"/api/materials/{number}")

    assert response.status_code == 404
    assert response.json()["error"] == "NOT_FOUND"
    assert "does not exist" in response.json()["message"]


def test_materials_are_listed_by_number_a_page_at_a_time(api: httpx.Client) -> None:
    receive(api, *(material(str(number)) for number in range(4711, 4716)))

    first = api.get("/api/materials", params={"limit": "2"}).json()["materials"]
    second = api.get("/api/materials", params={
        "limit": "2", "after": first[-1]["material_number"]}).json()["materials"]
    rest = api.get("/api/materials", params={"after": "4714"}).json()["materials"]

    assert [m["material_number"][-4:] for m in first + second + rest] == [
        "4711", "4712", "4713", "4714", "4715"]


def test_a_material_flagged_for_deletion_is_listed_only_when_asked_for(
        api: httpx.Client) -> None:
    receive(api, material("4711"), material("4712", LVORM="X"))

    active = api.get("/api/materials").json()["materials"]
    every = api.get("/api/materials", params={"include_deleted": "true"}).json()["materials"]

    assert [m["material_number"][-4:] for m in active] == ["4711"]
    assert [(m["material_number"][-4:], m["deleted"]) for m in every] == [
        ("4711", False), ("4712", True)]
    assert api.get("/api/materials/4712").json()["material"]["deleted"] is True


@pytest.mark.parametrize("query", [{"limit": "0"}, {"limit": "1001"}, {"limit": "ten"},
                                   {"include_deleted": "maybe"}, {"after": "X" * 19}])
def test_a_listing_with_a_bad_parameter_is_400(api: httpx.Client, query: dict[str, str]
                                                ) -> None:
    for path in ("/api/materials", "/api/outlets", "/api/provincial-centers"):
        response = api.get(path, params=query)

        assert response.status_code == 400, (path, response.text)
        assert response.json()["error"] == "BAD_REQUEST"


# --- outlets and provincial centers -------------------------------------------------------------

def test_an_outlet_is_read_with_its_provincial_center(api: httpx.Client) -> None:
    receive(api, customer("9100", "ZPC", name="Hubei center"))
    receive(api, customer("9001", "ZOUT", "9100", name="Wuhan outlet", ORT01="Wuhan"))

    response = api.get("/api/outlets/9001")

    assert response.status_code == 200, response.text
    found = response.json()["outlet"]
    assert {key: found[key] for key in ("customer_number", "name", "city", "deleted",
                                        "provincial_center", "provincial_center_pending")} == {
        "customer_number": "0000009001", "name": "Wuhan outlet", "city": "Wuhan",
        "deleted": False, "provincial_center": "0000009100",
        "provincial_center_pending": False}


def test_a_provincial_center_is_read_with_its_outlets(api: httpx.Client) -> None:
    receive(api, customer("9100", "ZPC", name="Hubei center"))
    receive(api, customer("9002", "ZOUT", "9100"), customer("9001", "ZOUT", "9100"))

    response = api.get("/api/provincial-centers/0000009100")

    assert response.status_code == 200, response.text
    found = response.json()["provincial_center"]
    assert (found["customer_number"], found["name"], found["outlets"]) == (
        "0000009100", "Hubei center", ["0000009001", "0000009002"])


def test_an_outlet_whose_center_has_not_arrived_is_listed_as_pending(
        api: httpx.Client) -> None:
    receive(api, customer("9100", "ZPC"))
    receive(api, customer("9001", "ZOUT", "9100"), customer("9002", "ZOUT", "9200"))

    pending = api.get("/api/outlets", params={"center_pending": "true"}).json()["outlets"]
    of_the_missing_center = api.get("/api/outlets", params={
        "provincial_center": "9200"}).json()["outlets"]

    assert [(o["customer_number"], o["provincial_center_pending"]) for o in pending] == [
        ("0000009002", True)]
    assert [o["customer_number"] for o in of_the_missing_center] == ["0000009002"]
    assert api.get("/api/provincial-centers/9200").status_code == 404


def test_outlets_and_centers_are_listed_by_number_a_page_at_a_time(api: httpx.Client) -> None:
    receive(api, customer("9100", "ZPC"), customer("9200", "ZPC"))
    receive(api, *(customer(str(number), "ZOUT", "9100") for number in range(9001, 9006)))

    first = api.get("/api/outlets", params={"limit": "3"}).json()["outlets"]
    rest = api.get("/api/outlets", params={"after": first[-1]["customer_number"]}
                   ).json()["outlets"]
    centers = api.get("/api/provincial-centers", params={"limit": "1", "after": "9100"}
                      ).json()["provincial_centers"]

    assert [o["customer_number"][-4:] for o in first + rest] == [
        "9001", "9002", "9003", "9004", "9005"]
    assert [c["customer_number"] for c in centers] == ["0000009200"]


def test_a_center_is_not_an_outlet_and_an_outlet_is_not_a_center(api: httpx.Client) -> None:
    receive(api, customer("9100", "ZPC"))
    receive(api, customer("9001", "ZOUT", "9100"))

    assert api.get("/api/outlets/9100").status_code == 404
    assert api.get("/api/provincial-centers/9001").status_code == 404


@pytest.mark.parametrize("path", ["/api/outlets/9999", "/api/outlets/12345678901",
                                  "/api/provincial-centers/9999"])
def test_an_unknown_customer_is_404_with_the_api_s_error_shape(
        api: httpx.Client, path: str) -> None:
    response = api.get(path)

    assert response.status_code == 404
    assert response.json()["error"] == "NOT_FOUND"
    assert "does not exist" in response.json()["message"]
