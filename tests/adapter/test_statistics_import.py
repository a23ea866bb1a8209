"""Sales statistics: SAP's S001 imported month by month into the CRM, and queried.

End to end: orders and a return order are created in the real fake-sap server (which updates
S001 as SAP's statistics update does); the CRM imports through its JSON API, reading S001
with RFC_READ_TABLE.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from crm_driver import CrmDriver, body
from sap_crm import SapCrm


@pytest.fixture
def ordered(sap_crm: SapCrm) -> str:
    """Orders of two outlets and a return; returns their month (YYYY-MM, SAP's date)."""
    crm = sap_crm
    first, second = crm.outlets[:2]
    crm.order("10", reference="S-1", outlet=first, material=crm.materials[0])
    crm.order("5", reference="S-2", outlet=first, material=crm.materials[0])
    crm.order("3", reference="S-3", outlet=second, material=crm.materials[1])
    crm.return_order("2", reference="S-4", outlet=first, material=crm.materials[0])
    [header] = crm.table("VBAK", ["ERDAT"], BSTNK="S-1")
    return f"{header['ERDAT'][:4]}-{header['ERDAT'][4:6]}"


def import_month(crm: SapCrm, month: str) -> dict[str, Any]:
    response = crm.http.post("/api/statistics/import", json={"month": month})
    assert response.status_code == 200, response.text
    return dict(body(response)["import"])


def statistics(crm: SapCrm, query: str = "") -> list[dict[str, Any]]:
    response = crm.http.get(f"/api/statistics{query}")
    assert response.status_code == 200, response.text
    return list(body(response)["statistics"])


def figures(row: dict[str, Any]) -> tuple[str, str, Decimal, Decimal]:
    """(customer, material, incoming orders quantity, returns quantity)."""
    return (row["customer_number"], row["material_number"],
            Decimal(row["incoming_orders_quantity"]), Decimal(row["returns_quantity"]))


def order_value(crm: SapCrm, *references: str) -> Decimal:
    """The net value SAP priced the orders with (VBAK-NETWR)."""
    return sum((Decimal(crm.table("VBAK", ["NETWR"], BSTNK=r)[0]["NETWR"])
                for r in references), Decimal(0))


def test_the_import_brings_the_month_s_orders_and_returns_per_customer_and_material(
        sap_crm: SapCrm, ordered: str) -> None:
    result = import_month(sap_crm, ordered)

    rows = statistics(sap_crm, f"?month={ordered}")
    first, second = sap_crm.outlets[:2]
    assert result["rows"] == 2
    assert sorted(figures(r) for r in rows) == [
        (first, sap_crm.materials[0], Decimal(15), Decimal(2)),
        (second, sap_crm.materials[1], Decimal(3), Decimal(0))]
    row = next(r for r in rows if r["customer_number"] == first)
    assert (row["month"], row["sales_organization"], row["distribution_channel"],
            row["division"], row["currency"]) == (ordered, "1000", "10", "00", "CNY")
    assert Decimal(row["incoming_orders_value"]) == order_value(sap_crm, "S-1", "S-2")
    assert Decimal(row["returns_value"]) == order_value(sap_crm, "S-4")


def test_importing_a_month_again_replaces_it(sap_crm: SapCrm, ordered: str) -> None:
    import_month(sap_crm, ordered)
    second = sap_crm.outlets[1]
    sap_crm.order("4", reference="S-5", outlet=second, material=sap_crm.materials[1])

    result = import_month(sap_crm, ordered)

    assert (result["replaced"], result["rows"]) == (2, 2)
    [row] = statistics(sap_crm, f"?customer={second.lstrip('0')}")
    assert Decimal(row["incoming_orders_quantity"]) == 7


def test_statistics_are_queried_by_material(sap_crm: SapCrm, ordered: str) -> None:
    import_month(sap_crm, ordered)

    rows = statistics(sap_crm, f"?material={sap_crm.materials[1].lstrip('0')}")

    assert [r["customer_number"] for r in rows] == [sap_crm.outlets[1]]


def test_a_month_without_figures_imports_nothing(sap_crm: SapCrm, ordered: str) -> None:
    result = import_month(sap_crm, "2001-01")

    assert (result["rows"], statistics(sap_crm, "?month=2001-01")) == (0, [])


def test_the_imported_months_are_listed(sap_crm: SapCrm, ordered: str) -> None:
    import_month(sap_crm, ordered)

    months = body(sap_crm.http.get("/api/statistics/months"))["months"]

    assert [(m["month"], m["rows"]) for m in months] == [(ordered, 2)]


@pytest.mark.parametrize("month", ["2026-13", "202611", "last month"])
def test_a_malformed_month_is_refused_before_sap_is_asked(crm: CrmDriver, month: str) -> None:
    response = crm.http.post("/api/statistics/import", json={"month": month})

    assert response.status_code == 422
    assert body(response)["message"] == f"month must be given as YYYY-MM, not {month!r}"
