"""Steps of returns: an outlet returns goods of an application, the CRM approves the
return (the worker creates the SAP return order), and what the CRM records of the receipt.

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions).
"""

from __future__ import annotations

from decimal import Decimal

from crm_adapter.domain.returns import Status
from crm_adapter.testing.bdd.driver import CrmDriver, CrmRefused
from sap_client.steps.library import given, register_choice, then, when
from sap_client.steps.world import World

register_choice("ReturnStatus", {
    "submitted": Status.SUBMITTED, "approved": Status.APPROVED, "rejected": Status.REJECTED,
    "in SAP": Status.IN_SAP, "failed": Status.FAILED,
    "partially received": Status.PARTIALLY_RECEIVED, "received": Status.RECEIVED},
    "the return's status")


@when('"{outlet:Name}" returns {quantity:Number} "{material:Name}" of application '
      '"{application:Name}" in return "{name:Name}"',
      example='"Wuhan Outlet" returns 3 "Compressor" of application "A1" in return "R1"')
def outlet_returns(crm: CrmDriver, world: World, outlet: str, quantity: Decimal,
                   material: str, application: str, name: str) -> None:
    """The outlet submits a return of goods it received with the application."""
    created = crm.create_return(world.outlet(outlet), world.application(application).id,
                                [(world.material(material), quantity)])
    world.note_return(name, created)


@when('"{outlet:Name}" tries to return {quantity:Number} "{material:Name}" of application '
      '"{application:Name}" in return "{name:Name}"',
      example='"Wuhan Outlet" tries to return 11 "Compressor" of application "A1" in return '
              '"R1"')
def outlet_tries_to_return(crm: CrmDriver, world: World, outlet: str, quantity: Decimal,
                           material: str, application: str, name: str) -> None:
    """Like returning, but the CRM may refuse (see "the CRM refuses")."""
    world.attempt("CRM", lambda: outlet_returns(crm, world, outlet, quantity, material,
                                                application, name), (CrmRefused,))


@when('return "{name:Name}" is approved', example='return "R1" is approved')
def return_is_approved(crm: CrmDriver, world: World, name: str) -> None:
    """A CRM user approves the return; the CRM creates the SAP return order."""
    crm.approve_return(world.return_(name).id)
    crm.perform_sap_calls()
    world.note_return(name, crm.return_(world.return_(name).id))


@given('return "{name:Name}" of "{outlet:Name}" for {quantity:Number} "{material:Name}" of '
       'application "{application:Name}" is in SAP',
       example='return "R1" of "Wuhan Outlet" for 3 "Compressor" of application "A1" is in '
               'SAP')
def return_in_sap(crm: CrmDriver, world: World, name: str, outlet: str, quantity: Decimal,
                  material: str, application: str) -> None:
    """Returned, approved and in SAP: the start of a goods receipt scenario."""
    outlet_returns(crm, world, outlet, quantity, material, application, name)
    return_is_approved(crm, world, name)
    return_has_status(crm, world, name, Status.IN_SAP)


@then('return "{name:Name}" is {status:ReturnStatus}', example='return "R1" is received')
def return_has_status(crm: CrmDriver, world: World, name: str, status: Status) -> None:
    """The return's status (submitted, approved, rejected, in SAP, failed, partially
    received, received)."""
    shown = crm.return_(world.return_(name).id)
    world.note_return(name, shown)
    assert shown["status"] == status.value, (shown["status"], shown["reason"],
                                             shown["integration"])


@then('return "{name:Name}" shows {expected:Number} expected and {received:Number} received '
      'of "{material:Name}"',
      example='return "R1" shows 3 expected and 3 received of "Compressor"')
def return_quantities(crm: CrmDriver, world: World, name: str, expected: Decimal,
                      received: Decimal, material: str) -> None:
    """What the return expects of a material and what SAP's receipt counted."""
    number = world.material(material)
    shown = [(Decimal(i["expected_quantity"]), Decimal(i["received_quantity"]))
             for i in crm.return_(world.return_(name).id)["items"]
             if i["material_number"] == number]
    assert shown == [(expected, received)], shown


@then('return "{name:Name}" reports the difference "{text:Name}"',
      example='return "R1" reports the difference "expected 3, received 2"')
def return_reports_difference(crm: CrmDriver, world: World, name: str, text: str) -> None:
    """The counted quantities differ from the expected ones, and the return says how."""
    reason = crm.return_(world.return_(name).id)["reason"] or ""
    assert text.lower() in reason.lower(), reason
