"""IDoc-XML generation, driven by the declarations (fields and segments in declared order).

Layer: IDoc edge. The documents are written by :func:`fake_sap.fastpath.idoc_xml.idoc_xml_text`, the
marked fast path that writes text byte for byte equal to what lxml writes for the same tree
(outbound IDocs are created by the hundred thousand); this module is its stable name for
everyone who just wants an IDoc-XML document.
"""

from __future__ import annotations

from fake_sap.fastpath.idoc_xml import idoc_xml_text
from fake_sap.idoc.document import Idoc
from fake_sap.idoc.model import IdocType


def to_xml(idoc_type: IdocType, idocs: list[Idoc]) -> bytes:
    """One IDoc-XML document (root = the type) holding the given IDocs."""
    return idoc_xml_text(idoc_type, idocs).encode("utf-8")


def to_xml_text(idoc_type: IdocType, idocs: list[Idoc]) -> str:
    """:func:`to_xml` as text, for storing (EDIDC keeps the document as text)."""
    return idoc_xml_text(idoc_type, idocs)
