"""Query parameters and fields the adapter's JSON API reads as its OpenAPI document declares
them: what a random schemathesis campaign from outside found, one case each."""

from __future__ import annotations

import pytest
from crm_driver import CrmDriver

LISTINGS = ["/api/inbox", "/api/applications", "/api/deliveries", "/api/returns"]


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("limit", ["²", "٣", "", " 5", "1_0", "9" * 5000])
def test_a_limit_that_is_no_ascii_whole_number_is_refused_with_400(
        crm: CrmDriver, path: str, limit: str) -> None:
    response = crm.http.get(path, query_string={"limit": limit})

    assert response.status_code == 400


@pytest.mark.parametrize("path", LISTINGS)
def test_a_limit_in_ascii_digits_is_taken(crm: CrmDriver, path: str) -> None:
    assert crm.http.get(path, query_string={"limit": "007"}).status_code == 200


def test_an_application_id_filter_above_100000_is_a_valid_id(crm: CrmDriver) -> None:
    response = crm.http.get("/api/deliveries", query_string={"application_id": 25630598765})

    assert response.status_code == 200
    assert response.json["deliveries"] == []


def test_a_statistics_offset_beyond_the_rows_finds_nothing(crm: CrmDriver) -> None:
    response = crm.http.get("/api/statistics", query_string={"offset": 6652481852})

    assert response.status_code == 200
    assert response.json["statistics"] == []


@pytest.mark.parametrize("month", ["0000-00", "2024-13", "1899-12", "٢٠٢٤-٠١", "2024-01\n"])
def test_a_month_the_document_rules_out_is_refused(crm: CrmDriver, month: str) -> None:
    response = crm.http.get("/api/repairs", query_string={"month": month})

    assert response.status_code in (400, 422)


def test_a_return_s_application_id_may_be_written_as_a_whole_float(crm: CrmDriver) -> None:
    as_float = crm.http.post("/api/returns", json={
        "outlet": "0001000001", "application_id": 5.0,
        "items": [{"material": "M-1", "quantity": "1"}]})
    fractional = crm.http.post("/api/returns", json={
        "outlet": "0001000001", "application_id": 5.5,
        "items": [{"material": "M-1", "quantity": "1"}]})

    # 5.0 is the integer 5 (an unknown outlet is a business rule's refusal), 5.5 is none
    assert as_float.status_code != 400
    assert fractional.status_code == 400
