"""The IDoc-XML writer writes, byte for byte, what lxml writes for the same IDoc tree.

The writer builds its text directly (outbound IDocs are created by the hundred thousand),
so these tests hold it to a plain lxml rendering of the declarations (:func:`lxml_rendering`,
the writer as it was before): fields and segments in declared order, empty fields left out,
``&``, ``<``, ``>`` and CR escaped the way lxml does, characters XML cannot hold refused.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from fake_sap import fuzz
from fake_sap.ale.dispatcher import _packet
from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType, Segment
from fake_sap.idoc.types import IDOC_TYPES
from fake_sap.idoc.types.debmas07 import DEBMAS07
from fake_sap.idoc.types.delvry07 import DELVRY07, ZDELVRY07
from fake_sap.idoc.types.matmas05 import MATMAS05
from fake_sap.idoc.types.orders05 import ORDERS05
from fake_sap.idoc.writer import to_xml, to_xml_text


def lxml_rendering(idoc_type: IdocType, idocs: list[Idoc]) -> bytes:
    """The reference: the IDoc tree built with lxml and serialized by it."""
    root = etree.Element(idoc_type.name)
    for idoc in idocs:
        element = etree.SubElement(root, "IDOC", BEGIN="1")
        control = {"TABNAM": "EDI_DC40", **idoc.control,
                   "IDOCTYP": idoc_type.idoctyp, "CIMTYP": idoc_type.cimtyp}
        _append(element, EDI_DC40, control, [])
        for data in _declared_order(idoc_type.segments, idoc.segments):
            _append(element, idoc_type.segment(data.name), data.values, data.children)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _declared_order(declared: tuple[Segment, ...], actual: list[SegmentData]
                    ) -> list[SegmentData]:
    order = [s.name for s in declared]
    return sorted(actual, key=lambda d: order.index(d.name))


def _append(parent: etree._Element, segment: Segment | None, values: dict[str, str],
            children: list[SegmentData]) -> None:
    assert segment is not None
    element = etree.SubElement(parent, segment.name, SEGMENT="1")
    for declared in segment.fields:
        if values.get(declared.name):
            etree.SubElement(element, declared.name).text = values[declared.name]
    for child in _declared_order(segment.children, children):
        _append(element, segment.child(child.name), child.values, child.children)


def both(idoc_type: IdocType, idocs: list[Idoc]) -> tuple[bytes, bytes]:
    return to_xml(idoc_type, idocs), lxml_rendering(idoc_type, idocs)


def control(mestyp: str, **fields: str) -> dict[str, str]:
    return {"MANDT": "100", "DOCNUM": "0000000000000042", "DIRECT": "1", "MESTYP": mestyp,
            "SNDPOR": "SAPFAK", "SNDPRT": "LS", "SNDPRN": "FAKCLNT100", "RCVPRT": "LS",
            "RCVPRN": "CRMCLNT100", "CREDAT": "20260301", "CRETIM": "101500",
            "SERIAL": "20260301101500000001", **fields}


def material(description: str = "Pump", **fields: str) -> Idoc:
    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "000000000000004711",
                                     "MTART": "FERT", "MEINS": "ST", "MATKL": "", **fields})
    header.children += [
        SegmentData("E1MAKTM", {"MSGFN": "005", "SPRAS": "E", "MAKTX": description,
                                "SPRAS_ISO": "EN"}),
        SegmentData("E1MAKTM", {"MSGFN": "005", "SPRAS": "1", "MAKTX": "水泵 500W",
                                "SPRAS_ISO": "ZH"}),
        SegmentData("E1MARCM", {"MSGFN": "005", "WERKS": "1000", "DISMM": "PD"}, [
            SegmentData("E1MARDM", {"MSGFN": "005", "LGORT": "0001", "LGPBE": "A-01"})]),
        SegmentData("E1MBEWM", {"MSGFN": "005", "BWKEY": "1000", "VPRSV": "S",
                                "STPRS": "12.50", "ZPLP1": "10", "ZPLP2": "19.90"}),
        SegmentData("E1MVKEM", {"MSGFN": "005", "VKORG": "1000", "VTWEG": "10"}),
    ]
    return Idoc(control("MATMAS"), [header])


def customer(name: str = "Outlet") -> Idoc:
    header = SegmentData("E1KNA1M", {"MSGFN": "005", "KUNNR": "0001000001", "KTOKD": "ZOUT",
                                     "NAME1": name, "LAND1": "CN", "ORT01": "上海"})
    area = SegmentData("E1KNVVM", {"MSGFN": "005", "VKORG": "1000", "VTWEG": "10",
                                   "SPART": "00", "WAERS": "CNY"},
                       [SegmentData("E1KNVPM", {"MSGFN": "005", "PARVW": "ZP",
                                                "KUNN2": "0000900001"})])
    header.children += [area, SegmentData("E1KNB1M", {"MSGFN": "005", "BUKRS": "1000"})]
    return Idoc(control("DEBMAS"), [header])


def delivery(idoc_type: IdocType) -> Idoc:
    item = SegmentData("E1EDL24", {"POSNR": "000010", "MATNR": "4711", "LFIMG": "3",
                                   "ARKTX": "Pump <large> & \"heavy\""})
    if idoc_type is ZDELVRY07:
        item.children.append(SegmentData("Z1EDL24", {"ZSHIPPED": "3", "ZOPEN": "<0>"}))
    header = SegmentData("E1EDL20", {"VBELN": "0080000001", "VSTEL": "1000"}, [item])
    return Idoc(control("DELVRY", CIMTYP="ignored"), [header])


def order() -> Idoc:
    return Idoc(control("ORDERS"), [
        SegmentData("E1EDP01", {"POSEX": "000010", "MENGE": "2", "MENEE": "ST"},
                    [SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": "4711"})]),
        SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "0001000001", "NAME1": "O'Brien"}),
        SegmentData("E1EDK01", {"CURCY": "CNY", "BELNR": "PO-1"}),
    ])


def test_a_material_is_written_as_lxml_writes_it():
    written, expected = both(MATMAS05, [material()])
    assert written == expected
    assert "水泵 500W".encode() in written  # non-ASCII as UTF-8, not as character references


def test_each_declared_type_is_written_as_lxml_writes_it():
    for idoc_type, idoc in [(MATMAS05, material()), (DEBMAS07, customer()),
                            (DELVRY07, delivery(DELVRY07)), (ZDELVRY07, delivery(ZDELVRY07)),
                            (ORDERS05, order())]:
        written, expected = both(idoc_type, [idoc])
        assert written == expected, idoc_type.name


def test_values_are_escaped_as_lxml_escapes_them():
    tricky = ["a & b", "<E1MARAM>", "x > y", "\"quoted\" 'single'", "&amp;", "line\nbreak",
              "tab\there", "carriage\rreturn", "\u00a0non-breaking", "€ 10", "𝄞 clef",
              "\x7f\x85", " leading and trailing "]
    for value in tricky:
        written, expected = both(MATMAS05, [material(value, BISMT=value)])
        assert written == expected, repr(value)
    assert b"<MAKTX>a &amp; b</MAKTX>" in to_xml(MATMAS05, [material("a & b")])
    assert b"<MAKTX>carriage&#13;return</MAKTX>" in to_xml(MATMAS05,
                                                           [material("carriage\rreturn")])


def test_every_character_the_writer_copies_is_copied_by_lxml_too():
    # the writer copies printable characters other than & < > without asking lxml
    copied = "".join(c for c in map(chr, range(sys.maxunicode + 1))
                     if c.isprintable() and c not in "&<>")
    written, expected = both(MATMAS05, [material(copied)])
    assert written == expected


def test_characters_xml_cannot_hold_are_refused_like_lxml_refuses_them():
    for value in ["bell\x07", "nul\x00", "\ud800 surrogate", "\ufffe", "\uffff"]:
        with pytest.raises((ValueError, UnicodeEncodeError)) as reference:
            lxml_rendering(MATMAS05, [material(value)])
        with pytest.raises(reference.type):
            to_xml(MATMAS05, [material(value)])


def test_empty_and_missing_fields_are_left_out():
    written = to_xml(MATMAS05, [material()])
    assert b"MATKL" not in written  # given as ""
    assert b"BISMT" not in written  # not given


def test_a_segment_without_values_or_children_is_an_empty_element():
    idoc = Idoc(control("MATMAS"), [SegmentData("E1MARAM", {}, [SegmentData("E1MVKEM")])])
    written, expected = both(MATMAS05, [idoc])
    assert written == expected
    assert b'<E1MVKEM SEGMENT="1"/>' in written


def test_segments_are_written_in_declared_order_those_of_a_type_as_given():
    idoc = material()
    idoc.segments[0].children.reverse()
    written, expected = both(MATMAS05, [idoc])
    assert written == expected
    tags = [e.tag for e in etree.fromstring(written).iter() if e.get("SEGMENT")]
    assert tags == ["EDI_DC40", "E1MARAM", "E1MAKTM", "E1MAKTM", "E1MARCM", "E1MARDM",
                    "E1MBEWM", "E1MVKEM"]
    assert written.index("水泵".encode()) < written.index(b"Pump")
    written, expected = both(ORDERS05, [order()])  # order() gives its segments unordered
    assert written == expected


def test_an_undeclared_segment_is_refused():
    idoc = material()
    idoc.segments[0].children.append(SegmentData("E1KNA1M", {"KUNNR": "1"}))
    with pytest.raises(ValueError, match="E1KNA1M"):
        to_xml(MATMAS05, [idoc])


def test_undeclared_fields_are_ignored():
    assert to_xml(MATMAS05, [material(ZZUNKNOWN="x")]) == to_xml(MATMAS05, [material()])


def test_several_idocs_and_none():
    idocs = [material(), material("Valve"), material("阀门")]
    written, expected = both(MATMAS05, idocs)
    assert written == expected
    assert both(MATMAS05, []) == (b"<?xml version='1.0' encoding='UTF-8'?>\n<MATMAS05/>",) * 2


def test_the_text_form_is_the_document_decoded():
    idocs = [material("水泵 & <co>")]
    assert to_xml_text(MATMAS05, idocs) == to_xml(MATMAS05, idocs).decode("utf-8")


def test_documents_of_the_writer_are_joined_by_the_dispatcher_as_text():
    # the dispatcher joins stored documents without parsing them when they have lxml's shape
    batch = [{"xml": to_xml_text(MATMAS05, [material(name)])} for name in ("Pump", "Valve")]
    assert _packet(batch).encode() == lxml_rendering(MATMAS05, [material("Pump"),
                                                                material("Valve")])


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_generated_idocs_of_every_type_are_written_as_lxml_writes_them(data):
    idoc_type = data.draw(st.sampled_from(sorted(IDOC_TYPES.values(), key=lambda t: t.name)))
    idocs = data.draw(st.lists(fuzz.idocs(idoc_type), min_size=1, max_size=3))
    written, expected = both(idoc_type, idocs)
    assert written == expected


@settings(max_examples=300, deadline=None)
@given(value=st.text(max_size=30))
def test_any_text_is_written_or_refused_as_lxml_does(value):
    try:
        expected = lxml_rendering(DEBMAS07, [customer(value)])
    except (ValueError, UnicodeEncodeError) as error:
        with pytest.raises(type(error)):
            to_xml(DEBMAS07, [customer(value)])
    else:
        assert to_xml(DEBMAS07, [customer(value)]) == expected
