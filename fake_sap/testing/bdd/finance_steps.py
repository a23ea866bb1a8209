"""Steps of the business date and SAP's finance: accounting documents and the clearing of
a customer's open items (the finance clerk's payment run).

Layer: ``fake_sap.testing`` (a pytest plugin with step definitions). The business date of
SAP and the CRM together is a step of the CRM's library (it sets both).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fake_sap.testing.bdd.driver import SapDriver
from sap_client.steps.library import given, then, when
from sap_client.steps.world import World

#: BSEG-SHKZG of a credit
CREDIT = "H"


@given("SAP's business date is {day:Date}", example="SAP's business date is 15 October 2025")
def sap_business_date(sap: SapDriver, day: date) -> None:
    """Today in SAP only: document dates, statistics periods, posting dates."""
    sap.set_date(day)


@when('SAP\'s finance clears the open items of "{customer:Name}"',
      example='SAP\'s finance clears the open items of "Hubei Center"')
def finance_clears(sap: SapDriver, world: World, customer: str) -> None:
    """The payment run: every open item of the customer is cleared."""
    sap.clear_open_items(world.customer(customer))


@then('SAP has an accounting document crediting "{customer:Name}" with {amount:Number} CNY',
      example='SAP has an accounting document crediting "Hubei Center" with 160.00 CNY')
def sap_credits_customer(sap: SapDriver, world: World, customer: str, amount: Decimal) -> None:
    """One of the customer's items in accounting is a credit of this amount."""
    credits = [Decimal(i["WRBTR"]) for i in sap.customer_items(world.customer(customer))
               if i["SHKZG"] == CREDIT]
    assert amount in credits, credits


@then('SAP has {count:d} accounting document crediting "{customer:Name}"',
      example='SAP has 1 accounting document crediting "Hubei Center"')
@then('SAP has {count:d} accounting documents crediting "{customer:Name}"',
      example='SAP has 2 accounting documents crediting "Hubei Center"')
def sap_credit_count(sap: SapDriver, world: World, count: int, customer: str) -> None:
    """How many accounting documents credit the customer."""
    documents = {(i["BELNR"], i["GJAHR"]) for i in sap.customer_items(world.customer(customer))
                 if i["SHKZG"] == CREDIT}
    assert len(documents) == count, documents
