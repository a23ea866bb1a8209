"""Steps of master data in SAP: materials and customers (provincial centers, outlets) that
the master-data system creates and changes in SAP, which SAP distributes to the CRM.

Layer: ``fake_sap.testing`` (a pytest plugin with step definitions). What SAP distributes
reaches the CRM before the next step runs (see
:func:`fake_sap.testing.bdd.fixtures.pytest_bdd_before_step`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from fake_sap.testing.bdd.driver import IN_ERROR, POSTED, SapDriver
from fake_sap.testing.bdd.master_data import CustomerRecord, MaterialRecord
from sap_client.steps.library import given, pairs, rows, then, to_number, when
from sap_client.steps.world import World

#: the fields of a material the steps can set, as the business names them
MATERIAL_FIELDS = {"description": "description", "chinese description": "description_zh",
                   "standard price": "standard_price",
                   "moving average price": "moving_average_price",
                   "outlet purchase price": "outlet_purchase_price",
                   "retail price": "retail_price"}
PRICE_FIELDS = {name for name in MATERIAL_FIELDS if name.endswith("price")}


def _material_values(given_values: dict[str, str]) -> dict[str, object]:
    unknown = set(given_values) - set(MATERIAL_FIELDS)
    assert not unknown, f"unknown material fields {sorted(unknown)}; known: " \
                        f"{', '.join(MATERIAL_FIELDS)}"
    return {MATERIAL_FIELDS[name]: to_number(value) if name in PRICE_FIELDS else value
            for name, value in given_values.items()}


def _change_customer(sap: SapDriver, number: str, **changes: object) -> None:
    sap.maintain(replace(sap.customers[number], **changes))  # type: ignore[arg-type]


# --- materials -------------------------------------------------------------------------------

@given('SAP has the material "{material:Name}" with an outlet purchase price of '
       '{price:Number} CNY',
       example='SAP has the material "Compressor" with an outlet purchase price of 120.00 CNY')
def sap_has_material(sap: SapDriver, world: World, material: str, price: Decimal) -> None:
    """A spare part in SAP (and so in the CRM); its other prices follow from this one."""
    sap.maintain(MaterialRecord(world.add_material(material), material,
                                outlet_purchase_price=price))


@given('SAP has the material "{material:Name}" described as "{description:Name}"',
       example='SAP has the material "Compressor" described as "Compressor KFR-35"')
def sap_has_described_material(sap: SapDriver, world: World, material: str,
                               description: str) -> None:
    """A spare part in SAP (and so in the CRM) with this English description."""
    sap.maintain(MaterialRecord(world.add_material(material), description))


@when('SAP creates the material "{material:Name}" with these prices:',
      example='SAP creates the material "Compressor" with these prices:',
      table=[["standard price", "moving average price", "outlet purchase price",
              "retail price"], ["80.00", "82.50", "120.00", "199.00"]])
def sap_creates_material(sap: SapDriver, world: World, material: str,
                         datatable: list[list[str]]) -> None:
    """A new material with its prices (columns: standard price, moving average price,
    outlet purchase price, retail price)."""
    [values] = rows(datatable)
    sap.maintain(MaterialRecord(world.add_material(material), material,
                                **_material_values(values)))  # type: ignore[arg-type]


@when('SAP changes the material "{material:Name}":',
      example='SAP changes the material "Compressor":',
      table=[["description", "Compressor KFR-35 stainless"], ["retail price", "240.00"]])
def sap_changes_material(sap: SapDriver, world: World, material: str,
                         datatable: list[list[str]]) -> None:
    """Change fields of the material (rows: field | value; fields: description, chinese
    description, standard price, moving average price, outlet purchase price, retail
    price)."""
    record = sap.materials[world.material(material)]
    sap.maintain(replace(record, **_material_values(pairs(datatable))))  # type: ignore[arg-type]


@when('SAP flags the material "{material:Name}" for deletion',
      example='SAP flags the material "Compressor" for deletion')
def sap_deletes_material(sap: SapDriver, world: World, material: str) -> None:
    """The material gets SAP's deletion flag (MARA-LVORM)."""
    sap.maintain(replace(sap.materials[world.material(material)], deleted=True))


@given('the central warehouse has {quantity:Number} "{material:Name}"',
       example='the central warehouse has 100 "Compressor"')
def central_stock(sap: SapDriver, world: World, quantity: Decimal, material: str) -> None:
    """Unrestricted stock of the material in the central warehouse (plant 1000)."""
    sap.put_stock(world.material(material), quantity)


# --- provincial centers and outlets ----------------------------------------------------------

@given('SAP has the provincial center "{center:Name}"',
       example='SAP has the provincial center "Hubei Center"')
@when('SAP creates the provincial center "{center:Name}"',
      example='SAP creates the provincial center "Hunan Center"')
def sap_has_center(sap: SapDriver, world: World, center: str) -> None:
    """A provincial center in SAP (account group ZPC), and so in the CRM."""
    sap.maintain(CustomerRecord(world.add_center(center), center))


@given('SAP has the provincial center "{center:Name}" from before the CRM was connected',
       example='SAP has the provincial center "Hubei Center" from before the CRM was '
               'connected')
def sap_has_center_unknown_to_crm(sap: SapDriver, world: World, center: str) -> None:
    """A provincial center SAP never sent the CRM (created before the interface ran)."""
    sap.disconnect_crm()
    sap.maintain(CustomerRecord(world.add_center(center), center))
    sap.reconnect_crm()


@given('SAP has the outlet "{outlet:Name}" of "{center:Name}"',
       example='SAP has the outlet "Wuhan Outlet" of "Hubei Center"')
@when('SAP creates the outlet "{outlet:Name}" of "{center:Name}"',
      example='SAP creates the outlet "Wuhan Outlet" of "Hubei Center"')
def sap_has_outlet(sap: SapDriver, world: World, outlet: str, center: str) -> None:
    """An outlet in SAP (account group ZOUT, partner ZP = its center), and so in the CRM;
    credit limit 50,000.00 CNY."""
    sap.maintain(CustomerRecord(world.add_outlet(outlet), outlet, center=world.center(center)))


@given('SAP has the outlet "{outlet:Name}" of "{center:Name}" with a credit limit of '
       '{limit:Number} CNY',
       example='SAP has the outlet "Wuhan Outlet" of "Hubei Center" with a credit limit of '
               '5000.00 CNY')
def sap_has_outlet_with_limit(sap: SapDriver, world: World, outlet: str, center: str,
                              limit: Decimal) -> None:
    """An outlet with this credit limit (KNKK-KLIMK): its quota for applications."""
    sap.maintain(CustomerRecord(world.add_outlet(outlet), outlet, center=world.center(center),
                                credit_limit=limit))


@when('SAP moves the outlet "{outlet:Name}" to "{center:Name}"',
      example='SAP moves the outlet "Yueyang Outlet" to "Hunan Center"')
def sap_moves_outlet(sap: SapDriver, world: World, outlet: str, center: str) -> None:
    """The outlet's ZP partner becomes another provincial center."""
    _change_customer(sap, world.outlet(outlet), center=world.center(center))


@when('SAP changes the name of the provincial center "{center:Name}" to "{name:Name}"',
      example='SAP changes the name of the provincial center "Hubei Center" to "Hubei Service '
              'Center"')
def sap_renames_center(sap: SapDriver, world: World, center: str, name: str) -> None:
    """A change of the center's name (KNA1-NAME1); the scenario keeps calling it by its
    old name."""
    _change_customer(sap, world.center(center), name=name)


@when('SAP turns the provincial center "{center:Name}" into an outlet of "{other:Name}"',
      example='SAP turns the provincial center "Hubei Center" into an outlet of "Hunan Center"')
def sap_turns_center_into_outlet(sap: SapDriver, world: World, center: str,
                                 other: str) -> None:
    """A master-data mistake: the center gets account group ZOUT and a center of its own."""
    _change_customer(sap, world.center(center), center=world.center(other))


@given('SAP\'s credit management blocks "{outlet:Name}"',
       example='SAP\'s credit management blocks "Wuhan Outlet"')
def sap_blocks_credit(sap: SapDriver, world: World, outlet: str) -> None:
    """The outlet is blocked by credit management (KNKK-CRBLB): SAP saves its orders
    blocked for delivery."""
    _change_customer(sap, world.outlet(outlet), credit_blocked=True)


@given('SAP delivers orders of "{outlet:Name}" in one delivery only',
       example='SAP delivers orders of "Wuhan Outlet" in one delivery only')
def sap_one_delivery_only(sap: SapDriver, world: World, outlet: str) -> None:
    """Partial delivery agreement A (KNVV-KZTLF): what the first delivery leaves open is
    closed."""
    _change_customer(sap, world.outlet(outlet), one_delivery_only=True)


# --- IDocs in error --------------------------------------------------------------------------

@when('the master-data system sends SAP the outlet "{outlet:Name}" of the provincial center '
      '"{center:Name}"',
      example='the master-data system sends SAP the outlet "Hunan Outlet" of the provincial '
              'center "Hunan Center"')
def master_data_system_sends_outlet(sap: SapDriver, world: World, outlet: str,
                                    center: str) -> None:
    """An outlet's IDoc reaches SAP, whatever SAP makes of it (the center may be missing)."""
    record = CustomerRecord(world.add_outlet(outlet), outlet, center=world.add_center(center))
    world.notes[f"idoc of {outlet}"] = sap.post_master_data(record).docnum


@then('SAP keeps the outlet "{outlet:Name}" in error: "{text:Name}"',
      example='SAP keeps the outlet "Hunan Outlet" in error: "does not exist"')
def sap_keeps_outlet_in_error(sap: SapDriver, world: World, outlet: str, text: str) -> None:
    """The outlet's IDoc is in status 51 (application document not posted) with SAP's
    message."""
    outcome = sap.inbound_idoc(world.notes[f"idoc of {outlet}"])
    assert outcome.status == IN_ERROR, outcome
    assert text.lower() in outcome.text.lower(), outcome


@when('SAP processes the outlet "{outlet:Name}" again',
      example='SAP processes the outlet "Hunan Outlet" again')
def sap_reprocesses_outlet(sap: SapDriver, world: World, outlet: str) -> None:
    """BD87: the outlet's IDoc in error is processed again."""
    sap.reprocess(world.notes[f"idoc of {outlet}"])


@then('SAP has posted the outlet "{outlet:Name}"',
      example='SAP has posted the outlet "Hunan Outlet"')
def sap_posted_outlet(sap: SapDriver, world: World, outlet: str) -> None:
    """The outlet's IDoc is in status 53 (application document posted)."""
    outcome = sap.inbound_idoc(world.notes[f"idoc of {outlet}"])
    assert outcome.status == POSTED, outcome
