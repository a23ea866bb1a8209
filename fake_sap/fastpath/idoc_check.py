"""THE FAST PATH, the syntax check of inbound IDocs: a quick pass that says whether the
reference check (:mod:`fake_sap.idoc.validation`) would find nothing.

See :mod:`fake_sap.fastpath` and ``docs/adr/0005-fast-paths.md``. Layer: IDoc edge; imports
the IDoc declarations only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.model import Field, IdocType, SapType, Segment

# --- the syntax check of inbound IDocs ---------------------------------------------------------
# Every field of every inbound IDoc is checked against its declaration (status 60): seventy
# values per MATMAS05, and nearly all of them pass. The reference check
# (fake_sap.idoc.validation) builds a located finding for each problem; these functions only
# answer whether there is none, from tables worked out once per segment type, and the
# reference runs whenever the answer is no, so the findings are always its own.

#: SAP types whose values :meth:`Field.check` tests for their length only
_LENGTH_ONLY = frozenset({SapType.CHAR, SapType.UNIT, SapType.CUKY, SapType.LANG})
#: typed values remembered per segment type before the memory is cleared (hostile input must
#: not grow it without end)
_MAX_REMEMBERED_VALUES = 4096


class _FieldRules:
    """One segment type's fields as a table: name -> (maximum length, the field when its
    type needs more than a length check, else None)."""

    __slots__ = ("children", "children_required", "fields", "mandatory", "occurrences",
                 "remembered", "segment")

    def __init__(self, segment: Segment) -> None:
        self.segment = segment
        self.fields: dict[str, tuple[int, Field | None]] = {
            f.name: (f.length, None if f.type in _LENGTH_ONLY else f) for f in segment.fields}
        self.mandatory = tuple(f.name for f in segment.fields if f.mandatory)
        self.children: dict[str, _FieldRules] = {c.name: _FieldRules(c)
                                                 for c in segment.children}
        self.occurrences = _occurrences(segment.children)
        self.children_required = any(c.min_occurs > 0 for c in segment.children)
        #: (field name, value) -> whether :meth:`Field.check` accepts the value, for typed
        #: fields (dates, times and numbers repeat across the IDocs of a packet)
        self.remembered: dict[tuple[str, str], bool] = {}


def _occurrences(segments: tuple[Segment, ...]) -> tuple[tuple[str, int, int], ...]:
    return tuple((s.name, s.min_occurs, s.max_occurs) for s in segments)


#: id of a segment or IDoc type -> (it, its rules); the object is kept so that its id cannot
#: be reused by another one while the entry exists. Imported types are made per request, so
#: the table is emptied when it grows large.
_RULES: dict[int, tuple[object, Any]] = {}
_MAX_RULES = 1024


def _cached_rules(declaration: Segment | IdocType) -> Any:
    known = _RULES.get(id(declaration))
    if known is None or known[0] is not declaration:
        if len(_RULES) >= _MAX_RULES:
            _RULES.clear()
        if isinstance(declaration, Segment):
            rules: Any = _FieldRules(declaration)
        else:
            rules = ({s.name: _FieldRules(s) for s in declaration.segments},
                     _occurrences(declaration.segments))
        known = _RULES[id(declaration)] = (declaration, rules)
    return known[1]


def fields_pass(segment: Segment, values: Mapping[str, str]) -> bool:
    """True when the reference check of ``values`` against ``segment`` finds nothing
    (every field declared, no value too long or not of its type, no mandatory field
    empty); False when it would report something."""
    return _fields_pass(_cached_rules(segment), values)


def data_records_pass(idoc_type: IdocType, segments: Sequence[SegmentData]) -> bool:
    """True when the reference syntax check of an IDoc's data records finds nothing:
    every segment allowed where it is, its occurrences within bounds, its fields valid."""
    children, occurrences = _cached_rules(idoc_type)
    return _segments_pass(children, occurrences, segments)


def _segments_pass(declared: dict[str, _FieldRules],
                   occurrences: tuple[tuple[str, int, int], ...],
                   actual: Sequence[SegmentData]) -> bool:
    counts: dict[str, int] = {}
    for data in actual:
        rules = declared.get(data.name)
        if rules is None:
            return False
        counts[data.name] = counts.get(data.name, 0) + 1
        if not _fields_pass(rules, data.values):
            return False
        if (data.children or rules.children_required) and \
                not _segments_pass(rules.children, rules.occurrences, data.children):
            return False
    for name, at_least, at_most in occurrences:
        found = counts.get(name, 0)
        if found < at_least or found > at_most:
            return False
    return True


def _fields_pass(rules: _FieldRules, values: Mapping[str, str]) -> bool:
    declared = rules.fields
    if not declared.keys() >= values.keys():  # a field the segment does not declare
        return False
    for name, value in values.items():
        length, typed = declared[name]
        if len(value) > length:
            return False
        # an empty element is the field's initial value: its type is not checked
        if typed is not None and value:
            remembered = rules.remembered
            passes = remembered.get((name, value))
            if passes is None:
                if len(remembered) >= _MAX_REMEMBERED_VALUES:
                    remembered.clear()
                passes = remembered[name, value] = typed.check(value) is None
            if not passes:
                return False
    for name in rules.mandatory:
        if not values.get(name):
            return False
    return True
