"""Fixtures of the CRM side: the scenario's world and the adapter under test.

Layer: test support (a pytest plugin, see :data:`crm_adapter.bdd.PLUGINS`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_adapter.bdd.driver import CrmDriver, SapLogon, running_adapter
from crm_adapter.bdd.world import World


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
