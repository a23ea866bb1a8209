"""Fixtures of the SAP side: one ``fake-sap serve`` process per test session, a fresh SAP
client per scenario, and how a caller logs on to it (``sap_logon``).

Layer: ``fake_sap.testing`` (a pytest plugin, see :data:`fake_sap.testing.bdd.PLUGINS`).
Imports ``sap_client.steps``, never ``crm_adapter``: connecting SAP with the system it
distributes to is the caller's fixture (``landscape`` of the CRM's step library).

``FAKE_SAP_TEST_DB_URL`` runs the emulator on another database (e.g. PostgreSQL) instead of
a temporary SQLite file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from fake_sap.testing.bdd.driver import SapDriver
from fake_sap.testing.process import FakeSapProcess
from sap_client.steps.landscape import SapLogon

#: retries and dispatching fast enough to be watched within a scenario
SERVER_ENV = {"FAKE_SAP_RETRY_BASE_SECONDS": "0.2", "FAKE_SAP_DISPATCH_POLL_SECONDS": "0.1"}


@pytest.fixture(scope="session")
def sap_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    """The emulator: one real server process for all scenarios."""
    db_url = os.environ.get("FAKE_SAP_TEST_DB_URL") or \
        f"sqlite:///{tmp_path_factory.mktemp('fake-sap') / 'sap.db'}"
    server = FakeSapProcess.start(db_url, env=SERVER_ENV)
    yield server
    server.stop()


@pytest.fixture
def sap(sap_server: FakeSapProcess) -> Iterator[SapDriver]:
    """A fresh, empty SAP client (baseline customizing) for this scenario."""
    driver = SapDriver(sap_server.new_client())
    yield driver
    driver.close()


@pytest.fixture
def sap_logon(sap: SapDriver) -> SapLogon:
    """How the CRM logs on to the scenario's SAP client."""
    return sap.logon


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: object, scenario: object,
                           step: object, step_func: object) -> None:
    """Before every step, the CRM has received what SAP distributed so far.

    SAP's steps only act in SAP; SAP's ALE sends the CRM its IDocs right after each commit.
    Waiting here, once before the next step, instead of after every SAP step keeps a
    sequence of SAP steps (a Background's master data, a delivery and its goods issue)
    fast, and still gives every step a CRM that has heard of everything SAP did."""
    if "sap" in request.fixturenames:
        driver: SapDriver = request.getfixturevalue("sap")
        driver.deliver_pending_messages()
