"""SD codes: external codes become internal ones only when the caller asks (CONVERT = X)."""

from __future__ import annotations

import pytest

from fake_sap.sd import codes

pytestmark = pytest.mark.unit


def test_external_document_types_need_convert() -> None:
    assert codes.document_type("OR", convert=True) == "TA"
    assert codes.document_type("OR", convert=False) == "OR"
    assert codes.document_type("TA", convert=True) == "TA"
    assert codes.document_type("XX", convert=True) == "XX"  # named as sent in the refusal


def test_external_partner_functions_need_convert() -> None:
    assert codes.partner_function("SP", convert=True) == codes.SOLD_TO
    assert codes.partner_function("SH", convert=True) == codes.SHIP_TO
    assert codes.partner_function("SP", convert=False) == "SP"


def test_units_convert_from_english_and_from_iso() -> None:
    assert codes.unit("PC", convert=True) == "ST"
    assert codes.unit("PC", convert=False) == "PC"
    assert codes.unit_from_iso("PCE") == "ST"
    assert codes.unit_from_iso("XYZ") == ""


def test_returns_are_not_checked_for_availability_and_fill_ups_are_not_priced() -> None:
    types = codes.SALES_DOCUMENT_TYPES
    assert types["RE"].is_return and types["RE"].delivery_type == "LR"
    assert not types["KB"].priced
    assert types["TA"].priced and not types["TA"].is_return
