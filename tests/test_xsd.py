"""The XSDs generated from the IDoc declarations accept what the writer emits and reject what
the declarations forbid."""

from __future__ import annotations

import pytest
from lxml import etree

from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType, SapType, Segment, extend, fields
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.idoc.writer import to_xml
from fake_sap.idoc.xsd import schema_for, validator_for

pytestmark = pytest.mark.unit

CONTROL = {"MANDT": "100", "DOCREL": "740", "DIRECT": "2", "MESTYP": "MATMAS",
           "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": "CRMCLNT100", "RCVPRT": "LS",
           "RCVPRN": "FAKESAP", "CREDAT": "20240131", "CRETIM": "235959",
           "SERIAL": "20240131235959"}


def material_idoc() -> Idoc:
    """A MATMAS05 IDoc using every segment, typed fields included."""
    plant = SegmentData("E1MARCM", {"MSGFN": "005", "WERKS": "1000", "DISMM": "PD"},
                        [SegmentData("E1MARDM", {"LGORT": "0001", "LMINB": "2024.000"})])
    header = SegmentData(
        "E1MARAM",
        {"MSGFN": "005", "MATNR": "4711", "ERSDA": "20240131", "MTART": "FERT",
         "MEINS": "ST", "BRGEW": "12.500", "NTGEW": "10.000-"},
        [SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"}),
         SegmentData("E1MAKTM", {"SPRAS_ISO": "ZH", "MAKTX": "泵"}),
         plant,
         SegmentData("E1MBEWM", {"BWKEY": "1000", "VPRSV": "S", "STPRS": "99.90",
                                 "PEINH": "1"}),
         SegmentData("E1MVKEM", {"VKORG": "1000", "VTWEG": "10", "AUMNG": "5"})],
    )
    return Idoc(dict(CONTROL), [header])


def customer_idoc() -> Idoc:
    """A DEBMAS07 IDoc using every segment."""
    sales_area = SegmentData("E1KNVVM", {"VKORG": "1000", "VTWEG": "10", "SPART": "00",
                                         "WAERS": "CNY", "LPRIO": "02"},
                             [SegmentData("E1KNVPM", {"PARVW": "ZP", "KUNN2": "0000100001",
                                                      "PARZA": "000"})])
    header = SegmentData(
        "E1KNA1M",
        {"MSGFN": "005", "KUNNR": "0010034884", "KTOKD": "Z001", "NAME1": "Outlet Nanjing",
         "LAND1": "CN", "SPRAS": "1"},
        [sales_area,
         SegmentData("E1KNB1M", {"BUKRS": "1000", "AKONT": "0000140000"}),
         SegmentData("E1KNKKM", {"KKBER": "1000", "KLIMK": "50000.00"})],
    )
    return Idoc({**CONTROL, "MESTYP": "DEBMAS"}, [header])


def errors(idoc_type: IdocType, xml: bytes) -> list[str]:
    """The schema's complaints about ``xml`` (empty when it is valid)."""
    validator = validator_for(idoc_type)
    validator.validate(etree.fromstring(xml))
    return [error.message for error in validator.error_log]


def edited(xml: bytes, path: str, change) -> bytes:
    """``xml`` after ``change(element)`` on the one element at ``path`` below the root."""
    root = etree.fromstring(xml)
    [element] = root.xpath(path)
    change(element)
    return etree.tostring(root)


def set_text(value: str):
    def change(element: etree._Element) -> None:
        element.text = value
    return change


def test_schema_is_byte_identical_on_every_generation():
    assert schema_for(MATMAS05) == schema_for(MATMAS05)


def test_material_master_written_by_the_writer_is_valid():
    assert errors(MATMAS05, to_xml(MATMAS05, [material_idoc()])) == []


def test_customer_master_written_by_the_writer_is_valid():
    assert errors(DEBMAS07, to_xml(DEBMAS07, [customer_idoc()])) == []


def test_several_idocs_in_one_document_are_valid():
    assert errors(MATMAS05, to_xml(MATMAS05, [material_idoc(), material_idoc()])) == []


def test_field_longer_than_its_declared_length_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC/E1MARAM/E1MAKTM[1]/MAKTX",
                 set_text("x" * 41))

    [message] = errors(MATMAS05, xml)
    assert "MAKTX" in message and "length" in message


def test_typed_field_not_matching_its_pattern_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC/E1MARAM/ERSDA",
                 set_text("2024AB31"))

    [message] = errors(MATMAS05, xml)
    assert "ERSDA" in message and "pattern" in message


def test_missing_mandatory_field_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC/E1MARAM/MATNR",
                 lambda element: element.getparent().remove(element))

    [message] = errors(MATMAS05, xml)
    assert "MATNR" in message


def test_missing_mandatory_control_record_field_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC/EDI_DC40/SNDPRN",
                 lambda element: element.getparent().remove(element))

    [message] = errors(MATMAS05, xml)
    assert "SNDPRN" in message


def test_unknown_segment_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC/E1MARAM",
                 lambda element: etree.SubElement(element, "Z1MARAM", SEGMENT="1"))

    [message] = errors(MATMAS05, xml)
    assert "Z1MARAM" in message


def test_too_many_occurrences_of_a_segment_are_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC",
                 lambda element: element.append(etree.fromstring(
                     b'<E1MARAM SEGMENT="1"><MATNR>4712</MATNR></E1MARAM>')))

    [message] = errors(MATMAS05, xml)
    assert "E1MARAM" in message


def test_segment_without_its_segment_attribute_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC/E1MARAM",
                 lambda element: element.attrib.pop("SEGMENT"))

    [message] = errors(MATMAS05, xml)
    assert "SEGMENT" in message


def test_idoc_without_its_begin_attribute_is_rejected():
    xml = edited(to_xml(MATMAS05, [material_idoc()]), "IDOC",
                 lambda element: element.attrib.pop("BEGIN"))

    [message] = errors(MATMAS05, xml)
    assert "BEGIN" in message


def test_document_of_another_idoc_type_is_rejected():
    assert errors(MATMAS05, to_xml(DEBMAS07, [customer_idoc()])) != []


# an extension as a project would declare it (WE30/WE31); deliberately not registered
Z1MARAM = Segment("Z1MARAM", "CRM fields of the material",
                  fields(("ZZCRMID!", 20, SapType.CHAR, "CRM product id"),
                         ("ZZVALID", 8, SapType.DATS, "Valid from")),
                  max_occurs=1)
ZMATMAS05 = extend(MATMAS05, "ZMATMAS05", "Material master with CRM fields",
                   {"E1MARAM": (Z1MARAM,)})


def material_with_crm_fields() -> Idoc:
    idoc = material_idoc()
    idoc.segments[0].children.append(
        SegmentData("Z1MARAM", {"ZZCRMID": "CRM-4711", "ZZVALID": "20240201"}))
    return idoc


def test_extension_schema_has_the_extension_as_root_element():
    schema = etree.fromstring(schema_for(ZMATMAS05))

    assert [e.get("name") for e in schema.findall("{*}element")] == ["ZMATMAS05"]


def test_extension_schema_declares_the_customer_segment_under_its_parent():
    schema = etree.fromstring(schema_for(ZMATMAS05))

    [customer_segment] = schema.xpath("//*[@name='E1MARAM']//*[@name='Z1MARAM']")
    assert customer_segment.xpath(".//*[@name='ZZCRMID']")


def test_extension_idoc_with_its_customer_segment_is_valid():
    assert errors(ZMATMAS05, to_xml(ZMATMAS05, [material_with_crm_fields()])) == []


def test_customer_segment_fields_are_checked_by_the_extension_schema():
    xml = edited(to_xml(ZMATMAS05, [material_with_crm_fields()]),
                 "IDOC/E1MARAM/Z1MARAM/ZZCRMID", set_text("x" * 21))

    [message] = errors(ZMATMAS05, xml)
    assert "ZZCRMID" in message


def test_basic_type_schema_rejects_the_customer_segment():
    xml = to_xml(ZMATMAS05, [material_with_crm_fields()]).replace(b"ZMATMAS05", b"MATMAS05")

    [message] = errors(MATMAS05, xml)
    assert "Z1MARAM" in message
