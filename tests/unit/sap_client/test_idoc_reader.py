"""The receivers' IDoc-XML reader (sap_client.idoc) on in-memory bytes: the segment tree
and its look-ups, the control record's shortcuts, ABAP CHAR semantics for values (trailing
blanks dropped, leading ones kept), and the size limit. The reading itself, whole and
streamed, and the refusals are covered by tests/adapter/test_sap_idoc.py."""

from __future__ import annotations

import pytest

from sap_client.idoc import IdocTooLarge, IdocXmlError, Segment, read_idocs

pytestmark = pytest.mark.unit

DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8"?>
<ZDELVRY07>
  <IDOC BEGIN="1">
    <EDI_DC40 SEGMENT="1"><DOCNUM>0000000000000042</DOCNUM><IDOCTYP>DELVRY07</IDOCTYP>
      <CIMTYP>ZDELVRY07</CIMTYP><MESTYP>DESADV</MESTYP><SNDPRN>FAKESAP</SNDPRN></EDI_DC40>
    <E1EDL20 SEGMENT="1"><VBELN>0080000001</VBELN><LFART>LF  </LFART>
      <Z1EDL20 SEGMENT="1"><ZEVENT>PGI</ZEVENT><ZORDER>  0000010000</ZORDER></Z1EDL20>
      <E1ADRM1 SEGMENT="1"><PARTNER_Q>WE</PARTNER_Q><PARTNER_ID>0000001000</PARTNER_ID></E1ADRM1>
      <E1EDL24 SEGMENT="1"><POSNR>000010</POSNR><MATNR>M1</MATNR>
        <Z1EDL24 SEGMENT="1"><ZOPEN>6.000</ZOPEN><ZNEWDLV>X</ZNEWDLV></Z1EDL24></E1EDL24>
      <E1EDL24 SEGMENT="1"><POSNR>000020</POSNR><MATNR>M2</MATNR><CHARG/></E1EDL24>
    </E1EDL20>
  </IDOC>
</ZDELVRY07>"""


@pytest.fixture
def delivery():
    (idoc,) = read_idocs(DOCUMENT)
    return idoc


def test_the_control_record_s_shortcuts(delivery):
    assert (delivery.docnum, delivery.idoc_type, delivery.message_type) == (
        "0000000000000042", "DELVRY07", "DESADV")
    assert delivery.root == "ZDELVRY07"
    assert delivery.index == 1


def test_a_missing_control_field_is_empty(delivery):
    assert delivery.control.get("SERIAL", "") == ""
    (bare,) = read_idocs(b'<X><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"/></IDOC></X>')
    assert (bare.docnum, bare.idoc_type, bare.message_type) == ("", "", "")


def test_values_lose_trailing_blanks_but_keep_leading_ones(delivery):
    header = delivery.find("E1EDL20")
    assert header.get("LFART") == "LF"
    assert delivery.find("Z1EDL20").get("ZORDER") == "  0000010000"


def test_an_empty_field_is_empty_and_a_missing_one_the_default(delivery):
    second = delivery.find_all("E1EDL24")[1]
    assert second.fields["CHARG"] == ""
    assert second.get("LFIMG") == ""
    assert second.get("LFIMG", "0") == "0"


def test_find_is_depth_first_across_the_idoc(delivery):
    assert delivery.find("Z1EDL24").get("ZNEWDLV") == "X"
    assert delivery.find("E1NOPE") is None
    assert [s.get("POSNR") for s in delivery.find_all("E1EDL24")] == ["000010", "000020"]


def test_walk_visits_every_segment_in_document_order(delivery):
    assert [s.name for s in delivery.walk()] == [
        "E1EDL20", "Z1EDL20", "E1ADRM1", "E1EDL24", "Z1EDL24", "E1EDL24"]


def test_a_segment_finds_only_below_itself():
    tree = Segment("A", children=[Segment("B", {"F": "1"}, [Segment("C")]), Segment("C")])
    assert tree.find("A") is None
    assert [s.name for s in tree.find_all("C")] == ["C", "C"]
    assert tree.children[0].find("C") is tree.children[0].children[0]
    assert [s.name for s in tree.walk()] == ["A", "B", "C", "C"]


def test_bytes_above_the_limit_are_refused_before_reading():
    with pytest.raises(IdocTooLarge, match="exceeds 100 bytes"):
        read_idocs(DOCUMENT, max_bytes=100)


def test_too_large_is_a_kind_of_unacceptable_document():
    assert issubclass(IdocTooLarge, IdocXmlError)
    assert issubclass(IdocXmlError, ValueError)
