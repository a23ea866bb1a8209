"""Commands of the Basis services."""

from __future__ import annotations

import pytest

from fake_sap.basis.clients import ClientChange

pytestmark = pytest.mark.unit


def test_a_client_change_names_only_what_changes() -> None:
    assert ClientChange().values() == {}
    assert ClientChange(strict_partner_check=False).values() == {"strict_partner_check": False}
    assert ClientChange(description="QA").values() == {"description": "QA"}
