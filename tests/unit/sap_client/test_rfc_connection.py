"""The pyrfc-shaped Connection (sap_client.rfc) against an SAP answered in memory
(``httpx.MockTransport``: no socket). How it speaks ``/sap/bc/soap/rfc``: logon per call
with client and language in the query, SOAPAction, one ICF session kept by its cookie,
types from the WSDL read once per system and function, ICF's logon page as LogonError,
faults as pyrfc's exceptions (SAP reference 5.1, 8)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from lxml import etree

from sap_client.errors import (
    ABAPApplicationError,
    ABAPRuntimeError,
    CommunicationError,
    LogonError,
    RFCError,
)
from sap_client.rfc import SOAP_RFC_PATH, WSDL_PATH, Connection, DescriptionCache
from sap_client.soap import RFC_NS, SOAP_ENV_NS

pytestmark = pytest.mark.unit

BASE = "http://sap.test:8000"

WSDL = f"""<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="{RFC_NS}">
  <wsdl:types><xsd:schema targetNamespace="{RFC_NS}">
    <xsd:simpleType name="char18"><xsd:restriction base="xsd:string">
      <xsd:maxLength value="18"/></xsd:restriction></xsd:simpleType>
    <xsd:simpleType name="date10"><xsd:restriction base="xsd:string">
      <xsd:maxLength value="10"/></xsd:restriction></xsd:simpleType>
    <xsd:simpleType name="quantum13.3"><xsd:restriction base="xsd:decimal">
      <xsd:totalDigits value="13"/><xsd:fractionDigits value="3"/></xsd:restriction>
    </xsd:simpleType>
    <xsd:element name="Z_STOCK"><xsd:complexType><xsd:all>
      <xsd:element name="MATERIAL" type="tns:char18"/>
      <xsd:element name="DATE" type="tns:date10" minOccurs="0"/>
    </xsd:all></xsd:complexType></xsd:element>
    <xsd:element name="Z_STOCK.Response"><xsd:complexType><xsd:all>
      <xsd:element name="QUANTITY" type="tns:quantum13.3"/>
      <xsd:element name="TEXT" type="tns:char18"/>
    </xsd:all></xsd:complexType></xsd:element>
  </xsd:schema></wsdl:types></wsdl:definitions>""".encode()


def soap_response(function: str, body: str) -> bytes:
    return (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>'
            f'<rfc:{function}.Response xmlns:rfc="{RFC_NS}">{body}</rfc:{function}.Response>'
            "</SOAP-ENV:Body></SOAP-ENV:Envelope>").encode()


def soap_fault(name: str, text: str = "") -> bytes:
    return (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>'
            f"<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>{name}"
            f"</faultstring><detail><Name>{name}</Name><Text>{text}</Text></detail>"
            "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>").encode()


class FakeSap:
    """Answers SOAP-RFC and WSDL requests from a table; records every request."""

    def __init__(self, wsdl: bytes | None = WSDL) -> None:
        self.wsdl = wsdl
        self.requests: list[httpx.Request] = []
        self.answers: dict[str, Callable[[etree._Element], httpx.Response]] = {
            "RFC_PING": lambda call: httpx.Response(
                200, content=soap_response("RFC_PING", ""),
                headers={"Set-Cookie": "SAP_SESSIONID_FAK_100=s1; Path=/"}),
            "Z_STOCK": lambda call: httpx.Response(200, content=soap_response(
                "Z_STOCK", "<QUANTITY>12.5</QUANTITY><TEXT>in stock   </TEXT>")),
        }

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == WSDL_PATH:
            if self.wsdl is None:
                return httpx.Response(404)
            return httpx.Response(200, content=self.wsdl)
        assert request.url.path == SOAP_RFC_PATH
        call = etree.fromstring(request.content)[0][0]
        name = etree.QName(call).localname
        answer = self.answers.get(name)
        if answer is None:
            return httpx.Response(500, content=soap_fault("FU_NOT_FOUND"))
        return answer(call)

    def calls(self, path: str = SOAP_RFC_PATH) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == path]


def connect(sap: FakeSap, **params: Any) -> Connection:
    return Connection(url=BASE, client="100", user="rfc_crm", passwd="secret",
                      transport=httpx.MockTransport(sap), descriptions=DescriptionCache(),
                      **params)


def test_opening_logs_on_with_an_rfc_ping():
    sap = FakeSap()
    with connect(sap) as conn:
        assert conn.alive
    (ping,) = sap.calls()
    assert ping.method == "POST"
    assert dict(ping.url.params) == {"sap-language": "EN", "sap-client": "100"}
    assert ping.headers["SOAPAction"] == "http://www.sap.com/RFC_PING"  # as SAP's WSDL says
    assert ping.headers["Content-Type"].startswith("text/xml")
    assert ping.headers["Authorization"].startswith("Basic ")


def test_a_call_returns_typed_values_from_the_wsdl():
    sap = FakeSap()
    with connect(sap) as conn:
        result = conn.call("Z_STOCK", MATERIAL="4711", DATE="20240131")
    assert result == {"QUANTITY": Decimal("12.5"), "TEXT": "in stock"}
    sent = etree.fromstring(sap.calls()[-1].content)[0][0]
    assert [(e.tag, e.text) for e in sent] == [("MATERIAL", "4711"), ("DATE", "2024-01-31")]


def test_the_wsdl_is_read_once_per_system_and_function():
    sap = FakeSap()
    cache = DescriptionCache()
    with Connection(url=BASE, client="100", user="u", passwd="p", descriptions=cache,
                    transport=httpx.MockTransport(sap)) as conn:
        conn.call("Z_STOCK", MATERIAL="1")
        conn.call("Z_STOCK", MATERIAL="2")
    with Connection(url=BASE, client="200", user="u", passwd="p", descriptions=cache,
                    transport=httpx.MockTransport(sap)) as conn:
        conn.call("Z_STOCK", MATERIAL="3")
    (wsdl,) = sap.calls(WSDL_PATH)
    assert wsdl.url.params["services"] == "Z_STOCK"


def test_without_a_wsdl_the_call_is_untyped():
    sap = FakeSap(wsdl=None)
    with connect(sap) as conn:
        assert conn.call("Z_STOCK", MATERIAL="4711") == {"QUANTITY": "12.5", "TEXT": "in stock"}


def test_untyped_connections_never_ask_for_the_wsdl():
    sap = FakeSap()
    with connect(sap, typed=False) as conn:
        conn.call("Z_STOCK", MATERIAL="4711")
    assert sap.calls(WSDL_PATH) == []


def test_the_icf_session_cookie_is_sent_with_later_calls():
    sap = FakeSap()
    with connect(sap) as conn:
        conn.call("Z_STOCK", MATERIAL="4711")
    assert "SAP_SESSIONID_FAK_100=s1" in sap.calls()[-1].headers.get("Cookie", "")


def test_not_requested_parameters_are_neither_sent_nor_returned():
    sap = FakeSap()
    with connect(sap, typed=False) as conn:
        result = conn.call("Z_STOCK", {"not_requested": ["TEXT", "DATE"]}, MATERIAL="1",
                           DATE="20240101")
    assert result == {"QUANTITY": "12.5"}
    sent = etree.fromstring(sap.calls()[-1].content)[0][0]
    assert [e.tag for e in sent] == ["MATERIAL"]


def test_import_parameters_are_returned_when_asked_like_pyrfc():
    sap = FakeSap()
    with connect(sap, config={"return_import_params": True}) as conn:
        result = conn.call("Z_STOCK", MATERIAL="4711")
    assert result["MATERIAL"] == "4711"
    assert result["DATE"] == ""  # not sent: initial


def test_the_logon_page_becomes_a_logon_error_with_its_reason():
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, text="<html><h1>Logon failed</h1><p>Password is wrong"
                                        "</p></html>")

    with pytest.raises(LogonError, match="Logon failed: Password is wrong") as refused:
        Connection(url=BASE, client="100", user="u", passwd="x",
                   transport=httpx.MockTransport(refuse))
    assert refused.value.code == 2


def test_a_logon_refusal_without_a_page_names_the_status():
    with pytest.raises(LogonError, match=r"Logon failed \(HTTP 403\)"):
        Connection(url=BASE, user="u", passwd="x",
                   transport=httpx.MockTransport(lambda request: httpx.Response(403)))


def test_an_unknown_function_is_fu_not_found_naming_itself():
    sap = FakeSap()
    with connect(sap) as conn, pytest.raises(ABAPApplicationError) as raised:
        conn.call("Z_NONE")
    assert (raised.value.key, raised.value.msg_v1) == ("FU_NOT_FOUND", "Z_NONE")


def test_a_short_dump_ends_the_session():
    sap = FakeSap()
    sap.answers["Z_DUMP"] = lambda call: httpx.Response(500, content=soap_fault(
        "SYSTEM_FAILURE", "division by zero"))
    with connect(sap, typed=False) as conn:
        with pytest.raises(ABAPRuntimeError, match="division by zero"):
            conn.call("Z_DUMP")
        conn.call("Z_STOCK", MATERIAL="1")
    assert "Cookie" not in sap.calls()[-1].headers


def test_an_error_page_without_a_fault_is_a_communication_error():
    sap = FakeSap()
    sap.answers["Z_BROKEN"] = lambda call: httpx.Response(502, text="Bad gateway")
    with connect(sap, typed=False) as conn, \
            pytest.raises(CommunicationError, match="HTTP 502 from /sap/bc/soap/rfc without a "
                                                    "SOAP fault: 'Bad gateway'"):
        conn.call("Z_BROKEN")


def test_an_unreachable_system_is_a_communication_error():
    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(CommunicationError, match="cannot be reached") as raised:
        Connection(url=BASE, user="u", passwd="p", transport=httpx.MockTransport(unreachable))
    assert raised.value.key == "RFC_COMMUNICATION_FAILURE"


def test_a_timeout_is_rfc_timeout():
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(CommunicationError) as raised:
        Connection(url=BASE, user="u", passwd="p", transport=httpx.MockTransport(slow))
    assert (raised.value.code, raised.value.key) == (8, "RFC_TIMEOUT")


def test_a_closed_connection_refuses_calls_and_reopens():
    sap = FakeSap()
    conn = connect(sap)
    conn.close()
    conn.close()  # idempotent
    assert not conn
    with pytest.raises(RFCError, match="connection is closed"):
        conn.call("Z_STOCK", MATERIAL="1")
    conn.open()
    assert conn.alive
    conn.close()


def test_a_function_name_must_be_a_string():
    with connect(FakeSap()) as conn, pytest.raises(RFCError, match="must be a string"):
        conn.call("")


def test_binary_rfc_parameters_are_refused():
    with pytest.raises(RFCError, match="mshost, msserv need the binary RFC protocol"):
        Connection(mshost="msg", msserv="3600", user="u", passwd="p")


def test_ashost_and_sysnr_address_icf_s_usual_port():
    sap = FakeSap()
    with Connection(ashost="sap.test", sysnr="1", user="u", passwd="p",
                    transport=httpx.MockTransport(sap)) as conn:
        assert conn.url == "http://sap.test:8001"
    assert str(sap.requests[0].url).startswith("http://sap.test:8001/sap/bc/soap/rfc?")


def test_a_connection_needs_an_address():
    with pytest.raises(RFCError, match="needs url="):
        Connection(user="u", passwd="p")


def test_a_language_is_sent_as_given_in_upper_case():
    sap = FakeSap()
    with connect(sap, lang="zh"):
        pass
    assert sap.calls()[0].url.params["sap-language"] == "ZH"
