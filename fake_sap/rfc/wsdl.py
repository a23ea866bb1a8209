"""WSDL 1.1 (document/literal) of function modules, generated from their declarations.

What ``/sap/bc/soap/wsdl11?services=NAME`` serves, and what ``contracts/rfc/NAME.wsdl``
holds: the request element ``NAME`` (import, changing and tables parameters), the response
``NAME.Response`` (export, changing and tables parameters), the fault detail
``NAME.Exception``, all in ``urn:sap-com:document:sap:rfc:functions`` with unqualified
parameter elements. Simple types are named like SAP names them (``char18``, ``numeric6``,
``date10``, ``decimal23.4`` ...).
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from fake_sap.rfc.model import AbapType, Elementary, FunctionInterface, Parameter, Structure
from fake_sap.rfc.soap import RFC_NS

WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
SOAP_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap/"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
HTTP_TRANSPORT = "http://schemas.xmlsoap.org/soap/http"
#: SAP's own WSDL output (``/sap/bc/soap/wsdl``) names each operation's action
#: ``http://www.sap.com/<function module>``; SAP's SOAP-RFC handler dispatches on the Body's
#: element, not on the action, and so does the emulator
SOAP_ACTION_PREFIX = "http://www.sap.com/"
#: service address written into the committed contract files
DEFAULT_LOCATION = "http://localhost:8000/sap/bc/soap/rfc"

_NSMAP = {"wsdl": WSDL_NS, "soap": SOAP_BINDING_NS, "xsd": XSD_NS, "tns": RFC_NS}

_BUILTIN = {AbapType.INT1: "xsd:unsignedByte", AbapType.INT2: "xsd:short",
            AbapType.INT4: "xsd:int", AbapType.FLTP: "xsd:double",
            AbapType.STRING: "xsd:string"}
_PACKED_NAMES = {AbapType.DEC: "decimal", AbapType.QUAN: "quantum", AbapType.CURR: "curr"}


def _w(tag: str) -> str:
    return f"{{{WSDL_NS}}}{tag}"


def _x(tag: str) -> str:
    return f"{{{XSD_NS}}}{tag}"


def _s(tag: str) -> str:
    return f"{{{SOAP_BINDING_NS}}}{tag}"


def type_name(elementary: Elementary) -> str:
    """The (qualified) XSD type of an elementary ABAP type."""
    if elementary.type in _BUILTIN:
        return _BUILTIN[elementary.type]
    return f"tns:{_simple_name(elementary)}"


def _simple_name(elementary: Elementary) -> str:
    kind = elementary.type
    if kind in _PACKED_NAMES:
        return f"{_PACKED_NAMES[kind]}{elementary.length}.{elementary.decimals}"
    return {AbapType.NUMC: f"numeric{elementary.length}", AbapType.DATS: "date10",
            AbapType.TIMS: "time", AbapType.LANG: "lang", AbapType.CLNT: "clnt3",
            AbapType.UNIT: f"unit{elementary.length}",
            AbapType.CUKY: f"cuky{elementary.length}"}.get(kind, f"char{elementary.length}")


def _simple_type(schema: etree._Element, elementary: Elementary) -> None:
    simple = etree.SubElement(schema, _x("simpleType"), name=_simple_name(elementary))
    kind = elementary.type
    if kind in _PACKED_NAMES:
        restriction = etree.SubElement(simple, _x("restriction"), base="xsd:decimal")
        etree.SubElement(restriction, _x("totalDigits"), value=str(elementary.length))
        etree.SubElement(restriction, _x("fractionDigits"), value=str(elementary.decimals))
        return
    restriction = etree.SubElement(simple, _x("restriction"), base="xsd:string")
    if kind is AbapType.DATS:
        etree.SubElement(restriction, _x("maxLength"), value="10")
        etree.SubElement(restriction, _x("pattern"), value=r"\d\d\d\d-\d\d-\d\d")
    elif kind is AbapType.TIMS:
        etree.SubElement(restriction, _x("maxLength"), value="8")
        etree.SubElement(restriction, _x("pattern"), value=r"\d\d:\d\d:\d\d")
    elif kind is AbapType.LANG:
        # a language key, or a two-letter ISO code that RFC converts
        etree.SubElement(restriction, _x("maxLength"), value="2")
    else:
        etree.SubElement(restriction, _x("maxLength"), value=str(elementary.length))
        if kind in (AbapType.NUMC, AbapType.CLNT):
            etree.SubElement(restriction, _x("pattern"), value=r"\d*")


def _elementaries(interfaces: Iterable[FunctionInterface]) -> list[Elementary]:
    found: dict[str, Elementary] = {}
    for interface in interfaces:
        for parameter in interface.parameters:
            types = ([f.type for f in parameter.type.fields]
                     if isinstance(parameter.type, Structure) else [parameter.type])
            for elementary in types:
                if elementary.type not in _BUILTIN:
                    found.setdefault(_simple_name(elementary), elementary)
    return [found[name] for name in sorted(found)]


def _structures(interfaces: Iterable[FunctionInterface]) -> tuple[list[Structure], set[str]]:
    structures: dict[str, Structure] = {}
    table_types: set[str] = set()
    for interface in interfaces:
        for parameter in interface.parameters:
            if isinstance(parameter.type, Structure):
                structures.setdefault(parameter.type.name, parameter.type)
                if parameter.is_table:
                    table_types.add(parameter.type.name)
    return [structures[name] for name in sorted(structures)], table_types


def _parameter_element(parent: etree._Element, parameter: Parameter, optional: bool) -> None:
    if parameter.is_table:
        type_ = f"tns:TABLE_OF_{parameter.type}"
    elif isinstance(parameter.type, Structure):
        type_ = f"tns:{parameter.type.name}"
    else:
        type_ = type_name(parameter.type)
    attributes = {"name": parameter.name, "type": type_}
    if optional:
        attributes["minOccurs"] = "0"
    etree.SubElement(parent, _x("element"), attributes)


def _schema(types: etree._Element, interfaces: list[FunctionInterface]) -> None:
    schema = etree.SubElement(types, _x("schema"), targetNamespace=RFC_NS,
                              elementFormDefault="unqualified",
                              attributeFormDefault="qualified")
    for elementary in _elementaries(interfaces):
        _simple_type(schema, elementary)
    structures, table_types = _structures(interfaces)
    for structure in structures:
        complex_type = etree.SubElement(schema, _x("complexType"), name=structure.name)
        sequence = etree.SubElement(complex_type, _x("sequence"))
        for field in structure.fields:
            etree.SubElement(sequence, _x("element"), name=field.name,
                             type=type_name(field.type), minOccurs="0")
    for name in sorted(table_types):
        complex_type = etree.SubElement(schema, _x("complexType"), name=f"TABLE_OF_{name}")
        sequence = etree.SubElement(complex_type, _x("sequence"))
        etree.SubElement(sequence, _x("element"), name="item", type=f"tns:{name}",
                         minOccurs="0", maxOccurs="unbounded")
    for interface in interfaces:
        _function_elements(schema, interface)


def _function_elements(schema: etree._Element, interface: FunctionInterface) -> None:
    request = etree.SubElement(schema, _x("element"), name=interface.name)
    sequence = etree.SubElement(etree.SubElement(request, _x("complexType")), _x("all"))
    for parameter in interface.inputs:
        _parameter_element(sequence, parameter, optional=parameter.optional or
                           parameter.is_table or parameter.default is not None)
    response = etree.SubElement(schema, _x("element"), name=f"{interface.name}.Response")
    sequence = etree.SubElement(etree.SubElement(response, _x("complexType")), _x("all"))
    for parameter in interface.outputs:
        _parameter_element(sequence, parameter, optional=False)
    exception = etree.SubElement(schema, _x("element"), name=f"{interface.name}.Exception")
    sequence = etree.SubElement(etree.SubElement(exception, _x("complexType")),
                                _x("sequence"))
    etree.SubElement(sequence, _x("element"), name="Name", type="xsd:string")
    etree.SubElement(sequence, _x("element"), name="Text", type="xsd:string", minOccurs="0")
    message = etree.SubElement(sequence, _x("element"), name="Message", minOccurs="0")
    message_sequence = etree.SubElement(etree.SubElement(message, _x("complexType")),
                                        _x("sequence"))
    etree.SubElement(message_sequence, _x("element"), name="ID", type="xsd:string",
                     minOccurs="0")
    etree.SubElement(message_sequence, _x("element"), name="Number", type="xsd:string",
                     minOccurs="0")


def definitions(interfaces: list[FunctionInterface], location: str = DEFAULT_LOCATION
                ) -> bytes:
    """The WSDL document for ``interfaces`` with the service at ``location``."""
    root = etree.Element(_w("definitions"), nsmap=_NSMAP, targetNamespace=RFC_NS)
    documentation = etree.SubElement(root, _w("documentation"))
    documentation.text = "; ".join(f"{i.name}: {i.text}" for i in interfaces)
    _schema(etree.SubElement(root, _w("types")), interfaces)
    for interface in interfaces:
        name = interface.name
        for suffix, element in (("Input", name), ("Output", f"{name}.Response"),
                                ("Exception", f"{name}.Exception")):
            message = etree.SubElement(root, _w("message"), name=f"{name}{suffix}")
            etree.SubElement(message, _w("part"), name="parameters", element=f"tns:{element}")
    for interface in interfaces:
        name = interface.name
        port_type = etree.SubElement(root, _w("portType"), name=f"{name}PortType")
        operation = etree.SubElement(port_type, _w("operation"), name=name)
        etree.SubElement(operation, _w("input"), message=f"tns:{name}Input")
        etree.SubElement(operation, _w("output"), message=f"tns:{name}Output")
        etree.SubElement(operation, _w("fault"), name=f"{name}.Exception",
                         message=f"tns:{name}Exception")
    for interface in interfaces:
        name = interface.name
        binding = etree.SubElement(root, _w("binding"), name=f"{name}Binding",
                                   type=f"tns:{name}PortType")
        etree.SubElement(binding, _s("binding"), style="document", transport=HTTP_TRANSPORT)
        operation = etree.SubElement(binding, _w("operation"), name=name)
        etree.SubElement(operation, _s("operation"), soapAction=soap_action(name))
        for direction in ("input", "output"):
            etree.SubElement(etree.SubElement(operation, _w(direction)), _s("body"),
                             use="literal")
        fault = etree.SubElement(operation, _w("fault"), name=f"{name}.Exception")
        etree.SubElement(fault, _s("fault"), name=f"{name}.Exception", use="literal")
    for interface in interfaces:
        name = interface.name
        service = etree.SubElement(root, _w("service"), name=f"{name}Service")
        etree.SubElement(service, _w("documentation")).text = f"SAP Service {name} via SOAP"
        port = etree.SubElement(service, _w("port"), name=f"{name}PortType",
                                binding=f"tns:{name}Binding")
        etree.SubElement(port, _s("address"), location=location)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def soap_action(function: str) -> str:
    """The SOAPAction SAP's WSDL gives the operation of ``function``."""
    return f"{SOAP_ACTION_PREFIX}{function}"


def wsdl_files(interfaces: Iterable[FunctionInterface], location: str = DEFAULT_LOCATION
               ) -> dict[str, bytes]:
    """``contracts/rfc/<NAME>.wsdl`` for every function module of ``interfaces``."""
    return {f"contracts/rfc/{i.name}.wsdl": definitions([i], location) for i in interfaces}
