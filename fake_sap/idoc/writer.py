"""IDoc-XML generation, driven by the declarations (fields and segments in declared order)."""

from __future__ import annotations

from lxml import etree

from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType, Segment


def to_xml(idoc_type: IdocType, idocs: list[Idoc]) -> bytes:
    """One IDoc-XML document (root = the type) holding the given IDocs."""
    root = etree.Element(idoc_type.name)
    for idoc in idocs:
        element = etree.SubElement(root, "IDOC", BEGIN="1")
        control = {"TABNAM": "EDI_DC40", **idoc.control,
                   "IDOCTYP": idoc_type.idoctyp, "CIMTYP": idoc_type.cimtyp}
        _append(element, EDI_DC40, control, [])
        by_name = {s.name: s for s in idoc_type.segments}
        for data in _in_declared_order(idoc_type.segments, idoc.segments):
            _append_segment(element, by_name[data.name], data)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _in_declared_order(declared: tuple[Segment, ...],
                       actual: list[SegmentData]) -> list[SegmentData]:
    order = {s.name: i for i, s in enumerate(declared)}
    unknown = [d.name for d in actual if d.name not in order]
    if unknown:
        raise ValueError(f"segments {unknown} are not declared here")
    return sorted(actual, key=lambda d: order[d.name])


def _append_segment(parent: etree._Element, segment: Segment, data: SegmentData) -> None:
    children = _in_declared_order(segment.children, data.children)
    _append(parent, segment, data.values, children)


def _append(parent: etree._Element, segment: Segment, values: dict[str, str],
            children: list[SegmentData]) -> None:
    element = etree.SubElement(parent, segment.name, SEGMENT="1")
    for declared in segment.fields:
        value = values.get(declared.name, "")
        if value:
            etree.SubElement(element, declared.name).text = value
    by_name = {c.name: c for c in segment.children}
    for child in children:
        _append_segment(element, by_name[child.name], child)
