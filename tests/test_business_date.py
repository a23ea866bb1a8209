"""A client's business date (``/_fake/clients/NNN/date``): "today" for that client only.

SY-DATUM of its BAPIs, the creation date of the IDocs it receives and their status records
follow the date a test sets; other clients stay on the system date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from idoc_builders import material, packet, summary
from rfc_client import RfcSession

from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import FakeSapProcess, SapClient

NEW_YEARS_EVE = "2024-12-31"


@pytest.fixture
def control(sap: SapClient) -> Iterator[httpx.Client]:
    with sap.http() as http:
        yield http


def set_date(control: httpx.Client, sap: SapClient, value: str) -> httpx.Response:
    return control.put(f"/_fake/clients/{sap.number}/date", json={"date": value})


def business_date(control: httpx.Client, sap: SapClient) -> dict[str, Any]:
    response = control.get(f"/_fake/clients/{sap.number}/date")
    response.raise_for_status()
    return dict(response.json())


def system_date() -> str:
    return datetime.now(UTC).date().isoformat()


def sy_datum(sap: SapClient) -> str:
    """SY-DATUM as a function module sees it (STFC_CONNECTION's RESPTEXT names it)."""
    rfc = RfcSession(sap)
    try:
        text = rfc.call("STFC_CONNECTION", REQUTEXT="date?")["RESPTEXT"]
    finally:
        rfc.close()
    return str(text.split("Date: ")[1][:8])


def test_a_client_is_on_the_system_date_until_told_otherwise(control, sap):
    shown = business_date(control, sap)

    assert shown["date"] == shown["system_date"] == system_date()
    assert shown["offset_days"] == 0


def test_the_date_set_for_a_client_is_its_today(control, sap):
    response = set_date(control, sap, NEW_YEARS_EVE)

    assert response.status_code == 200
    assert business_date(control, sap)["date"] == NEW_YEARS_EVE


def test_a_function_module_sees_the_business_date_as_sy_datum(control, sap):
    set_date(control, sap, NEW_YEARS_EVE)

    assert sy_datum(sap) == "20241231"


def test_an_idoc_received_on_a_business_date_is_created_on_it(control, sap):
    set_date(control, sap, NEW_YEARS_EVE)

    docnum = summary(sap.post_idocs(packet(MATMAS05, [material("4711")])))["first"]

    idoc = sap.idoc(docnum)
    assert idoc["credat"] == "20241231"
    assert {record["date"] for record in idoc["status_records"]} == {"20241231"}


def test_another_client_stays_on_the_system_date(control, sap, sap_server: FakeSapProcess):
    other = sap_server.new_client()

    set_date(control, sap, NEW_YEARS_EVE)

    assert sy_datum(other) == datetime.now(UTC).strftime("%Y%m%d")


def test_deleting_the_business_date_returns_the_client_to_the_system_date(control, sap):
    set_date(control, sap, NEW_YEARS_EVE)

    response = control.delete(f"/_fake/clients/{sap.number}/date")

    assert response.json()["date"] == system_date()
    assert sy_datum(sap) == datetime.now(UTC).strftime("%Y%m%d")


def test_a_client_reset_returns_it_to_the_system_date(control, sap):
    set_date(control, sap, NEW_YEARS_EVE)

    control.post(f"/_fake/clients/{sap.number}/reset").raise_for_status()

    assert business_date(control, sap)["date"] == system_date()


@pytest.mark.parametrize("value", ["2024-02-30", "31.12.2024", "1899-12-31", "3000-01-01",
                                   "", 20241231])
def test_a_date_that_is_no_business_date_is_refused(control, sap, value):
    response = set_date(control, sap, value)

    assert response.status_code == 400
    assert business_date(control, sap)["offset_days"] == 0
