"""A collected packet (WE20 pack size) joins the stored IDoc-XML documents as text; the
result is the document lxml writes for the same IDocs."""

from __future__ import annotations

import pytest

from fake_sap.fastpath.idoc_xml import join_documents, join_documents_with_lxml
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import MATMAS05
from fake_sap.idoc.writer import to_xml_text

pytestmark = pytest.mark.unit


def _packet(batch: list[dict[str, str]]) -> str:
    return join_documents([row["xml"] for row in batch])


def _parsed_packet(batch: list[dict[str, str]]) -> str:
    return join_documents_with_lxml([row["xml"] for row in batch])


def stored(matnr: str, text: str) -> dict[str, str]:
    idoc = Idoc({"DOCNUM": f"{int(matnr):016d}", "MESTYP": "MATMAS"}, [
        SegmentData("E1MARAM", {"MATNR": matnr, "MTART": "FERT"},
                    [SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": text})])])
    return {"xml": to_xml_text(MATMAS05, [idoc])}


def test_joined_packet_is_what_lxml_writes_for_the_same_idocs():
    batch = [stored("4711", "Pump"), stored("4712", "Valve & <seal>"), stored("4713", "泵")]

    assert _packet(batch) == _parsed_packet(batch)


def test_a_document_of_another_shape_is_joined_by_lxml():
    batch = [stored("4711", "Pump"),
             {"xml": '<?xml version="1.0"?>\n<MATMAS05>\n  <IDOC BEGIN="1"><EDI_DC40 SEGMENT="1">'
                     "<DOCNUM>2</DOCNUM></EDI_DC40></IDOC>\n</MATMAS05>"}]

    packet = _packet(batch)

    assert packet == _parsed_packet(batch)
    assert packet.count("<IDOC ") == 2
