"""Fixtures of the CRM side: the scenario's world, the adapter under test, and the landscape
that connects it with SAP.

Layer: ``crm_adapter.testing`` (a pytest plugin, see :data:`crm_adapter.testing.bdd.PLUGINS`).
Imports the adapter and ``sap_client.steps``; the SAP side is whatever driver the fixture
``sap`` gives (a :class:`~sap_client.steps.landscape.SapSystem`), never ``fake_sap``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_adapter.testing.bdd.driver import CrmDriver, running_adapter
from sap_client.steps.landscape import SapLogon, SapSystem
from sap_client.steps.world import World


@pytest.fixture
def world() -> World:
    """What this scenario has named so far (names → numbers, documents, the last refusal)."""
    return World()


@pytest.fixture
def crm(sap_logon: SapLogon, tmp_path: Path) -> Iterator[CrmDriver]:
    """A fresh adapter with an empty database, served on a loopback port and logged on to
    the scenario's SAP client; its outbox worker runs when a step says so."""
    with running_adapter(tmp_path, sap_logon) as driver:
        yield driver


@pytest.fixture
def landscape(sap: SapSystem, crm: CrmDriver) -> Iterator[None]:
    """SAP and the CRM connected: SAP distributes materials, customers and deliveries to the
    CRM's receiver (partner profile, port); the CRM logs on to SAP for its calls."""
    sap.connect_crm(crm.receiver)
    yield
    # nothing left for a CRM that is about to stop (SAP would retry sending it in vain)
    sap.deliver_pending_messages()
