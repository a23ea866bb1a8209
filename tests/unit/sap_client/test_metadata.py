"""Values between Python and SOAP-RFC text (sap_client.metadata), as pyrfc converts them:
DATS ``"YYYYMMDD"`` or ``date`` to ``YYYY-MM-DD``, TIMS to ``HH:MM:SS``, packed numbers in
plain notation with ABAP's trailing minus read back, CHAR right-trimmed (``rstrip``), NUMC
zero-filled, RAW as base64 (SAP reference 5.1, 8)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from sap_client.errors import RFC_CONVERSION_FAILURE, RFCTypeError
from sap_client.metadata import (
    DecodeOptions,
    FunctionDescription,
    Kind,
    Parameter,
    RfcType,
    decode_text,
    encode_value,
)

pytestmark = pytest.mark.unit

CHAR10 = RfcType(Kind.CHAR, "char10", 10)
NUMC6 = RfcType(Kind.NUM, "numeric6", 6)
DATE = RfcType(Kind.DATE, "date10", 8)
TIME = RfcType(Kind.TIME, "time", 6)
DEC = RfcType(Kind.BCD, "decimal15.2", 15, 2)
INT = RfcType(Kind.INT, "int")
FLOAT = RfcType(Kind.FLOAT, "double")
RAW = RfcType(Kind.BYTE, "base64Binary")
STRING = RfcType(Kind.STRING, "string")

PLAIN = DecodeOptions()
AS_OBJECTS = DecodeOptions(dtime=True)
UNTRIMMED = DecodeOptions(rstrip=False)


# --- Python -> wire ---------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text"), [
    (date(2024, 1, 31), "2024-01-31"), (datetime(2024, 1, 31, 23, 59), "2024-01-31"),
    ("20240131", "2024-01-31"), ("2024-01-31", "2024-01-31"), ("", "0000-00-00"),
    (None, "0000-00-00"), ("00000000", "0000-00-00")])
def test_dates_travel_as_yyyy_mm_dd(value, text):
    assert encode_value(DATE, value, "P") == text


@pytest.mark.parametrize("value", ["20241301", "2024-1-31", "31.01.2024", 20240131])
def test_what_is_no_date_is_a_type_error(value):
    with pytest.raises(RFCTypeError, match="P: a date or a string YYYYMMDD is required") as e:
        encode_value(DATE, value, "P")
    assert e.value.code == RFC_CONVERSION_FAILURE


@pytest.mark.parametrize(("value", "text"), [
    (time(8, 5, 0), "08:05:00"), ("080500", "08:05:00"), ("08:05:00", "08:05:00"),
    ("", "00:00:00")])
def test_times_travel_as_hh_mm_ss(value, text):
    assert encode_value(TIME, value, "T") == text


@pytest.mark.parametrize("value", ["250000", "8:5", 80500])
def test_what_is_no_time_is_a_type_error(value):
    with pytest.raises(RFCTypeError, match="a time or a string HHMMSS is required"):
        encode_value(TIME, value, "T")


def test_char_takes_strings_only():
    assert encode_value(CHAR10, "ABC ", "F") == "ABC "
    with pytest.raises(RFCTypeError, match="F: a string is required, received 5 of type int"):
        encode_value(CHAR10, 5, "F")


@pytest.mark.parametrize(("value", "text"), [(42, "42"), (" 0042 ", "0042"), ("", "")])
def test_numc_takes_digits_or_an_integer(value, text):
    assert encode_value(NUMC6, value, "N") == text


@pytest.mark.parametrize("value", ["4a", True, 1.5, "-1"])
def test_numc_refuses_anything_else(value):
    with pytest.raises(RFCTypeError, match="a numeric string is required"):
        encode_value(NUMC6, value, "N")


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("1.50"), "1.50"), (1.1, "1.1"), ("1E+3", "1000"), (7, "7"), ("-0.5", "-0.5")])
def test_packed_numbers_travel_in_plain_notation(value, text):
    assert encode_value(DEC, value, "D") == text


@pytest.mark.parametrize(("value", "reason"), [
    ("abc", "a number is required"), (True, "a number is required"),
    (Decimal("NaN"), "a finite number is required"), ("Infinity", "a finite number")])
def test_packed_numbers_refuse_what_is_not_a_finite_number(value, reason):
    with pytest.raises(RFCTypeError, match=reason):
        encode_value(DEC, value, "D")


def test_integers():
    assert encode_value(INT, 5, "I") == "5"
    assert encode_value(INT, "-7", "I") == "-7"
    for wrong in ("x", 1.5, False):
        with pytest.raises(RFCTypeError, match="an integer is required"):
            encode_value(INT, wrong, "I")


def test_floats():
    assert encode_value(FLOAT, 1.5, "F") == "1.5"
    assert encode_value(FLOAT, "2", "F") == "2.0"
    with pytest.raises(RFCTypeError, match="a number is required"):
        encode_value(FLOAT, "two", "F")


def test_raw_travels_as_base64():
    assert encode_value(RAW, b"\x00\x01", "R") == "AAE="
    with pytest.raises(RFCTypeError, match="bytes are required"):
        encode_value(RAW, "AAE=", "R")


def test_a_structure_cannot_take_an_elementary_value():
    with pytest.raises(RFCTypeError, match="cannot fill a STRUCTURE"):
        encode_value(RfcType(Kind.STRUCTURE, "BAPIRET2"), "x", "RETURN")


@pytest.mark.parametrize(("value", "text"), [
    ("abc", "abc"), (5, "5"), (date(2024, 2, 29), "2024-02-29"), (time(1, 2, 3), "01:02:03"),
    (Decimal("2.50"), "2.50"), (0.5, "0.5"), (b"A", "QQ==")])
def test_without_a_type_values_are_written_by_their_python_type(value, text):
    assert encode_value(None, value, "X") == text


@pytest.mark.parametrize("value", [None, True])
def test_without_a_type_none_and_booleans_are_refused(value):
    with pytest.raises(RFCTypeError, match="a string, number, date or time is required"):
        encode_value(None, value, "X")


def test_the_error_message_is_cut_to_sixty_characters_of_the_value():
    with pytest.raises(RFCTypeError) as refused:
        encode_value(CHAR10, 10**100, "F")
    assert "1" * 70 not in str(refused.value.message)


# --- wire -> Python ---------------------------------------------------------------------------

def test_char_is_right_trimmed_unless_asked_not_to():
    assert decode_text(CHAR10, "ABC   ", PLAIN) == "ABC"
    assert decode_text(CHAR10, "ABC", UNTRIMMED) == "ABC       "
    assert decode_text(CHAR10, None, PLAIN) == ""


def test_numc_is_zero_filled_to_its_length():
    assert decode_text(NUMC6, "42", PLAIN) == "000042"
    assert decode_text(NUMC6, "", PLAIN) == "000000"


def test_dates_come_back_as_yyyymmdd_or_as_date_objects():
    assert decode_text(DATE, "2024-01-31", PLAIN) == "20240131"
    assert decode_text(DATE, "2024-01-31", AS_OBJECTS) == date(2024, 1, 31)


@pytest.mark.parametrize("text", ["", "0000-00-00", None])
def test_an_initial_date_is_empty_or_none(text):
    assert decode_text(DATE, text, PLAIN) == ""
    assert decode_text(DATE, text, AS_OBJECTS) is None


def test_times_come_back_as_hhmmss_or_as_time_objects():
    assert decode_text(TIME, "08:05:00", PLAIN) == "080500"
    assert decode_text(TIME, "08:05:00", AS_OBJECTS) == time(8, 5)
    assert decode_text(TIME, "", PLAIN) == "000000"


def test_packed_numbers_come_back_as_decimals_with_abap_s_sign():
    assert decode_text(DEC, "12.50", PLAIN) == Decimal("12.50")
    assert decode_text(DEC, "5.00-", PLAIN) == Decimal("-5.00")


def test_an_empty_packed_number_is_zero_with_the_type_s_decimals():
    zero = decode_text(DEC, "", PLAIN)
    assert zero == 0
    assert zero.as_tuple().exponent == -2


def test_integers_floats_and_raw():
    assert decode_text(INT, " 12 ", PLAIN) == 12
    assert decode_text(INT, "", PLAIN) == 0
    assert decode_text(FLOAT, "", PLAIN) == 0.0
    assert decode_text(FLOAT, "1.5E+00", PLAIN) == 1.5
    assert decode_text(RAW, "AAE=", PLAIN) == b"\x00\x01"


def test_strings_come_back_as_sent():
    assert decode_text(STRING, "  a b  ", PLAIN) == "  a b  "


@pytest.mark.parametrize(("rfc_type", "text"), [
    (DEC, "abc"), (INT, "1.5"), (FLOAT, "x"), (RAW, "!!"), (DATE, "2024-13-01"),
    (TIME, "99:99:99")])
def test_what_sap_sent_that_does_not_convert_is_a_type_error(rfc_type, text):
    with pytest.raises(RFCTypeError, match=f"SAP sent '{text}' for a {rfc_type.kind.name}"):
        decode_text(rfc_type, text, AS_OBJECTS)


# --- descriptions -----------------------------------------------------------------------------

def test_directions_tell_inputs_from_outputs():
    description = FunctionDescription("Z", (
        Parameter("I", "RFC_IMPORT", CHAR10, False), Parameter("E", "RFC_EXPORT", CHAR10, False),
        Parameter("C", "RFC_CHANGING", CHAR10, True), Parameter("T", "RFC_TABLES", CHAR10, True)))
    assert [p.name for p in description.outputs] == ["E", "C", "T"]
    assert [p.name for p in description.parameters if p.is_input] == ["I", "C", "T"]
    assert description.parameter("C") is description.parameters[2]
    assert description.parameter("X") is None
