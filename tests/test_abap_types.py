"""ABAP's conversion of wire text into packed numbers (DEC, QUAN, CURR): what fits is
rounded to the declared decimals, what does not is refused as SAP refuses it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.ddic.types import OVERFLOW, ValueRejected, dec

pytestmark = pytest.mark.unit

#: KOMV-KBETR in BAPICOND: 19 places before the point, 9 behind it
CONDITION_RATE = dec(28, 9)


def test_a_number_that_fits_is_rounded_half_up_to_the_declared_decimals():
    assert dec(5, 2).coerce("1.005") == Decimal("1.01")


def test_a_number_with_the_most_digits_the_type_holds_keeps_every_digit():
    assert CONDITION_RATE.coerce("1234567890123456789.123456789") == \
        Decimal("1234567890123456789.123456789")


@pytest.mark.parametrize("text", ["99999999999999999999", "1E+40", "-12345678901234567890.5"])
def test_a_number_with_more_places_than_the_type_holds_is_an_overflow(text):
    with pytest.raises(ValueRejected) as refused:
        CONDITION_RATE.coerce(text)
    assert refused.value.exception == OVERFLOW


def test_a_number_that_rounds_up_past_the_type_s_places_is_an_overflow():
    with pytest.raises(ValueRejected) as refused:
        dec(5, 3).coerce("99.9995")
    assert refused.value.exception == OVERFLOW


def test_zero_with_a_large_exponent_is_zero():
    assert CONDITION_RATE.coerce("0E+40") == 0


def test_the_wire_text_of_the_largest_value_has_every_digit():
    largest = CONDITION_RATE.coerce("9999999999999999999.999999999")
    assert CONDITION_RATE.to_text(largest) == "9999999999999999999.999999999"
