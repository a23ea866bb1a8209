"""Segment fields name their data elements where a public segment listing gives them: the
declaration carries the element, the XSD shows it as ``fs:dataElement`` and the reference
page in a column of its own; DELVRY07's E1EDL18 as SAP's DELVRY03 schema declares it."""

from __future__ import annotations

import pytest
from lxml import etree

from fake_sap.idoc.model import SapType, fields
from fake_sap.idoc.reference import type_page
from fake_sap.idoc.types.delvry07 import DELVRY07, E1EDL18
from fake_sap.idoc.types.matmas05 import MATMAS05
from fake_sap.idoc.xsd import FAKE_SAP_NAMESPACE, XS_NAMESPACE, schema_for

pytestmark = pytest.mark.unit

_MSGFN_SEGMENTS = ("E1MARAM", "E1MAKTM", "E1MARCM", "E1MARDM")


def test_a_field_declaration_carries_its_data_element():
    declared = fields(("MSGFN", 3, SapType.CHAR, "Function"), ("MATNR", 18),
                      elements={"MSGFN": "MSGFN"})
    assert [(f.name, f.element) for f in declared] == [("MSGFN", "MSGFN"), ("MATNR", "")]


def test_a_data_element_of_an_undeclared_field_is_refused():
    with pytest.raises(ValueError, match="MEINS"):
        fields(("MATNR", 18), elements={"MEINS": "MEINS"})


def test_the_data_element_does_not_change_the_segment_layout():
    # equality is structure: an imported schema (without elements) equals the declaration
    assert fields(("MSGFN", 3), elements={"MSGFN": "MSGFN"}) == fields(("MSGFN", 3))


@pytest.mark.parametrize("segment", _MSGFN_SEGMENTS)
def test_the_material_master_segments_name_msgfn_as_their_first_field_element(segment):
    declared = MATMAS05.segment(segment)
    assert declared is not None
    assert (declared.fields[0].name, declared.fields[0].element) == ("MSGFN", "MSGFN")
    assert "MSGFN" in declared.source


def test_the_schema_and_the_reference_page_show_the_data_element():
    schema = etree.fromstring(schema_for(MATMAS05))
    msgfn = schema.find(f".//{{{XS_NAMESPACE}}}element[@name='E1MAKTM']"
                        f"//{{{XS_NAMESPACE}}}element[@name='MSGFN']")
    assert msgfn.get(f"{{{FAKE_SAP_NAMESPACE}}}dataElement") == "MSGFN"
    page = type_page(MATMAS05)
    assert "| Field | SAP type | Length | Mandatory | Data element | Description |" in page
    assert "| `MSGFN` | CHAR | 3 |  | `MSGFN` |" in page


def test_e1edl18_is_the_control_segment_of_the_delvry03_schema():
    assert [(f.name, f.length, f.type) for f in E1EDL18.fields] == [
        ("QUALF", 3, SapType.CHAR), ("PARAM", 20, SapType.CHAR)]
    assert (E1EDL18.description, E1EDL18.max_occurs) == ("IDOC: Controlling (Delivery)", 99)
    header = DELVRY07.segment("E1EDL20")
    assert header is not None and header.child("E1EDL18") is E1EDL18


def test_the_delivery_header_ends_with_the_fields_of_the_delvry03_schema():
    header = DELVRY07.segment("E1EDL20")
    assert header is not None
    assert [(f.name, f.length) for f in header.fields[-6:]] == [
        ("POTIM", 6), ("LOC_SEQ", 3), ("HOLD", 1), ("MAX_ERR_TYPE", 1), ("LE_SCENARIO", 1),
        ("RECIPIENT_CREATE", 1)]
