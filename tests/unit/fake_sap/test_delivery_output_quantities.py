"""How the DESADV IDoc writes a delivery quantity, whatever text it was stored as."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.ale.delivery_output import idoc_quantity

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("stored", "written"), [
    ("1", "1.000"), ("0.5", "0.500"), ("12.125", "12.125"), ("0", "0.000"),
    (Decimal("6.000"), "6.000"), (Decimal("1E+1"), "10.000"),
])
def test_a_quantity_is_written_with_three_decimals(stored, written):
    assert idoc_quantity(stored) == written
