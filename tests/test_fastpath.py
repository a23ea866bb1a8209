"""The fast path (:mod:`fake_sap.fastpath`) gives, byte for byte, what lxml gives.

Its IDoc-XML text equals the document lxml builds and serializes for the same IDocs, and a
packet it joins as text equals the packet lxml builds from the same IDocs: for every
declared IDoc type, with values that need escaping, non-ASCII text and empty fields. No
process is started.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from fake_sap.fastpath.idoc_xml import idoc_xml_text, join_documents, join_documents_with_lxml
from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType, Segment
from fake_sap.idoc.types import DEBMAS07, DELVRY07, MATMAS05, ORDERS05, ZDELVRY07

#: values lxml escapes (& < > CR), leaves alone (quotes, tabs, line breaks) or writes as
#: UTF-8 (non-ASCII, outside the BMP)
TRICKY = ["a & b", "<E1MARAM>", "x > y", "\"double\" 'single'", "&amp;", "line\nbreak",
          "tab\there", "carriage\rreturn", " spaces ", "离心泵 500W", "€ 10", "𝄞", "Ærø"]


# --- the lxml way -----------------------------------------------------------------------------

def lxml_document(idoc_type: IdocType, idocs: Sequence[Idoc]) -> str:
    """The reference: the IDoc tree built with lxml (declared order, empty fields left
    out) and serialized by it."""
    root = etree.Element(idoc_type.name)
    for idoc in idocs:
        element = etree.SubElement(root, "IDOC", BEGIN="1")
        control = {"TABNAM": "EDI_DC40", **idoc.control,
                   "IDOCTYP": idoc_type.idoctyp, "CIMTYP": idoc_type.cimtyp}
        _append(element, EDI_DC40, control, [])
        for data in _in_declared_order(idoc_type.segments, idoc.segments):
            _append(element, idoc_type.segment(data.name), data.values, data.children)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode("utf-8")


def _in_declared_order(declared: tuple[Segment, ...], actual: list[SegmentData]
                       ) -> list[SegmentData]:
    order = [segment.name for segment in declared]
    return sorted(actual, key=lambda data: order.index(data.name))


def _append(parent: etree._Element, segment: Segment | None, values: dict[str, str],
            children: list[SegmentData]) -> None:
    assert segment is not None
    element = etree.SubElement(parent, segment.name, SEGMENT="1")
    for field in segment.fields:
        if values.get(field.name):
            etree.SubElement(element, field.name).text = values[field.name]
    for child in _in_declared_order(segment.children, children):
        _append(element, segment.child(child.name), child.values, child.children)


# --- IDocs of every declared type -------------------------------------------------------------

def control(mestyp: str, docnum: int) -> dict[str, str]:
    return {"MANDT": "100", "DOCNUM": f"{docnum:016d}", "DIRECT": "1", "MESTYP": mestyp,
            "SNDPOR": "SAPFAK", "SNDPRT": "LS", "SNDPRN": "FAKCLNT100", "RCVPRT": "LS",
            "RCVPRN": "CRMCLNT100", "CREDAT": "20261201", "CRETIM": "101500",
            "SERIAL": f"20261201101500{docnum:06d}"}


def material(text: str, docnum: int = 1) -> Idoc:
    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "000000000000004711",
                                     "MTART": "FERT", "MATKL": "", "BISMT": text}, [
        SegmentData("E1MAKTM", {"SPRAS": "E", "MAKTX": text, "SPRAS_ISO": "EN"}),
        SegmentData("E1MAKTM", {"SPRAS": "1", "MAKTX": "水泵", "SPRAS_ISO": "ZH"}),
        SegmentData("E1MVKEM", {}),  # no values: an empty element
    ])
    return Idoc(control("MATMAS", docnum), [header])


def customer(text: str, docnum: int = 1) -> Idoc:
    header = SegmentData("E1KNA1M", {"MSGFN": "005", "KUNNR": "0001000001", "NAME1": text,
                                     "ORT01": "上海", "STRAS": ""}, [
        SegmentData("E1KNB1M", {"BUKRS": "1000"}),
        SegmentData("E1KNVVM", {"VKORG": "1000", "VTWEG": "10", "SPART": "00"}, [
            SegmentData("E1KNVPM", {"PARVW": "ZP", "KUNN2": "0000900001"})]),
    ])
    return Idoc(control("DEBMAS", docnum), [header])


def order(text: str, docnum: int = 1) -> Idoc:
    # given out of declared order: both ways write the declared one
    return Idoc(control("ORDERS", docnum), [
        SegmentData("E1EDP01", {"POSEX": "000010", "MENGE": "2", "MENEE": "ST"},
                    [SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": "4711", "KTEXT": text})]),
        SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "0001000001", "NAME1": text}),
        SegmentData("E1EDK01", {"CURCY": "CNY", "BELNR": "PO-1", "ZTERM": ""}),
    ])


def delivery(text: str, docnum: int = 1, *, extended: bool = False) -> Idoc:
    item = SegmentData("E1EDL24", {"POSNR": "000010", "MATNR": "4711", "LFIMG": "3",
                                   "ARKTX": text, "CHARG": ""})
    if extended:
        item.children.append(SegmentData("Z1EDL24", {"ZSHIPPED": "3", "ZOPEN": text}))
    return Idoc(control("DELVRY", docnum),
                [SegmentData("E1EDL20", {"VBELN": "0080000001", "VSTEL": "1000"}, [item])])


def examples(text: str, docnum: int = 1) -> list[tuple[IdocType, Idoc]]:
    return [(MATMAS05, material(text, docnum)), (DEBMAS07, customer(text, docnum)),
            (ORDERS05, order(text, docnum)), (DELVRY07, delivery(text, docnum)),
            (ZDELVRY07, delivery(text, docnum, extended=True))]


# --- the tests --------------------------------------------------------------------------------

def test_every_declared_type_is_written_as_lxml_writes_it() -> None:
    for idoc_type, idoc in examples("Pump"):
        assert idoc_xml_text(idoc_type, [idoc]) == lxml_document(idoc_type, [idoc]), \
            idoc_type.name


def test_values_that_need_escaping_and_non_ascii_text_are_written_as_lxml_writes_them() -> None:
    for text in TRICKY:
        for idoc_type, idoc in examples(text):
            assert idoc_xml_text(idoc_type, [idoc]) == lxml_document(idoc_type, [idoc]), \
                (idoc_type.name, text)


def test_empty_fields_are_left_out_and_a_segment_without_values_is_an_empty_element() -> None:
    written = idoc_xml_text(MATMAS05, [material("Pump")])

    assert written == lxml_document(MATMAS05, [material("Pump")])
    assert "<MATKL>" not in written and "<MATKL/>" not in written
    assert '<E1MVKEM SEGMENT="1"/>' in written


def test_several_idocs_and_none_are_written_as_lxml_writes_them() -> None:
    several = [material(text, n) for n, text in enumerate(["Pump", "阀 & <valve>", ""], 1)]

    assert idoc_xml_text(MATMAS05, several) == lxml_document(MATMAS05, several)
    assert idoc_xml_text(MATMAS05, []) == lxml_document(MATMAS05, [])


def test_a_joined_packet_is_the_document_lxml_builds_for_its_idocs() -> None:
    for position, (idoc_type, _) in enumerate(examples("")):
        idocs = [examples(text, n)[position][1] for n, text in enumerate(TRICKY, 1)]
        stored = [idoc_xml_text(idoc_type, [idoc]) for idoc in idocs]

        joined = join_documents(stored)

        assert joined == lxml_document(idoc_type, idocs), idoc_type.name
        assert joined == join_documents_with_lxml(stored), idoc_type.name


def test_documents_of_another_shape_are_joined_by_lxml() -> None:
    pretty = etree.tostring(etree.fromstring(idoc_xml_text(MATMAS05, [material("Valve", 2)])
                                             .encode()), pretty_print=True).decode()
    stored = [idoc_xml_text(MATMAS05, [material("Pump", 1)]), pretty]

    joined = join_documents(stored)

    assert joined == join_documents_with_lxml(stored)
    assert joined.count("<IDOC ") == 2


def test_fields_given_in_any_order_and_in_many_layouts_are_written_as_lxml_writes_them() -> None:
    # a segment remembers the declared order of the field layouts it has seen, up to a bound;
    # layouts beyond the bound, reversed orders and undeclared names must change nothing
    names = [f.name for f in MATMAS05.segment("E1MARAM").fields]
    for count in range(300):
        chosen = names[count % len(names):] + names[:count % 7]
        if count % 2:
            chosen.reverse()
        values = {name: f"v{count}" for name in chosen} | {"NOT_DECLARED": "x"}
        values["MATNR"] = "4711"
        idoc = Idoc(control("MATMAS", count + 1), [SegmentData("E1MARAM", values)])
        assert idoc_xml_text(MATMAS05, [idoc]) == lxml_document(MATMAS05, [idoc]), count
