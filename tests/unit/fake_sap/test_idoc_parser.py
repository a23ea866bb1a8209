"""Reading IDoc-XML (fake_sap.idoc.parser) from in-memory bytes: one ``<IDOC>`` per IDoc below
the root named after the type, the control record first, segments nested, empty fields
left out; hostile or malformed documents refused (SAP reference 1.1)."""

from __future__ import annotations

import copy
import gc
import io
import pickle

import pytest

from fake_sap.errors import MalformedXml, NotIdocXml, PayloadTooLarge
from fake_sap.idoc.document import NO_CHILDREN, Idoc, SegmentData
from fake_sap.idoc.parser import iter_idocs, parse_document, root_name_for

pytestmark = pytest.mark.unit


def control(mestyp: str = "MATMAS", idoctyp: str = "MATMAS05", cimtyp: str = "") -> str:
    return (f'<EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><DIRECT>2</DIRECT>'
            f"<IDOCTYP>{idoctyp}</IDOCTYP><CIMTYP>{cimtyp}</CIMTYP><MESTYP>{mestyp}</MESTYP>"
            f"<SNDPRT>LS</SNDPRT><SNDPRN>CRMCLNT100</SNDPRN></EDI_DC40>")


def material(matnr: str, *texts: str) -> str:
    descriptions = "".join(f'<E1MAKTM SEGMENT="1"><SPRAS_ISO>EN</SPRAS_ISO><MAKTX>{t}</MAKTX>'
                           "</E1MAKTM>" for t in texts)
    return (f'<IDOC BEGIN="1">{control()}<E1MARAM SEGMENT="1"><MSGFN>005</MSGFN>'
            f"<MATNR>{matnr}</MATNR><MTART>FERT</MTART>{descriptions}</E1MARAM></IDOC>")


def document(*idocs: str, root: str = "MATMAS05") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><{root}>{"".join(idocs)}</{root}>'.encode()


def test_every_idoc_is_read_in_document_order_with_its_position():
    idocs = parse_document(document(material("4711", "Pump"), material("4712", "Valve")))
    assert [i.first("E1MARAM").get("MATNR") for i in idocs] == ["4711", "4712"]
    assert [i.index for i in idocs] == [1, 2]
    assert all(i.root == "MATMAS05" for i in idocs)


def test_the_control_record_is_a_dict_with_its_shortcuts():
    idoc = parse_document(document(material("4711")))[0]
    assert idoc.control["TABNAM"] == "EDI_DC40"
    assert (idoc.idoctyp, idoc.cimtyp, idoc.mestyp) == ("MATMAS05", "", "MATMAS")


def test_segments_nest_and_repeat():
    idoc = parse_document(document(material("4711", "Pump", "泵")))[0]
    header = idoc.first("E1MARAM")
    assert header is not None
    assert header.values == {"MSGFN": "005", "MATNR": "4711", "MTART": "FERT"}
    assert [t.get("MAKTX") for t in header.all("E1MAKTM")] == ["Pump", "泵"]
    assert header.first("E1MARCM") is None
    assert header.get("LVORM") == ""  # a field left out is empty


def test_values_are_stripped():
    body = material("  4711  ").replace("<MTART>FERT</MTART>", "<MTART>\n  FERT \n</MTART>")
    header = parse_document(document(body))[0].first("E1MARAM")
    assert (header.get("MATNR"), header.get("MTART")) == ("4711", "FERT")


def test_an_empty_element_with_segment_attribute_is_a_segment_not_a_field():
    body = material("4711").replace("</E1MARAM>", '<E1MARCM SEGMENT="1"/></E1MARAM>')
    header = parse_document(document(body))[0].first("E1MARAM")
    assert [c.name for c in header.children] == ["E1MARCM"]
    assert "E1MARCM" not in header.values


def test_namespaces_comments_and_processing_instructions_are_ignored():
    body = (f'<m:MATMAS05 xmlns:m="urn:x"><!-- a comment --><?pi x?>'
            f'{material("4711")}</m:MATMAS05>').encode()
    idocs = parse_document(body)
    assert idocs[0].root == "MATMAS05"
    assert idocs[0].first("E1MARAM").get("MATNR") == "4711"


def test_each_idoc_carries_its_own_one_idoc_document():
    idocs = parse_document(document(material("4711"), material("4712")))
    again = parse_document(idocs[1].xml)
    assert len(again) == 1
    assert again[0].first("E1MARAM").get("MATNR") == "4712"
    assert idocs[1].xml.startswith(b"<MATMAS05>")


def test_segment_data_serializes_to_a_dict():
    data = SegmentData("E1MARAM", {"MATNR": "1"}, [SegmentData("E1MAKTM", {"MAKTX": "x"})])
    assert data.to_dict() == {"segment": "E1MARAM", "fields": {"MATNR": "1"},
                              "children": [{"segment": "E1MAKTM", "fields": {"MAKTX": "x"},
                                            "children": []}]}


def test_segments_read_without_children_share_one_empty_list_that_refuses_changes():
    body = material("4711", "Pump").replace("</E1MARAM>", '<E1MARCM SEGMENT="1"/></E1MARAM>')
    header = parse_document(document(body))[0].first("E1MARAM")
    text, plant = header.children
    assert text.children is NO_CHILDREN and plant.children is NO_CHILDREN
    assert text == SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"}, [])
    assert text.to_dict()["children"] == []
    with pytest.raises(TypeError, match="NO_CHILDREN"):
        text.children.append(SegmentData("E1MARDM"))
    with pytest.raises(TypeError):
        text.children += [SegmentData("E1MARDM")]
    assert NO_CHILDREN == []
    assert copy.deepcopy(text).children is NO_CHILDREN
    assert pickle.loads(pickle.dumps(text)).children is NO_CHILDREN
    text.children = [SegmentData("E1MARDM")]  # a list of its own takes children
    assert [c.name for c in text.children] == ["E1MARDM"] and NO_CHILDREN == []


def test_a_parsed_idoc_holds_few_objects_the_garbage_collector_tracks():
    # a packet holds every IDoc of a chunk: each tracked object is walked by the
    # collector's runs; field values are text in dicts, which it does not track
    [idoc] = parse_document(document(material("4711", "Pump", "Valve")))
    header = idoc.first("E1MARAM")
    tracked = [o for o in (idoc, idoc.control, idoc.segments, header, header.values,
                           header.children, *header.children,
                           *(c.values for c in header.children),
                           *(c.children for c in header.children)) if gc.is_tracked(o)]
    # the IDoc, its list of segments, the three segments and E1MARAM's list of children;
    # the leaves share NO_CHILDREN (tracked once for the whole process)
    assert len({id(o) for o in tracked if o is not NO_CHILDREN}) == 6


def test_a_stream_is_read_idoc_by_idoc():
    stream = io.BytesIO(document(*(material(str(n)) for n in range(1, 6))))
    reader = iter_idocs(stream)
    assert next(reader).first("E1MARAM").get("MATNR") == "1"
    assert len(list(reader)) == 4


# --- refused documents ------------------------------------------------------------------------

@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE MATMAS05 [<!ENTITY x "y">]>', "<!DOCTYPE MATMAS05 SYSTEM 'http://x/y.dtd'>"])
def test_dtds_and_entities_are_refused(prolog):
    body = f'<?xml version="1.0"?>{prolog}<MATMAS05>{material("1")}</MATMAS05>'.encode()
    with pytest.raises(MalformedXml, match="DTDs and entity declarations are not allowed"):
        parse_document(body)


def test_a_doctype_behind_a_long_comment_is_refused_too():
    body = (f'<?xml version="1.0"?><!--{"x" * 5000}--><!DOCTYPE MATMAS05>'
            f"<MATMAS05>{material('1')}</MATMAS05>").encode()
    with pytest.raises(MalformedXml, match="DTDs"):
        parse_document(body)


def test_malformed_xml_is_refused():
    with pytest.raises(MalformedXml, match="XML is not well-formed"):
        parse_document(document(material("1"))[:-5])


@pytest.mark.parametrize(("body", "reason"), [
    (b"<MATMAS05/>", "contains no <IDOC> element"),
    (document(material("1")).replace(b"<MATMAS05>", b"<MATMAS05><X/>"),
     "unexpected element <X> beside <IDOC>"),
    (document(material("1")).replace(b"</MATMAS05>", b"<X/></MATMAS05>"),
     "unexpected element <X> beside <IDOC>"),
    (material("1").encode(), "<IDOC> must be a direct child of the document root"),
    (document(material("1").replace(control(), "")), "does not start with the control "
                                                     "record EDI_DC40"),
    (document(material("1").replace("</E1MARAM>", f"{material('2')}</E1MARAM>")),
     "<IDOC> must be a direct child"),
])
def test_xml_that_is_not_idoc_xml_is_refused(body, reason):
    with pytest.raises(NotIdocXml, match=reason):
        parse_document(body)


def test_a_document_over_the_limit_is_refused():
    body = document(*(material(str(n)) for n in range(50)))
    with pytest.raises(PayloadTooLarge, match="exceeds the limit of 1000 bytes"):
        list(iter_idocs(io.BytesIO(body), max_bytes=1000))
    assert len(list(iter_idocs(io.BytesIO(body), max_bytes=len(body)))) == 50


# --- the root name ----------------------------------------------------------------------------

def test_the_root_is_named_after_the_extension_when_there_is_one():
    assert root_name_for(Idoc({"IDOCTYP": "DELVRY07", "CIMTYP": "ZDELVRY07"}, [])) == \
        "ZDELVRY07"
    assert root_name_for(Idoc({"IDOCTYP": "MATMAS05"}, [])) == "MATMAS05"
    assert root_name_for(Idoc({"IDOCTYP": "UNKNOWN01"}, [])) == "UNKNOWN01"
