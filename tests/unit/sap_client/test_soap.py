"""The SOAP-RFC wire format on the client side (sap_client.soap): the call envelope
(only the function element qualified; a structure one child per component; a table one
``<item>`` per row), the response found by local name ``NAME.Response`` whatever its prefix,
faults turned into pyrfc's exceptions, and a function's types read from its WSDL (SAP
reference 5.1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from lxml import etree

from sap_client.errors import (
    RFC_ABAP_EXCEPTION,
    RFC_ABAP_RUNTIME_FAILURE,
    RFC_CONVERSION_FAILURE,
    RFC_INVALID_PARAMETER,
    RFC_INVALID_PROTOCOL,
    ABAPApplicationError,
    ABAPRuntimeError,
    CommunicationError,
    ExternalRuntimeError,
    RFCTypeError,
)
from sap_client.metadata import (
    DecodeOptions,
    FunctionDescription,
    Kind,
    Parameter,
    RfcType,
)
from sap_client.soap import (
    RFC_NS,
    SOAP_ENV_NS,
    Fault,
    abap_name,
    build_request,
    decode_parameters,
    fault_error,
    parse_wsdl,
    read_fault,
    request_call_element,
    response_element,
    xml_name,
)

pytestmark = pytest.mark.unit

OPTIONS = DecodeOptions()


def call_element(envelope: bytes, function: str) -> etree._Element:
    return request_call_element(etree.fromstring(envelope), function)


# --- names ------------------------------------------------------------------------------------

def test_slashes_of_namespaced_names_are_written_as_underscore_dash():
    assert xml_name("/BODS/RFC_READ_TABLE") == "_-BODS_-RFC_READ_TABLE"
    assert abap_name("{urn:x}_-BODS_-RFC_READ_TABLE") == "/BODS/RFC_READ_TABLE"
    assert xml_name("BAPI_X") == "BAPI_X"


# --- the request ------------------------------------------------------------------------------

def test_only_the_function_element_is_in_the_rfc_namespace():
    envelope = build_request("BAPI_X", {"MATERIAL": "4711"})
    root = etree.fromstring(envelope)
    assert root.tag == f"{{{SOAP_ENV_NS}}}Envelope"
    call = call_element(envelope, "BAPI_X")
    assert call.tag == f"{{{RFC_NS}}}BAPI_X"
    assert [child.tag for child in call] == ["MATERIAL"]  # unqualified
    assert call[0].text == "4711"
    assert envelope.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_structures_have_a_child_per_component_and_tables_an_item_per_row():
    envelope = build_request("BAPI_X", {
        "HEAD": {"DOC_TYPE": "TA", "SALES_ORG": "1000"},
        "ITEMS": [{"MATERIAL": "A"}, {"MATERIAL": "B"}],
        "EMPTY": []})
    call = call_element(envelope, "BAPI_X")
    head, items, empty = call
    assert [(c.tag, c.text) for c in head] == [("DOC_TYPE", "TA"), ("SALES_ORG", "1000")]
    assert [c.tag for c in items] == ["item", "item"]
    assert [row[0].text for row in items] == ["A", "B"]
    assert len(empty) == 0 and not empty.text


def test_an_empty_value_is_an_empty_element():
    call = call_element(build_request("F", {"A": ""}), "F")
    assert call[0].text is None


def test_untyped_values_are_written_by_their_python_type():
    call = call_element(build_request("F", {"AMOUNT": Decimal("1.50"), "COUNT": 3}), "F")
    assert [c.text for c in call] == ["1.50", "3"]


def test_a_namespaced_function_is_called_by_its_xml_name():
    call = call_element(build_request("/BODS/RFC_READ_TABLE", {}), "/BODS/RFC_READ_TABLE")
    assert call.tag == f"{{{RFC_NS}}}_-BODS_-RFC_READ_TABLE"


def test_a_name_xml_cannot_carry_is_refused():
    with pytest.raises(ExternalRuntimeError, match="'A B' is not a valid parameter") as e:
        build_request("F", {"A B": "x"})
    assert e.value.code == RFC_INVALID_PARAMETER


def test_characters_xml_cannot_carry_are_a_type_error():
    with pytest.raises(RFCTypeError, match="A: characters XML cannot carry"):
        build_request("F", {"A": "bell\x07"})


DESCRIPTION = FunctionDescription("Z_TEST", (
    Parameter("MATERIAL", "RFC_IMPORT", RfcType(Kind.CHAR, "char18", 18), False),
    Parameter("DATE", "RFC_IMPORT", RfcType(Kind.DATE, "date10", 8), True),
    Parameter("HEAD", "RFC_IMPORT", RfcType(Kind.STRUCTURE, "S", fields={
        "QTY": RfcType(Kind.BCD, "quantum13.3", 13, 3)}), True),
    Parameter("ROWS", "RFC_TABLES", RfcType(Kind.TABLE, "T", row=RfcType(
        Kind.STRUCTURE, "R", fields={"N": RfcType(Kind.NUM, "numeric3", 3)})), True),
    Parameter("COUNT", "RFC_EXPORT", RfcType(Kind.INT, "int"), False),
))


def test_with_a_description_values_are_written_in_their_type_s_wire_format():
    call = call_element(build_request("Z_TEST", {"MATERIAL": "4711", "DATE": "20240131",
                                                 "HEAD": {"QTY": Decimal("2")},
                                                 "ROWS": [{"N": 7}]}, DESCRIPTION), "Z_TEST")
    texts = {c.tag: c for c in call}
    assert texts["DATE"].text == "2024-01-31"
    assert texts["HEAD"][0].text == "2"
    assert texts["ROWS"][0][0].text == "7"


def test_with_a_description_a_table_parameter_not_passed_is_sent_empty():
    call = call_element(build_request("Z_TEST", {"MATERIAL": "4711"}, DESCRIPTION), "Z_TEST")

    assert [(c.tag, len(c), c.text) for c in call] == [("MATERIAL", 0, "4711"),
                                                       ("ROWS", 0, None)]


def test_without_a_description_only_the_parameters_passed_are_sent():
    call = call_element(build_request("Z_TEST", {"MATERIAL": "4711"}), "Z_TEST")

    assert [c.tag for c in call] == ["MATERIAL"]


def test_with_a_description_an_unknown_parameter_is_refused():
    with pytest.raises(ExternalRuntimeError, match="Parameter PLANT is not a parameter of "
                                                   "function Z_TEST"):
        build_request("Z_TEST", {"PLANT": "1000"}, DESCRIPTION)


def test_with_a_description_an_unknown_component_is_refused():
    with pytest.raises(ExternalRuntimeError, match=r"Field UNIT is not a component of HEAD \(S\)"):
        build_request("Z_TEST", {"HEAD": {"UNIT": "ST"}}, DESCRIPTION)


def test_with_a_description_a_table_needs_rows_and_a_structure_a_dict():
    with pytest.raises(RFCTypeError, match="ROWS: a table needs a list of rows"):
        build_request("Z_TEST", {"ROWS": {"N": 1}}, DESCRIPTION)
    with pytest.raises(RFCTypeError, match="HEAD: a structure needs a dict"):
        build_request("Z_TEST", {"HEAD": ["x"]}, DESCRIPTION)


def test_a_wrong_value_deep_in_a_table_is_named_by_its_path():
    with pytest.raises(RFCTypeError, match=r"ROWS\[2\]-N: a numeric string is required"):
        build_request("Z_TEST", {"ROWS": [{"N": 1}, {"N": "x"}]}, DESCRIPTION)


def test_the_call_element_of_another_function_is_not_found():
    with pytest.raises(ValueError, match="does not call OTHER"):
        call_element(build_request("F", {}), "OTHER")


# --- the response -----------------------------------------------------------------------------

def response(body: str, prefix: str = "rfc") -> bytes:
    return (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>'
            f'<{prefix}:Z_TEST.Response xmlns:{prefix}="{RFC_NS}">{body}'
            f"</{prefix}:Z_TEST.Response></SOAP-ENV:Body></SOAP-ENV:Envelope>").encode()


@pytest.mark.parametrize("prefix", ["rfc", "urn", "n0"])
def test_the_response_is_found_by_local_name_whatever_its_prefix(prefix):
    assert response_element(response("<COUNT>1</COUNT>", prefix), "Z_TEST")[0].text == "1"


def test_a_response_for_another_function_is_a_protocol_error():
    with pytest.raises(CommunicationError, match=r"Expected <OTHER.Response> in the SOAP body, "
                                                 r"found <Z_TEST.Response>") as e:
        response_element(response(""), "OTHER")
    assert e.value.key == "RFC_INVALID_PROTOCOL"


@pytest.mark.parametrize(("content", "reason"), [
    (b"<html><h1>Logon failed</h1></html>", "is not a SOAP envelope"),
    (b"<a><b>", "is not well-formed XML"),
    (f'<e:Envelope xmlns:e="{SOAP_ENV_NS}"/>'.encode(), "has no SOAP Body"),
    (b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "declares a DTD"),
])
def test_what_is_not_a_soap_response_is_a_communication_error(content, reason):
    with pytest.raises(CommunicationError, match=reason):
        response_element(content, "Z_TEST")


def test_typed_decoding_gives_every_output_and_keeps_what_is_not_described():
    element = response_element(response("<EXTRA>  x  </EXTRA>"), "Z_TEST")
    values = decode_parameters(element, DESCRIPTION, OPTIONS)
    # ROWS (tables) and COUNT (export) are outputs: missing ones are initial
    assert values == {"ROWS": [], "COUNT": 0, "EXTRA": "  x"}


def test_typed_decoding_converts_rows_of_a_table():
    element = response_element(response("<ROWS><item><N>7</N></item><item/></ROWS>"
                                        "<COUNT>2</COUNT>"), "Z_TEST")
    assert decode_parameters(element, DESCRIPTION, OPTIONS) == {
        "ROWS": [{"N": "007"}, {"N": "000"}], "COUNT": 2}


def test_untyped_decoding_keeps_text_structures_and_tables():
    element = response_element(response(
        "<A>text  </A><S><X>1</X><Y/></S><T><item><X>1</X></item><item/></T><_-NS_-F>v</_-NS_-F>"
    ), "Z_TEST")
    assert decode_parameters(element, None, OPTIONS) == {
        "A": "text", "S": {"X": "1", "Y": ""}, "T": [{"X": "1"}, {}], "/NS/F": "v"}


def test_untyped_decoding_without_rstrip_keeps_blanks():
    element = response_element(response("<A>text  </A>"), "Z_TEST")
    assert decode_parameters(element, None, DecodeOptions(rstrip=False)) == {"A": "text  "}


# --- faults -----------------------------------------------------------------------------------

def soap_fault(name: str, text: str = "", msgid: str = "", msgno: str = "",
               faultcode: str = "SOAP-ENV:Client") -> bytes:
    message = (f"<Message><ID>{msgid}</ID><Number>{msgno}</Number></Message>"
               if msgid or msgno else "")
    return (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>'
            f"<SOAP-ENV:Fault><faultcode>{faultcode}</faultcode>"
            f"<faultstring>{name}</faultstring><detail>"
            f'<rfc:Z_TEST.Exception xmlns:rfc="{RFC_NS}"><Name>{name}</Name>'
            f"<Text>{text}</Text>{message}</rfc:Z_TEST.Exception></detail>"
            f"</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>").encode()


def test_a_fault_is_read_with_its_name_text_and_message():
    fault = read_fault(soap_fault("NOT_FOUND", "Material 4711 not found", "M3", "305"))
    assert fault == Fault("SOAP-ENV:Client", "NOT_FOUND", "Material 4711 not found", "M3",
                          "305")


def test_a_fault_without_detail_is_named_by_its_faultstring():
    content = (f'<s:Envelope xmlns:s="{SOAP_ENV_NS}"><s:Body><s:Fault>'
               "<faultcode>s:Server</faultcode><faultstring>SYSTEM_FAILURE</faultstring>"
               "</s:Fault></s:Body></s:Envelope>").encode()
    fault = read_fault(content)
    assert fault is not None
    assert (fault.faultcode, fault.name, fault.text) == ("s:Server", "SYSTEM_FAILURE",
                                                         "SYSTEM_FAILURE")


@pytest.mark.parametrize("content", [b"not xml", b"<html/>", response("<COUNT>1</COUNT>")])
def test_what_is_no_soap_fault_reads_as_none(content):
    assert read_fault(content) is None


@pytest.mark.parametrize(("name", "error", "code"), [
    ("CX_SY_CONVERSION_NO_NUMBER", RFCTypeError, RFC_CONVERSION_FAILURE),
    ("SYSTEM_FAILURE", ABAPRuntimeError, RFC_ABAP_RUNTIME_FAILURE),
    ("CALL_FUNCTION_PARM_MISSING", ABAPRuntimeError, RFC_ABAP_RUNTIME_FAILURE),
    ("XML_NOT_WELL_FORMED", ExternalRuntimeError, RFC_INVALID_PROTOCOL),
    ("NOT_A_SOAP_ENVELOPE", ExternalRuntimeError, RFC_INVALID_PROTOCOL),
    ("PAYLOAD_TOO_LARGE", ExternalRuntimeError, RFC_INVALID_PROTOCOL),
    ("NOT_FOUND", ABAPApplicationError, RFC_ABAP_EXCEPTION),
    ("FU_NOT_FOUND", ABAPApplicationError, RFC_ABAP_EXCEPTION),
])
def test_each_fault_becomes_the_exception_pyrfc_raises(name, error, code):
    raised = fault_error(Fault("SOAP-ENV:Client", name, "the text"), "Z_TEST")
    assert type(raised) is error
    assert (raised.code, raised.key, raised.message) == (code, name, "the text")


def test_an_unknown_function_names_itself_in_v1_like_pyrfc():
    raised = fault_error(Fault("SOAP-ENV:Client", "FU_NOT_FOUND", "", "FL", "046"), "Z_NONE")
    assert (raised.msg_class, raised.msg_type, raised.msg_number, raised.msg_v1) == (
        "FL", "E", "046", "Z_NONE")
    assert raised.message == "FU_NOT_FOUND"  # no text: the name


def test_a_fault_without_message_class_has_no_message_type():
    raised = fault_error(Fault("c", "NOT_FOUND", "x"), "F")
    assert (raised.msg_class, raised.msg_type, raised.msg_v1) == (None, None, None)


def test_a_fault_s_variables_are_kept():
    raised = fault_error(Fault("c", "LOCKED", "x", "M3", "897", ("A", "", "C", "")), "F")
    assert (raised.msg_v1, raised.msg_v2, raised.msg_v3, raised.msg_v4) == ("A", None, "C", None)


# --- the WSDL ---------------------------------------------------------------------------------

WSDL = f"""<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="{RFC_NS}"
    targetNamespace="{RFC_NS}">
  <wsdl:types>
    <xsd:schema targetNamespace="{RFC_NS}" elementFormDefault="unqualified">
      <xsd:simpleType name="char18"><xsd:restriction base="xsd:string">
        <xsd:maxLength value="18"/></xsd:restriction></xsd:simpleType>
      <xsd:simpleType name="char1"><xsd:restriction base="xsd:string">
        <xsd:maxLength value="1"/></xsd:restriction></xsd:simpleType>
      <xsd:simpleType name="numeric6"><xsd:restriction base="xsd:string">
        <xsd:maxLength value="6"/><xsd:pattern value="\\d*"/></xsd:restriction></xsd:simpleType>
      <xsd:simpleType name="date10"><xsd:restriction base="xsd:string">
        <xsd:maxLength value="10"/><xsd:pattern value="\\d\\d\\d\\d-\\d\\d-\\d\\d"/>
      </xsd:restriction></xsd:simpleType>
      <xsd:simpleType name="time"><xsd:restriction base="xsd:string">
        <xsd:maxLength value="8"/><xsd:pattern value="\\d\\d:\\d\\d:\\d\\d"/>
      </xsd:restriction></xsd:simpleType>
      <xsd:simpleType name="quantum13.3"><xsd:restriction base="xsd:decimal">
        <xsd:totalDigits value="13"/><xsd:fractionDigits value="3"/>
      </xsd:restriction></xsd:simpleType>
      <xsd:complexType name="BAPIRET2"><xsd:sequence>
        <xsd:element name="TYPE" type="tns:char1" minOccurs="0"/>
        <xsd:element name="ROW" type="xsd:int" minOccurs="0"/>
      </xsd:sequence></xsd:complexType>
      <xsd:complexType name="TABLE_OF_BAPIRET2"><xsd:sequence>
        <xsd:element name="item" type="tns:BAPIRET2" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence></xsd:complexType>
      <xsd:element name="Z_TEST"><xsd:complexType><xsd:all>
        <xsd:element name="MATERIAL" type="tns:char18"/>
        <xsd:element name="DATE" type="tns:date10" minOccurs="0"/>
        <xsd:element name="QUANTITY" type="tns:quantum13.3" minOccurs="0"/>
        <xsd:element name="RETURN" type="tns:TABLE_OF_BAPIRET2" minOccurs="0"/>
        <xsd:element name="HEAD" type="tns:BAPIRET2" minOccurs="0"/>
      </xsd:all></xsd:complexType></xsd:element>
      <xsd:element name="Z_TEST.Response"><xsd:complexType><xsd:all>
        <xsd:element name="RETURN" type="tns:TABLE_OF_BAPIRET2"/>
        <xsd:element name="HEAD" type="tns:BAPIRET2"/>
        <xsd:element name="POSNR" type="tns:numeric6"/>
        <xsd:element name="TIME" type="tns:time"/>
        <xsd:element name="COUNT" type="xsd:int"/>
      </xsd:all></xsd:complexType></xsd:element>
    </xsd:schema>
  </wsdl:types>
</wsdl:definitions>""".encode()


def test_directions_are_derived_from_request_and_response():
    description = parse_wsdl(WSDL, "Z_TEST")
    directions = {p.name: p.direction for p in description.parameters}
    assert directions == {"MATERIAL": "RFC_IMPORT", "DATE": "RFC_IMPORT",
                          "QUANTITY": "RFC_IMPORT", "RETURN": "RFC_TABLES",
                          "HEAD": "RFC_CHANGING", "POSNR": "RFC_EXPORT", "TIME": "RFC_EXPORT",
                          "COUNT": "RFC_EXPORT"}


def test_optional_parameters_are_those_with_min_occurs_zero():
    description = parse_wsdl(WSDL, "Z_TEST")
    assert {p.name for p in description.parameters if p.optional} == {
        "DATE", "QUANTITY", "RETURN", "HEAD"}


def test_sap_s_simple_types_become_rfc_types():
    description = parse_wsdl(WSDL, "Z_TEST")
    types = {p.name: p.type for p in description.parameters}
    assert (types["MATERIAL"].kind, types["MATERIAL"].length) == (Kind.CHAR, 18)
    assert types["DATE"].kind is Kind.DATE
    assert types["TIME"].kind is Kind.TIME
    assert (types["POSNR"].kind, types["POSNR"].length) == (Kind.NUM, 6)
    assert (types["QUANTITY"].kind, types["QUANTITY"].length, types["QUANTITY"].decimals) == (
        Kind.BCD, 13, 3)
    assert types["COUNT"].kind is Kind.INT


def test_table_types_have_their_row_structure():
    returns = parse_wsdl(WSDL, "Z_TEST").parameter("RETURN")
    assert returns is not None
    assert returns.type.kind is Kind.TABLE
    assert returns.type.row is not None and returns.type.row.kind is Kind.STRUCTURE
    assert {n: t.kind for n, t in returns.type.row.fields.items()} == {
        "TYPE": Kind.CHAR, "ROW": Kind.INT}


def test_a_function_the_wsdl_does_not_declare_is_a_value_error():
    with pytest.raises(ValueError, match="element Z_OTHER is not declared"):
        parse_wsdl(WSDL, "Z_OTHER")


def test_a_broken_wsdl_is_a_value_error():
    with pytest.raises(ValueError, match="not well-formed"):
        parse_wsdl(b"<wsdl:definitions", "Z_TEST")
