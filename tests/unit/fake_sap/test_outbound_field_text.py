"""The form of each outbound master-data segment field by the dictionary type of its table
field, as a MATMAS05 written by SAP ECC shows it (BRGEW 1.000, BLANZ 000, MSTDE 00000000)."""

from __future__ import annotations

import pytest

from fake_sap.ale import field_text
from fake_sap.ale.field_text import formatter
from fake_sap.ale.master_segments import SegmentFields
from fake_sap.db.schema import knvv, mara, mbew
from fake_sap.ddic.tables.customer import KNVV
from fake_sap.ddic.tables.material import MARA, MBEW
from fake_sap.ddic.types import DATS, AbapType, Elementary, char, curr, dec, numc, quan, unit

pytestmark = pytest.mark.unit

_INT1 = Elementary(AbapType.INT1, 3)
_TIMS = Elementary(AbapType.TIMS, 6)


@pytest.mark.parametrize("type_", [char(18), unit(), Elementary(AbapType.CUKY, 5)])
def test_character_fields_need_no_formatter(type_: Elementary) -> None:
    assert formatter(type_) is None


@pytest.mark.parametrize(("type_", "stored", "written"), [
    (quan(13), None, "0.000"),
    (quan(13), "", "0.000"),
    (quan(13), "1", "1.000"),
    (quan(13), "6.5", "6.500"),
    (quan(13), "-2.25", "2.250-"),
    (quan(13), "2.25-", "2.250-"),
    (dec(3, 1), "", "0.0"),
    (dec(15, 3), "", "0.000"),
    (dec(5), "", "0"),
    (dec(5), "12", "12"),
    (_INT1, "", "0"),
    (_INT1, "4", "4"),
    (numc(3), "", "000"),
    (numc(3), "7", "007"),
    (numc(2), "00", "00"),
    (DATS, "", "00000000"),
    (DATS, None, "00000000"),
    (DATS, "20240229", "20240229"),
    (_TIMS, "", "000000"),
    (curr(11), "", "0"),
    (curr(11), "0", "0"),
    (curr(11), "0.00", "0"),
    (curr(11), "4345.97", "4345.97"),
    (curr(11), "10", "10"),
])
def test_a_stored_value_is_written_in_the_form_of_its_type(
        type_: Elementary, stored: str | None, written: str) -> None:
    format_value = formatter(type_)
    assert format_value is not None
    assert format_value(stored) == written


def test_a_segment_leaves_blank_character_fields_out_and_writes_every_number() -> None:
    fields = SegmentFields(mara, MARA, skip=(), columns=("matnr", "bismt", "blanz", "brgew",
                                                         "volum", "mstde", "gewto"))
    values = fields.values(("M-1", "", "", "1.5", None, "", ""), "005")
    assert values == {"MSGFN": "005", "MATNR": "M-1", "BLANZ": "000", "BRGEW": "1.500",
                      "VOLUM": "0.000", "MSTDE": "00000000", "GEWTO": "0.0"}
    assert fields.columns == ("matnr", "bismt", "blanz", "brgew", "volum", "mstde", "gewto")


def test_the_fields_of_a_segment_come_in_the_same_order_whatever_is_blank() -> None:
    # the IDoc writer works out the declared order once per order of a segment's values
    fields = SegmentFields(mara, MARA, skip=(), columns=("matnr", "brgew", "volum", "mstde",
                                                         "gewto"))
    blank = fields.values(("M-1", "", None, "", ""), "005")
    filled = fields.values(("M-1", "2", "3.25", "20240229", "1.5-"), "005")
    assert list(blank) == list(filled) == ["MSGFN", "MATNR", "BRGEW", "VOLUM", "MSTDE",
                                           "GEWTO"]
    assert list(filled.values()) == ["005", "M-1", "2.000", "3.250", "20240229", "1.5-"]


def test_a_valuation_writes_zero_amounts_as_zero_and_the_price_unit_as_digits() -> None:
    fields = SegmentFields(mbew, MBEW, skip=("mandt", "matnr"))
    row = tuple({"bwkey": "1000", "vprsv": "S", "verpr": "0", "stprs": "4345.97",
                 "peinh": "1"}.get(c.name, "") for c in mbew.columns)
    values = fields.values(row, "005")
    assert values["VERPR"] == "0" and values["ZPLP1"] == "0"
    assert values["STPRS"] == "4345.97" and values["PEINH"] == "1"
    assert "BWTAR" not in values and "BKLAS" not in values


def test_a_customer_sales_area_follows_the_same_rules() -> None:
    fields = SegmentFields(knvv, KNVV, skip=(), columns=("vkorg", "waers", "awahr", "antlf",
                                                         "kdgrp"))
    values = fields.values(("1000", "CNY", "", "", ""), "005")
    assert values == {"MSGFN": "005", "VKORG": "1000", "WAERS": "CNY", "AWAHR": "000",
                      "ANTLF": "0"}


_PACKED_SAMPLES = ["0", "1", "01", "10", "1.873", "1.87", "1.8730", "0.000", "00.000",
                   "12.500", "0.5", ".500", "1.", "\u0661.000", "1.\u0663\u0663\u0663", "+1.000",
                   "1.000-", "-1.000", "1e3", " 1.000", "1.000 ", "4345", "0.0"]


@pytest.mark.parametrize("type_", [quan(13), dec(3, 1), dec(5), dec(15, 3), _INT1])
def test_a_packed_number_already_in_its_form_is_written_as_the_conversion_writes_it(
        type_: Elementary, monkeypatch: pytest.MonkeyPatch) -> None:
    format_value = formatter(type_)
    assert format_value is not None
    quick = [format_value(value) for value in _PACKED_SAMPLES]
    # the same values with every one of them converted through Decimal
    monkeypatch.setattr(field_text, "_in_packed_form", lambda _value, _decimals: False)
    assert quick == [format_value(value) for value in _PACKED_SAMPLES]
