"""Checks of an IDoc against its declaration: control record, hierarchy, occurrences, fields."""

from __future__ import annotations

from collections.abc import Callable

from fake_sap.fastpath.idoc_check import data_records_pass, fields_pass
from fake_sap.idoc import types
from fake_sap.idoc.control import EDI_DC40, PARTNER_TYPES
from fake_sap.idoc.document import Idoc, Issue, SegmentData
from fake_sap.idoc.model import IdocType, Segment

#: finds the declaration for an IDOCTYP/CIMTYP pair (built-in only, or with imported types)
TypeLookup = Callable[[str, str], IdocType | None]


def check_control(idoc: Idoc, lookup: TypeLookup = types.lookup) -> list[Issue]:
    """Problems with the control record (inbound status 56 in SAP)."""
    if not fields_pass(EDI_DC40, idoc.control):
        issues = _check_fields(EDI_DC40, idoc.control, f"IDOC[{idoc.index}]/EDI_DC40")
        if issues:
            return issues
    path = f"IDOC[{idoc.index}]/EDI_DC40"
    declared = lookup(idoc.idoctyp, idoc.cimtyp)
    if declared is None:
        what = f"{idoc.idoctyp}/{idoc.cimtyp}" if idoc.cimtyp else idoc.idoctyp
        return [Issue(path, "CIMTYP" if idoc.cimtyp else "IDOCTYP",
                      f"IDoc type {what} is not defined in this system")]
    # an imported type without an assignment of message types (WE82) takes any
    if declared.message_types and idoc.mestyp not in declared.message_types:
        return [Issue(path, "MESTYP", f"message type {idoc.mestyp} is not assigned to IDoc "
                                      f"type {declared.name}")]
    if idoc.root and idoc.root != declared.name:
        return [Issue(path, "IDOCTYP", f"document root <{idoc.root}> does not match IDoc type "
                                       f"{declared.name}")]
    sndprt = idoc.control.get("SNDPRT", "")
    if sndprt and sndprt not in PARTNER_TYPES:
        return [Issue(path, "SNDPRT", f"partner type {sndprt} is not defined")]
    # MANDT is not checked: it is the sender's client, and SAP does not use it on receipt
    # (SAP Help, EWM 2007 "Data Formatting": EDI_DC40-MANDT is not relevant for receipt); the
    # receiving client is the one the IDoc is posted to
    return []


def check_segments(idoc_type: IdocType, idoc: Idoc) -> list[Issue]:
    """Syntax check of the data records (inbound status 60 in SAP)."""
    # nearly every IDoc passes: the fast path says so without building a finding's path
    if data_records_pass(idoc_type, idoc.segments):
        return []
    return data_record_issues(idoc_type, idoc)


def data_record_issues(idoc_type: IdocType, idoc: Idoc) -> list[Issue]:
    """The reference syntax check of the data records, every finding located (what
    :func:`check_segments` returns; :mod:`fake_sap.fastpath` must agree with it)."""
    base = f"IDOC[{idoc.index}]"
    return _check_children(idoc_type, idoc_type.segments, idoc.segments, base)


def _check_children(idoc_type: IdocType, declared: tuple[Segment, ...],
                    actual: list[SegmentData], path: str) -> list[Issue]:
    issues: list[Issue] = []
    allowed = {s.name: s for s in declared}
    counts: dict[str, int] = {}
    for data in actual:
        segment = allowed.get(data.name)
        if segment is None:
            issues.append(_refused_segment(idoc_type, data.name, path))
            continue
        counts[data.name] = counts.get(data.name, 0) + 1
        here = f"{path}/{data.name}"
        if segment.max_occurs > 1:
            here += f"[{counts[data.name]}]"
        issues.extend(_check_fields(segment, data.values, here))
        issues.extend(_check_children(idoc_type, segment.children, data.children, here))
    for segment in declared:
        found = counts.get(segment.name, 0)
        if found < segment.min_occurs:
            issues.append(Issue(path, "", f"segment {segment.name} is missing "
                                          f"(at least {segment.min_occurs} required)"))
        elif found > segment.max_occurs:
            issues.append(Issue(path, "", f"segment {segment.name} occurs {found} times "
                                          f"(at most {segment.max_occurs} allowed)"))
    return issues


def _refused_segment(idoc_type: IdocType, name: str, path: str) -> Issue:
    # worked out only for a refused segment (a valid IDoc never gets here): whether the
    # type knows the segment elsewhere in its tree decides SAP's message, E0 077 for a
    # segment at the wrong hierarchy level, E0 072 for one the type does not declare
    return Issue(path, "", f"segment {name} is not allowed here",
                 wrong_level=idoc_type.segment(name) is not None)


def field_issues(segment: Segment, values: dict[str, str], path: str) -> list[Issue]:
    """The reference check of one segment's field values (what the fast path must agree
    with)."""
    return _check_fields(segment, values, path)


def _check_fields(segment: Segment, values: dict[str, str], path: str) -> list[Issue]:
    issues = []
    for name, value in values.items():
        declared = segment.field(name)
        if declared is None:
            issues.append(Issue(path, name, f"field {name} is not defined in segment "
                                            f"{segment.name}"))
            continue
        # an empty element (<DOCNUM/>) is the field's initial value, as if it were left out
        reason = declared.check(value) if value else None
        if reason:
            issues.append(Issue(path, name, reason))
    for declared in segment.mandatory_fields:
        if not values.get(declared.name):
            issues.append(Issue(path, declared.name, "mandatory field is empty"))
    return issues
