"""SD codes and their external forms (fake_sap.sd.codes), the conversion exits of the
emulator (fake_sap.conversion) and the baseline customizing every client gets
(fake_sap.customizing). External codes are converted only when the caller asks
(``CONVERT = 'X'``, SAP reference 6.0, 7.1, 7.2)."""

from __future__ import annotations

import pytest

from fake_sap import conversion, customizing
from fake_sap.sd import codes

pytestmark = pytest.mark.unit


# --- sales document types ---------------------------------------------------------------------

@pytest.mark.parametrize(("auart", "external", "vbtyp", "item_category", "delivery_type"), [
    ("TA", "OR", "C", "TAN", "LF"), ("KB", "CF", "C", "KBN", "LF"),
    ("RE", "RE", "H", "REN", "LR")])
def test_document_types_as_sap_customizes_them(auart, external, vbtyp, item_category,
                                               delivery_type):
    declared = codes.SALES_DOCUMENT_TYPES[auart]
    assert (declared.external, declared.vbtyp, declared.item_category,
            declared.delivery_type) == (external, vbtyp, item_category, delivery_type)


def test_only_returns_bring_goods_back_and_a_fill_up_has_no_value():
    assert [t.auart for t in codes.SALES_DOCUMENT_TYPES.values() if t.is_return] == ["RE"]
    assert [t.auart for t in codes.SALES_DOCUMENT_TYPES.values() if not t.priced] == ["KB"]


@pytest.mark.parametrize(("code", "convert", "internal"), [
    ("OR", True, "TA"), ("CF", True, "KB"), ("RE", True, "RE"), ("TA", True, "TA"),
    ("OR", False, "OR"), ("ZZ", True, "ZZ")])
def test_document_types_are_converted_only_when_asked(code, convert, internal):
    assert codes.document_type(code, convert) == internal


@pytest.mark.parametrize(("code", "convert", "internal"), [
    ("SP", True, "AG"), ("SH", True, "WE"), ("BP", True, "RE"), ("PY", True, "RG"),
    ("ZP", True, "ZP"), ("SP", False, "SP"), ("AG", True, "AG")])
def test_partner_functions_are_converted_only_when_asked(code, convert, internal):
    assert codes.partner_function(code, convert) == internal


def test_the_partner_function_constants_are_internal_codes():
    assert (codes.SOLD_TO, codes.SHIP_TO, codes.BILL_TO, codes.PAYER) == ("AG", "WE", "RE", "RG")


@pytest.mark.parametrize(("code", "convert", "internal"), [
    ("PC", True, "ST"), ("KG", True, "KG"), ("PC", False, "PC"), ("ST", True, "ST")])
def test_units_are_converted_only_when_asked(code, convert, internal):
    assert codes.unit(code, convert) == internal


@pytest.mark.parametrize(("iso", "internal"), [
    ("PCE", "ST"), ("KGM", "KG"), ("LTR", "L"), ("MTR", "M"), ("EA", "EA"), ("XYZ", "")])
def test_iso_units_as_idocs_carry_them(iso, internal):
    assert codes.unit_from_iso(iso) == internal


def test_every_map_is_one_to_one():
    for mapping in (codes.PARTNER_FUNCTIONS, codes.UNITS, codes.ISO_UNITS):
        assert len(set(mapping.values())) == len(mapping)


# --- conversion exits -------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "internal"), [
    ("1000", "0000001000"), (" 42 ", "0000000042"), ("abc-1", "ABC-1"), ("", "")])
def test_alpha_input_pads_numbers_and_upper_cases_the_rest(value, internal):
    assert conversion.alpha_input(value) == internal


def test_alpha_input_refuses_too_many_digits():
    with pytest.raises(ValueError, match="longer than 10 digits"):
        conversion.alpha_input("12345678901")


@pytest.mark.parametrize(("value", "external"), [
    ("0000001000", "1000"), ("0000000000", "0"), ("SP-100", "SP-100")])
def test_alpha_output(value, external):
    assert conversion.alpha_output(value) == external


def test_matn1_is_alpha_with_18_characters():
    assert conversion.matn1_input("4711") == "000000000000004711"
    assert conversion.matn1_input("sp-100") == "SP-100"
    assert conversion.matn1_output("000000000000004711") == "4711"


# --- baseline customizing ---------------------------------------------------------------------

def test_company_code_1000_is_in_cny_in_credit_control_area_1000():
    assert customizing.BASELINE["T001"]["1000"]["WAERS"] == "CNY"
    assert customizing.BASELINE["T001"]["1000"]["KKBER"] == "1000"
    assert customizing.BASELINE["T014"]["1000"]["WAERS"] == "CNY"


def test_the_central_and_the_provincial_warehouse():
    plants = customizing.BASELINE["T001W"]
    assert set(plants) == {"1000", "1100"}
    assert all(p["BWKEY"] == code for code, p in plants.items())  # valuation at plant level
    assert customizing.storage_location_key("1000", "0001") in customizing.BASELINE["T001L"]


def test_the_sales_area_1000_10_00():
    assert customizing.sales_area_key("1000", "10", "00") == "1000/10/00"
    assert "1000/10/00" in customizing.BASELINE["TVTA"]


def test_account_groups_and_partner_functions_of_the_landscape():
    assert {"ZPC", "ZOUT"} <= set(customizing.BASELINE["T077D"])
    assert customizing.PROVINCIAL_CENTER_PARTNER_FUNCTION in customizing.BASELINE["TPAR"]
    assert {"AG", "WE", "RE", "RG"} <= set(customizing.BASELINE["TPAR"])


def test_every_internal_unit_of_the_sd_codes_is_customized():
    assert set(codes.UNITS) <= set(customizing.BASELINE["T006"])
