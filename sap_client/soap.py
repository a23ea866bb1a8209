"""The SOAP-RFC wire format of ``/sap/bc/soap/rfc`` and its WSDL, as plain functions.

Layer: ``sap_client``, no I/O (``rfc.py`` does the HTTP). Imports lxml, ``errors``,
``metadata``; never ``fake_sap`` or ``crm_adapter``.

- :func:`build_request` writes the call envelope: only the function element is in
  ``urn:sap-com:document:sap:rfc:functions``; parameters are unqualified; a structure has
  one child per component, a table one ``<item>`` per row.
- :func:`response_element` finds ``<NAME.Response>`` (any prefix) and
  :func:`decode_parameters` reads its parameters; :func:`read_fault` and
  :func:`fault_error` turn a SOAP 1.1 fault into the pyrfc-named exception.
- :func:`parse_wsdl` reads ``/sap/bc/soap/wsdl11?services=NAME`` into a
  :class:`~sap_client.metadata.FunctionDescription`: the SOAP response carries no
  types, the WSDL does (``char18``, ``numeric6``, ``date10``, ``time``, ``decimal23.4``,
  ``xsd:int`` ...), so values can be converted the way pyrfc converts them.

Every XML read here is parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .errors import (
    RFC_ABAP_EXCEPTION,
    RFC_ABAP_RUNTIME_FAILURE,
    RFC_COMMUNICATION_FAILURE,
    RFC_CONVERSION_FAILURE,
    RFC_INVALID_PARAMETER,
    RFC_INVALID_PROTOCOL,
    ABAPApplicationError,
    ABAPRuntimeError,
    CommunicationError,
    ExternalRuntimeError,
    RFCLibError,
    RFCTypeError,
)
from .metadata import (
    DecodeOptions,
    FunctionDescription,
    Kind,
    Parameter,
    RfcType,
    decode_text,
    encode_value,
    type_error,
)

RFC_NS = "urn:sap-com:document:sap:rfc:functions"
SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV_NS = "http://www.w3.org/2003/05/soap-envelope"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
#: the action of a unit (the emulator's own extension, which has no WSDL)
SOAP_ACTION = RFC_NS
#: SAP's WSDL (``/sap/bc/soap/wsdl``) gives a function module's operation the action
#: ``http://www.sap.com/<name>``; SAP dispatches on the Body's element, but a client sends
#: what the WSDL says
SOAP_ACTION_PREFIX = "http://www.sap.com/"

_PROLOG_SCAN_BYTES = 4096
# fault names that are not exceptions of the function but refusals of the envelope itself
_PROTOCOL_FAULTS = {"XML_NOT_WELL_FORMED", "NOT_A_SOAP_ENVELOPE", "NO_FUNCTION_CALL",
                    "PAYLOAD_TOO_LARGE"}


# -- XML helpers -------------------------------------------------------------------------------

def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str)]


def xml_name(name: str) -> str:
    """SAP writes ``/`` of namespaced names (``/BODS/RFC_READ_TABLE``) as ``_-`` in XML."""
    return name.replace("/", "_-")


def abap_name(tag: str) -> str:
    return _local(tag).replace("_-", "/")


def parse_xml(content: bytes, what: str) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network. Raises CommunicationError."""
    head = content[:_PROLOG_SCAN_BYTES].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise CommunicationError(f"The {what} declares a DTD; refused",
                                 RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL")
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise CommunicationError(f"The {what} is not well-formed XML: {error.msg}",
                                 RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL") from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise CommunicationError(f"The {what} declares a DTD; refused",
                                 RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL")
    return root


def _soap_body(root: etree._Element, what: str) -> etree._Element:
    if _local(root.tag) != "Envelope":
        raise CommunicationError(f"The {what} is not a SOAP envelope (<{_local(root.tag)}>)",
                                 RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL")
    body = next((e for e in _elements(root) if _local(e.tag) == "Body"), None)
    if body is None:
        raise CommunicationError(f"The {what} has no SOAP Body", RFC_COMMUNICATION_FAILURE,
                                 "RFC_INVALID_PROTOCOL")
    return body


# -- request -----------------------------------------------------------------------------------

def build_request(function: str, params: Mapping[str, Any],
                  description: FunctionDescription | None = None) -> bytes:
    """The SOAP envelope calling ``function`` with ``params`` (pyrfc's Python shapes).

    With a description every value is checked and written in its type's wire format, and
    every TABLES parameter not in ``params`` is sent empty; without one, values are
    written by their Python type.
    """
    envelope = etree.Element(f"{{{SOAP_ENV_NS}}}Envelope", nsmap={"SOAP-ENV": SOAP_ENV_NS})
    body = etree.SubElement(envelope, f"{{{SOAP_ENV_NS}}}Body")
    call = etree.SubElement(body, f"{{{RFC_NS}}}{xml_name(function)}", nsmap={"rfc": RFC_NS})
    for name, value in params.items():
        rfc_type = None
        if description is not None:
            parameter = description.parameter(name)
            if parameter is None:
                raise ExternalRuntimeError(
                    f"Parameter {name} is not a parameter of function {function}",
                    RFC_INVALID_PARAMETER, "RFC_INVALID_PARAMETER")
            rfc_type = parameter.type
        _write(_child(call, name), rfc_type, value, name)
    if description is not None:
        # every TABLES parameter not passed goes as an empty element (<RETURN/>), as public
        # SOAP-RFC clients send the table parameters they want back: harmless where a
        # server answers every table anyway, and it asks for RETURN, DATA ... where not
        for parameter in description.parameters:
            if parameter.direction == "RFC_TABLES" and parameter.name not in params:
                _child(call, parameter.name)
    return bytes(etree.tostring(envelope, xml_declaration=True, encoding="UTF-8"))


#: namespace of fake-sap's transactional unit header (an emulator extension, not SAP's)
UNIT_NS = "urn:fake-sap:rfc-unit"


def build_unit_request(unit_id: str, background: bool,
                       calls: Sequence[tuple[str, Mapping[str, Any],
                                             FunctionDescription | None]]) -> bytes:
    """A transactional unit for fake-sap's unit path: ``<u:Unit id background/>`` in the
    SOAP Header and one function element per call, in order, in the Body."""
    envelope = etree.Element(f"{{{SOAP_ENV_NS}}}Envelope", nsmap={"SOAP-ENV": SOAP_ENV_NS})
    header = etree.SubElement(envelope, f"{{{SOAP_ENV_NS}}}Header")
    unit = etree.SubElement(header, f"{{{UNIT_NS}}}Unit", nsmap={"u": UNIT_NS})
    unit.set("id", unit_id)
    unit.set("background", "true" if background else "false")
    body = etree.SubElement(envelope, f"{{{SOAP_ENV_NS}}}Body")
    for function, params, description in calls:
        single = etree.fromstring(build_request(function, params, description))
        body.extend(_elements(_soap_body(single, "SOAP request")))
    return bytes(etree.tostring(envelope, xml_declaration=True, encoding="UTF-8"))


@dataclass(frozen=True)
class UnitAnswer:
    """fake-sap's answer to a unit: its state and, when this answer carries them, the
    ``NAME.Response`` element of each call in order."""

    state: str
    responses: list[etree._Element]
    replayed: bool = False
    update_error: str = ""


def read_unit_answer(content: bytes) -> UnitAnswer:
    root = parse_xml(content, "unit answer")
    body = _soap_body(root, "unit answer")
    unit = next((e for e in root.iter(f"{{{UNIT_NS}}}Unit")), None)
    if unit is None:
        raise CommunicationError("The unit answer has no <Unit> header",
                                 RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL")
    return UnitAnswer(unit.get("state", ""),
                      [e for e in _elements(body) if _local(e.tag).endswith(".Response")],
                      unit.get("replayed") == "true", unit.get("updateError", ""))


def _child(parent: etree._Element, name: str) -> etree._Element:
    try:
        return etree.SubElement(parent, xml_name(name))
    except ValueError:
        raise ExternalRuntimeError(f"'{name}' is not a valid parameter or field name",
                                   RFC_INVALID_PARAMETER, "RFC_INVALID_PARAMETER") from None


def _write(element: etree._Element, rfc_type: RfcType | None, value: Any, path: str) -> None:
    kind = rfc_type.kind if rfc_type is not None else None
    if kind is Kind.TABLE or (kind is None and _is_rows(value)):
        if not _is_rows(value):
            raise type_error(path, "a table needs a list of rows", value)
        row_type = rfc_type.row if rfc_type is not None else None
        for index, row in enumerate(value, start=1):
            _write(etree.SubElement(element, "item"), row_type, row, f"{path}[{index}]")
    elif kind is Kind.STRUCTURE or (kind is None and isinstance(value, Mapping)):
        if not isinstance(value, Mapping):
            raise type_error(path, "a structure needs a dict", value)
        for name, component in value.items():
            field_type = None
            if rfc_type is not None:
                field_type = rfc_type.fields.get(name)
                if field_type is None:
                    raise ExternalRuntimeError(f"Field {name} is not a component of {path} "
                                               f"({rfc_type.name})", RFC_INVALID_PARAMETER,
                                               "RFC_INVALID_PARAMETER")
            _write(_child(element, name), field_type, component, f"{path}-{name}")
    else:
        text = encode_value(rfc_type, value, path)
        if text:
            try:
                element.text = text
            except ValueError:
                raise type_error(path, "characters XML cannot carry", value) from None


def _is_rows(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


def request_call_element(root: etree._Element, function: str) -> etree._Element:
    """The function element of a request envelope built by :func:`build_request`."""
    call = _soap_body(root, "SOAP request").find(f"{{{RFC_NS}}}{xml_name(function)}")
    if call is None:
        raise ValueError(f"the envelope does not call {function}")
    return call


# -- response ----------------------------------------------------------------------------------

def response_element(content: bytes, function: str) -> etree._Element:
    """``<NAME.Response>`` of a SOAP-RFC response (matched on local name, any prefix)."""
    body = _soap_body(parse_xml(content, "SOAP response"), "SOAP response")
    wanted = f"{xml_name(function)}.Response"
    result = next((e for e in _elements(body) if _local(e.tag) == wanted), None)
    if result is None:
        found = ", ".join(f"<{_local(e.tag)}>" for e in _elements(body)) or "nothing"
        raise CommunicationError(f"Expected <{wanted}> in the SOAP body, found {found}",
                                 RFC_COMMUNICATION_FAILURE, "RFC_INVALID_PROTOCOL")
    return result


def decode_parameters(result: etree._Element, description: FunctionDescription | None,
                      options: DecodeOptions) -> dict[str, Any]:
    """The response parameters as pyrfc returns them. With a description: every output
    parameter, typed, initial where the response left it out; without: what was sent, as
    text."""
    sent = {abap_name(e.tag): e for e in _elements(result)}
    if description is None:
        return {name: _decode_untyped(element, options) for name, element in sent.items()}
    values = {p.name: decode_value(p.type, sent.pop(p.name, None), options)
              for p in description.outputs}
    values.update((name, _decode_untyped(e, options)) for name, e in sent.items())
    return values


def decode_value(rfc_type: RfcType, element: etree._Element | None,
                 options: DecodeOptions) -> Any:
    """One typed value; a missing element gives the type's initial value."""
    if rfc_type.kind is Kind.TABLE:
        assert rfc_type.row is not None
        rows = [] if element is None else [e for e in _elements(element)
                                           if _local(e.tag) == "item"]
        return [decode_value(rfc_type.row, row, options) for row in rows]
    if rfc_type.kind is Kind.STRUCTURE:
        sent = {} if element is None else {abap_name(e.tag): e for e in _elements(element)}
        values = {name: decode_value(t, sent.pop(name, None), options)
                  for name, t in rfc_type.fields.items()}
        values.update((name, _decode_untyped(e, options)) for name, e in sent.items())
        return values
    text = None if element is None else element.text
    return decode_text(rfc_type, text, options)


def _decode_untyped(element: etree._Element, options: DecodeOptions) -> Any:
    children = _elements(element)
    if not children:
        text = element.text or ""
        return text.rstrip() if options.rstrip else text
    if all(_local(c.tag) == "item" for c in children):
        return [_decode_untyped(c, options) if _elements(c) else {} for c in children]
    return {abap_name(c.tag): _decode_untyped(c, options) for c in children}


# -- faults ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Fault:
    """A SOAP fault of ``/sap/bc/soap/rfc``: the exception name and its texts."""

    faultcode: str
    name: str
    text: str
    msg_class: str = ""
    msg_number: str = ""
    variables: tuple[str, str, str, str] = ("", "", "", "")


def read_fault(content: bytes) -> Fault | None:
    """The SOAP fault in ``content``, or None when it is not a SOAP fault at all."""
    try:
        body = _soap_body(parse_xml(content, "SOAP fault"), "SOAP fault")
    except CommunicationError:
        return None
    fault = next((e for e in _elements(body) if _local(e.tag) == "Fault"), None)
    if fault is None:
        return None
    texts = {_local(e.tag): (e.text or "").strip() for e in fault.iter() if _local(e.tag)}
    detail = next((e for e in _elements(fault) if _local(e.tag) in ("detail", "Detail")), None)
    found: dict[str, str] = {}
    if detail is not None:
        # the IFR exception layout: Name, Text, Message{ID, Number}, Attributes{V1..V4}
        for element in detail.iter():
            name = _local(element.tag)
            if name and name not in found and not _elements(element):
                found[name] = (element.text or "").strip()
    faultstring = texts.get("faultstring") or texts.get("Text", "")
    return Fault(faultcode=texts.get("faultcode") or texts.get("Value", ""),
                 name=found.get("Name") or faultstring,
                 text=found.get("Text") or faultstring,
                 msg_class=found.get("ID", ""), msg_number=found.get("Number", ""),
                 variables=(found.get("V1", ""), found.get("V2", ""), found.get("V3", ""),
                            found.get("V4", "")))


def fault_error(fault: Fault, function: str) -> RFCLibError:
    """The exception pyrfc would raise for this fault.

    ``CX_SY_CONVERSION_*`` → RFCTypeError; ``SYSTEM_FAILURE`` and ``CALL_FUNCTION_*``
    (a short dump in SAP) → ABAPRuntimeError; a refused envelope → ExternalRuntimeError;
    every other name (``FU_NOT_FOUND``, the function's own exceptions) → ABAPApplicationError.
    """
    v1, v2, v3, v4 = fault.variables
    if fault.name == "FU_NOT_FOUND" and not v1:
        v1 = function  # pyrfc: "[FU_NOT_FOUND] ID:FL Type:E Number:046 <function>"
    details: dict[str, Any] = {
        "msg_class": fault.msg_class or None, "msg_type": "E" if fault.msg_class else None,
        "msg_number": fault.msg_number or None, "msg_v1": v1 or None, "msg_v2": v2 or None,
        "msg_v3": v3 or None, "msg_v4": v4 or None}
    message = fault.text or fault.name
    if fault.name.startswith("CX_SY_CONVERSION"):
        return RFCTypeError(message, RFC_CONVERSION_FAILURE, fault.name, **details)
    if fault.name == "SYSTEM_FAILURE" or fault.name.startswith("CALL_FUNCTION_"):
        return ABAPRuntimeError(message, RFC_ABAP_RUNTIME_FAILURE, fault.name, **details)
    if fault.name in _PROTOCOL_FAULTS:
        return ExternalRuntimeError(message, RFC_INVALID_PROTOCOL, fault.name, **details)
    return ABAPApplicationError(message, RFC_ABAP_EXCEPTION, fault.name, **details)


# -- WSDL --------------------------------------------------------------------------------------

_XSD_KINDS = {
    "string": Kind.STRING, "normalizedString": Kind.STRING, "token": Kind.STRING,
    "decimal": Kind.BCD, "int": Kind.INT, "short": Kind.INT, "byte": Kind.INT,
    "unsignedByte": Kind.INT, "unsignedShort": Kind.INT, "unsignedInt": Kind.INT,
    "long": Kind.INT, "integer": Kind.INT, "double": Kind.FLOAT, "float": Kind.FLOAT,
    "date": Kind.DATE, "time": Kind.TIME, "base64Binary": Kind.BYTE,
}
_DATE_PATTERN = re.compile(r"^\\d\\d\\d\\d-\\d\\d-\\d\\d$")
_TIME_PATTERN = re.compile(r"^\\d\\d:\\d\\d:\\d\\d$")
_NUMERIC_PATTERN = re.compile(r"^\\d[*+]$")


class _Schema:
    """The named simple types, complex types and elements of a WSDL's XML schemas."""

    def __init__(self, root: etree._Element) -> None:
        self.simple: dict[str, etree._Element] = {}
        self.complex: dict[str, etree._Element] = {}
        self.elements: dict[str, etree._Element] = {}
        for schema in root.iter(f"{{{XSD_NS}}}schema"):
            for child in _elements(schema):
                name = child.get("name")
                if name is None:
                    continue
                target = {"simpleType": self.simple, "complexType": self.complex,
                          "element": self.elements}.get(_local(child.tag))
                if target is not None:
                    target.setdefault(name, child)
        self._cache: dict[str, RfcType] = {}

    def named_type(self, reference: str, context: etree._Element) -> RfcType:
        prefix, _, local = reference.rpartition(":")
        if context.nsmap.get(prefix or None) == XSD_NS:
            return RfcType(_XSD_KINDS.get(local, Kind.STRING), local)
        if local not in self._cache:
            if local in self.simple:
                self._cache[local] = self.simple_type(self.simple[local], local)
            elif local in self.complex:
                self._cache[local] = self.complex_type(self.complex[local], local)
            else:
                raise ValueError(f"type {reference} is not declared")
        return self._cache[local]

    def simple_type(self, element: etree._Element, name: str) -> RfcType:
        restriction = element.find(f"{{{XSD_NS}}}restriction")
        if restriction is None:  # unions and lists: keep the text
            return RfcType(Kind.STRING, name)
        base = self.named_type(restriction.get("base", "xsd:string"), restriction)
        facets = {_local(f.tag): f.get("value", "") for f in _elements(restriction)}
        length = int(facets.get("maxLength") or facets.get("length") or base.length or 0)
        if base.kind is Kind.BCD:
            return RfcType(Kind.BCD, name, int(facets.get("totalDigits") or 0),
                           int(facets.get("fractionDigits") or 0))
        if base.kind not in (Kind.STRING, Kind.CHAR):
            return RfcType(base.kind, name, length, base.decimals)
        pattern = facets.get("pattern", "")
        if name.startswith("date") or _DATE_PATTERN.match(pattern):
            return RfcType(Kind.DATE, name, 8)
        if name == "time" or _TIME_PATTERN.match(pattern):
            return RfcType(Kind.TIME, name, 6)
        if name.startswith("numeric") or _NUMERIC_PATTERN.match(pattern):
            return RfcType(Kind.NUM, name, length)
        return RfcType(Kind.CHAR if length else Kind.STRING, name, length)

    def complex_type(self, element: etree._Element, name: str) -> RfcType:
        members = [e for group in _elements(element) if _local(group.tag) in
                   ("sequence", "all", "choice") for e in _elements(group)
                   if _local(e.tag) == "element"]
        if len(members) == 1 and members[0].get("name") == "item" \
                and members[0].get("maxOccurs", "1") != "1":
            row = self.element_type(members[0])
            return RfcType(Kind.TABLE, name, fields=row.fields, row=row)
        fields = {abap_name(m.get("name", "")): self.element_type(m) for m in members}
        return RfcType(Kind.STRUCTURE, name, fields=fields)

    def element_type(self, element: etree._Element) -> RfcType:
        reference = element.get("type")
        if reference:
            return self.named_type(reference, element)
        inline = next((e for e in _elements(element)
                       if _local(e.tag) in ("simpleType", "complexType")), None)
        if inline is None:
            return RfcType(Kind.STRING)
        if _local(inline.tag) == "simpleType":
            return self.simple_type(inline, "")
        return self.complex_type(inline, "")

    def members(self, element_name: str) -> dict[str, tuple[RfcType, bool]]:
        """The parameters of a top-level element: name → (type, optional)."""
        element = self.elements.get(element_name)
        if element is None:
            raise ValueError(f"element {element_name} is not declared")
        complex_type = self.element_type(element)
        declared = {e.get("name"): e for e in element.iter(f"{{{XSD_NS}}}element")}
        return {name: (t, declared.get(xml_name(name), element).get("minOccurs") == "0")
                for name, t in complex_type.fields.items()}


def parse_wsdl(content: bytes, function: str) -> FunctionDescription:
    """The description of ``function`` from its WSDL 1.1 (document/literal) document:
    parameters in the request only are IMPORT, in the response only EXPORT, in both
    TABLES (table types) or CHANGING. Raises ValueError when the WSDL does not declare it."""
    try:
        root = parse_xml(content, "WSDL")
    except CommunicationError as error:
        raise ValueError(error.message) from None
    schema = _Schema(root)
    name = xml_name(function)
    inputs = schema.members(name)
    outputs = schema.members(f"{name}.Response")
    parameters = []
    for parameter, (rfc_type, optional) in inputs.items():
        if parameter in outputs:
            direction = "RFC_TABLES" if rfc_type.kind is Kind.TABLE else "RFC_CHANGING"
        else:
            direction = "RFC_IMPORT"
        parameters.append(Parameter(parameter, direction, rfc_type, optional))
    parameters += [Parameter(parameter, "RFC_EXPORT", rfc_type, False)
                   for parameter, (rfc_type, _) in outputs.items() if parameter not in inputs]
    return FunctionDescription(function, tuple(parameters))
