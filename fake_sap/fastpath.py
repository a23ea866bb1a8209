"""THE FAST PATH: the speed tricks the emulator keeps, each with the lxml way it must equal.

Layer: IDoc and RFC edges (below ``ale``, beside ``idoc``). Imports the IDoc declarations,
the RFC interface model and its SOAP codec (for their names and value conversion), and
lxml; nothing of the business areas. Runtime code that wants one of these tricks imports it from
here, so that every place where the emulator writes or joins XML by hand is in this module.

Why: outbound IDocs are created by the hundred thousand (BD10, an initial load), and the
dispatcher passes them on in packets of up to a thousand. Building each document as an
lxml tree cost most of its creation time, and parsing stored documents again only to join
them cost most of a packet's. The decision and the measurements are in
``docs/adr/0005-fast-paths.md``.

What it guarantees (``tests/test_fastpath.py`` and ``tests/test_idoc_writer.py`` hold it to
that, byte for byte):

- :func:`idoc_xml_text` writes exactly what lxml writes for the same IDoc tree
  (``etree.tostring(root, xml_declaration=True, encoding="UTF-8")``): fields and segments
  in declared order, empty fields left out, a segment without fields or children as an
  empty element, non-ASCII as UTF-8. Per segment type the tags and the declared field order
  are worked out once (:class:`_Layout`), and so is, per layout of values (which fields a
  segment carries, in which order), the declared order of just those fields: segments
  declare SAP's full field lists but carry few of them. A value is copied as it is when it
  holds only characters lxml writes unchanged, and any other value is handed to lxml, so
  escaping (``& < >`` and CR) and the refusal of characters XML cannot hold stay lxml's.
- :func:`rfc_response` writes exactly what ``fake_sap.rfc.soap.response`` (lxml) writes
  for the same outputs of a function module: every value through the same wire conversion,
  plain printable values copied, any other handed to lxml. A response of RFC_READ_TABLE
  holds a thousand DATA rows; lxml builds two elements for each
  (``tests/unit/fake_sap/test_fastpath_rfc.py``). Per structure, the field list, the row
  template and the wire text of each field's initial value are worked out once
  (:class:`_RowLayout`): a BAPI echoes its tables, whose unsent fields hold the very initial
  value objects their rows were bound from.
- :func:`idoc_xml_result`, the answer to an IDoc-XML POST, is what
  :func:`idoc_xml_result_with_lxml` writes, byte for byte.
- :func:`fields_pass` and :func:`data_records_pass` say True exactly when the reference
  syntax check of inbound IDocs (:mod:`fake_sap.idoc.validation`) finds nothing; that
  module asks them first and runs its own check only when they say False, so every finding
  is still the reference's (``tests/unit/fake_sap/test_fastpath_idoc_check.py``).
- :func:`driver_statement` and :func:`driver_statement_many` run SQL text on the driver
  inside the connection's transaction and answer what ``exec_driver_sql`` answers (rows, row
  count, SQLAlchemy's exception for a driver error, an invalidated connection when the
  database dropped it); they go through SQLAlchemy while statement events are listened to
  (``tests/unit/fake_sap/test_fastpath_driver.py``).
- :func:`join_documents` returns what :func:`join_documents_with_lxml` returns: one
  document holding the IDOC elements of several stored documents of one type. It joins
  them as text only when every document has exactly the shape lxml (and so
  :func:`idoc_xml_text`) writes; any other document is parsed and joined by lxml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from lxml import etree
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import Field, IdocType, SapType, Segment
from fake_sap.rfc.model import AbapType, Elementary, FunctionInterface, Parameter, Structure
from fake_sap.rfc.soap import NOT_XML as _NOT_XML
from fake_sap.rfc.soap import RFC_NS, SOAP_ENV_NS, wire_text

# --- writing IDoc-XML as text ------------------------------------------------------------------

#: how lxml starts a document written with ``xml_declaration=True, encoding="UTF-8"``
DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"


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
        verbatim = _all_verbatim(texts)
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
                if value.__class__ is str and _verbatim(value):
                    out += (start_tag, value, end_tag)
                else:
                    out.append(_element_by_lxml(name, value))
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


def _verbatim(text: str) -> bool:
    """Whether lxml writes ``text`` unchanged: printable characters other than & < >.

    That is a little stricter than lxml needs (it also leaves tabs and line breaks alone),
    which costs such values only the slower way through lxml.
    """
    return text.isprintable() and "&" not in text and "<" not in text and ">" not in text


def _all_verbatim(values: list[object]) -> bool:
    """:func:`_verbatim` for many values at once (cheaper than one by one)."""
    try:
        text = "".join(values)  # type: ignore[arg-type]
    except TypeError:  # a value that is no text: lxml decides what to make of it
        return False
    return _verbatim(text)


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


def _element_by_lxml(name: str, value: object) -> str:
    """One field element as lxml writes it: it escapes the value, or refuses it (ValueError)
    when it holds characters XML cannot."""
    element = etree.Element(name)
    element.text = value  # type: ignore[assignment]
    return etree.tostring(element, encoding="UTF-8").decode("utf-8")


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


# --- writing SOAP-RFC responses as text --------------------------------------------------------

def rfc_response(interface: FunctionInterface, outputs: Mapping[str, Any]) -> bytes:
    """``<rfc:NAME.Response>`` with every output parameter, as text: exactly what
    :func:`fake_sap.rfc.soap.response` (the lxml way) writes for the same outputs.

    A table of a thousand rows (RFC_READ_TABLE's DATA) costs lxml two elements per row and
    field; here it is one list of strings. Every value goes through the same wire
    conversion (:func:`fake_sap.rfc.soap.wire_text`); a value that is not plainly
    printable text without ``& < >`` is handed to lxml, so escaping and the refusal of
    characters XML cannot hold stay lxml's.
    """
    name = interface.name
    out = [DECLARATION, f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>']
    start = f'<rfc:{name}.Response xmlns:rfc="{RFC_NS}"'
    parameters = interface.outputs
    if not parameters:
        out.append(start + "/>")
    else:
        out.append(start + ">")
        for parameter in parameters:
            _write_rfc_parameter(out, parameter, outputs[parameter.name])
        out.append(f"</rfc:{name}.Response>")
    out.append("</SOAP-ENV:Body></SOAP-ENV:Envelope>")
    return "".join(out).encode("utf-8")


def _write_rfc_parameter(out: list[str], parameter: Parameter, value: Any) -> None:
    name = parameter.name
    if parameter.is_table:
        assert isinstance(parameter.type, Structure)
        _write_rfc_rows(out, name, parameter.type, value)
    elif isinstance(parameter.type, Structure):
        _write_rfc_rows(out, name, parameter.type, [value], row_tag="")
    else:
        _write_rfc_values(out, [(name, wire_text(parameter.type, value))])


@dataclass(frozen=True)
class _RowLayout:
    """What writing rows of one structure needs, worked out once per structure: BAPI
    structures have up to a few hundred fields, and their tables are echoed in every
    response."""

    fields: tuple[tuple[str, Elementary], ...]
    names: tuple[str, ...]
    #: every field's text value as it is (see :data:`_TEXT_AS_IS`)
    all_as_is: bool
    #: per field: name, type, whether a str value is its own wire text, the field's
    #: initial value (the very object every bound row starts from) and its wire text
    plan: tuple[tuple[str, Elementary, bool, object, str], ...]
    #: one row of plain text in every field: ``<NAME>%s</NAME>...``
    template: str


def _row_layout(structure: Structure) -> _RowLayout:
    layout = _ROW_LAYOUTS.get(id(structure))
    if layout is not None and layout[0] is structure:
        return layout[1]
    fields = tuple((f.name, f.type) for f in structure.fields)
    initial = structure.initial()
    made = _RowLayout(
        fields=fields, names=tuple(name for name, _ in fields),
        all_as_is=all(elementary.type in _TEXT_AS_IS for _, elementary in fields),
        plan=tuple((name, elementary, elementary.type in _TEXT_AS_IS, initial[name],
                    wire_text(elementary, initial[name])) for name, elementary in fields),
        template="".join(f"<{name}>%s</{name}>" for name, _ in fields))
    if len(_ROW_LAYOUTS) >= _MAX_ROW_LAYOUTS:
        _ROW_LAYOUTS.clear()
    # the structure is kept with its layout, so that its id is not reused while cached
    _ROW_LAYOUTS[id(structure)] = (structure, made)
    return made


_ROW_LAYOUTS: dict[int, tuple[Structure, _RowLayout]] = {}
_MAX_ROW_LAYOUTS = 1024


def _write_rfc_rows(out: list[str], name: str, structure: Structure,
                    rows: Sequence[Mapping[str, Any]], row_tag: str = "item") -> None:
    """A table (one ``<item>`` per row) or, without ``row_tag``, one structure."""
    layout = _row_layout(structure)
    names = layout.names
    if row_tag and not rows or not row_tag and not names:
        out.append(f"<{name}/>")
        return
    texts, verbatim = _row_texts(layout, rows)
    out.append(f"<{name}>")
    if verbatim and names and row_tag and all(chain.from_iterable(texts)):
        # the usual table: plain text in every field, one template per row
        template = layout.template
        out.append("".join(f"<{row_tag}>{template % tuple(row)}</{row_tag}>"
                           for row in texts))
    else:
        for row in texts:
            if not row_tag:
                _write_rfc_values(out, zip(names, row, strict=True), verbatim)
            elif names:
                out.append(f"<{row_tag}>")
                _write_rfc_values(out, zip(names, row, strict=True), verbatim)
                out.append(f"</{row_tag}>")
            else:
                out.append(f"<{row_tag}/>")
    out.append(f"</{name}>")


def _row_texts(layout: _RowLayout, rows: Sequence[Mapping[str, Any]]
               ) -> tuple[list[list[str]], bool]:
    """The rows' wire texts, and whether all of them are verbatim text (:func:`_verbatim`).

    Text fields holding text are their own wire text unless a character XML cannot hold is
    in them; that is looked at once for all rows. Anything else is converted value by
    value (:func:`fake_sap.rfc.soap.wire_text`)."""
    if layout.all_as_is:
        names = layout.names
        texts = [[row[field] for field in names] for row in rows]
        try:
            joined = "".join(chain.from_iterable(texts))
        except TypeError:  # a value that is no text
            pass
        else:
            if _verbatim(joined):
                return texts, True
            if not _NOT_XML.search(joined):
                return texts, False
    texts = _converted_row_texts(layout, rows)
    return texts, _all_verbatim(list(chain.from_iterable(texts)))


#: ABAP types whose SOAP-RFC text is their value, when that is a str
_TEXT_AS_IS = frozenset({AbapType.CHAR, AbapType.NUMC, AbapType.UNIT, AbapType.CUKY,
                         AbapType.LANG, AbapType.CLNT, AbapType.STRING})


def _write_rfc_values(out: list[str], values: Iterable[tuple[str, str]],
                      verbatim: bool = False) -> None:
    """Elements with text; an empty one as ``<NAME/>``, as lxml writes an element whose
    text is None."""
    for name, text in values:
        if not text:
            out.append(f"<{name}/>")
        elif verbatim or _verbatim(text):
            out += ("<", name, ">", text, "</", name, ">")
        else:
            out.append(_element_by_lxml(name, text))


def _converted_row_texts(layout: _RowLayout,
                         rows: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Every value's :func:`fake_sap.rfc.soap.wire_text`, converting only the values that
    need it. A BAPI's tables mix text fields with dates and amounts; most of their fields
    are text, whose value (a str) is its own wire text unless it holds a character XML
    cannot: that is looked at once for all of them, and if one does, every value goes
    through the conversion. Most dates and amounts of an echoed table are still the very
    initial value the row was bound from, whose wire text is known (values are immutable,
    so the same object has the same text)."""
    texts: list[list[str]] = []
    for row in rows:
        line: list[str] = []
        for field, elementary, as_is, initial, initial_text in layout.plan:
            value = row[field]
            if as_is and value.__class__ is str:
                line.append(value)
            elif value is initial:
                line.append(initial_text)
            else:
                line.append(wire_text(elementary, value))
        texts.append(line)
    if _NOT_XML.search("".join(chain.from_iterable(texts))):
        return [[wire_text(elementary, row[field]) for field, elementary in layout.fields]
                for row in rows]
    return texts


# --- SQL text straight on the driver ---------------------------------------------------------

def driver_statement(conn: Connection, sql: str, parameters: Sequence[Any]
                     ) -> tuple[list[tuple[Any, ...]], int]:
    """Run SQL text (made once, in the driver's parameter style) in ``conn``'s transaction
    and return its rows and its row count: what :func:`driver_statement_with_sqlalchemy`
    returns, without SQLAlchemy's execution context, result object and statement events.

    A single inbound IDoc runs a dozen statements of a few microseconds of database work
    each, and ``exec_driver_sql`` cost about 10 to 15 microseconds more per statement. A
    driver error is raised as the SQLAlchemy exception ``exec_driver_sql`` raises for it
    (:class:`sqlalchemy.exc.IntegrityError`, ``OperationalError`` ...), so that storage
    failures are classified as before. While anything listens for SQLAlchemy's statement
    events (a test or a profile counting statements), or the connection has not begun its
    transaction, the statement goes through SQLAlchemy (:func:`_sqlalchemy_must_run`). Only
    for statements whose values the driver returns as SQLAlchemy would (text and integer
    columns)."""
    if _sqlalchemy_must_run(conn):
        return driver_statement_with_sqlalchemy(conn, sql, parameters)
    cursor = None
    try:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(sql, parameters)
        # the count as SQLAlchemy keeps it: taken before the rows are fetched (SQLite
        # counts the rows an UPDATE ... RETURNING changed only once they are fetched)
        count = cursor.rowcount
        rows = cursor.fetchall() if cursor.description is not None else []
        return [tuple(row) for row in rows], count
    except conn.dialect.loaded_dbapi.Error as error:
        raise _sqlalchemy_error(conn, cursor, sql, parameters, error, many=False) from error
    finally:
        if cursor is not None:
            cursor.close()


def _sqlalchemy_must_run(conn: Connection) -> bool:
    """A statement goes through SQLAlchemy while something listens for its statement events,
    and on a connection that has not begun its transaction: SQLAlchemy begins it then
    ("autobegin"), and its commit or rollback would not know of a statement it never saw."""
    dispatch = conn.dispatch
    return (not conn.in_transaction() or bool(dispatch.before_cursor_execute)
            or bool(dispatch.after_cursor_execute))


def driver_statement_with_sqlalchemy(conn: Connection, sql: str, parameters: Sequence[Any]
                                     ) -> tuple[list[tuple[Any, ...]], int]:
    """The reference for :func:`driver_statement`: the same statement through
    ``exec_driver_sql``."""
    result = conn.exec_driver_sql(sql, tuple(parameters),
                                  execution_options={"preserve_rowcount": True})
    rows = [tuple(row) for row in result] if result.returns_rows else []
    return rows, result.rowcount


def driver_statement_many(conn: Connection, sql: str,
                          parameters: Sequence[Sequence[Any]]) -> None:
    """:func:`driver_statement` for a statement that writes and returns nothing, run once
    for each parameter tuple (the driver's ``executemany``): what
    ``conn.exec_driver_sql(sql, parameters)`` does with a list of tuples."""
    if _sqlalchemy_must_run(conn):
        conn.exec_driver_sql(sql, list(parameters))
        return
    cursor = None
    try:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(sql, parameters)
    except conn.dialect.loaded_dbapi.Error as error:
        raise _sqlalchemy_error(conn, cursor, sql, parameters, error, many=True) from error
    finally:
        if cursor is not None:
            cursor.close()


def _sqlalchemy_error(conn: Connection, cursor: Any, sql: str, parameters: Any,
                      error: Any, many: bool) -> BaseException:
    """The exception SQLAlchemy raises for a driver error, and what it does besides: a
    connection the database dropped is invalidated, so the pool does not hand it out again."""
    lost = conn.dialect.is_disconnect(error, conn.connection.dbapi_connection, cursor)
    if lost:
        conn.invalidate(error)
    return DBAPIError.instance(sql, parameters, error, conn.dialect.loaded_dbapi.Error,
                               connection_invalidated=lost, dialect=conn.dialect,
                               ismulti=many)
