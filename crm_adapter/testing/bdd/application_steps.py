"""Steps of material applications: an outlet applies, the CRM approves or rejects, the
application is re-applied, and what the CRM shows of it.

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions). Approving performs the CRM's
calls to SAP at once (the outbox worker), as the worker process would shortly after.
"""

from __future__ import annotations

from decimal import Decimal

from crm_adapter.domain.applications import ApplicationType, Status
from crm_adapter.testing.bdd.driver import CrmDriver
from sap_client.steps.library import given, register_choice, then, when
from sap_client.steps.world import World

register_choice("ApplicationType", {
    "sales order": ApplicationType.SALES_ORDER,
    "consignment fill-up": ApplicationType.CONSIGNMENT_FILL_UP,
    "stock transport order": ApplicationType.STOCK_TRANSPORT}, "the application type")
register_choice("ApplicationStatus", {
    "submitted": Status.SUBMITTED, "waiting for SAP": Status.APPROVAL_PENDING,
    "approved": Status.APPROVED, "rejected": Status.REJECTED, "in SAP": Status.IN_SAP,
    "failed": Status.FAILED, "partially delivered": Status.PARTIALLY_DELIVERED,
    "delivered": Status.DELIVERED}, "the application's status")


@given('"{outlet:Name}" applies for {quantity:Number} "{material:Name}" as a '
       '{kind:ApplicationType} in application "{application:Name}"',
       example='"Wuhan Outlet" applies for 10 "Compressor" as a sales order in application '
               '"A1"')
@when('"{outlet:Name}" applies for {quantity:Number} "{material:Name}" as a '
      '{kind:ApplicationType} in application "{application:Name}"',
      example='"Wuhan Outlet" applies for 10 "Compressor" as a consignment fill-up in '
              'application "A1"')
def outlet_applies(crm: CrmDriver, world: World, outlet: str, quantity: Decimal,
                   material: str, kind: ApplicationType, application: str) -> None:
    """The outlet submits an application (types: sales order, consignment fill-up, stock
    transport order)."""
    created = crm.apply(world.outlet(outlet), kind.value,
                        [(world.material(material), quantity)])
    world.note_application(application, created)


@given('application "{application:Name}" is approved',
       example='application "A1" is approved')
@when('application "{application:Name}" is approved',
      example='application "A1" is approved')
def application_is_approved(crm: CrmDriver, world: World, application: str) -> None:
    """A CRM user approves; the CRM checks quota and stock with SAP and creates the SAP
    document (if SAP answers)."""
    crm.approve(world.application(application).id)
    crm.perform_sap_calls()
    world.note_application(application, crm.application(world.application(application).id))


@when('a CRM user rejects application "{application:Name}" because "{reason:Name}"',
      example='a CRM user rejects application "A1" because "order through the provincial '
              'center"')
def application_is_rejected(crm: CrmDriver, world: World, application: str,
                            reason: str) -> None:
    """A CRM user rejects a submitted application with a reason the outlet sees."""
    crm.reject(world.application(application).id, reason)


@when('"{outlet:Name}" applies again with application "{application:Name}" for '
      '{quantity:Number} "{material:Name}"',
      example='"Wuhan Outlet" applies again with application "A1" for 40 "Compressor"')
def outlet_reapplies(crm: CrmDriver, world: World, outlet: str, application: str,
                     quantity: Decimal, material: str) -> None:
    """The outlet changes a rejected (or failed) application and submits it again."""
    crm.reapply(world.application(application).id, [(world.material(material), quantity)])


@given('application "{application:Name}" of "{outlet:Name}" for {quantity:Number} '
       '"{material:Name}" as a {kind:ApplicationType} is in SAP',
       example='application "A1" of "Wuhan Outlet" for 10 "Compressor" as a sales order is '
               'in SAP')
def application_in_sap(crm: CrmDriver, world: World, application: str, outlet: str,
                       quantity: Decimal, material: str, kind: ApplicationType) -> None:
    """Applied, approved and in SAP: the usual start of a delivery scenario."""
    outlet_applies(crm, world, outlet, quantity, material, kind, application)
    application_is_approved(crm, world, application)
    application_has_status(crm, world, application, Status.IN_SAP)


@then('application "{application:Name}" is {status:ApplicationStatus}',
      example='application "A1" is partially delivered')
def application_has_status(crm: CrmDriver, world: World, application: str,
                           status: Status) -> None:
    """The application's status (submitted, waiting for SAP, approved, rejected, in SAP,
    failed, partially delivered, delivered)."""
    shown = crm.application(world.application(application).id)
    world.note_application(application, shown)
    assert shown["status"] == status.value, (shown["status"], shown["reason"],
                                             shown["integration"])


@given('the reason of application "{application:Name}" says "{text:Name}"',
       example='the reason of application "A1" says "over quota"')
@then('the reason of application "{application:Name}" says "{text:Name}"',
      example='the reason of application "A1" says "150 requested, 100 available"')
def application_reason(crm: CrmDriver, world: World, application: str, text: str) -> None:
    """The reason the outlet sees (a rejection, SAP's refusal) contains this text."""
    reason = crm.application(world.application(application).id)["reason"] or ""
    assert text.lower() in reason.lower(), reason


@then('the CRM will try again to reach SAP for application "{application:Name}"',
      example='the CRM will try again to reach SAP for application "A1"')
def application_call_will_be_retried(crm: CrmDriver, world: World, application: str) -> None:
    """A call to SAP for the application failed for want of SAP and waits for a retry."""
    calls = crm.application(world.application(application).id)["integration"]
    assert any(c["status"] == "pending" and c["last_error"] for c in calls), calls


@then('SAP warned about application "{application:Name}": "{text:Name}"',
      example='SAP warned about application "A1": "blocked for delivery"')
def sap_warned_about_application(crm: CrmDriver, world: World, application: str,
                                 text: str) -> None:
    """SAP created the document with a warning, which the CRM keeps with the application."""
    calls = crm.application(world.application(application).id)["integration"]
    warnings = [w for c in calls for w in (c["result"] or {}).get("warnings", [])]
    assert any(text.lower() in w.lower() for w in warnings), warnings
