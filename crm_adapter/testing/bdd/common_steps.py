"""Steps of the CRM as a whole: the business date it shares with SAP, its refusals, the IDocs
it refused, its calls to SAP.

Layer: ``crm_adapter.testing`` (a pytest plugin with step definitions). The business date is
set in SAP as well, through the scenario's SAP driver (fixture ``sap``, any
:class:`~sap_client.steps.landscape.SapSystem`).
"""

from __future__ import annotations

from datetime import date

from crm_adapter.testing.bdd.driver import CrmDriver
from sap_client.steps.landscape import SapSystem
from sap_client.steps.library import given, register_choice, then, when
from sap_client.steps.world import World

#: what kind of IDoc SAP sent, as the business calls it
register_choice("SapMessage", {"material": "MATMAS", "customer": "DEBMAS", "delivery": "DESADV"},
                "the IDoc's message type")


@given("the business date is {day:Date}", example="the business date is 10 November 2025")
def business_date(sap: SapSystem, crm: CrmDriver, day: date) -> None:
    """Today, for SAP and the CRM alike (postings, settlement day, repair dates)."""
    sap.set_date(day)
    crm.set_business_date(day)


@then('the CRM refuses: "{text:Name}"',
      example='the CRM refuses: "only 10 of the application can still be returned"')
def crm_refuses(world: World, text: str) -> None:
    """The last action the scenario tried was refused by the CRM with this message."""
    refusal = world.expect_refusal("CRM")
    assert text.lower() in refusal.message.lower(), refusal.message


@then('the CRM refuses SAP\'s {kind:SapMessage} message: "{text:Name}"',
      example='the CRM refuses SAP\'s delivery message: "a second goods receipt"')
def crm_refuses_sap_message(crm: CrmDriver, kind: str, text: str) -> None:
    """The CRM kept an IDoc of SAP's as failed, with this reason."""
    reasons = [entry["reason"] or "" for entry in crm.inbox(status="failed", message_type=kind)]
    assert any(text.lower() in reason.lower() for reason in reasons), reasons


@when("the CRM retries its calls to SAP", example="the CRM retries its calls to SAP")
def crm_retries(crm: CrmDriver) -> None:
    """The outbox worker keeps trying until every call to SAP is done."""
    crm.perform_sap_calls_until_done()
