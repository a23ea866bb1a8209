"""Reading IDoc-XML as SAP's XML-HTTP port posts it (sap_client.idoc).

Every test runs twice: with documents parsed in one go (how bodies up to
``WHOLE_DOCUMENT_BYTES`` are read) and streamed IDoc by IDoc (larger bodies and streams)."""

from __future__ import annotations

import io

import pytest

from sap_client import idoc as idoc_module
from sap_client.idoc import IdocTooLarge, IdocXmlError, iter_idocs, read_idocs

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True, params=["whole", "streamed"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "streamed":
        monkeypatch.setattr(idoc_module, "WHOLE_DOCUMENT_BYTES", 0)
    return str(request.param)


def control(docnum: str, mestyp: str = "MATMAS", idoctyp: str = "MATMAS05") -> str:
    return (f'<EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT>'
            f"<DOCNUM>{docnum}</DOCNUM><DIRECT>1</DIRECT><IDOCTYP>{idoctyp}</IDOCTYP>"
            f"<MESTYP>{mestyp}</MESTYP><SNDPOR>SAPFAK</SNDPOR><SNDPRT>LS</SNDPRT>"
            f"<SNDPRN>FAKCLNT100</SNDPRN><RCVPRN>CRMCLNT100</RCVPRN></EDI_DC40>")


def material_idoc(docnum: str, matnr: str, *texts: str) -> str:
    descriptions = "".join(f'<E1MAKTM SEGMENT="1"><MSGFN>005</MSGFN><SPRAS>{lang}</SPRAS>'
                           f"<MAKTX>{text}</MAKTX></E1MAKTM>"
                           for lang, text in (t.split(":", 1) for t in texts))
    return (f'<IDOC BEGIN="1">{control(docnum)}'
            f'<E1MARAM SEGMENT="1"><MSGFN>005</MSGFN><MATNR>{matnr}</MATNR>'
            f"<MEINS>ST</MEINS>{descriptions}"
            f'<E1MARCM SEGMENT="1"><WERKS>1000</WERKS></E1MARCM></E1MARAM></IDOC>')


def document(*idocs: str, root: str = "MATMAS05", prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<{root}>\n  '
            + "\n  ".join(idocs) + f"\n</{root}>\n").encode()


TWO_MATERIALS = document(
    material_idoc("0000000000000101", "000000000000004711", "E:Compressor", "1:压缩机"),
    material_idoc("0000000000000102", "SP-100", "E:Valve  "))


class TrickleStream(io.RawIOBase):
    """Hands out a few bytes per read, as a slow network stream does."""

    def __init__(self, content: bytes, chunk: int) -> None:
        self._data = io.BytesIO(content)
        self._chunk = chunk

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(self._chunk)


# --- reading --------------------------------------------------------------------------------

def test_every_idoc_of_a_document_is_read_in_order_with_its_control_record():
    idocs = read_idocs(TWO_MATERIALS)
    assert [i.docnum for i in idocs] == ["0000000000000101", "0000000000000102"]
    assert [i.index for i in idocs] == [1, 2]
    first = idocs[0]
    assert (first.root, first.idoc_type, first.message_type) == ("MATMAS05", "MATMAS05",
                                                                 "MATMAS")
    assert first.control["SNDPRN"] == "FAKCLNT100"


def test_segments_form_a_tree_with_their_fields():
    first = read_idocs(TWO_MATERIALS)[0]
    [header] = first.segments
    assert header.name == "E1MARAM"
    assert header.get("MATNR") == "000000000000004711"
    assert [child.name for child in header.children] == ["E1MAKTM", "E1MAKTM", "E1MARCM"]
    assert [s.get("MAKTX") for s in first.find_all("E1MAKTM")] == ["Compressor", "压缩机"]
    assert first.find("E1MARCM").get("WERKS") == "1000"


def test_a_field_left_out_reads_as_empty_and_trailing_blanks_are_dropped():
    second = read_idocs(TWO_MATERIALS)[1]
    assert second.find("E1MAKTM").get("MAKTX") == "Valve"
    assert second.find("E1MARAM").get("MTART") == ""


def test_each_idoc_carries_its_own_xml_as_a_one_idoc_document():
    second = read_idocs(TWO_MATERIALS)[1]
    [again] = read_idocs(second.xml)
    assert (again.root, again.control, again.segments) == \
        (second.root, second.control, second.segments)


def test_a_slow_stream_is_read_the_same():
    idocs = read_idocs(TrickleStream(TWO_MATERIALS, 7))
    assert [i.find("E1MARAM").get("MATNR") for i in idocs] == ["000000000000004711", "SP-100"]


def test_a_streamed_document_s_idocs_are_handed_out_before_the_rest_is_read():
    broken_end = TWO_MATERIALS.replace(b"</MATMAS05>", b"</MATMAS05")
    idocs = iter_idocs(io.BytesIO(broken_end))
    assert next(idocs).docnum == "0000000000000101"
    with pytest.raises(IdocXmlError):
        list(idocs)


# --- refusals -------------------------------------------------------------------------------

def test_malformed_xml_is_refused_with_the_parser_message():
    with pytest.raises(IdocXmlError, match="not well-formed"):
        read_idocs(b"<MATMAS05><IDOC BEGIN='1'><EDI_DC40></IDOC></MATMAS05>")


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE MATMAS05 [<!ENTITY boom "boom">]>',
    '<!DOCTYPE MATMAS05 SYSTEM "http://example.invalid/matmas.dtd">',
])
def test_a_doctype_or_entity_declaration_is_refused(prolog):
    with pytest.raises(IdocXmlError, match="DTD"):
        read_idocs(document(material_idoc("1", "&boom;" if "ENTITY" in prolog else "4711"),
                            prolog=prolog))


def test_a_doctype_split_over_many_small_reads_is_refused():
    content = document(material_idoc("1", "4711"), prolog='<!DOCTYPE MATMAS05 []>')
    with pytest.raises(IdocXmlError, match="DTD"):
        read_idocs(TrickleStream(content, 3))


def test_a_doctype_behind_a_long_comment_is_refused():
    content = document(material_idoc("1", "4711"),
                       prolog="<!--" + "x" * 10_000 + '--><!DOCTYPE MATMAS05 []>')
    with pytest.raises(IdocXmlError, match="DTD"):
        read_idocs(content)


def test_a_document_above_the_size_limit_is_refused():
    with pytest.raises(IdocTooLarge):
        read_idocs(TWO_MATERIALS, max_bytes=len(TWO_MATERIALS) - 1)
    assert len(read_idocs(TWO_MATERIALS, max_bytes=len(TWO_MATERIALS))) == 2


def test_a_document_without_idocs_is_refused():
    with pytest.raises(IdocXmlError, match="no <IDOC>"):
        read_idocs(b"<MATMAS05/>")


def test_an_idoc_without_a_control_record_is_refused():
    with pytest.raises(IdocXmlError, match="EDI_DC40"):
        read_idocs(b'<MATMAS05><IDOC BEGIN="1"><E1MARAM SEGMENT="1"/></IDOC></MATMAS05>')


def test_an_idoc_as_the_document_root_is_refused():
    with pytest.raises(IdocXmlError, match="root"):
        read_idocs(material_idoc("1", "4711").encode())


@pytest.mark.parametrize("where", ["segment", "control record", "field"])
def test_an_idoc_inside_an_idoc_is_refused(where):
    inner = material_idoc("2", "4712")
    outer = material_idoc("1", "4711")
    nested = {"segment": outer.replace("</E1MARCM>", f"</E1MARCM>{inner}"),
              "control record": outer.replace("</EDI_DC40>", f"{inner}</EDI_DC40>"),
              "field": outer.replace("</DOCNUM>", f"{inner}</DOCNUM>", 1)}[where]
    with pytest.raises(IdocXmlError, match="direct child"):
        read_idocs(document(nested))


def test_another_element_beside_the_idocs_is_refused():
    with pytest.raises(IdocXmlError, match="<NOTE>"):
        read_idocs(document(material_idoc("1", "4711"), "<NOTE>hello</NOTE>"))
