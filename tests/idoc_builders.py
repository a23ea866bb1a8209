"""Test data for inbound IDoc tests: MATMAS05 / DEBMAS07 IDocs, packets, and read-back helpers.

Builders return :class:`Idoc` objects so a test states only what matters to it
(``material("4711", description="Pump")``); :func:`packet` turns them into IDoc-XML through
the project's writer. Hostile or malformed variants are made by editing that XML
(:func:`set_text`, :func:`add_element`), since the writer only produces valid documents.

The emulator has no read API for master data yet, so :class:`SapTables` reads the session
server's database directly; keep such reads here, in one place.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import httpx
from lxml import etree
from sqlalchemy import Engine, Table, create_engine, select

from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.writer import to_xml
from fake_sap.testing.process import SapClient

#: the logical system our test IDocs come from (EDI_DC40-SNDPRN)
SENDER = "CRMCLNT100"
#: the sales area of the baseline customizing (TVTA)
SALES_AREA = {"VKORG": "1000", "VTWEG": "10", "SPART": "00"}


def _control(mestyp: str, control: dict[str, str] | None) -> dict[str, str]:
    return {"MESTYP": mestyp, "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": SENDER,
            "RCVPRT": "LS", "RCVPRN": "FAKESAP", **(control or {})}


def material(matnr: str, description: str | None = "Pump", *,
             valuation: dict[str, str] | None = None, control: dict[str, str] | None = None,
             **fields: str) -> Idoc:
    """A MATMAS IDoc for one material; ``fields`` are E1MARAM fields (MTART, MEINS, MSGFN...).

    ``valuation`` adds an E1MBEWM segment for plant 1000 (the four prices live there);
    ``control`` overrides EDI_DC40 fields (DOCNUM, SERIAL, MANDT, SNDPRN...).
    """
    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": matnr, "MTART": "FERT",
                                     "MEINS": "ST", **fields})
    if description is not None:
        header.children.append(
            SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": description}))
    if valuation is not None:
        header.children.append(SegmentData("E1MBEWM", {"BWKEY": "1000", **valuation}))
    return Idoc(_control("MATMAS", control), [header])


def customer(kunnr: str, account_group: str, provincial_center: str | None = None, *,
             name: str = "Outlet", control: dict[str, str] | None = None,
             **fields: str) -> Idoc:
    """A DEBMAS IDoc for one customer; an outlet names its provincial center with ZP."""
    header = SegmentData("E1KNA1M", {"MSGFN": "005", "KUNNR": kunnr, "KTOKD": account_group,
                                     "NAME1": name, "LAND1": "CN", **fields})
    if provincial_center is not None:
        area = SegmentData("E1KNVVM", {"MSGFN": "005", **SALES_AREA, "WAERS": "CNY"})
        area.children.append(SegmentData("E1KNVPM", {"MSGFN": "005", "PARVW": "ZP",
                                                     "KUNN2": provincial_center}))
        header.children.append(area)
    return Idoc(_control("DEBMAS", control), [header])


def packet(idoc_type: IdocType, idocs: list[Idoc]) -> bytes:
    """One IDoc-XML document holding ``idocs`` (root element = the IDoc type)."""
    return to_xml(idoc_type, idocs)


# --- editing documents the writer would never produce ------------------------------------------

def _edited(document: bytes, path: str) -> tuple[etree._Element, etree._Element]:
    root = etree.fromstring(document)
    [element] = root.xpath(path)
    return root, element


def set_text(document: bytes, path: str, value: str) -> bytes:
    """Set the text of the one element at ``path`` (relative to the root), e.g.
    ``IDOC[1]/EDI_DC40/IDOCTYP``."""
    root, element = _edited(document, path)
    element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def add_element(document: bytes, path: str, name: str, text: str | None = None, *,
                segment: bool = False) -> bytes:
    """Append an element (a field, or with ``segment`` a segment) under the one at ``path``."""
    root, parent = _edited(document, path)
    child = etree.SubElement(parent, name, SEGMENT="1") if segment \
        else etree.SubElement(parent, name)
    child.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def remove_element(document: bytes, path: str) -> bytes:
    """Remove the one element at ``path`` (a segment or a field)."""
    root, element = _edited(document, path)
    element.getparent().remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def idoc_as_document(document: bytes, index: int) -> bytes:
    """The ``index``-th IDoc (1-based) of a document on its own, in canonical XML."""
    root = etree.fromstring(document)
    single = etree.Element(root.tag)
    single.append(root.findall("IDOC")[index - 1])
    return etree.tostring(single, method="c14n")


def canonical(xml: str | bytes) -> bytes:
    data = xml.encode() if isinstance(xml, str) else xml
    return etree.tostring(etree.fromstring(data), method="c14n")


# --- reading results back ----------------------------------------------------------------------

def summary(response: httpx.Response) -> dict[str, Any]:
    """The IDOC_XML_RESULT body of a successful post as plain data."""
    root = etree.fromstring(response.content)
    assert root.tag == "IDOC_XML_RESULT", response.text
    return {"count": int(root.get("COUNT")), "first": root.get("FIRST_DOCNUM"),
            "last": root.get("LAST_DOCNUM"),
            "statuses": {s.get("CODE"): int(s.get("COUNT")) for s in root.findall("STATUS")}}


def docnums(response: httpx.Response) -> list[str]:
    """Every DOCNUM of a successful post (they are consecutive)."""
    result = summary(response)
    first, last = int(result["first"]), int(result["last"])
    return [f"{n:016d}" for n in range(first, last + 1)]


def trail(sap: SapClient, docnum: str) -> list[str]:
    """The status codes of an IDoc's status records, oldest first."""
    return [r["status"] for r in sap.idoc(docnum)["status_records"]]


def last_status_text(sap: SapClient, docnum: str) -> str:
    return str(sap.idoc(docnum)["status_records"][-1]["text"])


@cache
def _engine(db_url: str) -> Engine:
    return create_engine(db_url)


class SapTables:
    """Direct reads of the emulator's SAP tables (MARA, MAKT, KNA1 ...) for one client."""

    def __init__(self, db_url: str, mandt: str) -> None:
        self.engine = _engine(db_url)
        self.mandt = mandt

    def rows(self, table: Table, **key: str) -> list[dict[str, Any]]:
        query = select(table).where(table.c.mandt == self.mandt,
                                    *[table.c[k] == v for k, v in key.items()])
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def row(self, table: Table, **key: str) -> dict[str, Any] | None:
        found = self.rows(table, **key)
        assert len(found) <= 1, f"{table.name} {key} is not a unique key"
        return found[0] if found else None
