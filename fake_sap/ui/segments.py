"""The IDoc as the console shows it: a tree of segments, each field with its description from
the IDoc type's declaration, and the test tool's (WE19) way back from an edited form to an
IDoc.

Layer: HTTP edge (the console); pure functions over :mod:`fake_sap.idoc` declarations, no
I/O, so they have fast unit tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType, Segment

#: form field names: ``c:<FIELD>`` for the control record, ``s:<path>:<FIELD>`` for a segment,
#: where the path is the segment's position in the tree (``0``, ``0.2``, ``0.2.1`` ...)
CONTROL_PREFIX = "c:"
SEGMENT_PREFIX = "s:"
#: control record fields the test tool sets itself: the new IDoc is inbound, and an empty
#: sender DOCNUM keeps the copy from being refused as a duplicate of the original (status 68)
TEST_TOOL_CONTROL = {"DIRECT": "2", "DOCNUM": ""}


@dataclass(frozen=True)
class FieldView:
    name: str
    description: str
    length: int
    value: str


@dataclass(frozen=True)
class SegmentView:
    path: str
    name: str
    description: str
    fields: list[FieldView]
    children: list[SegmentView] = field(default_factory=list)


def control_fields(control: Mapping[str, str], *, all_fields: bool) -> list[FieldView]:
    """EDI_DC40 in declared order (only the filled fields unless ``all_fields``)."""
    return [FieldView(f.name, f.description, f.length, control.get(f.name, ""))
            for f in EDI_DC40.fields if all_fields or control.get(f.name)]


def segment_tree(idoc_type: IdocType | None, segments: list[SegmentData], *,
                 all_fields: bool) -> list[SegmentView]:
    """The segments with their declared descriptions; ``all_fields`` adds the empty declared
    fields (the test tool edits them), otherwise only filled fields are shown."""
    declared = {s.name: s for s in idoc_type.all_segments()} if idoc_type else {}
    return [_segment_view(declared, data, str(i), all_fields)
            for i, data in enumerate(segments)]


def _segment_view(declared: dict[str, Segment], data: SegmentData, path: str,
                  all_fields: bool) -> SegmentView:
    segment = declared.get(data.name)
    views: list[FieldView] = []
    if segment is not None:
        views = [FieldView(f.name, f.description, f.length, data.values.get(f.name, ""))
                 for f in segment.fields if all_fields or data.values.get(f.name)]
    # values the declaration does not know (a received IDoc may carry them) are shown too
    known = {v.name for v in views} | ({f.name for f in segment.fields} if segment else set())
    views += [FieldView(name, "", len(value), value)
              for name, value in data.values.items() if name not in known]
    return SegmentView(path, data.name, segment.description if segment else "", views,
                       [_segment_view(declared, child, f"{path}.{i}", all_fields)
                        for i, child in enumerate(data.children)])


def edited_idoc(original: Idoc, form: Mapping[str, str]) -> Idoc:
    """The IDoc the test tool posts: the original's structure with the form's values. An
    empty input removes the field; the control record gets :data:`TEST_TOOL_CONTROL`."""
    control = {f.name: form.get(CONTROL_PREFIX + f.name, original.control.get(f.name, ""))
               for f in EDI_DC40.fields}
    control.update(TEST_TOOL_CONTROL)
    return Idoc({k: v for k, v in control.items() if v},
                [_edited(s, str(i), form) for i, s in enumerate(original.segments)])


def _edited(data: SegmentData, path: str, form: Mapping[str, str]) -> SegmentData:
    prefix = f"{SEGMENT_PREFIX}{path}:"
    values = dict(data.values)
    for key, value in form.items():
        if key.startswith(prefix):
            values[key[len(prefix):]] = value
    return SegmentData(data.name, {k: v for k, v in values.items() if v != ""},
                       [_edited(c, f"{path}.{i}", form) for i, c in enumerate(data.children)])
