"""SAP's conversion exits on the client side: ALPHA and MATN1 for keys, CUNIT, AUART and
PARVW for codes (SAP reference 6.0: RFC callers send internal values), and packed numbers as
IDocs and RFC_READ_TABLE write them (the minus sign behind)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sap_client.conversion import (
    AUART,
    PARVW,
    CodeMap,
    alpha_input,
    alpha_output,
    auart_input,
    auart_output,
    cunit_input,
    cunit_output,
    matn1_input,
    matn1_output,
    parvw_input,
    parvw_output,
    sap_number,
)

pytestmark = pytest.mark.unit


# --- ALPHA, MATN1 -----------------------------------------------------------------------------

@pytest.mark.parametrize(("external", "internal"), [
    ("1000", "0000001000"), ("0000001000", "0000001000"), ("  42 ", "0000000042"),
    ("1234567890", "1234567890"), ("0", "0000000000")])
def test_alpha_input_right_aligns_numeric_values_with_zeros_to_ten(external, internal):
    assert alpha_input(external) == internal


@pytest.mark.parametrize("value", ["CUST-1", "A100", "10 00", "ab"])
def test_alpha_input_keeps_anything_not_purely_numeric_as_entered(value):
    assert alpha_input(value) == value


def test_alpha_input_does_not_pad_digits_of_other_scripts():
    assert alpha_input("٤٢") == "٤٢"  # Arabic-Indic digits are not ABAP's NUMC digits


def test_alpha_input_refuses_values_longer_than_the_field():
    with pytest.raises(ValueError, match="longer than 10 characters"):
        alpha_input("12345678901")
    assert alpha_input("123", length=4) == "0123"


@pytest.mark.parametrize(("internal", "external"), [
    ("0000001000", "1000"), ("1000", "1000"), ("CUST-1", "CUST-1"), (" 0042 ", "42")])
def test_alpha_output_drops_leading_zeros_of_numeric_values(internal, external):
    assert alpha_output(internal) == external


def test_alpha_output_of_all_zeros_is_empty():
    assert alpha_output("0000000000") == ""


def test_matn1_pads_numeric_material_numbers_to_18():
    assert matn1_input("10000001") == "000000000010000001"
    assert len(matn1_input("1")) == 18


def test_matn1_keeps_alphanumeric_material_numbers_left_aligned():
    assert matn1_input("SP-100") == "SP-100"
    assert matn1_input("X001") == "X001"


def test_matn1_refuses_more_than_18_characters():
    with pytest.raises(ValueError, match="longer than 18"):
        matn1_input("1" * 19)


def test_matn1_output_drops_the_zeros_again():
    assert matn1_output("000000000010000001") == "10000001"
    assert matn1_output(matn1_input("4711")) == "4711"


# --- packed numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1234.50", Decimal("1234.50")), ("5.00-", Decimal("-5.00")), ("", Decimal(0)),
    ("   ", Decimal(0)), (" 12.000 ", Decimal("12.000")), ("-3", Decimal(-3))])
def test_sap_numbers_with_the_sign_behind(text, number):
    assert sap_number(text) == number


@pytest.mark.parametrize("text", ["abc", "1,5", "1.2.3", "--1"])
def test_anything_else_is_not_a_number(text):
    with pytest.raises(ValueError, match="is not a number"):
        sap_number(text)


# --- code maps --------------------------------------------------------------------------------

@pytest.mark.parametrize(("internal", "external"), [
    ("TA", "OR"), ("AF", "IN"), ("AG", "QT"), ("KB", "CF"), ("KE", "CI"), ("KR", "CONR"),
    ("KL", "FD"), ("G2", "CR"), ("L2", "DR")])
def test_auart_translates_sales_document_types(internal, external):
    assert auart_output(internal) == external
    assert auart_input(external) == internal


def test_returns_are_re_in_both_forms():
    assert auart_input("RE") == "RE"
    assert auart_output("RE") == "RE"


@pytest.mark.parametrize(("internal", "external"), [
    ("AG", "SP"), ("WE", "SH"), ("RE", "BP"), ("RG", "PY")])
def test_parvw_translates_partner_functions(internal, external):
    assert parvw_output(internal) == external
    assert parvw_input(external) == internal


def test_the_same_code_means_different_things_in_different_maps():
    # AG is a quotation among document types and the sold-to party among partner functions
    assert auart_output("AG") == "QT"
    assert parvw_output("AG") == "SP"
    # SP is the sold-to party's external code, and the carrier's internal one
    assert parvw_input("SP") == "AG"
    assert parvw_output("SP") == "CR"


def test_cunit_translates_piece():
    assert cunit_input("PC") == "ST"
    assert cunit_output("ST") == "PC"


def test_unknown_codes_pass_through_trimmed():
    assert cunit_input(" KG ") == "KG"
    assert auart_output("ZOR") == "ZOR"


def test_a_map_can_be_extended_with_a_landscape_s_own_codes():
    mine = AUART.extended({"ZTA": "ZOR", "TA": "STD"})
    assert mine.output("ZTA") == "ZOR"
    assert mine.input("STD") == "TA"
    assert mine.input("OR") == "OR"  # the replaced translation is gone
    assert AUART.output("TA") == "OR"  # the original is unchanged


def test_a_map_with_two_internal_codes_for_one_external_code_is_refused():
    with pytest.raises(ValueError, match="CUNIT2: two internal codes share an external code"):
        CodeMap("CUNIT2", {"ST": "PC", "STK": "PC"})


def test_parvw_is_one_to_one():
    assert len(set(PARVW.internal_to_external.values())) == len(PARVW.internal_to_external)
