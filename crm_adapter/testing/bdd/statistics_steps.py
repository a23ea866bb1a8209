"""Steps of sales statistics: the figures the CRM imports from SAP (S001).

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions).
"""

from __future__ import annotations

from crm_adapter.testing.bdd.driver import CrmDriver
from sap_client.steps.library import given, rows, then, to_number, when
from sap_client.steps.world import World

#: table columns → the CRM's figures
FIGURES = {"incoming orders quantity": "incoming_orders_quantity",
           "incoming orders value": "incoming_orders_value",
           "sales quantity": "sales_quantity", "sales value": "sales_value",
           "returns quantity": "returns_quantity", "returns value": "returns_value"}


@given("the CRM has imported the sales statistics of {month:Month}",
       example="the CRM has imported the sales statistics of October 2025")
@when("the CRM imports the sales statistics of {month:Month}",
      example="the CRM imports the sales statistics of October 2025")
def import_statistics(crm: CrmDriver, month: str) -> None:
    """The CRM reads the month's figures from SAP and replaces its copy of the month."""
    crm.import_statistics(month)


@then("the sales statistics of {month:Month} in the CRM are:",
      example="the sales statistics of October 2025 in the CRM are:",
      table=[["customer", "material", "incoming orders quantity", "returns quantity"],
             ["Wuhan Outlet", "Compressor", "10", "3"]])
def statistics_are(crm: CrmDriver, world: World, month: str,
                   datatable: list[list[str]]) -> None:
    """One row per customer and material (columns: customer, material, and any of incoming
    orders quantity / value, sales quantity / value, returns quantity / value)."""
    expected = rows(datatable)
    figures = [name for name in expected[0] if name in FIGURES]
    shown = sorted((row["customer_number"], row["material_number"],
                    *(to_number(row[FIGURES[name]]) for name in figures))
                   for row in crm.statistics(month=month))
    wanted = sorted((world.customer(row["customer"]), world.material(row["material"]),
                     *(to_number(row[name]) for name in figures)) for row in expected)
    assert shown == wanted


@then("the CRM has no sales statistics of {month:Month}",
      example="the CRM has no sales statistics of September 2025")
def no_statistics(crm: CrmDriver, month: str) -> None:
    """Nothing of the month in the CRM."""
    assert crm.statistics(month=month) == []
