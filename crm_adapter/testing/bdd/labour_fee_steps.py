"""Steps of labour fees: repairs, their fees, and the monthly settlement with the provincial
centers.

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions). Settling performs the CRM's
calls to SAP at once (the FI postings, through the outbox worker).
"""

from __future__ import annotations

from datetime import date

from crm_adapter.testing.bdd.driver import CrmDriver, CrmRefused
from sap_client.steps.library import given, rows, then, to_date, to_number, when
from sap_client.steps.world import World


@given("the labour fee of each repair level is:",
       example="the labour fee of each repair level is:",
       table=[["repair level", "fee"], ["1", "30.00"], ["2", "50.00"]])
def labour_fees_are(crm: CrmDriver, datatable: list[list[str]]) -> None:
    """The fee rules (columns: repair level, fee)."""
    for row in rows(datatable):
        crm.set_labour_fee(row["repair level"], to_number(row["fee"]))


@given("these repairs were done:", example="these repairs were done:",
       table=[["outlet", "date", "repair method"],
              ["Wuhan Outlet", "2025-10-03", "inspection"],
              ["Wuhan Outlet", "2025-10-15", "part replacement"]])
def repairs_were_done(crm: CrmDriver, world: World, datatable: list[list[str]]) -> None:
    """Repair orders recorded in the CRM (columns: outlet, date, repair method; the methods:
    inspection, adjustment, part replacement, component repair, overhaul)."""
    for row in rows(datatable):
        crm.record_repair(world.outlet(row["outlet"]), to_date(row["date"]),
                          row["repair method"].replace(" ", "_"))


@given("the CRM has settled the labour fees", example="the CRM has settled the labour fees")
@when("the CRM settles the labour fees", example="the CRM settles the labour fees")
def settle_labour_fees(crm: CrmDriver) -> None:
    """The monthly settlement run of the business date (the 10th: the previous month), with
    its FI postings in SAP."""
    crm.run_settlement()
    crm.perform_sap_calls()


@when("the CRM tries to settle the labour fees",
      example="the CRM tries to settle the labour fees")
def try_to_settle_labour_fees(crm: CrmDriver, world: World) -> None:
    """Like settling, but the CRM may refuse (see "the CRM refuses")."""
    world.attempt("CRM", lambda: settle_labour_fees(crm), (CrmRefused,))


@when("the CRM checks SAP's clearing of its settlements",
      example="the CRM checks SAP's clearing of its settlements")
def reconcile_settlements(crm: CrmDriver) -> None:
    """The CRM asks SAP which posted settlements its finance has cleared."""
    crm.reconcile_settlements()


@then("the labour-fee settlements of {month:Month} are:",
      example="the labour-fee settlements of October 2025 are:",
      table=[["provincial center", "total", "status"], ["Hubei Center", "160.00", "posted"]])
def settlements_are(crm: CrmDriver, world: World, month: str,
                    datatable: list[list[str]]) -> None:
    """The month's settlements (columns: provincial center, total, status)."""
    shown = sorted((s["provincial_center"], to_number(s["total"]), s["status"])
                   for s in crm.settlements(month=month))
    expected = sorted((world.center(row["provincial center"]), to_number(row["total"]),
                       row["status"]) for row in rows(datatable))
    assert shown == expected


@then("there are no labour-fee settlements", example="there are no labour-fee settlements")
def no_settlements(crm: CrmDriver) -> None:
    """No settlement was made."""
    assert crm.settlements() == []


@then('the repair of "{outlet:Name}" on {day:Date} is not settled yet',
      example='the repair of "Wuhan Outlet" on 2025-11-01 is not settled yet')
def repair_not_settled(crm: CrmDriver, world: World, outlet: str, day: date) -> None:
    """The outlet's repair of that day waits for a later settlement."""
    found = [r for r in crm.repairs(outlet=world.outlet(outlet))
             if r["repair_date"] == day.isoformat()]
    assert found and all(r["settlement_id"] is None for r in found), found
