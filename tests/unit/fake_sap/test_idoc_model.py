"""The declarative IDoc model (fake_sap.idoc.model): field checks by SAP type, segment and
type declarations, extensions (CIMTYP) grafted like WE30 does, and the registry lookup by
the control record's IDOCTYP/CIMTYP pair (SAP reference 1.1, 1.2)."""

from __future__ import annotations

import pytest

from fake_sap.idoc import types
from fake_sap.idoc.control import EDI_DC40, PARTNER_TYPES
from fake_sap.idoc.model import (
    UNBOUNDED,
    XSD_PATTERNS,
    Field,
    IdocType,
    SapType,
    Segment,
    extend,
    fields,
)
from fake_sap.idoc.types import DEBMAS07, DELVRY07, MATMAS05, ORDERS05, ZDELVRY07

pytestmark = pytest.mark.unit


# --- field checks -----------------------------------------------------------------------------

def test_a_value_longer_than_the_field_is_refused():
    assert Field("MATNR", 18).check("x" * 18) is None
    assert Field("MATNR", 18).check("x" * 19) == f"value '{'x' * 19}' is longer than 18 characters"


def test_the_reason_shows_at_most_sixty_characters_of_the_value():
    reason = Field("F", 3).check("y" * 100)
    assert reason is not None and "y" * 61 not in reason


@pytest.mark.parametrize(("value", "ok"), [("005", True), ("5", True), ("0a5", False),
                                           ("-5", False), (" 5", False)])
def test_numc_holds_digits_only(value, ok):
    reason = Field("MSGFN", 3, SapType.NUMC).check(value)
    assert (reason is None) is ok
    if not ok:
        assert reason == f"value '{value}' is not numeric (NUMC 3)"


@pytest.mark.parametrize(("value", "ok"), [
    ("20240131", True), ("20240229", True), ("00000000", True), ("20230229", False),
    ("20241301", False), ("2024013", False), ("2024-01-31", False), ("abcdefgh", False)])
def test_dats_is_a_real_date_yyyymmdd_or_the_initial_one(value, ok):
    reason = Field("ERSDA", 10, SapType.DATS).check(value)
    assert (reason is None) is ok
    if not ok:
        assert reason == f"value '{value}' is not a date YYYYMMDD"


@pytest.mark.parametrize(("value", "ok"), [
    ("000000", True), ("235959", True), ("240000", False), ("126000", False),
    ("120060", False), ("1200", False), ("12:00:", False)])
def test_tims_is_a_time_hhmmss(value, ok):
    reason = Field("CRETIM", 8, SapType.TIMS).check(value)
    assert (reason is None) is ok


@pytest.mark.parametrize("value", ["12.500", "10.000-", "-3", "7", ".5", "5.", "0"])
@pytest.mark.parametrize("sap_type", [SapType.QUAN, SapType.CURR, SapType.DEC])
def test_numbers_may_carry_the_sign_behind_as_sap_writes_it(value, sap_type):
    assert Field("BRGEW", 13, sap_type).check(value) is None


@pytest.mark.parametrize("value", ["-", ".", "1,5", "1.2.3", "abc", "--1", "1e5", "- 1"])
def test_anything_else_is_not_a_number(value):
    assert Field("BRGEW", 13, SapType.QUAN).check(value) == f"value '{value}' is not a number"


@pytest.mark.parametrize("sap_type", [SapType.CHAR, SapType.UNIT, SapType.CUKY, SapType.LANG])
def test_text_types_take_any_text_that_fits(sap_type):
    assert Field("F", 5, sap_type).check("a <&>") is None


def test_the_xsd_patterns_cover_every_checked_type():
    assert set(XSD_PATTERNS) == {SapType.NUMC, SapType.DATS, SapType.TIMS, SapType.QUAN,
                                 SapType.CURR, SapType.DEC}


# --- declarations -----------------------------------------------------------------------------

def test_compact_field_declarations():
    declared = fields(("MATNR!", 18), ("ERSDA", 8, SapType.DATS, "Created on"))
    assert declared == (Field("MATNR", 18, SapType.CHAR, "", mandatory=True),
                        Field("ERSDA", 8, SapType.DATS, "Created on", mandatory=False))


def test_a_segment_finds_its_fields_children_and_mandatory_fields():
    header = MATMAS05.segment("E1MARAM")
    assert header is not None
    assert header.field("MATNR") == Field("MATNR", 18, SapType.CHAR,
                                          "Material number (internal format, MATN1)", True)
    assert header.field("NOPE") is None
    assert header.child("E1MAKTM") is MATMAS05.segment("E1MAKTM")
    assert header.child("E1MARDM") is None  # a grandchild, not a child
    assert [f.name for f in header.mandatory_fields] == ["MATNR"]


def test_walk_is_depth_first_in_declared_order():
    header = MATMAS05.segment("E1MARAM")
    assert header is not None
    assert [s.name for s in header.walk()] == ["E1MARAM", "E1MARA1", "E1MAKTM", "E1MARCM",
                                               "E1MARC1", "E1MARDM", "E1MFHMM", "E1MPGDM",
                                               "E1MPOPM", "E1MPRWM", "E1MVEGM",
                                               "E1MVEUM", "E1MKALM",
                                               "E1MARMM", "E1MEANM", "E1MBEWM", "E1MLGNM",
                                               "E1MLGTM", "E1MVKEM", "E1MLANM", "E1MTXHM",
                                               "E1MTXLM"]


def test_occurrences_as_in_we30():
    assert (MATMAS05.segment("E1MARAM").min_occurs, MATMAS05.segment("E1MARAM").max_occurs) \
        == (1, 1)
    assert MATMAS05.segment("E1MAKTM").max_occurs == UNBOUNDED
    assert ORDERS05.segment("E1EDK14").max_occurs == 12


def test_a_basic_type_is_its_own_idoctyp_with_no_cimtyp():
    assert (MATMAS05.idoctyp, MATMAS05.cimtyp, MATMAS05.is_extension) == ("MATMAS05", "", False)


def test_an_extension_names_its_basic_type_as_idoctyp_and_itself_as_cimtyp():
    assert (ZDELVRY07.idoctyp, ZDELVRY07.cimtyp, ZDELVRY07.is_extension) == (
        "DELVRY07", "ZDELVRY07", True)
    assert ZDELVRY07.message_types == DELVRY07.message_types


def test_an_extension_hangs_customer_segments_below_their_parents():
    z20 = ZDELVRY07.segment("Z1EDL20")
    z24 = ZDELVRY07.segment("Z1EDL24")
    assert z20 is not None and z20.extension
    assert z24 is not None and z24.extension
    assert ZDELVRY07.segment("E1EDL20").child("Z1EDL20") is z20
    assert ZDELVRY07.segment("E1EDL24").child("Z1EDL24") is z24
    # the basic type is untouched
    assert DELVRY07.segment("Z1EDL20") is None
    assert not ZDELVRY07.segment("E1EDL20").extension


def test_an_extension_of_an_unknown_parent_segment_is_refused():
    extra = Segment("Z1TEST", "test", fields(("ZF", 1)))
    with pytest.raises(ValueError, match=r"ZMATMAS05: no segment \['E1NOPE'\] in MATMAS05"):
        extend(MATMAS05, "ZMATMAS05", "test", {"E1NOPE": (extra,)})


def test_an_extension_may_add_segments_under_a_nested_parent():
    extra = Segment("Z1MARDM", "storage bin extras", fields(("ZBIN", 10)))
    extended = extend(MATMAS05, "ZMATMAS05", "test", {"E1MARDM": (extra,)})
    assert [s.name for s in extended.segment("E1MARCM").walk()] == [
        "E1MARCM", "E1MARC1", "E1MARDM", "Z1MARDM", "E1MFHMM", "E1MPGDM", "E1MPOPM",
        "E1MPRWM", "E1MVEGM", "E1MVEUM", "E1MKALM"]
    assert extended.segment("Z1MARDM").extension


def test_every_segment_name_is_known_to_its_type():
    assert {s.name for s in DEBMAS07.all_segments()} >= {"E1KNA1M", "E1KNVVM", "E1KNVPM",
                                                        "E1KNB1M", "E1KNKKM"}


# --- registry ---------------------------------------------------------------------------------

def test_the_registry_finds_basic_types_and_extensions_by_the_control_record_pair():
    assert types.lookup("MATMAS05") is MATMAS05
    assert types.lookup("DELVRY07", "ZDELVRY07") is ZDELVRY07
    assert types.lookup("DELVRY07") is DELVRY07


@pytest.mark.parametrize(("idoctyp", "cimtyp"), [
    ("MATMAS03", ""), ("MATMAS05", "ZDELVRY07"), ("ORDERS05", "ZNOPE"), ("", "")])
def test_unknown_or_mismatched_pairs_are_not_found(idoctyp, cimtyp):
    assert types.lookup(idoctyp, cimtyp) is None


def test_the_declared_types_cannot_be_changed_at_run_time():
    with pytest.raises(TypeError):
        types.IDOC_TYPES["ZORDERS05"] = ORDERS05  # type: ignore[index]


def test_an_extension_declared_beside_the_basic_types_is_found_by_its_pair(monkeypatch):
    own = extend(ORDERS05, "ZORDERS05", "own", {
        "E1EDK01": (Segment("Z1EDK01", "own header", fields(("ZREF", 10))),)})
    monkeypatch.setattr(types, "IDOC_TYPES", {**types.IDOC_TYPES, own.name: own})
    assert types.lookup("ORDERS05", "ZORDERS05") is own
    assert types.lookup("MATMAS05", "ZORDERS05") is None


# --- the control record -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "length"), [
    ("TABNAM", 10), ("MANDT", 3), ("DOCNUM", 16), ("DOCREL", 4), ("STATUS", 2), ("DIRECT", 1),
    ("IDOCTYP", 30), ("CIMTYP", 30), ("MESTYP", 30), ("SNDPOR", 10), ("SNDPRT", 2),
    ("SNDPRN", 10), ("SNDSAD", 21), ("SNDLAD", 70), ("RCVPRN", 10), ("CREDAT", 8),
    ("CRETIM", 6), ("SERIAL", 20)])
def test_the_control_record_has_sap_s_field_lengths(name, length):
    declared = EDI_DC40.field(name)
    assert declared is not None and declared.length == length


def test_the_control_record_requires_type_message_and_sender():
    assert {f.name for f in EDI_DC40.mandatory_fields} == {"IDOCTYP", "MESTYP", "SNDPRN"}


def test_ale_partner_types():
    assert {"LS", "KU", "LI"} <= PARTNER_TYPES


def test_idoc_types_are_frozen_declarations():
    with pytest.raises(AttributeError):
        MATMAS05.name = "X"  # type: ignore[misc]
    assert isinstance(MATMAS05, IdocType)
