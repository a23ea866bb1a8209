"""THE FAST PATH, IDoc-XML as text: outbound IDocs written, stored documents joined and the
answer to an IDoc-XML POST built without lxml trees, each equal to the lxml way byte for byte.

See :mod:`fake_sap.fastpath` for what every part guarantees and ``docs/adr/0005-fast-paths.md``
for why. Layer: IDoc edge; imports the IDoc declarations and lxml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from fake_sap.fastpath.xml_text import (
    DECLARATION,
    all_write_unchanged,
    element_by_lxml,
    writes_unchanged,
)
from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType, Segment

# --- writing IDoc-XML as text ------------------------------------------------------------------

def idoc_xml_text(idoc_type: IdocType, idocs: list[Idoc]) -> str:
    """One IDoc-XML document (root = the type) holding the given IDocs, as text: exactly
    ``etree.tostring(tree, xml_declaration=True, encoding="UTF-8")`` decoded."""
    root = idoc_type.name
    if not idocs:
        return f"{DECLARATION}<{root}/>"
    layout = _document_layout(idoc_type)
    out = [DECLARATION, "<", root, ">"]
    for idoc in idocs:
        out.append('<IDOC BEGIN="1">')
        control = {"TABNAM": "EDI_DC40", **idoc.control,
                   "IDOCTYP": idoc_type.idoctyp, "CIMTYP": idoc_type.cimtyp}
        texts: list[object] = list(control.values())
        _collect_values(idoc.segments, texts)
        # one look at all values of the IDoc: nearly always none needs lxml
        verbatim = all_write_unchanged(texts)
        _write(out, _CONTROL, control, [], verbatim)
        _write_children(out, layout, idoc.segments, verbatim)
        out.append("</IDOC>")
    out += ["</", root, ">"]
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Layout:
    """What writing a segment type needs, worked out once from its declaration."""

    start: str  # <E1MARAM SEGMENT="1">
    empty: str  # <E1MARAM SEGMENT="1"/>, for a segment without fields or children
    end: str  # </E1MARAM>
    #: (field name, start tag, end tag) in declared order
    fields: tuple[tuple[str, str, str], ...]
    #: field name -> its position in ``fields``
    positions: dict[str, int]
    #: the names of a segment's values, in the order they come -> the declared fields among
    #: them in declared order (see :func:`_fields_in_order`)
    orders: dict[tuple[str, ...], list[tuple[str, str, str]]]
    #: child segment name -> (declared position, its layout)
    children: dict[str, tuple[int, _Layout]]


def _layout(segment: Segment) -> _Layout:
    return _Layout(
        f'<{segment.name} SEGMENT="1">', f'<{segment.name} SEGMENT="1"/>', f"</{segment.name}>",
        tuple((f.name, f"<{f.name}>", f"</{f.name}>") for f in segment.fields),
        {f.name: i for i, f in enumerate(segment.fields)}, {},
        _positions(segment.children))


def _positions(segments: tuple[Segment, ...]) -> dict[str, tuple[int, _Layout]]:
    return {s.name: (i, _layout(s)) for i, s in enumerate(segments)}


_CONTROL = _layout(EDI_DC40)
#: id of an IDoc type -> (the type, the layouts of its top segments); the type is kept so
#: that its id cannot be reused by another object while the entry exists
_DOCUMENT_LAYOUTS: dict[int, tuple[IdocType, dict[str, tuple[int, _Layout]]]] = {}


def _document_layout(idoc_type: IdocType) -> dict[str, tuple[int, _Layout]]:
    known = _DOCUMENT_LAYOUTS.get(id(idoc_type))
    if known is None or known[0] is not idoc_type:
        known = (idoc_type, _positions(idoc_type.segments))
        _DOCUMENT_LAYOUTS[id(idoc_type)] = known
    return known[1]


def _collect_values(segments: list[SegmentData], into: list[object]) -> None:
    for segment in segments:
        into += segment.values.values()
        if segment.children:
            _collect_values(segment.children, into)


def _write(out: list[str], layout: _Layout, values: dict[str, str],
           children: list[SegmentData], verbatim: bool) -> None:
    """One segment; ``verbatim``: every value of it is text lxml would write unchanged."""
    start = len(out)
    out.append(layout.start)
    get = values.get
    fields = _fields_in_order(layout, values)
    if verbatim:
        for name, start_tag, end_tag in fields:
            value = get(name)
            if value:
                out += (start_tag, value, end_tag)
    else:  # some value needs escaping, or is no text at all: look at each on its own
        for name, start_tag, end_tag in fields:
            value = get(name)
            if value:
                if value.__class__ is str and writes_unchanged(value):
                    out += (start_tag, value, end_tag)
                else:
                    out.append(element_by_lxml(name, value))
    if children:
        _write_children(out, layout.children, children, verbatim)
    elif len(out) == start + 1:
        out[start] = layout.empty
        return
    out.append(layout.end)


#: how many value layouts one segment type remembers; outbound segments made of table rows
#: come in a handful of layouts, and the bound keeps random input from growing the memory
_MAX_ORDERS = 256


def _fields_in_order(layout: _Layout, values: dict[str, str]) -> list[tuple[str, str, str]]:
    """The declared fields ``values`` has, in declared order.

    A segment declares SAP's full field list (dozens of fields) but mostly carries a few of
    them, and the segments of one kind carry the same ones in the same order: the answer is
    worked out once per such order instead of looking up every declared field each time.
    """
    names = tuple(values)
    known = layout.orders.get(names)
    if known is None:
        positions = layout.positions
        known = [layout.fields[i] for i in sorted(positions[n] for n in names if n in positions)]
        if len(layout.orders) < _MAX_ORDERS:
            layout.orders[names] = known
    return known


def _write_children(out: list[str], declared: dict[str, tuple[int, _Layout]],
                    actual: list[SegmentData], verbatim: bool) -> None:
    """The segments in declared order (those of one type in the order given)."""
    try:
        placed = [(declared[data.name], data) for data in actual]
    except KeyError:
        unknown = [d.name for d in actual if d.name not in declared]
        raise ValueError(f"segments {unknown} are not declared here") from None
    if len(placed) > 1:
        placed.sort(key=_position)
    for (_, layout), data in placed:
        _write(out, layout, data.values, data.children, verbatim)


def _position(placed: tuple[tuple[int, _Layout], SegmentData]) -> int:
    return placed[0][0]


# --- joining stored documents ------------------------------------------------------------------

#: a whole document as lxml writes it: declaration, bare root, IDOC elements, end of root
_LXML_DOCUMENT = re.compile(re.escape(DECLARATION) + r"<([A-Za-z0-9_]+)>(<IDOC .*)</\1>\Z",
                            re.DOTALL)


def join_documents(documents: Sequence[str]) -> str:
    """Several stored IDoc-XML documents of one type as one document (SAP's "collect"):
    what :func:`join_documents_with_lxml` returns, without parsing when it can."""
    parts = [_LXML_DOCUMENT.match(document) for document in documents]
    roots = {part.group(1) for part in parts if part is not None}
    if None in parts or len(roots) != 1:
        return join_documents_with_lxml(documents)
    # every document is lxml's shape (well-formed, one root holding the IDOCs): their IDOC
    # elements can be joined as text, at a fraction of parsing them
    root = roots.pop()
    idocs = "".join(part.group(2) for part in parts if part is not None)
    return f"{DECLARATION}<{root}>{idocs}</{root}>"


def join_documents_with_lxml(documents: Sequence[str]) -> str:
    """The lxml way of :func:`join_documents`, for documents of any shape: parsed, and the
    children of their roots joined under one root of the first document's name."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root: etree._Element | None = None
    for text in documents:
        document = etree.fromstring(text.encode("utf-8"), parser)
        if root is None:
            root = etree.Element(document.tag)
        root.extend(list(document))
    assert root is not None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode("utf-8")


# --- the answer to an IDoc-XML POST ------------------------------------------------------------

def idoc_xml_result(count: int, first_docnum: str, last_docnum: str,
                    statuses: Sequence[tuple[str, int]]) -> bytes:
    """The summary the IDoc-XML service answers with: exactly what
    :func:`idoc_xml_result_with_lxml` writes. Its values are IDoc numbers, status codes and
    counts, which are copied as they are when they are ASCII letters and digits (always, for
    what the processor reports); anything else goes to lxml."""
    texts = [first_docnum, last_docnum, *(code for code, _ in statuses)]
    if not all(text.isascii() and text.isalnum() for text in texts if text):
        return idoc_xml_result_with_lxml(count, first_docnum, last_docnum, statuses)
    head = (f'{DECLARATION}<IDOC_XML_RESULT COUNT="{count}" FIRST_DOCNUM="{first_docnum}" '
            f'LAST_DOCNUM="{last_docnum}"')
    if not statuses:
        return f"{head}/>".encode()
    rows = "".join(f'<STATUS CODE="{code}" COUNT="{number}"/>' for code, number in statuses)
    return f"{head}>{rows}</IDOC_XML_RESULT>".encode()


def idoc_xml_result_with_lxml(count: int, first_docnum: str, last_docnum: str,
                              statuses: Sequence[tuple[str, int]]) -> bytes:
    """The lxml way of :func:`idoc_xml_result`."""
    root = etree.Element("IDOC_XML_RESULT", COUNT=str(count), FIRST_DOCNUM=first_docnum,
                         LAST_DOCNUM=last_docnum)
    for code, number in statuses:
        etree.SubElement(root, "STATUS", CODE=code, COUNT=str(number))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
