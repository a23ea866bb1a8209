"""Steps of deliveries in the CRM: an application's delivery record (shipped, open), its
sub-deliveries (one per SAP delivery), and the outlets' online inventory.

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from crm_adapter.testing.bdd.driver import CrmDriver
from sap_client.steps.library import rows, then, to_number
from sap_client.steps.world import World


def _record(crm: CrmDriver, world: World, application: str) -> dict[str, Any]:
    record = crm.application_delivery(world.application(application).id)
    assert record is not None, f"the CRM has no delivery of application {application}"
    return record


@then('the delivery of application "{application:Name}" shows:',
      example='the delivery of application "A1" shows:',
      table=[["material", "shipped", "open"], ["Compressor", "4", "6"]])
def delivery_shows(crm: CrmDriver, world: World, application: str,
                   datatable: list[list[str]]) -> None:
    """Shipped and open quantity per material (columns: material, shipped, open)."""
    items = _record(crm, world, application)["items"]
    shown = [{"material": world.material_name(i["material_number"]),
              "shipped": Decimal(i["shipped_quantity"]), "open": Decimal(i["open_quantity"])}
             for i in items]
    expected = [{"material": row["material"], "shipped": to_number(row["shipped"]),
                 "open": to_number(row["open"])} for row in rows(datatable)]
    assert shown == expected


@then('the delivery of application "{application:Name}" shows {shipped:Number} shipped and '
      '{open_quantity:Number} open of "{material:Name}"',
      example='the delivery of application "A1" shows 4 shipped and 6 open of "Compressor"')
def delivery_shows_material(crm: CrmDriver, world: World, application: str, shipped: Decimal,
                            open_quantity: Decimal, material: str) -> None:
    """Shipped and open quantity of one material of the application."""
    number = world.material(material)
    shown = [(Decimal(i["shipped_quantity"]), Decimal(i["open_quantity"]))
             for i in _record(crm, world, application)["items"] if i["material_number"] == number]
    assert shown == [(shipped, open_quantity)], shown


@then('application "{application:Name}" has these sub-deliveries:',
      example='application "A1" has these sub-deliveries:',
      table=[["delivery", "material", "shipped"], ["D1", "Compressor", "4"],
             ["D2", "Compressor", "6"]])
def sub_deliveries_are(crm: CrmDriver, world: World, application: str,
                       datatable: list[list[str]]) -> None:
    """The application's live sub-deliveries (columns: delivery, material, shipped)."""
    subs = _record(crm, world, application).get("sub_deliveries", [])
    shown = sorted((sub["delivery_number"], world.material_name(i["material_number"]),
                    Decimal(i["shipped_quantity"])) for sub in subs for i in sub["items"])
    expected = sorted((world.delivery(row["delivery"]), row["material"],
                       to_number(row["shipped"])) for row in rows(datatable))
    assert shown == expected


@then('application "{application:Name}" has {count:d} sub-deliveries',
      example='application "A1" has 2 sub-deliveries')
@then('application "{application:Name}" has {count:d} sub-delivery',
      example='application "A1" has 1 sub-delivery')
def sub_delivery_count(crm: CrmDriver, world: World, application: str, count: int) -> None:
    """How many live sub-deliveries (SAP deliveries not deleted) the application has."""
    record = crm.application_delivery(world.application(application).id)
    subs = record.get("sub_deliveries", []) if record else []
    assert len(subs) == count, subs


@then('application "{application:Name}" has no sub-deliveries',
      example='application "A1" has no sub-deliveries')
def no_sub_deliveries(crm: CrmDriver, world: World, application: str) -> None:
    """No live sub-delivery: none was made, or SAP deleted them all."""
    sub_delivery_count(crm, world, application, 0)


@then('the online inventory of "{outlet:Name}" has {quantity:Number} "{material:Name}"',
      example='the online inventory of "Wuhan Outlet" has 4 "Compressor"')
def inventory_has(crm: CrmDriver, world: World, outlet: str, quantity: Decimal,
                  material: str) -> None:
    """The outlet's online inventory of a material (goods issued to it, minus repairs)."""
    inventory = crm.inventory(world.outlet(outlet))
    assert inventory.get(world.material(material), Decimal(0)) == quantity, inventory
