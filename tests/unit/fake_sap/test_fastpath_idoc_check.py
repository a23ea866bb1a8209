"""The fast syntax check of inbound IDocs (:mod:`fake_sap.fastpath`) agrees with the
reference check (:mod:`fake_sap.idoc.validation`): it says "passes" exactly when the
reference finds nothing, for every declared IDoc type, every field type and every kind of
finding (unknown segment or field, occurrences, length, type, mandatory field)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fake_sap.fastpath.idoc_check import data_records_pass, fields_pass
from fake_sap.idoc import types
from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import Field, IdocType, SapType, Segment
from fake_sap.idoc.validation import data_record_issues, field_issues

pytestmark = pytest.mark.unit

#: a valid value per type (cut to the field's length where it must be)
VALID = {SapType.NUMC: "1", SapType.DATS: "20261201", SapType.TIMS: "101500",
         SapType.QUAN: "1.5", SapType.CURR: "12.50-", SapType.DEC: "3", SapType.UNIT: "ST",
         SapType.CUKY: "EUR", SapType.LANG: "E"}
#: values that are wrong for some types and right for others
CANDIDATES = ["", "0", "7", "abc", "12.5", "5.00-", "-", ".", "1.2.3", "20261301",
              "20240229", "20230229", "00000000", "2026010", "235959", "240000", "1e5", "١٢",
              " 1", "ST", "离心泵", "x" * 80]


def valid_value(field: Field) -> str:
    return VALID.get(field.type, "A" * min(field.length, 3))


def valid_segment(segment: Segment, repeat: int = 1) -> list[SegmentData]:
    return [SegmentData(segment.name, {f.name: valid_value(f) for f in segment.fields},
                        [child for declared in segment.children
                         for child in valid_segment(declared)])
            for _ in range(repeat)]


def valid_idoc(idoc_type: IdocType) -> list[SegmentData]:
    return [data for declared in idoc_type.segments
            for data in valid_segment(declared, min(declared.max_occurs, 2))]


def walk(segments: list[SegmentData]) -> Iterator[SegmentData]:
    for data in segments:
        yield data
        yield from walk(data.children)


def sample_fields(segment: Segment | None) -> list[str]:
    """One field of each type and length the segment declares, and its mandatory ones:
    the fast path treats fields alike by type and length only."""
    assert segment is not None
    kinds = {(f.type, f.length): f.name for f in reversed(segment.fields)}
    return sorted(set(kinds.values()) | {f.name for f in segment.mandatory_fields})


def agree(idoc_type: IdocType, segments: list[SegmentData]) -> None:
    reference = data_record_issues(idoc_type, Idoc({}, segments))
    assert data_records_pass(idoc_type, segments) == (reference == []), reference


ALL_TYPES = sorted(types.IDOC_TYPES.values(), key=lambda t: t.name)


@pytest.mark.parametrize("idoc_type", ALL_TYPES, ids=lambda t: t.name)
def test_a_valid_idoc_of_every_type_passes_both(idoc_type: IdocType) -> None:
    segments = valid_idoc(idoc_type)
    assert data_record_issues(idoc_type, Idoc({}, segments)) == []
    assert data_records_pass(idoc_type, segments)
    assert data_records_pass(idoc_type, []) == (
        data_record_issues(idoc_type, Idoc({}, [])) == [])


@pytest.mark.parametrize("idoc_type", ALL_TYPES, ids=lambda t: t.name)
def test_every_wrong_or_right_value_of_every_field_is_judged_alike(idoc_type: IdocType
                                                                    ) -> None:
    for segment in idoc_type.all_segments():
        values = {f.name: valid_value(f) for f in segment.fields}
        assert fields_pass(segment, values)
        for name in sample_fields(segment):
            original = values[name]
            for value in CANDIDATES:
                values[name] = value
                assert fields_pass(segment, values) == (
                    field_issues(segment, values, "") == []), (segment.name, name, value)
            values[name] = original


@pytest.mark.parametrize("idoc_type", ALL_TYPES, ids=lambda t: t.name)
def test_unknown_fields_and_segments_and_occurrences_are_judged_alike(idoc_type: IdocType
                                                                      ) -> None:
    segments = valid_idoc(idoc_type)
    for data in walk(segments):
        data.values["NOT_A_FIELD"] = "1"
        agree(idoc_type, segments)
        del data.values["NOT_A_FIELD"]
        data.children.append(SegmentData("Z1UNKNOWN", {}))
        agree(idoc_type, segments)
        data.children.pop()
    # the first segment of each list taken away, and doubled, in turn
    for siblings in [segments, *(d.children for d in walk(segments))]:
        if siblings:
            first = siblings.pop(0)
            agree(idoc_type, segments)
            siblings[:0] = [first, first]
            agree(idoc_type, segments)
            siblings.pop(0)
    agree(idoc_type, segments)


@pytest.mark.parametrize("idoc_type", ALL_TYPES, ids=lambda t: t.name)
def test_declared_segments_at_the_wrong_hierarchy_level_are_judged_alike(idoc_type: IdocType
                                                                          ) -> None:
    # every declared child segment at the top level, and the first dozen declared segments
    # under each parent that does not declare them (all of them would make the test slow):
    # the fast path refuses them all, the reference names them as wrong-level findings
    segments = valid_idoc(idoc_type)
    declared = idoc_type.all_segments()
    tops = {s.name for s in idoc_type.segments}
    for misplaced in declared:
        if misplaced.name not in tops:
            segments.append(SegmentData(misplaced.name, {}))
            assert not data_records_pass(idoc_type, segments)
            assert any(i.wrong_level for i in data_record_issues(idoc_type, Idoc({}, segments)))
            segments.pop()
    for data in walk(segments):
        allowed = {c.name for c in idoc_type.segment(data.name).children}  # type: ignore[union-attr]
        for misplaced in (s for s in declared[:12] if s.name not in allowed):
            data.children.append(SegmentData(misplaced.name, {}))
            agree(idoc_type, segments)
            issues = data_record_issues(idoc_type, Idoc({}, segments))
            assert any(i.wrong_level and misplaced.name in i.reason for i in issues)
            data.children.pop()


def test_the_control_record_is_judged_alike() -> None:
    control = {"TABNAM": "EDI_DC40", "MANDT": "100", "DOCNUM": "0000000000000001",
               "IDOCTYP": "MATMAS05", "MESTYP": "MATMAS", "SNDPRN": "ERPCLNT100",
               "CREDAT": "20261201", "CRETIM": "101500"}
    assert fields_pass(EDI_DC40, control)
    assert field_issues(EDI_DC40, control, "") == []
    for name in [*control, "NOT_A_FIELD"]:
        original = control.get(name)
        for value in CANDIDATES:
            control[name] = value
            assert fields_pass(EDI_DC40, control) == (field_issues(EDI_DC40, control, "") == [])
        if original is None:
            del control[name]
        else:
            control[name] = original


def test_a_segment_with_a_required_child_fails_without_it() -> None:
    child = Segment("Z1CHILD", "", (Field("A", 3),), min_occurs=1)
    parent = Segment("Z1PARENT", "", (Field("B", 3),), children=(child,), min_occurs=1)
    idoc_type = IdocType("ZTEST01", ("ZTEST",), "", (parent,))

    for segments in ([SegmentData("Z1PARENT", {"B": "x"})],
                     [SegmentData("Z1PARENT", {"B": "x"}, [SegmentData("Z1CHILD", {})])]):
        agree(idoc_type, segments)
