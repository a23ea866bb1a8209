"""Units of measure (MARM) without a database: the E1MARMM mapping, the rows the material
master plans for them, the BAPI's checkbox rule with ISO codes, and the outbound segment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.ale.inbound import matmas
from fake_sap.ale.material_units import unit_of_measure_segments
from fake_sap.basis.iso_codes import BASELINE
from fake_sap.db.schema import marm
from fake_sap.errors import ApplicationError
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.lookups import Lookups
from fake_sap.mm import material_master
from fake_sap.mm.material_master import (
    Maintenance,
    MaterialText,
    SaveMaterial,
    UnitOfMeasureView,
)
from fake_sap.rfc.functions import material as material_bapi

pytestmark = pytest.mark.unit

MATNR = "000000000000004711"
CUSTOMIZING = {"T134": {"FERT"}, "T006": {"ST", "KG", "BOX", "M"}}


def lookups() -> Lookups:
    return Lookups("100", CUSTOMIZING, "20260101", "ALEREMOTE", known={})


def command(*units: UnitOfMeasureView, maintenance: Maintenance = Maintenance.REPLACE
            ) -> SaveMaterial:
    return SaveMaterial(material=MATNR, maintenance=maintenance, material_type="FERT",
                        base_unit="ST", texts=(MaterialText("E", "Pump"),),
                        units_of_measure=units)


def marm_rows(rows: list[tuple[object, dict[str, str]]]) -> list[dict[str, str]]:
    return [row for table, row in rows if table is marm]


# --- inbound ----------------------------------------------------------------------------------

def idoc_with_units(*segments: dict[str, str]) -> Idoc:
    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "4711", "MTART": "FERT",
                                     "MEINS": "PCE"},
                         [SegmentData("E1MAKTM", {"SPRAS": "E", "MAKTX": "Pump"}),
                          *(SegmentData("E1MARMM", values) for values in segments)])
    return Idoc({}, [header])


def test_an_e1marmm_becomes_a_unit_view_with_internal_units() -> None:
    idoc = idoc_with_units({"MSGFN": "005", "MEINH": "BX", "UMREZ": "12", "UMREN": "1",
                            "GEWEI": "KGM", "BRGEW": "6.5"},
                           {"MSGFN": "003", "MEINH": "KGM"})

    saved = matmas.to_command(idoc, BASELINE)

    assert isinstance(saved, SaveMaterial)
    box, removed = saved.units_of_measure
    assert (box.unit, box.delete, removed.unit, removed.delete) == ("BOX", False, "KG", True)
    assert (box.fields["UMREZ"], box.fields["GEWEI"], box.fields["BRGEW"]) == \
        ("12", "KG", "6.5")
    assert box.fields["EAN11"] == ""  # a MATMAS replaces: not sent is initial


def test_an_e1marmm_unit_without_a_conversion_is_vii_003() -> None:
    with pytest.raises(ApplicationError) as refused:
        matmas.to_command(idoc_with_units({"MEINH": "ST", "MEABM": "XYZ"}), BASELINE)
    assert (refused.value.sap_message.msgid, refused.value.sap_message.msgno) == ("VII", "003")


# --- the material master ----------------------------------------------------------------------

def test_a_unit_is_upserted_and_a_removed_unit_deleted() -> None:
    posted = material_master.post(lookups(), command(
        UnitOfMeasureView("BOX", {"UMREZ": "12", "UMREN": "1", "EAN11": ""}),
        UnitOfMeasureView("KG", delete=True)))

    [box] = marm_rows(posted.rows.upserts)
    assert (box["mandt"], box["matnr"], box["meinh"], box["umrez"], box["ean11"]) == \
        ("100", MATNR, "BOX", "12", "")
    assert posted.rows.deletes == [(marm, {"mandt": "100", "matnr": MATNR, "meinh": "KG"})]


def test_flagged_maintenance_writes_only_the_fields_given() -> None:
    posted = material_master.post(lookups(), command(
        UnitOfMeasureView("BOX", {"UMREZ": "24"}), maintenance=Maintenance.FLAGGED))

    [box] = marm_rows(posted.rows.upserts)
    assert set(box) == {"mandt", "matnr", "meinh", "umrez"}


@pytest.mark.parametrize("unit", [
    UnitOfMeasureView("XYZ"), UnitOfMeasureView("BOX", {"GEWEI": "XYZ"})])
def test_a_unit_t006_does_not_define_is_m3_351(unit: UnitOfMeasureView) -> None:
    with pytest.raises(ApplicationError) as refused:
        material_master.post(lookups(), command(unit))
    assert (refused.value.sap_message.msgid, refused.value.sap_message.msgno) == ("M3", "351")


def test_a_field_marm_does_not_keep_is_a_mistake_of_the_caller() -> None:
    with pytest.raises(ValueError, match="XFHDW"):
        material_master.post(lookups(), command(UnitOfMeasureView("BOX", {"XFHDW": "X"})))


# --- BAPI_MATERIAL_SAVEDATA: UNITSOFMEASURE ---------------------------------------------------

EMPTY_ROW = {f.name: "" for f in material_bapi.BAPI_MARM.fields}
EMPTY_FLAGS = {f.name: "" for f in material_bapi.BAPI_MARMX.fields}


def bapi_units(row: dict[str, object], flags: dict[str, str] | None) -> list[dict[str, object]]:
    return material_bapi._units_of_measure(
        [{**EMPTY_ROW, **row}], [] if flags is None else [{**EMPTY_FLAGS, **flags}],
        BASELINE, {"ST", "KG", "BOX", "M"})


def test_the_checkbox_rule_takes_only_flagged_fields_and_converts_iso_units() -> None:
    [unit] = bapi_units({"ALT_UNIT_ISO": "BX", "NUMERATOR": Decimal("12.0"),
                         "EAN_UPC": "4006381333931", "UNIT_OF_WT_ISO": "KGM",
                         "MAXIMUM_STACKING": 3},
                        {"ALT_UNIT_ISO": "BX", "NUMERATOR": "X", "UNIT_OF_WT_ISO": "X",
                         "MAXIMUM_STACKING": "X"})
    assert unit == {"meinh": "BOX", "delete": False,
                    "values": {"umrez": "12", "gewei": "KG", "max_stack": "3"}}


def test_a_row_without_a_matching_flag_row_changes_nothing() -> None:
    assert bapi_units({"ALT_UNIT": "BOX", "NUMERATOR": Decimal(12)},
                      {"ALT_UNIT": "KG", "NUMERATOR": "X"}) == []


def test_del_flag_removes_the_unit_without_any_checkbox() -> None:
    assert bapi_units({"ALT_UNIT": "BOX", "DEL_FLAG": "X"}, None) == [
        {"meinh": "BOX", "values": {}, "delete": True}]


def test_an_iso_code_without_a_conversion_is_refused_naming_the_field() -> None:
    with pytest.raises(material_bapi._Refused) as refused:
        bapi_units({"ALT_UNIT": "BOX", "SUB_UOM_ISO": "XYZ"},
                   {"ALT_UNIT": "BOX", "SUB_UOM": "X"})
    assert (refused.value.error.msgno, refused.value.parameter, refused.value.field) == \
        ("351", "UNITSOFMEASURE", "SUB_UOM")


# --- outbound ---------------------------------------------------------------------------------

def test_a_marm_row_is_an_e1marmm_with_iso_units_and_numbers_in_sap_form() -> None:
    row = tuple({"mandt": "100", "matnr": MATNR, "meinh": "BOX", "umrez": "12",
                 "umren": "1", "gewei": "KG", "nest_ftr": "5", "brgew": "2.5"}.get(c.name, "")
                for c in marm.columns)

    [segment] = unit_of_measure_segments([row], "005", BASELINE.units)

    # blank character fields are left out; quantities carry all their decimals and empty
    # numbers are zero, as a MATMAS05 written by SAP ECC has them (LAENG 0.000, NEST_FTR 0)
    assert (segment.name, segment.values) == ("E1MARMM", {
        "MSGFN": "005", "MEINH": "BX", "UMREZ": "12", "UMREN": "1", "LAENG": "0.000",
        "BREIT": "0.000", "HOEHE": "0.000", "VOLUM": "0.000", "BRGEW": "2.500",
        "GEWEI": "KGM", "NEST_FTR": "5", "MAX_STACK": "0", "CAPAUSE": "0.000"})
