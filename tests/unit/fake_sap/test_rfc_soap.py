"""The emulator's side of SOAP-RFC (fake_sap.rfc.soap): reading a call leniently (any prefix,
``xsi:nil``, components in any order) but safely (no DTD), writing ``<rfc:NAME.Response>``
with every output and SOAP 1.1 faults named after the exception (SAP reference 5.1)."""

from __future__ import annotations

import pytest
from lxml import etree

from fake_sap.rfc.errors import (
    AbapException,
    FunctionNotFound,
    ParameterMissing,
    RequestError,
    SystemFailure,
)
from fake_sap.rfc.model import (
    DATS,
    Field,
    FunctionInterface,
    char,
    exporting,
    importing,
    quan,
    structure,
    tables,
)
from fake_sap.rfc.soap import (
    RFC_NS,
    SOAP12_ENV_NS,
    SOAP_ENV_NS,
    XSI_NS,
    decode_parameters,
    fault,
    parse_request,
    response,
)

pytestmark = pytest.mark.unit

ROW = structure("ZROW", "row", Field("MATNR", char(18)), Field("MENGE", quan(13, 3)))
INTERFACE = FunctionInterface("Z_TEST", "test", (
    importing("MATNR", char(18)),
    importing("HEAD", ROW, optional=True),
    tables("ROWS", ROW),
    exporting("DATE", DATS),
    exporting("TEXT", char(20)),
))


def envelope(body: str, namespace: str = SOAP_ENV_NS, prefix: str = "n1") -> bytes:
    return (f'<env:Envelope xmlns:env="{namespace}" xmlns:xsi="{XSI_NS}"><env:Body>'
            f'<{prefix}:Z_TEST xmlns:{prefix}="{RFC_NS}">{body}</{prefix}:Z_TEST>'
            f"</env:Body></env:Envelope>").encode()


# --- reading a call ---------------------------------------------------------------------------

def test_the_function_and_its_parameter_elements_are_read():
    request = parse_request(envelope("<MATNR>4711</MATNR><ROWS/>"))
    assert request.function == "Z_TEST"
    assert sorted(request.parameters) == ["MATNR", "ROWS"]


@pytest.mark.parametrize("namespace", [SOAP_ENV_NS, SOAP12_ENV_NS])
def test_soap_1_1_and_1_2_envelopes_are_accepted(namespace):
    assert parse_request(envelope("", namespace)).function == "Z_TEST"


def test_parameters_decode_to_text_structures_and_tables():
    request = parse_request(envelope(
        "<MATNR>4711</MATNR><HEAD><MENGE>2</MENGE><MATNR>A</MATNR></HEAD>"
        "<ROWS><item><MATNR>B</MATNR></item><item/></ROWS><UNKNOWN>x</UNKNOWN>"))
    assert decode_parameters(INTERFACE, request.parameters) == {
        "MATNR": "4711", "HEAD": {"MENGE": "2", "MATNR": "A"},
        "ROWS": [{"MATNR": "B"}, {}]}


def test_nil_parameters_and_components_are_left_out():
    request = parse_request(envelope(
        '<MATNR xsi:nil="true"/><HEAD><MATNR xsi:nil="1">x</MATNR><MENGE>1</MENGE></HEAD>'))
    assert decode_parameters(INTERFACE, request.parameters) == {"HEAD": {"MENGE": "1"}}


def test_an_empty_scalar_is_empty_text():
    request = parse_request(envelope("<MATNR/>"))
    assert decode_parameters(INTERFACE, request.parameters) == {"MATNR": ""}


@pytest.mark.parametrize(("body", "name"), [
    (b"<a><b>", "XML_NOT_WELL_FORMED"),
    (b'<!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>', "XML_NOT_WELL_FORMED"),
    (b"<Envelope><Body/></Envelope>", "NOT_A_SOAP_ENVELOPE"),
    (f'<e:Envelope xmlns:e="{SOAP_ENV_NS}"/>'.encode(), "NOT_A_SOAP_ENVELOPE"),
    (f'<e:Envelope xmlns:e="{SOAP_ENV_NS}"><e:Body/></e:Envelope>'.encode(),
     "NO_FUNCTION_CALL"),
])
def test_what_is_not_an_rfc_call_is_refused_by_name(body, name):
    with pytest.raises(RequestError) as refused:
        parse_request(body)
    assert refused.value.name == name
    assert refused.value.fault_code == "Client"


# --- writing the response ---------------------------------------------------------------------

def test_the_response_is_rfc_name_response_with_every_output_in_wire_format():
    content = response(INTERFACE, {"ROWS": [{"MATNR": "A", "MENGE": "2.000"}],
                                   "DATE": "20240131", "TEXT": ""})
    root = etree.fromstring(content)
    result = root[0][0]
    assert result.tag == f"{{{RFC_NS}}}Z_TEST.Response"
    assert result.prefix == "rfc"
    assert [c.tag for c in result] == ["ROWS", "DATE", "TEXT"]
    assert result.find("DATE").text == "2024-01-31"
    assert result.find("TEXT").text is None
    row = result.find("ROWS")[0]
    assert (row.tag, row.find("MATNR").text, row.find("MENGE").text) == ("item", "A", "2.000")


def test_characters_xml_cannot_carry_are_dropped_from_values():
    content = response(INTERFACE, {"ROWS": [], "DATE": "00000000", "TEXT": "a\x00b\x1fc"})
    assert etree.fromstring(content).find(".//TEXT").text == "abc"


# --- faults -----------------------------------------------------------------------------------

def read_fault(content: bytes) -> dict[str, str | None]:
    root = etree.fromstring(content)
    return {etree.QName(e).localname: e.text for e in root.iter() if isinstance(e.tag, str)}


def test_a_fault_names_the_exception_and_carries_its_text_and_message():
    texts = read_fault(fault(FunctionNotFound("Z_NONE"), "Z_NONE"))
    assert texts["faultcode"] == "SOAP-ENV:Client"
    assert texts["faultstring"] == "FU_NOT_FOUND"
    assert texts["Name"] == "FU_NOT_FOUND"
    assert texts["Text"] == "Function module Z_NONE not found"
    assert (texts["ID"], texts["Number"]) == ("FL", "046")
    assert "Z_NONE.Exception" in texts


def test_a_system_failure_is_the_server_s_fault():
    assert read_fault(fault(SystemFailure("boom")))["faultcode"] == "SOAP-ENV:Server"


def test_an_abap_exception_without_a_message_has_empty_id_and_number():
    texts = read_fault(fault(AbapException("NOT_FOUND", "Nothing found"), "Z_TEST"))
    assert (texts["faultstring"], texts["ID"], texts["Number"]) == ("NOT_FOUND", None, None)


def test_a_missing_parameter_is_call_function_parm_missing():
    missing = ParameterMissing("Z_TEST", "MATNR")
    assert read_fault(fault(missing))["faultstring"] == "CALL_FUNCTION_PARM_MISSING"
