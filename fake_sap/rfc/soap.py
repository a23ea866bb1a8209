"""SOAP-RFC envelopes: reading a call, writing its response or a fault.

The format of ``/sap/bc/soap/rfc``: a SOAP 1.1 envelope whose body holds one element named
after the function module in ``urn:sap-com:document:sap:rfc:functions``; its children are
the parameters, unqualified. A structure has one child per component, a table one ``<item>``
per row. The response is ``<rfc:NAME.Response>`` with every export, changing and tables
parameter. Reading is lenient the way SAP is: any prefix, ``xsi:type``, ``xsi:nil``,
``encodingStyle``, components in any order, unknown elements ignored. It is also hostile-input
safe: no DTDs, no entities, no network, a size limit enforced by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from fake_sap.rfc.errors import RequestError, RfcError
from fake_sap.rfc.model import Elementary, FunctionInterface, Parameter, Structure

RFC_NS = "urn:sap-com:document:sap:rfc:functions"
SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV_NS = "http://www.w3.org/2003/05/soap-envelope"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

_PROLOG_SCAN_BYTES = 4096
# characters XML 1.0 cannot carry; a value holding one is written without it
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class RfcRequest:
    function: str
    #: parameter elements by name, as sent
    parameters: dict[str, etree._Element]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str)]


def parse_request(body: bytes) -> RfcRequest:
    """The function name and parameter elements of a SOAP-RFC request."""
    return parse_envelope(body).calls[0]


@dataclass(frozen=True)
class Envelope:
    #: the children of the SOAP Header (none: no header)
    header: list[etree._Element]
    #: the function calls in the Body, in order (at least one)
    calls: list[RfcRequest]


def parse_envelope(body: bytes) -> Envelope:
    """Header elements and every function call of a SOAP envelope (one for SOAP-RFC, one or
    more for a transactional unit)."""
    head = body[:_PROLOG_SCAN_BYTES].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise RequestError("XML_NOT_WELL_FORMED", "DTDs and entity declarations are not "
                                                  "allowed")
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise RequestError("XML_NOT_WELL_FORMED", f"XML is not well-formed: {error.msg}") \
            from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise RequestError("XML_NOT_WELL_FORMED", "DTDs are not allowed")
    if _local(root.tag) != "Envelope" or _namespace(root.tag) not in (SOAP_ENV_NS,
                                                                       SOAP12_ENV_NS):
        raise RequestError("NOT_A_SOAP_ENVELOPE", f"Expected a SOAP envelope, found "
                                                  f"<{_local(root.tag)}>")
    bodies = [e for e in _elements(root) if _local(e.tag) == "Body"]
    if not bodies:
        raise RequestError("NOT_A_SOAP_ENVELOPE", "The SOAP envelope has no Body")
    calls = _elements(bodies[0])
    if not calls:
        raise RequestError("NO_FUNCTION_CALL", "The SOAP Body names no function module")
    headers = [e for e in _elements(root) if _local(e.tag) == "Header"]
    return Envelope(
        _elements(headers[0]) if headers else [],
        [RfcRequest(_local(call.tag), {_local(e.tag): e for e in _elements(call)})
         for call in calls])


def _is_nil(element: etree._Element) -> bool:
    return element.get(f"{{{XSI_NS}}}nil", "").strip() in ("true", "1")


def decode_parameters(interface: FunctionInterface, elements: Mapping[str, etree._Element]
                      ) -> dict[str, Any]:
    """Wire values of the input parameters that were sent: text for scalars, a dict of
    component texts for a structure, a list of such dicts for a table."""
    values: dict[str, Any] = {}
    for parameter in interface.inputs:
        element = elements.get(parameter.name)
        if element is None or _is_nil(element):
            continue
        if parameter.is_table:
            values[parameter.name] = [_components(row) for row in _elements(element)]
        elif isinstance(parameter.type, Structure):
            values[parameter.name] = _components(element)
        else:
            values[parameter.name] = element.text or ""
    return values


def _components(element: etree._Element) -> dict[str, str]:
    return {_local(child.tag): child.text or "" for child in _elements(element)
            if not _is_nil(child)}


# -- writing -----------------------------------------------------------------------------------

def envelope() -> tuple[etree._Element, etree._Element]:
    """An empty SOAP 1.1 envelope and its Body."""
    return _envelope()


def serialize(root: etree._Element) -> bytes:
    return _serialize(root)


def _envelope() -> tuple[etree._Element, etree._Element]:
    envelope = etree.Element(f"{{{SOAP_ENV_NS}}}Envelope", nsmap={"SOAP-ENV": SOAP_ENV_NS})
    return envelope, etree.SubElement(envelope, f"{{{SOAP_ENV_NS}}}Body")


def _serialize(envelope: etree._Element) -> bytes:
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def _text(value: str) -> str:
    return NOT_XML.sub("", value)


def response(interface: FunctionInterface, outputs: Mapping[str, Any]) -> bytes:
    """``<rfc:NAME.Response>`` with every output parameter (the lxml way; the SOAP-RFC path
    writes the same bytes with ``fake_sap.fastpath.soap_rfc.rfc_response``)."""
    envelope, body = _envelope()
    write_response(body, interface, outputs)
    return _serialize(envelope)


def write_response(body: etree._Element, interface: FunctionInterface,
                   outputs: Mapping[str, Any]) -> None:
    """Append ``<rfc:NAME.Response>`` with every output parameter to a SOAP Body."""
    result = etree.SubElement(body, f"{{{RFC_NS}}}{interface.name}.Response",
                              nsmap={"rfc": RFC_NS})
    for parameter in interface.outputs:
        _write_parameter(result, parameter, outputs[parameter.name])


def _write_parameter(parent: etree._Element, parameter: Parameter, value: Any) -> None:
    element = etree.SubElement(parent, parameter.name)
    if parameter.is_table:
        assert isinstance(parameter.type, Structure)
        for row in value:
            _write_structure(etree.SubElement(element, "item"), parameter.type, row)
    elif isinstance(parameter.type, Structure):
        _write_structure(element, parameter.type, value)
    else:
        _write_value(element, parameter.type, value)


def _write_structure(element: etree._Element, structure: Structure,
                     value: Mapping[str, Any]) -> None:
    for field in structure.fields:
        _write_value(etree.SubElement(element, field.name), field.type, value[field.name])


def _write_value(element: etree._Element, elementary: Elementary, value: Any) -> None:
    text = wire_text(elementary, value)
    if text:
        element.text = text


def wire_text(elementary: Elementary, value: Any) -> str:
    """A value as the response carries it: its SOAP-RFC text, without the characters XML
    cannot hold."""
    return _text(elementary.to_text(value))


def fault(error: RfcError, function: str | None = None) -> bytes:
    """A SOAP 1.1 fault: ``faultstring`` is the exception name; ``detail`` carries
    ``<rfc:NAME.Exception>`` with Name, Text and Message (ID, Number)."""
    envelope, body = _envelope()
    soap_fault = etree.SubElement(body, f"{{{SOAP_ENV_NS}}}Fault")
    etree.SubElement(soap_fault, "faultcode").text = f"SOAP-ENV:{error.fault_code}"
    etree.SubElement(soap_fault, "faultstring").text = _text(error.name)
    detail = etree.SubElement(soap_fault, "detail")
    if function:
        holder = etree.SubElement(detail, f"{{{RFC_NS}}}{function}.Exception",
                                  nsmap={"rfc": RFC_NS})
    else:
        holder = detail
    etree.SubElement(holder, "Name").text = _text(error.name)
    etree.SubElement(holder, "Text").text = _text(error.text)
    message = etree.SubElement(holder, "Message")
    etree.SubElement(message, "ID").text = error.msgid or None
    etree.SubElement(message, "Number").text = error.msgno or None
    return _serialize(envelope)
