"""Elementary ABAP types (fake_sap.ddic.types): ABAP's conversion of wire text into the
internal format a function module sees, what it refuses with which CX_SY_CONVERSION_*
exception, the SOAP-RFC text written back, initial values and flat widths."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from fake_sap.ddic.types import (
    CLNT,
    DATA_LOSS,
    DATS,
    FLAG,
    INT4,
    LANG,
    LANGUAGE_ISO,
    NO_DATE,
    NO_NUMBER,
    NO_TIME,
    OVERFLOW,
    TIMS,
    AbapType,
    Elementary,
    ValueRejected,
    char,
    cuky,
    curr,
    dec,
    numc,
    quan,
    unit,
)

pytestmark = pytest.mark.unit


def refused(elementary: Elementary, value: object) -> str:
    with pytest.raises(ValueRejected) as rejected:
        elementary.coerce(value)
    return rejected.value.exception


# --- names and layout -------------------------------------------------------------------------

@pytest.mark.parametrize(("elementary", "name"), [
    (char(18), "CHAR 18"), (numc(6), "NUMC 6"), (dec(23, 4), "DEC 23.4"),
    (quan(13), "QUAN 13.3"), (curr(15), "CURR 15.2"), (unit(), "UNIT 3"), (cuky(), "CUKY 5"),
    (DATS, "DATS"), (TIMS, "TIMS"), (INT4, "INT4"), (LANG, "LANG")])
def test_types_are_named_as_se11_shows_them(elementary, name):
    assert str(elementary) == name


@pytest.mark.parametrize(("elementary", "letter"), [
    (char(1), "C"), (numc(3), "N"), (DATS, "D"), (TIMS, "T"), (dec(5, 2), "P"),
    (quan(13), "P"), (curr(15), "P"), (INT4, "I"), (Elementary(AbapType.INT1), "b"),
    (Elementary(AbapType.INT2), "s"), (Elementary(AbapType.FLTP), "F"),
    (Elementary(AbapType.STRING), "g"), (unit(), "C"), (LANG, "C")])
def test_internal_type_letters_as_rfc_read_table_reports_them(elementary, letter):
    assert elementary.internal_type == letter


@pytest.mark.parametrize(("elementary", "width"), [
    (char(18), 18), (numc(6), 6), (DATS, 8), (TIMS, 6), (dec(13, 3), 13), (curr(15), 15),
    (INT4, 10), (Elementary(AbapType.INT1), 3), (LANG, 1), (CLNT, 3)])
def test_widths_in_a_flat_character_layout(elementary, width):
    # packed numbers take their dictionary length (DFIES-LENG), as RFC_READ_TABLE's FIELDS
    assert elementary.width == width


@pytest.mark.parametrize(("elementary", "initial"), [
    (char(3), ""), (numc(4), "0000"), (DATS, "00000000"), (TIMS, "000000"), (INT4, 0),
    (Elementary(AbapType.FLTP), 0.0), (Elementary(AbapType.STRING), "")])
def test_initial_values(elementary, initial):
    assert elementary.initial() == initial


def test_the_initial_packed_number_has_the_type_s_decimals():
    zero = dec(13, 3).initial()
    assert zero == 0 and zero.as_tuple().exponent == -3


def test_none_is_the_initial_value():
    assert numc(3).coerce(None) == "000"


# --- CHAR and friends -------------------------------------------------------------------------

def test_char_drops_trailing_blanks_and_keeps_leading_ones():
    assert char(5).coerce("  ab  ") == "  ab"


def test_char_refuses_text_longer_than_the_field_as_data_loss():
    assert char(5).coerce("abcde ") == "abcde"
    assert refused(char(5), "abcdef") == DATA_LOSS


def test_a_string_keeps_everything():
    assert Elementary(AbapType.STRING).coerce("  x  ") == "  x  "


def test_flag_is_char_1():
    assert FLAG.coerce("X") == "X"
    assert refused(FLAG, "XX") == DATA_LOSS


@pytest.mark.parametrize(("given", "key"), [
    ("E", "E"), ("e", "E"), ("EN", "E"), ("en", "E"), ("ZH", "1"), ("DE", "D"), ("", "")])
def test_language_keys_accept_the_one_character_key_or_its_iso_code(given, key):
    assert LANG.coerce(given) == key


def test_an_unknown_iso_code_is_refused():
    assert refused(LANG, "XX") == DATA_LOSS


def test_iso_codes_and_keys_map_both_ways():
    assert LANGUAGE_ISO["1"] == "ZH"
    assert LANGUAGE_ISO["E"] == "EN"


def test_a_client_is_three_digits():
    assert CLNT.coerce("100") == "100"
    assert CLNT.coerce("") == ""
    assert refused(CLNT, "10") == NO_NUMBER
    assert refused(CLNT, "ABC") == NO_NUMBER


# --- NUMC -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "value"), [
    ("42", "000042"), (42, "000042"), ("000042", "000042"), ("  7 ", "000007"), ("", "000000"),
    ("0000000042", "000042")])
def test_numc_is_zero_padded_to_its_length(given, value):
    assert numc(6).coerce(given) == value


@pytest.mark.parametrize("given", ["4a", "-1", "1.0", "４２"])
def test_numc_refuses_what_is_not_ascii_digits(given):
    assert refused(numc(6), given) == NO_NUMBER


def test_numc_refuses_more_significant_digits_than_it_holds():
    assert refused(numc(3), "1000") == OVERFLOW


# --- DATS, TIMS -------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "value"), [
    ("2024-01-31", "20240131"), ("20240131", "20240131"), (date(2024, 2, 29), "20240229"),
    (datetime(2024, 2, 29, 13, 0), "20240229"), ("", "00000000"), ("00000000", "00000000"),
    ("0000-00-00", "00000000")])
def test_dates_become_yyyymmdd(given, value):
    assert DATS.coerce(given) == value


@pytest.mark.parametrize("given", ["2024-02-30", "20241301", "2024013", "31.01.2024",
                                   "2024/01/31", "x"])
def test_what_is_no_date_is_refused(given):
    assert refused(DATS, given) == NO_DATE


@pytest.mark.parametrize(("given", "value"), [
    ("08:05:00", "080500"), ("080500", "080500"), (time(23, 59, 59), "235959"),
    ("", "000000")])
def test_times_become_hhmmss(given, value):
    assert TIMS.coerce(given) == value


@pytest.mark.parametrize("given", ["24:00:00", "8:05", "0805", "12:60:00", "ab:cd:ef"])
def test_what_is_no_time_is_refused(given):
    assert refused(TIMS, given) == NO_TIME


def test_dates_and_times_are_written_with_separators():
    assert DATS.to_text("20240131") == "2024-01-31"
    assert TIMS.to_text("080500") == "08:05:00"


# --- packed numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "value"), [
    ("12.5", Decimal("12.500")), ("5.00-", Decimal("-5.000")), (" 3 ", Decimal("3.000")),
    (2, Decimal("2.000")), (0.1, Decimal("0.100")), ("", Decimal("0.000")),
    ("1.0005", Decimal("1.001")), ("-1.0005", Decimal("-1.001")), ("1E2", Decimal("100.000"))])
def test_packed_numbers_are_rounded_half_up_to_their_decimals(given, value):
    result = quan(13, 3).coerce(given)
    assert result == value
    assert result.as_tuple().exponent == -3


@pytest.mark.parametrize("given", ["abc", "1,5", "NaN", "Infinity", "1.2.3"])
def test_what_is_no_finite_number_is_refused(given):
    assert refused(quan(13, 3), given) == NO_NUMBER


def test_integer_places_are_length_minus_decimals():
    assert curr(5, 2).coerce("999.99") == Decimal("999.99")
    assert refused(curr(5, 2), "1000") == OVERFLOW
    assert refused(curr(5, 2), "-1000") == OVERFLOW


def test_packed_numbers_are_written_with_all_their_decimals_and_no_negative_zero():
    assert curr(15, 2).to_text(Decimal("12.5")) == "12.50"
    assert curr(15, 2).to_text(Decimal("-0.001")) == "0.00"
    assert quan(13, 3).to_text(Decimal("-5")) == "-5.000"
    assert dec(5, 0).to_text(Decimal("42")) == "42"


# --- integers and floats ----------------------------------------------------------------------

@pytest.mark.parametrize(("elementary", "low", "high"), [
    (Elementary(AbapType.INT1), 0, 255), (Elementary(AbapType.INT2), -32768, 32767),
    (INT4, -2**31, 2**31 - 1)])
def test_integers_have_their_abap_ranges(elementary, low, high):
    assert elementary.coerce(str(low)) == low
    assert elementary.coerce(high) == high
    assert refused(elementary, low - 1) == OVERFLOW
    assert refused(elementary, high + 1) == OVERFLOW


@pytest.mark.parametrize("given", ["1.5", "x", True])
def test_integers_refuse_what_is_no_integer(given):
    assert refused(INT4, given) == NO_NUMBER


def test_an_empty_integer_is_zero():
    assert INT4.coerce("  ") == 0


def test_floats():
    fltp = Elementary(AbapType.FLTP)
    assert fltp.coerce("1.5") == 1.5
    assert fltp.coerce("") == 0.0
    assert refused(fltp, "x") == NO_NUMBER
    assert fltp.to_text(1.5) == "1.5000000000000000E+00"


def test_unit_and_currency_keys_are_short_text():
    assert unit().coerce("ST") == "ST"
    assert refused(unit(), "ABCD") == DATA_LOSS
    assert cuky().coerce("CNY") == "CNY"


def test_a_rejection_carries_its_reason():
    with pytest.raises(ValueRejected) as rejected:
        numc(2).coerce("123")
    assert rejected.value.reason == "'123' does not fit NUMC 2"
    assert str(rejected.value) == rejected.value.reason
