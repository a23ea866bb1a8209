"""The IDoc-XML writer (fake_sap.idoc.writer) read back by the parser, on in-memory bytes:
what is written is what the declaration says (root = the type, the control record's TABNAM,
IDOCTYP and CIMTYP from the type, fields and segments in declared order, empty fields left
out), and the parser gives back the values that were written (SAP reference 1.1)."""

from __future__ import annotations

import pytest

from fake_sap.fastpath.xml_text import DECLARATION
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import DEBMAS07, MATMAS05, ZDELVRY07
from fake_sap.idoc.validation import check_control, check_segments
from fake_sap.idoc.writer import to_xml, to_xml_text

pytestmark = pytest.mark.unit

CONTROL = {"MANDT": "100", "DOCNUM": "0000000000000042", "DIRECT": "1", "MESTYP": "MATMAS",
           "SNDPOR": "SAPFAK", "SNDPRT": "LS", "SNDPRN": "FAKESAP", "RCVPRT": "LS",
           "RCVPRN": "CRMCLNT100", "CREDAT": "20240131", "CRETIM": "080509"}


def material(matnr: str = "000000000000004711") -> Idoc:
    return Idoc(dict(CONTROL), [SegmentData(
        "E1MARAM", {"MSGFN": "005", "MATNR": matnr, "MTART": "FERT", "MEINS": "ST",
                    "BRGEW": "12.500"},
        [SegmentData("E1MBEWM", {"BWKEY": "1000", "STPRS": "99.90", "PEINH": "1"}),
         SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump & <seal>"}),
         SegmentData("E1MAKTM", {"SPRAS_ISO": "ZH", "MAKTX": "泵"})])])


def test_the_document_starts_as_lxml_writes_it_and_is_rooted_in_the_type():
    text = to_xml_text(MATMAS05, [material()])
    assert text.startswith(DECLARATION + '<MATMAS05><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1">'
                           "<TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT>")
    assert text.endswith("</IDOC></MATMAS05>")
    assert to_xml(MATMAS05, [material()]) == text.encode("utf-8")


def test_what_is_written_is_read_back_unchanged():
    idoc = parse_document(to_xml(MATMAS05, [material()]))[0]
    # a basic type has no CIMTYP: left out as every empty field is
    assert idoc.control == {"TABNAM": "EDI_DC40", **CONTROL, "IDOCTYP": "MATMAS05"}
    header = idoc.first("E1MARAM")
    assert header.values == material().segments[0].values
    assert [t.get("MAKTX") for t in header.all("E1MAKTM")] == ["Pump & <seal>", "泵"]
    assert header.first("E1MBEWM").get("STPRS") == "99.90"


def test_what_is_written_passes_the_inbound_syntax_checks():
    idoc = parse_document(to_xml(MATMAS05, [material()]))[0]
    assert check_control(idoc) == []
    assert check_segments(MATMAS05, idoc) == []


def test_segments_follow_the_declaration_not_the_order_given():
    text = to_xml_text(MATMAS05, [material()])
    # E1MAKTM is declared before E1MBEWM, whatever order the data had
    assert text.index("<E1MAKTM") < text.index("<E1MBEWM")
    # fields too: MSGFN, MATNR, ..., MTART, ..., MEINS, BRGEW as declared
    assert text.index("<MATNR>") < text.index("<MTART>") < text.index("<MEINS>") \
        < text.index("<BRGEW>")


def test_the_type_decides_idoctyp_and_cimtyp_whatever_the_control_record_says():
    idoc = material()
    idoc.control.update(IDOCTYP="WRONG", CIMTYP="ZWRONG")
    read = parse_document(to_xml(MATMAS05, [idoc]))[0]
    assert (read.idoctyp, read.cimtyp) == ("MATMAS05", "")


def test_an_extension_writes_its_own_root_and_cimtyp():
    delivery = Idoc({"MESTYP": "DESADV", "SNDPRN": "FAKESAP"}, [SegmentData(
        "E1EDL20", {"VBELN": "0080000001"}, [SegmentData("Z1EDL20", {"ZEVENT": "PGI"})])])
    text = to_xml_text(ZDELVRY07, [delivery])
    assert "<ZDELVRY07>" in text
    read = parse_document(text.encode())[0]
    assert (read.idoctyp, read.cimtyp, read.root) == ("DELVRY07", "ZDELVRY07", "ZDELVRY07")
    assert read.first("E1EDL20").first("Z1EDL20").get("ZEVENT") == "PGI"


def test_empty_fields_are_left_out_and_empty_segments_are_empty_elements():
    customer = Idoc({"MESTYP": "DEBMAS"}, [SegmentData(
        "E1KNA1M", {"KUNNR": "0000001000", "NAME1": "", "ORT01": "Wuhan"},
        [SegmentData("E1KNVVM", {})])])
    text = to_xml_text(DEBMAS07, [customer])
    assert "<NAME1>" not in text
    assert '<E1KNVVM SEGMENT="1"/>' in text


def test_several_idocs_are_numbered_by_the_reader_in_order():
    idocs = parse_document(to_xml(MATMAS05, [material("1"), material("2"), material("3")]))
    assert [(i.index, i.first("E1MARAM").get("MATNR")) for i in idocs] == [
        (1, "1"), (2, "2"), (3, "3")]


def test_no_idocs_is_an_empty_root():
    assert to_xml_text(MATMAS05, []) == DECLARATION + "<MATMAS05/>"


def test_a_segment_the_type_does_not_declare_is_refused():
    with pytest.raises(ValueError, match=r"segments \['E1KNA1M'\] are not declared here"):
        to_xml_text(MATMAS05, [Idoc({}, [SegmentData("E1KNA1M", {})])])


def test_a_value_xml_cannot_hold_is_refused():
    idoc = material()
    idoc.segments[0].children[1].values["MAKTX"] = "bell\x07"
    with pytest.raises(ValueError):
        to_xml_text(MATMAS05, [idoc])
