"""Repair labour fees: a repair order's level follows its method and the materials used, its
fee the configurable fee rules; the materials leave the outlet's online inventory.

In-process: the adapter's JSON API through Flask's test client, master data put into its
store as DEBMAS and MATMAS would have.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from crm_driver import CrmDriver, body
from sqlalchemy import insert

from crm_adapter.config import AdapterSettings
from crm_adapter.domain.labour_fees import (
    InvalidRepair,
    MaterialUse,
    month_to_settle,
    repair_level,
    settlement_number,
)
from crm_adapter.domain.master_data import (
    CustomerKind,
    MaintenanceUpdate,
    SapCustomer,
    SapMaterial,
)
from crm_adapter.http.app import create_app
from crm_adapter.store import master_data
from crm_adapter.store.schema import outlet_inventory

CENTER, OUTLET = "0000900001", "0001000001"
#: material → its CRM repair level (None: not maintained yet)
MATERIALS = {"000000000010000001": "1", "000000000010000002": "3",
             "000000000010000003": None}
SIMPLE, DEMANDING, UNMAINTAINED = MATERIALS
FEES = {"1": "50.00", "2": "80.00", "3": "120.00", "4": "200.00"}


@pytest.fixture
def fees(crm: CrmDriver) -> CrmDriver:
    """The CRM with a center, an outlet with 10 of each material, the fee rules and the
    business date 2026-10-31."""
    with crm.db.write() as conn:
        master_data.upsert_customer(conn, SapCustomer(CENTER, CustomerKind.PROVINCIAL_CENTER,
                                                      "Hubei center", "Wuhan", "", False, None))
        master_data.upsert_customer(conn, SapCustomer(OUTLET, CustomerKind.OUTLET, "Outlet",
                                                      "Wuhan", "", False, CENTER))
        for number, level in MATERIALS.items():
            master_data.create_material(conn, SapMaterial(number, number, "", "ERSA", "",
                                                          "ST", None, False))
            if level is not None:
                master_data.maintain_material(conn, number, MaintenanceUpdate("A-1", level))
            conn.execute(insert(outlet_inventory).values(
                outlet=OUTLET, material_number=number, quantity=Decimal(10),
                updated_at=datetime.now(UTC)))
    for level, fee in FEES.items():
        assert crm.http.put(f"/api/labour-fee-rules/{level}", json={"fee": fee}).status_code \
            == 200
    assert crm.http.put("/api/clock", json={"today": "2026-10-31"}).status_code == 200
    return crm


def repair(crm: CrmDriver, method: str = "inspection", materials: dict[str, Any] | None = None,
           day: str = "2026-10-15", **extra: Any) -> Any:
    return crm.http.post("/api/repairs", json={
        "outlet": OUTLET, "repair_date": day, "repair_method": method,
        "materials": [{"material": m, "quantity": q} for m, q in (materials or {}).items()],
        **extra})


def recorded(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    return dict(body(response)["repair"])


def inventory(crm: CrmDriver) -> dict[str, Decimal]:
    response = crm.http.get(f"/api/outlets/{OUTLET}/inventory")
    return {line["material_number"]: Decimal(line["quantity"])
            for line in body(response)["inventory"]}


# --- level and fee ----------------------------------------------------------------------------

def test_a_repair_without_materials_has_its_method_s_level_and_fee(fees: CrmDriver) -> None:
    created = recorded(repair(fees, "part_replacement"))

    assert (created["repair_level"], created["fee"]) == ("2", "80.00")
    assert created["crm_reference"] == f"RO{created['id']:010d}"


def test_a_demanding_material_raises_the_level_of_a_simple_method(fees: CrmDriver) -> None:
    created = recorded(repair(fees, "adjustment", {SIMPLE: 1, DEMANDING: 1}))

    assert (created["repair_level"], created["fee"]) == ("3", "120.00")


def test_a_demanding_method_keeps_its_level_with_simple_materials(fees: CrmDriver) -> None:
    created = recorded(repair(fees, "overhaul", {SIMPLE: 2}))

    assert (created["repair_level"], created["fee"]) == ("4", "200.00")


def test_the_fee_is_the_rule_of_the_day_the_repair_was_recorded(fees: CrmDriver) -> None:
    before = recorded(repair(fees, "inspection"))

    fees.http.put("/api/labour-fee-rules/1", json={"fee": "55.50"})
    after = recorded(repair(fees, "inspection"))

    assert (before["fee"], after["fee"]) == ("50.00", "55.50")
    assert body(fees.http.get(f"/api/repairs/{before['id']}"))["repair"]["fee"] == "50.00"


def test_a_material_without_a_repair_level_refuses_the_repair(fees: CrmDriver) -> None:
    response = repair(fees, "inspection", {UNMAINTAINED: 1})

    assert (response.status_code, body(response)["message"]) == (
        422, f"material {UNMAINTAINED} has no repair level yet; maintain it first "
             "(materials maintenance)")


def test_an_unknown_repair_method_is_refused(fees: CrmDriver) -> None:
    response = repair(fees, "rewiring")

    assert response.status_code == 422
    assert body(response)["message"].startswith("repair method 'rewiring' is unknown")


def test_a_level_without_a_fee_rule_is_refused(fees: CrmDriver) -> None:
    assert fees.http.delete("/api/labour-fee-rules/4").status_code == 204

    response = repair(fees, "overhaul")

    assert (response.status_code, body(response)["message"]) == (
        422, "there is no labour fee rule for repair level 4")


def test_a_repair_dated_after_the_business_date_is_refused(fees: CrmDriver) -> None:
    response = repair(fees, day="2026-11-01")

    assert response.status_code == 422
    assert "after today (2026-10-31)" in body(response)["message"]


# --- the inventory ----------------------------------------------------------------------------

def test_the_materials_used_leave_the_outlet_s_inventory(fees: CrmDriver) -> None:
    recorded(repair(fees, "part_replacement", {SIMPLE: 2, DEMANDING: "1.5"}))

    assert inventory(fees) == {SIMPLE: Decimal(8), DEMANDING: Decimal("8.5"),
                               UNMAINTAINED: Decimal(10)}


def test_a_repair_using_more_than_the_outlet_has_is_refused_and_takes_nothing(
        fees: CrmDriver) -> None:
    response = repair(fees, "part_replacement", {SIMPLE: 2, DEMANDING: 11})

    assert response.status_code == 422
    assert "has 10 of material 000000000010000002" in body(response)["message"]
    assert inventory(fees)[SIMPLE] == Decimal(10)
    assert body(fees.http.get("/api/repairs"))["repairs"] == []


# --- the fee rules API ------------------------------------------------------------------------

def test_the_fee_rules_are_listed_by_level(fees: CrmDriver) -> None:
    rules = body(fees.http.get("/api/labour-fee-rules"))["rules"]

    assert [(r["repair_level"], r["fee"], r["currency"]) for r in rules] == [
        (level, fee, "CNY") for level, fee in FEES.items()]


@pytest.mark.parametrize(("level", "fee"), [("0", "10"), ("x", "10"), ("2", "-1"),
                                            ("2", "1.005"), ("2", "ten")])
def test_an_invalid_fee_rule_is_refused(fees: CrmDriver, level: str, fee: str) -> None:
    assert fees.http.put(f"/api/labour-fee-rules/{level}", json={"fee": fee}).status_code \
        == 422


def test_the_repair_methods_are_listed_with_their_base_levels(fees: CrmDriver) -> None:
    methods = body(fees.http.get("/api/repair-methods"))["methods"]

    assert {"method": "overhaul", "base_level": "4"} in methods


def test_repairs_are_listed_by_month_and_settlement(fees: CrmDriver) -> None:
    october = recorded(repair(fees, day="2026-10-02"))
    fees.http.put("/api/clock", json={"today": "2026-11-03"})
    recorded(repair(fees, day="2026-11-01"))

    listed = body(fees.http.get("/api/repairs?month=2026-10&settled=false"))["repairs"]

    assert [r["id"] for r in listed] == [october["id"]]


# --- the rules themselves -----------------------------------------------------------------------

def test_the_level_is_the_highest_of_method_and_materials() -> None:
    assert repair_level("inspection", [MaterialUse("M1", Decimal(1), "2"),
                                       MaterialUse("M2", Decimal(1), "3")]) == "3"
    assert repair_level("component_repair", [MaterialUse("M1", Decimal(1), "1")]) == "3"
    with pytest.raises(InvalidRepair):
        repair_level("inspection", [MaterialUse("M1", Decimal(1), "high")])


@pytest.mark.parametrize(("today", "month", "forced", "settles"), [
    (date(2026, 11, 10), None, False, "2026-10"),
    (date(2026, 1, 10), None, False, "2025-12"),
    (date(2026, 11, 12), None, True, "2026-10"),
    (date(2026, 11, 12), "2026-09", False, "2026-09"),
])
def test_the_month_a_settlement_run_settles(today: date, month: str | None, forced: bool,
                                            settles: str) -> None:
    assert month_to_settle(today, month, forced=forced) == settles


def test_the_settlement_number_fits_sap_s_reference_field() -> None:
    assert settlement_number("0000900001", "2026-10") == "LF26100000900001"
    assert len(settlement_number("0000900001", "2026-10")) == 16


# --- the business date ----------------------------------------------------------------------------

def test_the_business_date_comes_from_the_settings_until_set_by_hand(
        crm_settings: AdapterSettings) -> None:
    app = create_app(replace(crm_settings, today="2026-11-10"))
    http = app.test_client()
    try:
        assert body(http.get("/api/clock")) == {"today": "2026-11-10", "source": "settings"}
        assert body(http.put("/api/clock", json={"today": "2026-12-10"})) == {
            "today": "2026-12-10", "source": "set"}
        assert body(http.delete("/api/clock")) == {"today": "2026-11-10", "source": "settings"}
    finally:
        app.extensions["crm_adapter"].db.dispose()


def test_a_business_date_that_is_not_a_date_is_refused(crm: CrmDriver) -> None:
    response = crm.http.put("/api/clock", json={"today": "10.11.2026"})

    assert response.status_code == 422
    assert body(crm.http.get("/api/clock"))["source"] == "calendar"
