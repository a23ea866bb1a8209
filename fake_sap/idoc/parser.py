"""Streaming reader of IDoc-XML documents.

A packet of 100,000 IDocs must never be held in memory at once, so the document is read with
``lxml.etree.iterparse`` and each ``<IDOC>`` is handed out and then cleared. The reader is
deliberately hostile-input safe: no DTDs (so no entity expansion of any kind), no network,
and a hard limit on the number of bytes read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from lxml import etree

from fake_sap.errors import MalformedXml, NotIdocXml, PayloadTooLarge
from fake_sap.idoc import types
from fake_sap.idoc.document import NO_CHILDREN, Idoc, SegmentData

_PROLOG_SCAN_BYTES = 4096


class _LimitedReader:
    """Wraps a byte stream: refuses DTDs in the prolog and counts bytes against a limit."""

    def __init__(self, stream: IO[bytes], limit: int | None) -> None:
        self._stream = stream
        self._limit = limit
        self._read = 0
        self._prolog_checked = False

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size if size and size > 0 else 65536)
        self._read += len(chunk)
        if self._limit is not None and self._read > self._limit:
            raise PayloadTooLarge(f"IDoc-XML document exceeds the limit of {self._limit} bytes")
        if not self._prolog_checked:
            self._prolog_checked = True
            head = chunk[:_PROLOG_SCAN_BYTES].upper()
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise MalformedXml("DTDs and entity declarations are not allowed in IDoc-XML")
        return chunk


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1]


#: tag -> local name: a packet repeats the same few dozen tags a million times. Hostile input
#: may bring any number of tags, so the table is emptied when it grows large.
_LOCAL_NAMES: dict[str, str] = {}
_MAX_LOCAL_NAMES = 4096


def _local_name(tag: object) -> str:
    name = _LOCAL_NAMES.get(tag)  # type: ignore[call-overload]
    if name is None:
        name = _local(tag)
        if isinstance(tag, str):
            if len(_LOCAL_NAMES) >= _MAX_LOCAL_NAMES:
                _LOCAL_NAMES.clear()
            _LOCAL_NAMES[tag] = name
    return name


def iter_idocs(stream: IO[bytes], max_bytes: int | None = None) -> Iterator[Idoc]:
    """Yield each IDoc of an IDoc-XML document, in document order.

    Raises :class:`MalformedXml` when the document is not well-formed (which may only be
    discovered after earlier IDocs were yielded: callers process inside a transaction) and
    :class:`NotIdocXml` when it is XML but not IDoc-XML.
    """
    reader = _LimitedReader(stream, max_bytes)
    events = etree.iterparse(
        reader,
        events=("end",),
        tag=("IDOC", "{*}IDOC"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root: etree._Element | None = None
    root_name = ""
    index = 0
    try:
        for _event, element in events:
            parent = element.getparent()
            if parent is None or parent.getparent() is not None:
                raise NotIdocXml("<IDOC> must be a direct child of the document root")
            if root is None:
                root = parent
                _refuse_dtd(root)
                root_name = _local(root.tag)
                if root_name == "IDOC":
                    raise NotIdocXml("the document root must be the IDoc type, not <IDOC>")
            _drop_earlier_siblings(element)
            index += 1
            yield _read_idoc(element, root_name, index)
            element.clear()
            parent.remove(element)
        if root is None:
            raise NotIdocXml("the document contains no <IDOC> element")
        for leftover in root:
            if _local(leftover.tag):
                raise NotIdocXml(f"unexpected element <{_local(leftover.tag)}> beside <IDOC>")
    except etree.XMLSyntaxError as error:
        raise MalformedXml(f"XML is not well-formed: {error.msg}") from None


def _refuse_dtd(root: etree._Element) -> None:
    """The authoritative DTD check: the prolog scan only sees the first bytes, and a DOCTYPE
    may follow a long comment. Entities were not expanded (``resolve_entities=False``), so
    refusing here, before the first IDoc is handed out, is early enough."""
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise MalformedXml("DTDs and entity declarations are not allowed in IDoc-XML")


def _drop_earlier_siblings(element: etree._Element) -> None:
    previous = element.getprevious()
    while previous is not None:
        if _local(previous.tag):
            raise NotIdocXml(f"unexpected element <{_local(previous.tag)}> beside <IDOC>")
        parent = previous.getparent()
        before = previous.getprevious()
        parent.remove(previous)
        previous = before


def _read_idoc(element: etree._Element, root_name: str, index: int) -> Idoc:
    # one pass over the IDOC's children: the first is the control record, the others the
    # data records' top segments (comments and processing instructions have no local name)
    names = _LOCAL_NAMES
    control: dict[str, str] | None = None
    segments: list[SegmentData] = []
    for child in element:
        tag = child.tag
        name = names.get(tag) or _local_name(tag)  # type: ignore[call-overload]
        if not name:
            continue
        if control is None:
            if name != "EDI_DC40":
                break
            control = _field_values(child)
        else:
            segments.append(_read_segment(child, name))
    if control is None:
        raise NotIdocXml(f"IDOC[{index}] does not start with the control record EDI_DC40")
    xml = b"".join((b"<", root_name.encode(), b">", etree.tostring(element, encoding="UTF-8"),
                    b"</", root_name.encode(), b">"))
    return Idoc(control, segments, xml, index, root_name)


def _read_segment(element: etree._Element, segment_name: str) -> SegmentData:
    # the innermost loop of reading a packet (about seventy elements per MATMAS IDoc): local
    # names from the table, and an element's attributes looked at only when it has no
    # children (a field, or a segment without fields or children)
    names = _LOCAL_NAMES
    values: dict[str, str] = {}
    children = NO_CHILDREN  # most segments have none: a list is made for the others only
    for child in element:
        tag = child.tag
        name = names.get(tag) or _local_name(tag)  # type: ignore[call-overload]
        if not name:
            continue
        # "SEGMENT" in keys(): what get("SEGMENT") is not None says, at half the cost
        if len(child) or "SEGMENT" in child.keys():
            if children is NO_CHILDREN:
                children = []
            children.append(_read_segment(child, name))
        else:
            text = child.text
            values[name] = text.strip() if text else ""
    return SegmentData(segment_name, values, children)


def _field_values(element: etree._Element) -> dict[str, str]:
    names = _LOCAL_NAMES
    values: dict[str, str] = {}
    for child in element:
        tag = child.tag
        name = names.get(tag) or _local_name(tag)  # type: ignore[call-overload]
        if name:
            text = child.text
            values[name] = text.strip() if text else ""
    return values


def parse_document(data: bytes) -> list[Idoc]:
    """Read a whole (small) document at once; for tests, the CLI and stored IDocs."""
    import io

    return list(iter_idocs(io.BytesIO(data)))


def root_name_for(idoc: Idoc) -> str:
    declared = types.lookup(idoc.idoctyp, idoc.cimtyp)
    return declared.name if declared else idoc.idoctyp
