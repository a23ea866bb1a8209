"""Reading IDoc-XML documents as SAP's XML-HTTP port posts them to the CRM.

Layer: ``sap_client``, no I/O of its own (the caller hands in bytes or a stream). Imports
lxml; never ``fake_sap`` or ``crm_adapter``.

::

    <MATMAS05>                         root: the IDoc type (or the extension, CIMTYP)
      <IDOC BEGIN="1">                 one per IDoc; a document may carry many
        <EDI_DC40 SEGMENT="1">…</EDI_DC40>     the control record
        <E1MARAM SEGMENT="1"><MATNR>…</MATNR>  segments, child segments nested inside
          <E1MAKTM SEGMENT="1">…</E1MAKTM>
        </E1MARAM>
      </IDOC>
    </MATMAS05>

:func:`iter_idocs` parses a body of up to ``WHOLE_DOCUMENT_BYTES`` in one go (faster) and
streams anything larger, and any stream, with ``lxml.etree.iterparse``, forgetting each
``<IDOC>`` once it is handed out, so a packet of many thousand IDocs never sits in memory at
once. Each
:class:`ReceivedIdoc` has the control record as a dict, the segment tree, and the IDoc's
own XML (a one-IDoc document, for storing it as received). The input is untrusted: DTDs and
entity declarations are refused, nothing is fetched from the network, and reading stops at
``max_bytes``. Values are text as sent, with trailing blanks removed (ABAP CHAR semantics).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
CONTROL_RECORD = "EDI_DC40"
_PROLOG_SCAN_BYTES = 4096
_CHUNK_BYTES = 64 * 1024


class IdocXmlError(ValueError):
    """The document is not well-formed, not IDoc-XML, or not acceptable (a DTD)."""


class IdocTooLarge(IdocXmlError):
    """The document exceeds the size limit (an HTTP receiver answers 413)."""


@dataclass(slots=True)
class Segment:
    """A data segment: its field values and its child segments, in document order."""

    name: str
    fields: dict[str, str] = field(default_factory=dict)
    #: a tuple as read (empty for most segments: one object less per segment for the
    #: garbage collector to walk while a packet waits to be applied)
    children: Sequence[Segment] = ()

    def get(self, name: str, default: str = "") -> str:
        """A field's value (``default`` when the field was left out, as empty fields are)."""
        return self.fields.get(name, default)

    def walk(self) -> Iterator[Segment]:
        """This segment and all below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, name: str) -> Segment | None:
        """The first segment named ``name`` below this one (depth first), or None."""
        return next(self._below(name), None)

    def find_all(self, name: str) -> list[Segment]:
        return list(self._below(name))

    def _below(self, name: str) -> Iterator[Segment]:
        return (s for child in self.children for s in child.walk() if s.name == name)


@dataclass(frozen=True)
class ReceivedIdoc:
    """One IDoc of a received document."""

    #: the document's root element: the basic type (``MATMAS05``) or the extension
    root: str
    #: position in the document, from 1
    index: int
    control: dict[str, str]
    segments: Sequence[Segment]
    #: this IDoc alone as an IDoc-XML document (root element and one ``<IDOC>``)
    xml: bytes

    @property
    def docnum(self) -> str:
        return self.control.get("DOCNUM", "")

    @property
    def idoc_type(self) -> str:
        return self.control.get("IDOCTYP", "")

    @property
    def message_type(self) -> str:
        return self.control.get("MESTYP", "")

    def walk(self) -> Iterator[Segment]:
        for segment in self.segments:
            yield from segment.walk()

    def find(self, name: str) -> Segment | None:
        """The first segment named ``name`` anywhere in the IDoc, or None."""
        return next((s for s in self.walk() if s.name == name), None)

    def find_all(self, name: str) -> list[Segment]:
        return [s for s in self.walk() if s.name == name]


class _GuardedReader:
    """A byte stream that refuses DTDs in the prolog and stops at the size limit."""

    def __init__(self, stream: BinaryIO, max_bytes: int) -> None:
        self._stream = stream
        self._max_bytes = max_bytes
        self._read = 0
        self._head = b""

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size if size and size > 0 else _CHUNK_BYTES)
        self._read += len(chunk)
        if self._read > self._max_bytes:
            raise IdocTooLarge(f"The IDoc-XML document exceeds {self._max_bytes} bytes")
        if len(self._head) < _PROLOG_SCAN_BYTES:
            # the prolog may arrive in several small chunks
            self._head += chunk[:_PROLOG_SCAN_BYTES - len(self._head)]
            _refuse_dtd_text(self._head)
        return chunk


def _refuse_dtd_text(head: bytes) -> None:
    upper = head.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        raise IdocXmlError("DTDs and entity declarations are not allowed in IDoc-XML")


def _refuse_dtd(root: etree._Element) -> None:
    # authoritative: the byte scan misses a DOCTYPE behind a long comment or in UTF-16
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise IdocXmlError("DTDs and entity declarations are not allowed in IDoc-XML")


def _local(tag: object) -> str:
    """An element's name without namespace; "" for what is not an element."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_KEPT:
            _LOCAL_NAMES[tag] = name
    return name


#: element tag → local name: IDoc-XML repeats a few hundred names a hundred thousand times
_LOCAL_NAMES: dict[object, str] = {}
#: a bound, so that documents full of invented names cannot grow the table
_LOCAL_NAMES_KEPT = 5_000


def iter_idocs(source: bytes | BinaryIO, *,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReceivedIdoc]:
    """Yield the IDocs of an IDoc-XML document in document order.

    Raises :class:`IdocTooLarge` at once for bytes above ``max_bytes``, and
    :class:`IdocXmlError` (or :class:`IdocTooLarge`) as soon as the problem is read, which
    for a broken end of a streamed document is after earlier IDocs were yielded: use
    :func:`read_idocs` to check the whole document before acting on any IDoc.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        if len(source) > max_bytes:
            raise IdocTooLarge(f"The IDoc-XML document exceeds {max_bytes} bytes")
        if len(source) <= WHOLE_DOCUMENT_BYTES:
            return _whole_document_idocs(bytes(source))
        source = io.BytesIO(bytes(source))
    return _streamed_idocs(source, max_bytes)


#: documents up to this size are parsed in one go (a packet of a thousand MATMAS is about
#: 1.7 MB), which takes half the time of streaming them; larger ones, and streams, are read
#: IDoc by IDoc so that memory stays flat
WHOLE_DOCUMENT_BYTES = 4 * 1024 * 1024


#: how untrusted IDoc-XML is parsed, whole or streamed: no entity expansion, no DTD or
#: network access, lxml's size limits, comments and processing instructions dropped
_PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False, "load_dtd": False, "no_network": True, "huge_tree": False,
    "remove_comments": True, "remove_pis": True}


def _whole_document_idocs(document: bytes) -> Iterator[ReceivedIdoc]:
    _refuse_dtd_text(document[:_PROLOG_SCAN_BYTES])
    try:
        root = etree.fromstring(document, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as error:
        raise IdocXmlError(f"The document is not well-formed XML: {error.msg}") from None
    _refuse_dtd(root)
    root_name = _local(root.tag)
    if root_name == "IDOC":
        raise IdocXmlError("The document root must be the IDoc type, not <IDOC>")
    # an IDOC anywhere else than right below the root (in a segment, a field, the control
    # record) is refused, as the streamed reading refuses it
    if any(idoc.getparent() is not root for idoc in root.iter("IDOC", "{*}IDOC")):
        raise IdocXmlError(_NESTED_IDOC)
    index = 0
    for element in root:
        name = _local(element.tag)
        if name != "IDOC":
            raise IdocXmlError(f"Unexpected element <{name}> beside <IDOC>")
        index += 1
        yield _read_idoc(element, root_name, index)
    if index == 0:
        raise IdocXmlError("The document contains no <IDOC> element")


def _streamed_idocs(stream: BinaryIO, max_bytes: int) -> Iterator[ReceivedIdoc]:
    events = etree.iterparse(
        _GuardedReader(stream, max_bytes), events=("end",), tag=("IDOC", "{*}IDOC"),
        **_PARSER_OPTIONS)
    root: etree._Element | None = None
    index = 0
    try:
        for _event, element in events:
            parent = element.getparent()
            if parent is None:
                raise IdocXmlError("The document root must be the IDoc type, not <IDOC>")
            if parent.getparent() is not None:
                raise IdocXmlError(_NESTED_IDOC)
            if root is None:
                root = parent
                _refuse_dtd(root)
            _forget_earlier_siblings(element)
            index += 1
            yield _read_idoc(element, _local(root.tag), index)
            element.clear()
            parent.remove(element)
        if root is None:
            if events.root is not None:
                _refuse_dtd(events.root)
            raise IdocXmlError("The document contains no <IDOC> element")
        _refuse_dtd(root)
        stray = next((_local(e.tag) for e in root if _local(e.tag)), None)
        if stray:
            raise IdocXmlError(f"Unexpected element <{stray}> beside <IDOC>")
    except etree.XMLSyntaxError as error:
        raise IdocXmlError(f"The document is not well-formed XML: {error.msg}") from None


def read_idocs(source: bytes | BinaryIO, *,
               max_bytes: int = DEFAULT_MAX_BYTES) -> list[ReceivedIdoc]:
    """All IDocs of a document, after the whole document was read and found valid."""
    return list(iter_idocs(source, max_bytes=max_bytes))


_NESTED_IDOC = "<IDOC> must be a direct child of the document root"


def _forget_earlier_siblings(element: etree._Element) -> None:
    previous = element.getprevious()
    while previous is not None:
        if _local(previous.tag):
            raise IdocXmlError(f"Unexpected element <{_local(previous.tag)}> beside <IDOC>")
        before = previous.getprevious()
        previous.getparent().remove(previous)
        previous = before


def _read_idoc(element: etree._Element, root: str, index: int) -> ReceivedIdoc:
    names = _LOCAL_NAMES
    children = [child for child in element if names.get(child.tag) or _local(child.tag)]
    if not children or _local(children[0].tag) != CONTROL_RECORD:
        raise IdocXmlError(f"IDOC {index} does not start with the control record "
                           f"{CONTROL_RECORD}")
    control = _fields(children[0])
    segments = tuple([_read_segment(child) for child in children[1:]])
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><{root}>'.encode()
           + etree.tostring(element, encoding="UTF-8", with_tail=False)
           + f"</{root}>".encode())
    return ReceivedIdoc(root=root, index=index, control=control, segments=segments, xml=xml)


def _read_segment(element: etree._Element) -> Segment:
    # the hot loop of a load (about a hundred elements per IDoc): names are looked up in
    # the cache directly, and a field is told from a child segment inline. Comments and
    # processing instructions are removed while parsing, so any child of a field would be
    # an element: a field never has one, a segment has SEGMENT="1" or children. A field
    # carries no attributes, and asking for the list of them is cheaper than asking for
    # SEGMENT by name
    names = _LOCAL_NAMES
    fields: dict[str, str] = {}
    children: list[Segment] | None = None
    for child in element:
        tag = child.tag
        name = names.get(tag) or _local(tag)
        if not name:
            continue
        if len(child) or (child.keys() and child.get("SEGMENT") is not None):
            if children is None:
                children = []
            children.append(_read_segment(child))
        else:
            text = child.text
            fields[name] = text.rstrip() if text else ""
    return Segment(names.get(element.tag) or _local(element.tag), fields,
                   tuple(children) if children else ())


def _fields(element: etree._Element) -> dict[str, str]:
    names = _LOCAL_NAMES
    fields: dict[str, str] = {}
    for child in element:
        tag = child.tag
        name = names.get(tag) or _local(tag)
        if name:
            text = child.text
            fields[name] = text.rstrip() if text else ""
    return fields
