"""The syntax checks of inbound IDocs (fake_sap.idoc.validation): the control record as for
status 56 (type, message type, partner type, client), the data records as for status 60
(hierarchy, occurrences, field types, mandatory fields), each finding located by its path
(SAP reference 1.2, 3)."""

from __future__ import annotations

import pytest

from fake_sap.idoc.document import Idoc, Issue, SegmentData
from fake_sap.idoc.types import DELVRY07, MATMAS05, ORDERS05, ZDELVRY07
from fake_sap.idoc.validation import check_control, check_segments

pytestmark = pytest.mark.unit

CONTROL = {"TABNAM": "EDI_DC40", "MANDT": "100", "DIRECT": "2", "IDOCTYP": "MATMAS05",
           "MESTYP": "MATMAS", "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": "CRMCLNT100",
           "CREDAT": "20240131", "CRETIM": "235959"}


def idoc(*segments: SegmentData, index: int = 1, root: str = "MATMAS05", **control: str
         ) -> Idoc:
    return Idoc({**CONTROL, **control}, list(segments), index=index, root=root)


def header(*children: SegmentData, **values: str) -> SegmentData:
    return SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "4711", **values}, list(children))


def text(maktx: str = "Pump") -> SegmentData:
    return SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": maktx})


# --- the control record -----------------------------------------------------------------------

def test_a_correct_control_record_has_no_issues():
    assert check_control(idoc()) == []


def test_an_unknown_idoc_type_is_named():
    assert check_control(idoc(IDOCTYP="MATMAS03", root="")) == [
        Issue("IDOC[1]/EDI_DC40", "IDOCTYP", "IDoc type MATMAS03 is not defined in this system")]


def test_an_unknown_extension_is_named_with_its_basic_type():
    assert check_control(idoc(IDOCTYP="DELVRY07", CIMTYP="ZNOPE", MESTYP="DESADV", root="")
                         ) == [Issue("IDOC[1]/EDI_DC40", "CIMTYP",
                                     "IDoc type DELVRY07/ZNOPE is not defined in this system")]


def test_a_message_type_not_assigned_to_the_idoc_type_is_refused():
    assert check_control(idoc(MESTYP="DEBMAS")) == [
        Issue("IDOC[1]/EDI_DC40", "MESTYP",
              "message type DEBMAS is not assigned to IDoc type MATMAS05")]


def test_every_message_type_of_delvry07_is_accepted():
    for mestyp in ("DESADV", "SHPORD", "WHSORD", "SHPCON", "WHSCON"):
        assert check_control(idoc(IDOCTYP="DELVRY07", MESTYP=mestyp, root="DELVRY07")) == []


def test_the_document_root_must_match_the_type():
    assert check_control(idoc(root="DEBMAS07")) == [
        Issue("IDOC[1]/EDI_DC40", "IDOCTYP",
              "document root <DEBMAS07> does not match IDoc type MATMAS05")]


def test_an_extension_s_document_is_rooted_in_the_extension():
    extended = idoc(IDOCTYP="DELVRY07", CIMTYP="ZDELVRY07", MESTYP="DESADV", root="ZDELVRY07")
    assert check_control(extended) == []
    assert check_control(idoc(IDOCTYP="DELVRY07", CIMTYP="ZDELVRY07", MESTYP="DESADV",
                              root="DELVRY07"))[0].field == "IDOCTYP"


def test_an_unknown_partner_type_is_refused():
    assert check_control(idoc(SNDPRT="XX")) == [
        Issue("IDOC[1]/EDI_DC40", "SNDPRT", "partner type XX is not defined")]


def test_the_senders_client_in_the_control_record_is_not_checked():
    # SAP Help, EWM 2007 "Data Formatting": EDI_DC40-MANDT is not relevant for receipt
    assert check_control(idoc(MANDT="800")) == []
    assert check_control(idoc(MANDT="")) == []


def test_field_problems_of_the_control_record_come_first_and_alone():
    issues = check_control(idoc(MESTYP="", CREDAT="20241399", index=3))
    assert [(i.path, i.field) for i in issues] == [("IDOC[3]/EDI_DC40", "CREDAT"),
                                                   ("IDOC[3]/EDI_DC40", "MESTYP")]
    assert issues[1].reason == "mandatory field is empty"


def test_an_unknown_field_in_the_control_record_is_named():
    assert check_control(idoc(FOO="1")) == [
        Issue("IDOC[1]/EDI_DC40", "FOO", "field FOO is not defined in segment EDI_DC40")]


# --- the data records -------------------------------------------------------------------------

def test_a_correct_idoc_has_no_issues():
    assert check_segments(MATMAS05, idoc(header(text(), text("泵")))) == []


def test_the_mandatory_header_segment_is_required():
    assert check_segments(MATMAS05, idoc()) == [
        Issue("IDOC[1]", "", "segment E1MARAM is missing (at least 1 required)")]


def test_a_segment_allowed_once_may_not_repeat():
    assert check_segments(MATMAS05, idoc(header(), header())) == [
        Issue("IDOC[1]", "", "segment E1MARAM occurs 2 times (at most 1 allowed)")]


def test_a_segment_in_the_wrong_place_is_not_allowed():
    misplaced = SegmentData("E1MARDM", {"LGORT": "0001"})
    assert check_segments(MATMAS05, idoc(header(misplaced))) == [
        Issue("IDOC[1]/E1MARAM", "", "segment E1MARDM is not allowed here")]


def test_a_declared_segment_under_another_parent_is_at_the_wrong_hierarchy_level():
    plant = SegmentData("E1MARCM", {"WERKS": "1000"}, [text()])
    [issue] = check_segments(MATMAS05, idoc(header(plant)))
    assert issue == Issue("IDOC[1]/E1MARAM/E1MARCM[1]", "",
                          "segment E1MAKTM is not allowed here")
    assert issue.wrong_level


def test_a_child_segment_at_the_top_level_is_at_the_wrong_hierarchy_level():
    [issue] = check_segments(MATMAS05, idoc(header(), text()))
    assert (str(issue), issue.wrong_level) == (
        "IDOC[1]: segment E1MAKTM is not allowed here", True)


def test_a_segment_the_type_does_not_declare_is_not_a_hierarchy_finding():
    for where in (idoc(header(SegmentData("Z1MARAM", {}))),
                  idoc(header(), SegmentData("E1KNA1M", {}))):
        [issue] = check_segments(MATMAS05, where)
        assert not issue.wrong_level, issue


def test_other_findings_are_not_hierarchy_findings():
    issues = [*check_segments(MATMAS05, idoc(header(), header())),
              *check_segments(MATMAS05, idoc()),
              *check_segments(MATMAS05, idoc(header(text("x" * 41), ZZFIELD="1")))]
    assert len(issues) == 4
    assert not any(issue.wrong_level for issue in issues)


def test_an_extension_segment_is_at_the_wrong_level_only_in_the_extension():
    misplaced = SegmentData("E1EDL20", {"VBELN": "0080000001"},
                            [SegmentData("E1EDL24", {}, [SegmentData("Z1EDL20", {})])])
    refused = "segment Z1EDL20 is not allowed here"
    [issue] = [i for i in check_segments(ZDELVRY07, Idoc({}, [misplaced])) if i.reason == refused]
    assert issue.wrong_level
    [issue] = [i for i in check_segments(DELVRY07, Idoc({}, [misplaced])) if i.reason == refused]
    assert not issue.wrong_level


def test_field_findings_are_located_with_the_repetition_of_their_segment():
    issues = check_segments(MATMAS05, idoc(header(text(), text("x" * 41)), index=2))
    assert issues == [Issue("IDOC[2]/E1MARAM/E1MAKTM[2]", "MAKTX",
                            f"value '{'x' * 41}' is longer than 40 characters")]
    assert str(issues[0]) == f"IDOC[2]/E1MARAM/E1MAKTM[2]/MAKTX: value '{'x' * 41}' is " \
                             "longer than 40 characters"


def test_an_empty_mandatory_field_is_reported():
    assert check_segments(MATMAS05, idoc(header(text(""), MATNR=""))) == [
        Issue("IDOC[1]/E1MARAM", "MATNR", "mandatory field is empty"),
        Issue("IDOC[1]/E1MARAM/E1MAKTM[1]", "MAKTX", "mandatory field is empty")]


def test_an_empty_optional_field_is_its_initial_value_and_not_checked():
    assert check_segments(MATMAS05, idoc(header(ERSDA="", BRGEW=""))) == []


def test_typed_fields_are_checked():
    issues = check_segments(MATMAS05, idoc(header(ERSDA="20240230", BRGEW="1,5")))
    assert {(i.field, i.reason) for i in issues} == {
        ("ERSDA", "value '20240230' is not a date YYYYMMDD"),
        ("BRGEW", "value '1,5' is not a number")}


def test_a_field_the_segment_does_not_declare_is_named():
    assert check_segments(MATMAS05, idoc(header(ZZFIELD="1"))) == [
        Issue("IDOC[1]/E1MARAM", "ZZFIELD", "field ZZFIELD is not defined in segment E1MARAM")]


def test_a_bounded_repetition_is_enforced():
    organization = [SegmentData("E1EDK14", {"QUALF": "008", "ORGID": "1000"})] * 13
    issues = check_segments(ORDERS05, Idoc({}, [SegmentData("E1EDK01", {}), *organization]))
    assert issues == [Issue("IDOC[1]", "", "segment E1EDK14 occurs 13 times "
                                           "(at most 12 allowed)")]


def test_customer_segments_are_allowed_only_in_the_extension():
    delivery = SegmentData("E1EDL20", {"VBELN": "0080000001"},
                           [SegmentData("Z1EDL20", {"ZEVENT": "CRE"})])
    assert check_segments(ZDELVRY07, Idoc({}, [delivery])) == []
    assert check_segments(DELVRY07, Idoc({}, [delivery])) == [
        Issue("IDOC[1]/E1EDL20", "", "segment Z1EDL20 is not allowed here")]
