"""The composition root of the Gherkin scenarios: the step library of both sides, and every
scenario in a connected landscape (a fresh SAP client on the session's emulator, a fresh
CRM adapter served on a loopback port, SAP distributing to the CRM)."""

from __future__ import annotations

import pytest

import crm_adapter.testing.bdd
import fake_sap.testing.bdd

pytest_plugins = [*fake_sap.testing.bdd.PLUGINS, *crm_adapter.testing.bdd.PLUGINS]

#: the tags feature files may use (pytest markers: ``pytest features -m returns``); a tag not
#: listed here fails the run (--strict-markers), so that a typo does not silently deselect
TAGS = {
    "master_data": "materials, outlets and provincial centers from SAP",
    "applications": "material applications and their approval",
    "logistics": "deliveries, partial deliveries and their deletion",
    "returns": "returns and their goods receipt",
    "labour_fees": "repairs and the monthly labour-fee settlement",
    "statistics": "sales statistics imported from SAP",
    "faults": "SAP unavailable, IDocs in error, credit blocks",
}


def pytest_configure(config: pytest.Config) -> None:
    for tag, description in TAGS.items():
        config.addinivalue_line("markers", f"{tag}: {description}")


@pytest.fixture(autouse=True)
def connected(landscape: None) -> None:
    """Every scenario starts with SAP and the CRM connected."""
