"""Parameters and fields the control API reads as its OpenAPI document declares them: what a
random schemathesis campaign from outside found, one case each."""

from __future__ import annotations

from typing import Any

import pytest

from fake_sap.testing.process import SapClient


def _idocs(sap: SapClient, params: Any) -> Any:
    with sap.http() as http:
        return http.get(f"/_fake/clients/{sap.number}/idocs", params=params)


def test_an_offset_above_a_billion_is_valid_and_finds_nothing(sap: SapClient) -> None:
    response = _idocs(sap, {"offset": str(10**12)})

    assert response.status_code == 200
    assert response.json()["idocs"] == []
    assert response.json()["offset"] == 10**12


@pytest.mark.parametrize("params", [
    {"to": ""}, {"from": "2024-05-01"}, {"from": "2024-05-01T08:00:00"},
    {"to": "0001-01-01T00:00:00+01:00"}, {"direction": ""}, {"limit": "²"},
    {"offset": "1_000"}, [("offset", "1"), ("offset", "2")],
], ids=["empty to", "a date", "no zone", "before year 1 in UTC", "empty direction",
        "superscript", "underscore", "offset twice"])
def test_a_parameter_the_document_rules_out_is_refused(sap: SapClient, params: Any) -> None:
    assert _idocs(sap, params).status_code == 400


def test_an_rfc_3339_time_in_lower_case_is_taken(sap: SapClient) -> None:
    assert _idocs(sap, {"from": "2024-05-01t08:00:00z"}).status_code == 200


@pytest.mark.parametrize("port", [{}, {"url": None}, {"url": "https://\u00cf"},
                                  {"url": "http://host/%zz"}, {"user": "x"}])
def test_a_partner_port_without_a_valid_url_is_refused(sap: SapClient,
                                                        port: dict[str, Any]) -> None:
    with sap.http() as http:
        response = http.put(f"/_fake/clients/{sap.number}/partners/CRM", json={"port": port})

    assert response.status_code == 400


def test_whole_numbers_may_be_written_as_whole_floats(sap: SapClient) -> None:
    with sap.http() as http:
        partner = http.put(f"/_fake/clients/{sap.number}/partners/CRM",
                           json={"pack_size": 107.0, "parallel_packets": 2.0})
        fractional = http.put(f"/_fake/clients/{sap.number}/partners/CRM",
                              json={"pack_size": 1.5})

    assert partner.status_code == 200
    assert (partner.json()["pack_size"], partner.json()["parallel_packets"]) == (107, 2)
    assert fractional.status_code == 400


@pytest.mark.parametrize("stock", ["²", "1e3", True, 1.5])
def test_an_initial_stock_that_is_no_whole_quantity_is_refused(sap: SapClient,
                                                               stock: Any) -> None:
    with sap.http() as http:
        response = http.post(f"/_fake/clients/{sap.number}/seed",
                             json={"materials": 0, "customers": 0, "initial_stock": stock})

    assert response.status_code == 400


@pytest.mark.unit
def test_only_sendable_message_types_are_in_the_document() -> None:
    from fake_sap.compose import openapi_document

    operation = openapi_document()["paths"]["/_fake/clients/{mandt}/ale/send-master-data"]
    schema = operation["post"]["requestBody"]["content"]["application/json"]["schema"]

    assert schema["properties"]["message_type"]["enum"] == ["DEBMAS", "MATMAS"]
