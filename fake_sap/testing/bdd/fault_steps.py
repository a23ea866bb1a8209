"""Steps of faults: SAP unavailable to the CRM's calls, and back.

Layer: ``fake_sap.testing`` (a pytest plugin with step definitions). IDocs in error are in
:mod:`fake_sap.testing.bdd.master_data_steps`, credit blocks in the master data too.
"""

from __future__ import annotations

from fake_sap.testing.bdd.driver import SapDriver
from sap_client.steps.library import given, when


@given("SAP is unavailable", example="SAP is unavailable")
def sap_unavailable(sap: SapDriver) -> None:
    """Every call to SAP's BAPIs fails (a short dump) until SAP is available again."""
    sap.fail_every_call()


@when("SAP is available again", example="SAP is available again")
def sap_available(sap: SapDriver) -> None:
    """SAP answers again."""
    sap.clear_faults()
