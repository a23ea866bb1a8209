"""ISO unit codes on the receiving side: SAP writes units into IDocs as ISO codes (PCE, KGM)
and a receiver that calls BAPIs back needs SAP's internal units (ST, KG)."""

from __future__ import annotations

import pytest

from sap_client.conversion import ISO_UNIT, unit_from_iso, unit_to_iso

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("iso", "internal"), [
    ("PCE", "ST"), ("KGM", "KG"), ("GRM", "G"), ("LTR", "L"), ("MTR", "M"), ("EA", "EA"),
    ("PK", "PAK"), ("BX", "BOX")])
def test_iso_units_come_back_as_sap_internal_units(iso, internal):
    assert (unit_from_iso(iso), unit_to_iso(internal)) == (internal, iso)


def test_internal_and_unknown_units_pass_unchanged():
    assert (unit_from_iso("ST"), unit_from_iso("XYZ"), unit_to_iso("XYZ")) == \
        ("ST", "XYZ", "XYZ")


def test_a_landscape_adds_its_own_units():
    assert ISO_UNIT.extended({"ZKT": "CT"}).input("CT") == "ZKT"
