"""Steps of master data in the CRM: materials (with the maintenance of their
CRM-only fields), outlets and the provincial centers they belong to.

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from crm_adapter.testing.bdd.driver import CrmDriver
from sap_client.steps.library import given, register_choice, rows, then, to_number
from sap_client.steps.world import World

#: the four prices of a material, as the business names them → the CRM's fields
PRICES = {"standard price": "standard_price", "moving average price": "moving_average_price",
          "outlet purchase price": "outlet_purchase_price", "retail price": "retail_price"}
register_choice("Price", PRICES, "the CRM's price field")


def _material(crm: CrmDriver, world: World, name: str) -> dict[str, Any]:
    found = crm.material(world.material(name))
    assert found is not None, f"the CRM has no material {name} ({world.material(name)})"
    return found


@then('the CRM has the material "{material:Name}" with these prices:',
      example='the CRM has the material "Compressor" with these prices:',
      table=[["outlet purchase price", "retail price"], ["120.00", "199.00"]])
def material_prices(crm: CrmDriver, world: World, material: str,
                    datatable: list[list[str]]) -> None:
    """The material's prices (columns: standard price, moving average price, outlet purchase
    price, retail price; any of them)."""
    found = _material(crm, world, material)
    [expected] = rows(datatable)
    assert {name: found[PRICES[name]] for name in expected} == \
        {name: to_number(value) for name, value in expected.items()}


@then('the CRM has the material "{material:Name}" with a {price:Price} of {amount:Number} CNY',
      example='the CRM has the material "Compressor" with a retail price of 240.00 CNY')
def material_price(crm: CrmDriver, world: World, material: str, price: str,
                   amount: Decimal) -> None:
    """One price of the material."""
    assert _material(crm, world, material)[price] == amount


@then('the CRM has the material "{material:Name}" described as "{text:Name}"',
      example='the CRM has the material "Compressor" described as "Compressor KFR-35"')
def material_description(crm: CrmDriver, world: World, material: str, text: str) -> None:
    """The material's English description."""
    assert _material(crm, world, material)["description_en"] == text


@then('the CRM has the material "{material:Name}" marked as deleted',
      example='the CRM has the material "Compressor" marked as deleted')
def material_deleted(crm: CrmDriver, world: World, material: str) -> None:
    """SAP flagged the material for deletion: the CRM keeps it, marked deleted."""
    assert _material(crm, world, material)["deleted"] is True


@then('"{material:Name}" waits in the CRM for its position number and repair level',
      example='"Compressor" waits in the CRM for its position number and repair level')
def material_waits_for_maintenance(crm: CrmDriver, world: World, material: str) -> None:
    """The material is in the maintenance queue (its CRM-only fields are not set)."""
    assert world.material(material) in crm.maintenance_queue()


@then("no material waits in the CRM for maintenance",
      example="no material waits in the CRM for maintenance")
def maintenance_queue_empty(crm: CrmDriver) -> None:
    """The maintenance queue is empty."""
    assert crm.maintenance_queue() == []


@given('the CRM has maintained "{material:Name}" with position number "{position:Name}" and '
       'repair level {level:d}',
       example='the CRM has maintained "Compressor" with position number "A-01-03" and repair '
               'level 2')
def maintain_material(crm: CrmDriver, world: World, material: str, position: str,
                      level: int) -> None:
    """A CRM user sets the CRM-only fields, which takes the material off the queue."""
    crm.maintain(world.material(material), position, str(level))


@then('the CRM still has position number "{position:Name}" and repair level {level:d} for '
      '"{material:Name}"',
      example='the CRM still has position number "A-01-03" and repair level 2 for '
              '"Compressor"')
def material_keeps_crm_fields(crm: CrmDriver, world: World, position: str, level: int,
                              material: str) -> None:
    """SAP's changes left the CRM-only fields as the CRM maintained them."""
    found = _material(crm, world, material)
    assert (found["position_number"], found["repair_level"]) == (position, str(level))


@then('the CRM has the outlet "{outlet:Name}" of provincial center "{center:Name}"',
      example='the CRM has the outlet "Wuhan Outlet" of provincial center "Hubei Center"')
def outlet_of_center(crm: CrmDriver, world: World, outlet: str, center: str) -> None:
    """The outlet is in the CRM and belongs to the center, which the CRM knows too."""
    found = crm.outlet(world.outlet(outlet))
    assert found is not None, f"the CRM has no outlet {outlet}"
    assert found["provincial_center"] == world.center(center), found
    assert world.outlet(outlet) in crm.outlets_of(world.center(center))


@then('the CRM has the provincial center "{center:Name}" with the outlets:',
      example='the CRM has the provincial center "Hubei Center" with the outlets:',
      table=[["outlet"], ["Wuhan Outlet"], ["Yichang Outlet"]])
def center_outlets(crm: CrmDriver, world: World, center: str,
                   datatable: list[list[str]]) -> None:
    """Exactly these outlets belong to the center (column: outlet)."""
    expected = sorted(world.outlet(row["outlet"]) for row in rows(datatable))
    assert sorted(crm.outlets_of(world.center(center))) == expected


@then('the CRM has the provincial center "{center:Name}" with no outlets',
      example='the CRM has the provincial center "Hubei Center" with no outlets')
def center_without_outlets(crm: CrmDriver, world: World, center: str) -> None:
    """No outlet belongs to the center."""
    assert crm.outlets_of(world.center(center)) == []


@then('the CRM has the provincial center "{center:Name}"',
      example='the CRM has the provincial center "Hubei Center"')
def center_known(crm: CrmDriver, world: World, center: str) -> None:
    """The CRM keeps the customer as a provincial center."""
    assert crm.provincial_center(world.center(center)) is not None


@then('the CRM does not have the outlet "{outlet:Name}"',
      example='the CRM does not have the outlet "Hunan Outlet"')
def outlet_unknown(crm: CrmDriver, world: World, outlet: str) -> None:
    """The CRM has no outlet with that customer's number."""
    assert crm.outlet(world.customer(outlet)) is None


@then('the CRM has the outlet "{outlet:Name}" waiting for its provincial center',
      example='the CRM has the outlet "Wuhan Outlet" waiting for its provincial center')
def outlet_waits_for_center(crm: CrmDriver, world: World, outlet: str) -> None:
    """The outlet names a center the CRM does not know yet: its mapping is pending."""
    assert world.outlet(outlet) in crm.outlets_with_pending_center()


@then("no outlet waits in the CRM for its provincial center",
      example="no outlet waits in the CRM for its provincial center")
def no_outlet_waits(crm: CrmDriver) -> None:
    """Every outlet's provincial center is known to the CRM."""
    assert crm.outlets_with_pending_center() == []
