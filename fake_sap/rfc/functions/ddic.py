"""Metadata function modules: DDIF_FIELDINFO_GET and RFC_GET_FUNCTION_INTERFACE.

Layer: RFC edge. They answer from what the emulator declares, nothing else: the tables
RFC_READ_TABLE reads (``fake_sap.rfc.tables``), the structures of the implemented function
modules, and the function interfaces themselves. A client can so introspect a table, a
structure or a function module the way it does on SAP (pyrfc-style clients, JCo and NCo
ask RFC_GET_FUNCTION_INTERFACE and DDIF_FIELDINFO_GET before calling). Which function
modules exist is decided in :func:`fake_sap.compose.function_directory`, which hands their
interfaces to :func:`functions`.

The parameter lists and structures are SAP's, as far as public sources show them; the
sources, and what is left out because no source confirms it, are in
``docs/rfc/DDIF_FIELDINFO_GET.md`` and ``docs/rfc/RFC_GET_FUNCTION_INTERFACE.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fake_sap.ddic.elements import DATA_ELEMENTS, DataElement
from fake_sap.idoc.model import Segment
from fake_sap.idoc.types import DECLARED as DECLARED_IDOC_TYPES
from fake_sap.rfc import tables as readable_tables
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.functions import system
from fake_sap.rfc.model import (
    DATS,
    FLAG,
    INT4,
    LANG,
    TIMS,
    AbapType,
    Elementary,
    Field,
    FunctionInterface,
    Kind,
    Parameter,
    Raises,
    Structure,
    char,
    exporting,
    importing,
    numc,
    structure,
    tables,
)
from fake_sap.rfc.read_table import ReadableTable

# -- DDIF_FIELDINFO_GET ----------------------------------------------------------------------

DFIES = structure(
    "DFIES", "DD Interface: Table Fields for DDIF_FIELDINFO_GET",
    Field("TABNAME", char(30), "Table Name"),
    Field("FIELDNAME", char(30), "Field Name"),
    Field("LANGU", LANG, "Language Key"),
    Field("POSITION", numc(4), "Position of the field in the table"),
    Field("OFFSET", numc(6), "Offset of a field"),
    Field("DOMNAME", char(30), "Domain name"),
    Field("ROLLNAME", char(30), "Data element (semantic domain)"),
    Field("CHECKTABLE", char(30), "Table Name"),
    Field("LENG", numc(6), "Length (No. of Characters)"),
    Field("INTLEN", numc(6), "Internal Length in Bytes"),
    Field("OUTPUTLEN", numc(6), "Output Length"),
    Field("DECIMALS", numc(6), "Number of Decimal Places"),
    Field("DATATYPE", char(4), "ABAP/4 Dictionary: Screen data type for Screen Painter"),
    Field("INTTYPE", char(1), "ABAP data type (C,D,N,...)"),
    Field("REFTABLE", char(30), "Reference Table for Field"),
    Field("REFFIELD", char(30), "Reference Field for Currency and Quantity Fields"),
    Field("PRECFIELD", char(30), "Name of included table"),
    Field("AUTHORID", char(3), "Authorization"),
    Field("MEMORYID", char(20), "Set/get parameter ID"),
    Field("LOGFLAG", FLAG, "Change document"),
    Field("MASK", char(20), "Template"),
    Field("MASKLEN", numc(4), "Template length"),
    Field("CONVEXIT", char(5), "Conversion routine"),
    Field("HEADLEN", numc(2), "Heading length"),
    Field("SCRLEN1", numc(2), "Key word length: short"),
    Field("SCRLEN2", numc(2), "Key word length: middle"),
    Field("SCRLEN3", numc(2), "Key word length: long"),
    Field("FIELDTEXT", char(60), "Short description"),
    Field("REPTEXT", char(55), "Heading"),
    Field("SCRTEXT_S", char(10), "Key word: short"),
    Field("SCRTEXT_M", char(20), "Key word: middle"),
    Field("SCRTEXT_L", char(40), "Key word: long"),
    Field("KEYFLAG", FLAG, "Key field"),
    Field("LOWERCASE", FLAG, "Lower case letters"),
    Field("MAC", FLAG),
    Field("GENKEY", FLAG),
    Field("NOFORKEY", FLAG),
    Field("VALEXI", FLAG, "Existing values"),
    Field("NOAUTHCH", FLAG),
    Field("SIGN", FLAG, "Signs"),
    Field("DYNPFLD", FLAG, "Screen field"),
    Field("F4AVAILABL", FLAG),
    Field("COMPTYPE", char(1)),
    Field("LFIELDNAME", char(132)),
    Field("LTRFLDDIS", FLAG),
    Field("BIDICTRLC", FLAG),
    Field("OUTPUTSTYLE", numc(2)),
    Field("NOHISTORY", FLAG),
    Field("AMPMFORMAT", FLAG),
)

DDIF_FIELDINFO_GET = FunctionInterface(
    "DDIF_FIELDINFO_GET", "Reads the field information of a table or structure", (
        importing("TABNAME", char(30), "Name of the table or structure"),
        importing("FIELDNAME", char(30), "Only this field", default=""),
        importing("LANGU", LANG, "Language of the texts (the logon language if initial)",
                  default=""),
        importing("LFIELDNAME", char(132), "Only the field with this long name", default=""),
        importing("ALL_TYPES", FLAG, "X: data elements and table types too (a data element "
                                     "is described in DFIES_WA)", default=""),
        exporting("DDOBJTYPE", char(8), "Kind of object: TRANSP (table), INTTAB "
                                         "(structure)"),
        exporting("DFIES_WA", DFIES, "The field named in LFIELDNAME"),
        tables("DFIES_TAB", DFIES, "The fields"),
    ), (
        Raises("NOT_FOUND", "The table, structure or field does not exist"),
        Raises("INTERNAL_ERROR", "Internal error (not raised by the emulator)"),
    ), group="SDIFRUNTIME",
    notes="Answers for the tables RFC_READ_TABLE reads (DDOBJTYPE `TRANSP`, the client and "
          "the primary key as key fields), for the structures of the implemented "
          "function modules and for the IDoc segment types of the declared IDoc types "
          "(`INTTAB`; a segment's fields are CHAR of the segment's lengths), with offsets "
          "and internal lengths of a Unicode system; texts are English whatever LANGU "
          "says. A table field with a declared data element has its ROLLNAME, DOMNAME, "
          "CONVEXIT and DATATYPE from it, and CHECKTABLE where the table's listing names "
          "one. FIELDNAME answers in DFIES_TAB, LFIELDNAME in DFIES_WA, as SAP documents "
          "it. With ALL_TYPES a declared data element is described in DFIES_WA (its type, "
          "domain, conversion exit and short text; DDOBJTYPE stays initial, as no public "
          "source gives its value), without it a data element is NOT_FOUND; no table types "
          "are declared. Field labels and memory IDs are not declared. See [the SOAP-RFC "
          "guide](../soap-rfc.md#metadata-ddif_fieldinfo_get"
          "-and-rfc_get_function_interface) for the sources and what is left out.")

TRANSPARENT_TABLE, STRUCTURE = "TRANSP", "INTTAB"


@dataclass(frozen=True)
class DictionaryField:
    """One field as DDIF_FIELDINFO_GET describes it."""

    name: str
    type: Elementary
    text: str
    key: bool = False
    #: the data element that types the field (ROLLNAME, DOMNAME, CONVEXIT), if declared
    element: DataElement | None = None
    check_table: str = ""


@dataclass(frozen=True)
class DictionaryObject:
    """A table or structure of the emulator's dictionary."""

    name: str
    kind: str  # TRANSP or INTTAB (DD02L-TABCLASS)
    fields: tuple[DictionaryField, ...]


def dictionary(interfaces: Iterable[FunctionInterface],
               tables_: Iterable[ReadableTable],
               segments: Iterable[Segment] = ()) -> dict[str, DictionaryObject]:
    """The objects DDIF_FIELDINFO_GET knows, by name: the readable tables (MANDT and the
    primary key as key fields), every structure the interfaces use, and the IDoc segment
    types (in SAP each is a structure of the dictionary; the first declaration of a
    segment name counts)."""
    objects: dict[str, DictionaryObject] = {}
    for interface in interfaces:
        for line in interface.structures():
            objects.setdefault(line.name, DictionaryObject(line.name, STRUCTURE, tuple(
                DictionaryField(f.name, f.type, f.text) for f in line.fields)))
    for segment in segments:
        objects.setdefault(segment.name, segment_structure(segment))
    for table in tables_:
        # a read-only view (the customizing tables) has no primary key: its order is the key
        keys = set(table.order) or {column.name for column in table.table.primary_key}
        objects[table.name] = DictionaryObject(table.name, TRANSPARENT_TABLE, tuple(
            DictionaryField(f.name, f.type, f.text, f.column in keys,
                            DATA_ELEMENTS.get(f.element) if f.element else None,
                            f.check_table)
            for f in table.fields))
    return objects


def segment_structure(segment: Segment) -> DictionaryObject:
    """The structure of an IDoc segment type (E1MARAM): its fields as character fields of
    the segment's lengths, as every segment field travels as text."""
    return DictionaryObject(segment.name, STRUCTURE, tuple(
        DictionaryField(f.name, char(f.length), f.description or f.name)
        for f in segment.fields))


def idoc_segments() -> list[Segment]:
    """Every segment of the declared IDoc types, children included."""
    return [segment for idoc_type in DECLARED_IDOC_TYPES
            for segment in idoc_type.all_segments()]


def field_rows(entry: DictionaryObject, language: str) -> list[dict[str, Any]]:
    """DFIES rows of every field, with offsets and lengths of a Unicode system."""
    rows, offset = [], 0
    for position, field in enumerate(entry.fields, start=1):
        alignment = field.type.alignment()
        offset += -offset % alignment
        rows.append({
            "TABNAME": entry.name, "FIELDNAME": field.name, "LANGU": language,
            "POSITION": str(position), "OFFSET": str(offset),
            "LENG": str(field.type.length), "INTLEN": str(field.type.internal_length()),
            "OUTPUTLEN": str(_output_length(field.type)),
            "DECIMALS": str(field.type.decimals), "DATATYPE": field.type.ddic_type,
            "INTTYPE": field.type.internal_type, "FIELDTEXT": field.text[:60],
            "KEYFLAG": "X" if field.key else "", "LFIELDNAME": field.name,
            "CHECKTABLE": field.check_table,
            **_element_attributes(field.element),
        })
        offset += field.type.internal_length()
    return rows


def _element_attributes(element: DataElement | None) -> dict[str, str]:
    """DFIES-ROLLNAME, DOMNAME and CONVEXIT of a field typed with a declared data
    element (the field's type is already the element's)."""
    if element is None:
        return {}
    return {"ROLLNAME": element.name, "DOMNAME": element.domain,
            "CONVEXIT": element.conversion_exit}


_CHARACTER_OUTPUT = frozenset({AbapType.CHAR, AbapType.NUMC, AbapType.UNIT, AbapType.CUKY,
                               AbapType.LANG, AbapType.CLNT})


def _output_length(elementary: Elementary) -> int:
    """DFIES-OUTPUTLEN where the emulator knows it: a character field shows its length, a
    date DD.MM.YYYY and a time HH:MM:SS; left initial for numbers (their output length
    depends on a data element the emulator does not declare)."""
    if elementary.type in _CHARACTER_OUTPUT:
        return elementary.length
    if elementary == DATS:
        return 10
    if elementary == TIMS:
        return 8
    return 0


def fieldinfo(objects: Mapping[str, DictionaryObject], call: Call) -> dict[str, Any]:
    name = call["TABNAME"].strip().upper()
    entry = objects.get(name)
    if entry is None:
        element = DATA_ELEMENTS.get(name) if call["ALL_TYPES"].strip() else None
        if element is not None:
            return _element_info(element, call)
        raise AbapException("NOT_FOUND", f"Table or structure {name} does not exist")
    rows = field_rows(entry, call["LANGU"] or call.env.language)
    long_name = call["LFIELDNAME"].strip().upper()
    if long_name:
        chosen = [row for row in rows if row["LFIELDNAME"] == long_name]
        if not chosen:
            raise AbapException("NOT_FOUND", f"{name} has no field {long_name}")
        return {"DDOBJTYPE": entry.kind, "DFIES_WA": chosen[0], "DFIES_TAB": []}
    field_name = call["FIELDNAME"].strip().upper()
    if field_name:
        rows = [row for row in rows if row["FIELDNAME"] == field_name]
        if not rows:
            raise AbapException("NOT_FOUND", f"{name} has no field {field_name}")
    return {"DDOBJTYPE": entry.kind, "DFIES_TAB": rows}


def _element_info(element: DataElement, call: Call) -> dict[str, Any]:
    """A data element asked for with ALL_TYPES: SAP's documentation of the function module
    says its description comes back in DFIES_WA, and that FIELDNAME or LFIELDNAME then
    raise NOT_FOUND (a data element has no fields). DDOBJTYPE stays initial: no public
    source says its value for a data element."""
    if call["FIELDNAME"].strip() or call["LFIELDNAME"].strip():
        raise AbapException("NOT_FOUND", f"Data element {element.name} has no fields")
    type_ = element.type
    return {"DFIES_WA": {
        "TABNAME": element.name, "LANGU": call["LANGU"] or call.env.language,
        "LENG": str(type_.length), "INTLEN": str(type_.internal_length()),
        "OUTPUTLEN": str(_output_length(type_)), "DECIMALS": str(type_.decimals),
        "DATATYPE": type_.ddic_type, "INTTYPE": type_.internal_type,
        "FIELDTEXT": element.text[:60], **_element_attributes(element),
    }, "DFIES_TAB": []}


# -- RFC_GET_FUNCTION_INTERFACE --------------------------------------------------------------

RFC_FUNINT = structure(
    "RFC_FUNINT", "Interface description of a function module",
    Field("PARAMCLASS", char(1), "Parameter class: I, E, C, T, or X for an exception"),
    Field("PARAMETER", char(30), "Parameter name"),
    Field("TABNAME", char(30), "Referenced table or structure"),
    Field("FIELDNAME", char(30), "Referenced field"),
    Field("EXID", char(1), "ABAP type letter (C, N, D, T, P, I ...; u for a structure)"),
    Field("POSITION", INT4, "Position"),
    Field("OFFSET", INT4, "Offset"),
    Field("INTLENGTH", INT4, "Internal length in bytes"),
    Field("DECIMALS", INT4, "Decimal places"),
    Field("DEFAULT", char(21), "Default value"),
    Field("PARAMTEXT", char(79), "Short text"),
    Field("OPTIONAL", FLAG, "X: optional parameter"),
)

RFC_GET_FUNCTION_INTERFACE = FunctionInterface(
    "RFC_GET_FUNCTION_INTERFACE", "Interface description of a function module", (
        importing("FUNCNAME", char(30), "Name of the function module"),
        importing("LANGUAGE", LANG, "Language of the parameter texts", default=""),
        importing("NONE_UNICODE_LENGTH", FLAG, "X: lengths of a non-Unicode system",
                  default=""),
        exporting("REMOTE_CALL", char(1), "R: the function module is remote-enabled"),
        exporting("UPDATE_TASK", char(1), "Update module: initial for none"),
        exporting("REMOTE_BASXML_SUPPORTED", FLAG, "X: basXML supported"),
        tables("PARAMS", RFC_FUNINT, "The parameters and exceptions"),
    ), (
        Raises("FU_NOT_FOUND", "The function module does not exist"),
        Raises("NAMETAB_FAULT", "The runtime description of a type could not be read"),
    ), group="RFC1",
    notes="Describes every function module the emulator implements, itself included: one "
          "PARAMS row per parameter in declared order, then one per exception (PARAMCLASS "
          "`X`); TABNAME/FIELDNAME name a structure parameter's structure and an "
          "elementary parameter's declared dictionary reference (both empty where none is "
          "declared); lengths of a Unicode system unless NONE_UNICODE_LENGTH is `X`; texts are "
          "English whatever LANGUAGE says. See [the SOAP-RFC guide](../soap-rfc.md#"
          "metadata-ddif_fieldinfo_get-and-rfc_get_function_interface) for the sources "
          "and what is left out.")

_PARAMETER_CLASS = {Kind.IMPORTING: "I", Kind.EXPORTING: "E", Kind.CHANGING: "C",
                    Kind.TABLES: "T"}
#: RFC_FUNINT-EXID of a structure (and of a table parameter: its line)
_FLAT_STRUCTURE = "u"


def parameter_rows(interface: FunctionInterface, unicode: bool = True
                   ) -> list[dict[str, Any]]:
    """PARAMS rows: the parameters in their declared order, then the exceptions."""
    rows = []
    for position, parameter in enumerate(interface.parameters, start=1):
        tabname, fieldname = parameter.dictionary_reference
        rows.append({
            "PARAMCLASS": _PARAMETER_CLASS[parameter.kind], "PARAMETER": parameter.name,
            "TABNAME": tabname, "FIELDNAME": fieldname,
            "EXID": _type_letter(parameter), "POSITION": position,
            "INTLENGTH": _length(parameter.type, unicode),
            "DECIMALS": 0 if isinstance(parameter.type, Structure) else
            parameter.type.decimals,
            "DEFAULT": _default(parameter), "PARAMTEXT": parameter.text[:79],
            "OPTIONAL": "X" if parameter.optional else "",
        })
    rows += [{"PARAMCLASS": "X", "PARAMETER": exception.name,
              "PARAMTEXT": exception.text[:79]} for exception in interface.exceptions]
    return rows


def _type_letter(parameter: Parameter) -> str:
    if isinstance(parameter.type, Structure):
        return _FLAT_STRUCTURE
    return parameter.type.internal_type


def _length(type_: Elementary | Structure, unicode: bool) -> int:
    if isinstance(type_, Elementary):
        return type_.internal_length(unicode)
    return structure_length(type_.fields, unicode)


def structure_length(fields: Sequence[Field], unicode: bool = True) -> int:
    """Bytes of a flat structure: its components aligned, the whole a multiple of the
    strictest alignment among them (ABAP's alignment gaps, also at the end)."""
    offset, strictest = 0, 1
    for component in fields:
        alignment = component.type.alignment(unicode)
        strictest = max(strictest, alignment)
        offset += -offset % alignment
        offset += component.type.internal_length(unicode)
    return offset + -offset % strictest


def _default(parameter: Parameter) -> str:
    """The default as SE37 shows it: SPACE, a number, or a quoted literal."""
    if parameter.default is None:
        return ""
    if parameter.default == "":
        return "SPACE"
    if isinstance(parameter.default, int):
        return str(parameter.default)
    return f"'{parameter.default}'"[:21]


def function_interface(interfaces: Mapping[str, FunctionInterface], call: Call
                       ) -> dict[str, Any]:
    name = call["FUNCNAME"].strip().upper()
    interface = interfaces.get(name)
    if interface is None:
        raise AbapException("FU_NOT_FOUND", f"Function module {name} does not exist")
    unicode = not call["NONE_UNICODE_LENGTH"]
    # every function module here is remote-enabled (TFDIR-FMODE R) and none is an update
    # module
    return {"REMOTE_CALL": "R", "UPDATE_TASK": "", "REMOTE_BASXML_SUPPORTED": "",
            "PARAMS": parameter_rows(interface, unicode)}


# -- wiring ----------------------------------------------------------------------------------

INTERFACES = (DDIF_FIELDINFO_GET, RFC_GET_FUNCTION_INTERFACE, system.RFC_READ_TABLE)


def functions(others: Iterable[FunctionInterface]) -> list[RfcFunction]:
    """The function modules that answer from the dictionary: the two metadata modules,
    describing ``others`` and themselves, and RFC_READ_TABLE (TABLE_WITHOUT_DATA for a
    structure, as SAP's reads DDIF_FIELDINFO_GET's DDOBJTYPE first)."""
    interfaces = {i.name: i for i in (*others, *INTERFACES)}
    objects = dictionary(interfaces.values(), readable_tables.TABLES, idoc_segments())
    structures = frozenset(name for name, entry in objects.items()
                           if entry.kind == STRUCTURE)
    return [
        RfcFunction(DDIF_FIELDINFO_GET, lambda call: fieldinfo(objects, call)),
        RfcFunction(RFC_GET_FUNCTION_INTERFACE,
                    lambda call: function_interface(interfaces, call)),
        system.read_table_function(structures),
    ]
