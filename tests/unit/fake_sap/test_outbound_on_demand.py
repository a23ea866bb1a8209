"""Outbound IDocs made one at a time (fake_sap.ale.outbound.ObjectIdocs and
fake_sap.ale.master_segments.SegmentsOnDemand): the same IDocs, in the same order, as a
list built up front, with each object's segments made only when they are looked up."""

from __future__ import annotations

import pytest

from fake_sap.ale.outbound import NewIdoc, ObjectIdocs  # isort: skip (imports master_segments)
from fake_sap.ale.master_segments import SegmentsOnDemand
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.types import MATMAS05

pytestmark = pytest.mark.unit


def _segment(rows: tuple[str, ...]) -> SegmentData:
    return SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": rows[0]})


def test_segments_are_made_on_each_lookup_and_unknown_keys_are_left_out() -> None:
    made: list[str] = []

    def counting(rows: tuple[str, ...]) -> SegmentData:
        made.append(rows[0])
        return _segment(rows)

    segments = SegmentsOnDemand({"A": ("A",), "B": ("B",)}, counting)
    assert made == []
    assert list(segments) == ["A", "B"] and len(segments) == 2
    assert "A" in segments and "C" not in segments
    assert segments.get("C") is None
    assert segments["B"] == [_segment(("B",))]
    assert made == ["B"]


def test_object_idocs_equal_the_list_built_up_front() -> None:
    segments = SegmentsOnDemand({"A": ("A",), "C": ("C",)}, _segment)
    idocs = ObjectIdocs("MATMAS", MATMAS05, ["R1", "R2"], ["C", "B", "A"], segments)
    expected = [NewIdoc("MATMAS", MATMAS05, receiver, key, [_segment((key,))])
                for key in ("C", "A") for receiver in ("R1", "R2")]
    assert len(idocs) == 4
    assert list(idocs) == expected
    assert expected[1] in idocs
    assert list(ObjectIdocs("MATMAS", MATMAS05, [], ["A"], segments)) == []
