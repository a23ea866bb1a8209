"""XML schemas of IDoc types written the way SAP's WE60 writes them, for the import tests.

SAP's layout differs from the one the emulator generates (``fake_sap.idoc.xsd``): the prefix
is ``xsd``, each segment has a named complex type ``<IDoc type>.<segment>`` that its element
refers to, the attributes ``BEGIN`` and ``SEGMENT`` are an enumeration of ``1``, the control
record fixes ``TABNAM`` (and here ``IDOCTYP``/``CIMTYP``), and nothing names the message
types or the ABAP types. See docs/customer-idoc-types.md for the sources of the layout.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from fake_sap.idoc.model import UNBOUNDED, Field, IdocType, Segment, fields

_CONTROL_FIELDS = (("MANDT", 3), ("DOCNUM", 16), ("DOCREL", 4), ("STATUS", 2), ("DIRECT", 1),
                   ("OUTMOD", 1), ("MESTYP", 30), ("SNDPOR", 10), ("SNDPRT", 2),
                   ("SNDPRN", 10), ("RCVPOR", 10), ("RCVPRT", 2), ("RCVPRN", 10),
                   ("CREDAT", 8), ("CRETIM", 6), ("SERIAL", 20))
_ONE = ('<xsd:simpleType><xsd:restriction base="xsd:string"><xsd:enumeration value="1"/>'
        '</xsd:restriction></xsd:simpleType>')


def sap_style_schema(idoc_type: IdocType, *, fix_types: bool = True) -> bytes:
    """The schema of ``idoc_type`` in SAP's layout (named complex types, xsd prefix)."""
    prefix = idoc_type.name
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
           f'<xsd:element name="{prefix}">',
           f"<xsd:annotation><xsd:documentation>{escape(idoc_type.description)}"
           "</xsd:documentation></xsd:annotation>",
           f'<xsd:complexType><xsd:sequence><xsd:element name="IDOC" type="{prefix}.IDOC"/>'
           "</xsd:sequence></xsd:complexType></xsd:element>",
           f'<xsd:complexType name="{prefix}.IDOC"><xsd:sequence>',
           f'<xsd:element name="EDI_DC40" type="{prefix}.EDI_DC40"/>']
    out += [_reference(prefix, s) for s in idoc_type.segments]
    out.append(f'</xsd:sequence><xsd:attribute name="BEGIN" use="required">{_ONE}'
               "</xsd:attribute></xsd:complexType>")
    out.append(_control(idoc_type, fix_types))
    for top in idoc_type.segments:
        out += [_segment_type(prefix, s) for s in top.walk()]
    out.append("</xsd:schema>")
    return "\n".join(out).encode("utf-8")


def _reference(prefix: str, segment: Segment) -> str:
    occurs = f' minOccurs="{segment.min_occurs}"' if segment.min_occurs != 1 else ""
    if segment.max_occurs != 1:
        occurs += f' maxOccurs="{min(segment.max_occurs, UNBOUNDED)}"'
    return f'<xsd:element name="{segment.name}" type="{prefix}.{segment.name}"{occurs}/>'


def _field(declared: Field) -> str:
    occurs = "" if declared.mandatory else ' minOccurs="0"'
    documentation = (f"<xsd:annotation><xsd:documentation>{escape(declared.description)}"
                     "</xsd:documentation></xsd:annotation>" if declared.description else "")
    return (f'<xsd:element name="{declared.name}"{occurs}>{documentation}<xsd:simpleType>'
            f'<xsd:restriction base="xsd:string"><xsd:maxLength value="{declared.length}"/>'
            "</xsd:restriction></xsd:simpleType></xsd:element>")


def _segment_type(prefix: str, segment: Segment) -> str:
    body = "".join(_field(f) for f in segment.fields)
    body += "".join(_reference(prefix, c) for c in segment.children)
    return (f'<xsd:complexType name="{prefix}.{segment.name}"><xsd:annotation>'
            f"<xsd:documentation>{escape(segment.description)}</xsd:documentation>"
            f"</xsd:annotation><xsd:sequence>{body}</xsd:sequence>"
            f'<xsd:attribute name="SEGMENT" use="required">{_ONE}</xsd:attribute>'
            "</xsd:complexType>")


def _control(idoc_type: IdocType, fix_types: bool) -> str:
    fields = ['<xsd:element name="TABNAM" type="xsd:string" fixed="EDI_DC40"/>']
    fields += [_field(Field(name, length)) for name, length in _CONTROL_FIELDS[:6]]
    if fix_types:
        fields.append(f'<xsd:element name="IDOCTYP" type="xsd:string" '
                      f'fixed={quoteattr(idoc_type.idoctyp)}/>')
        if idoc_type.cimtyp:
            fields.append(f'<xsd:element name="CIMTYP" type="xsd:string" '
                          f'fixed={quoteattr(idoc_type.cimtyp)}/>')
    else:
        fields += [_field(Field("IDOCTYP", 30)), _field(Field("CIMTYP", 30))]
    fields += [_field(Field(name, length)) for name, length in _CONTROL_FIELDS[6:]]
    return (f'<xsd:complexType name="{idoc_type.name}.EDI_DC40"><xsd:sequence>'
            f'{"".join(fields)}</xsd:sequence>'
            f'<xsd:attribute name="SEGMENT" use="required">{_ONE}</xsd:attribute>'
            "</xsd:complexType>")


# --- a customer basic type and its IDocs -------------------------------------------------------

def note_type(name: str) -> IdocType:
    """A customer basic type: notes with their lines, nothing in SAP posts them."""
    line = Segment("Z1NOTEL", "Note line", fields(("TDLINE", 20), ("LINENO", 4)), max_occurs=3)
    header = Segment("Z1NOTEH", "Note header", fields(("NOTEID!", 12), ("KUNNR", 10)),
                     children=(line,), min_occurs=1, max_occurs=UNBOUNDED)
    return IdocType(name, (), "CRM notes", (header,))


def note_idoc(type_name: str, message_type: str, body: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<{type_name}><IDOC BEGIN="1">
  <EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><DIRECT>2</DIRECT>
    <IDOCTYP>{type_name}</IDOCTYP><MESTYP>{message_type}</MESTYP><SNDPOR>SAPCRM</SNDPOR>
    <SNDPRT>LS</SNDPRT><SNDPRN>CRMCLNT100</SNDPRN><RCVPRT>LS</RCVPRT>
    <RCVPRN>FAKESAP</RCVPRN></EDI_DC40>
  {body}
</IDOC></{type_name}>""".encode()


GOOD_NOTE = ('<Z1NOTEH SEGMENT="1"><NOTEID>N-1</NOTEID><KUNNR>3001</KUNNR>'
             '<Z1NOTEL SEGMENT="1"><TDLINE>Call back</TDLINE><LINENO>1</LINENO></Z1NOTEL>'
             "</Z1NOTEH>")
