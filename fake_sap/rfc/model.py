"""The declarative model of RFC function interfaces, as SE37 shows them.

A function module is declared once (:class:`FunctionInterface`): its parameters by kind
(IMPORTING, EXPORTING, CHANGING, TABLES), each typed with an elementary ABAP type
(:class:`~fake_sap.ddic.types.Elementary`: ``CHAR 18``, ``DEC 23.4`` ...) or a DDIC
structure (:class:`Structure`, e.g. BAPIRET2), and the classic exceptions it may raise. From
that declaration come the binding of request values (:meth:`FunctionInterface.bind`), the
shape of the response (:meth:`FunctionInterface.complete`: every export, changing and tables
parameter is always there), the WSDL (``fake_sap.rfc.wsdl``) and the reference pages
(``fake_sap.rfc.reference``). The elementary types live in the dictionary
(``fake_sap.ddic.types``, shared with the IDoc model) and are re-exported here, so
declarations import one module. This module imports nothing from the emulator but the
dictionary and its errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any

from fake_sap.ddic.types import (
    CLNT,
    DATS,
    FLAG,
    INT4,
    LANG,
    LANGUAGE_ISO,
    LANGUAGE_KEYS,
    TIMS,
    AbapType,
    Elementary,
    Value,
    ValueRejected,
    char,
    cuky,
    curr,
    dec,
    numc,
    quan,
    unit,
)
from fake_sap.rfc.errors import ConversionError, ParameterMissing

__all__ = [
    "CLNT", "DATS", "FLAG", "INT4", "LANG", "LANGUAGE_ISO", "LANGUAGE_KEYS", "TIMS",
    "AbapType", "CheckedRows", "Elementary", "Field", "FunctionInterface", "Kind", "Parameter",
    "Raises", "Structure", "Value", "ValueRejected", "changing", "char", "cuky", "curr", "dec",
    "exporting", "importing", "numc", "quan", "structure", "tables", "unit", "with_references",
]


@dataclass(frozen=True)
class Field:
    name: str
    type: Elementary
    text: str = ""


@dataclass(frozen=True)
class Structure:
    """A flat DDIC structure (BAPIRET2, BAPIMATHEAD ...); also the line type of tables."""

    name: str
    text: str
    fields: tuple[Field, ...]
    #: the public data-dictionary listing the field list was taken from, shown in the docs
    source: str = ""
    _index: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)
    #: every component's initial value, computed once: SAP's structures have up to a few
    #: hundred components, and every table row starts from this
    _initial: dict[str, Value] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({f.name: f for f in self.fields})
        self._initial.update({f.name: f.type.initial() for f in self.fields})

    def __str__(self) -> str:
        return self.name

    def field(self, name: str) -> Field | None:
        return self._index.get(name)

    def initial(self) -> dict[str, Value]:
        return dict(self._initial)

    def coerce(self, value: object, path: str) -> dict[str, Value]:
        """A complete structure value; components not given stay initial, unknown ones are
        ignored (SAP's rules for structures in XML)."""
        if value is None:
            return self.initial()
        if not isinstance(value, Mapping):
            raise ConversionError("CX_SY_CONVERSION_ERROR", path,
                                  f"a structure {self.name} is expected")
        # called once per row of every table: the components given, looked up by name
        result = dict(self._initial)
        index = self._index
        for name, component in value.items():
            declared = index.get(name)
            if declared is None:
                continue
            try:
                result[name] = declared.type.coerce(component)
            except ValueRejected as rejected:
                raise ConversionError(rejected.exception, f"{path}-{name}",
                                      rejected.reason) from None
        return result


def _coerce(elementary: Elementary, value: object, path: str) -> Value:
    try:
        return elementary.coerce(value)
    except ValueRejected as rejected:
        raise ConversionError(rejected.exception, path, rejected.reason) from None


def structure(name: str, text: str, *fields: Field, source: str = "") -> Structure:
    return Structure(name, text, fields, source)


class CheckedRows(list[dict[str, Value]]):
    """Rows of a table parameter that are already complete values of its line structure
    (every component, in the internal format): a function module that builds many rows
    from declared data (RFC_READ_TABLE's DATA) returns them so, and they are taken as
    they are instead of being converted row by row again."""

    def __init__(self, line: Structure, rows: Iterable[dict[str, Value]]) -> None:
        super().__init__(rows)
        self.line = line


class Kind(StrEnum):
    IMPORTING = "IMPORTING"
    EXPORTING = "EXPORTING"
    CHANGING = "CHANGING"
    TABLES = "TABLES"


@dataclass(frozen=True)
class Parameter:
    """One parameter; for TABLES, ``type`` is the line structure."""

    name: str
    kind: Kind
    type: Elementary | Structure
    optional: bool = False
    default: Any = None
    text: str = ""
    #: the dictionary typing of an elementary parameter as SE37 shows it: ``TABLE-FIELD``
    #: for ``LIKE``/``TYPE`` a table or structure field (``BAPIFLAG-BAPIFLAG``), or a data
    #: element's name for ``TYPE`` a data element (``BAPIMGVMATNR``). Empty where no public
    #: listing confirms it; a structure or table parameter is typed by its structure.
    reference: str = ""

    @property
    def is_input(self) -> bool:
        return self.kind is not Kind.EXPORTING

    @property
    def is_output(self) -> bool:
        return self.kind is not Kind.IMPORTING

    @property
    def is_table(self) -> bool:
        return self.kind is Kind.TABLES

    @property
    def dictionary_reference(self) -> tuple[str, str]:
        """TABNAME and FIELDNAME of the parameter's typing (RFC_FUNINT): the structure of
        a structure or table parameter; the declared reference of an elementary one, split
        at the hyphen (a data element has no field)."""
        if isinstance(self.type, Structure):
            return self.type.name, ""
        table, _, field_name = self.reference.partition("-")
        return table, field_name

    @property
    def type_name(self) -> str:
        return f"TABLE OF {self.type}" if self.is_table else str(self.type)

    def initial(self) -> Any:
        if self.is_table:
            return []
        if self.default is not None:
            return self.coerce(self.default)
        return self.type.initial()

    def coerce(self, value: object) -> Any:
        if self.is_table:
            assert isinstance(self.type, Structure)
            if value is None:
                return []
            if isinstance(value, CheckedRows) and value.line is self.type:
                return value
            if not isinstance(value, Sequence) or isinstance(value, str | bytes):
                raise ConversionError("CX_SY_CONVERSION_ERROR", self.name,
                                      f"a table of {self.type.name} is expected")
            return [self.type.coerce(row, f"{self.name}[{index}]")
                    for index, row in enumerate(value, start=1)]
        if isinstance(self.type, Structure):
            return self.type.coerce(value, self.name)
        return _coerce(self.type, value, self.name)


def importing(name: str, type: Elementary | Structure, text: str = "", *,
              optional: bool = False, default: Any = None, reference: str = ""
              ) -> Parameter:
    return Parameter(name, Kind.IMPORTING, type, optional or default is not None, default, text,
                     reference)


def exporting(name: str, type: Elementary | Structure, text: str = "", *,
              reference: str = "") -> Parameter:
    return Parameter(name, Kind.EXPORTING, type, True, None, text, reference)


def changing(name: str, type: Elementary | Structure, text: str = "", *,
             optional: bool = True, reference: str = "") -> Parameter:
    return Parameter(name, Kind.CHANGING, type, optional, None, text, reference)


def tables(name: str, line: Structure, text: str = "", *, optional: bool = True) -> Parameter:
    return Parameter(name, Kind.TABLES, line, optional, None, text)


@dataclass(frozen=True)
class Raises:
    """A classic exception in the function's EXCEPTIONS list."""

    name: str
    text: str


@dataclass(frozen=True)
class FunctionInterface:
    name: str
    text: str
    parameters: tuple[Parameter, ...]
    exceptions: tuple[Raises, ...] = ()
    #: the function group (SE80), shown in the reference page
    group: str = ""
    #: a longer note for the reference page: what the emulator does
    notes: str = ""
    #: the public SE37 listing the parameters' dictionary references were taken from
    references_source: str = ""

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    # computed once per function module: every call binds its inputs and writes its outputs
    @cached_property
    def inputs(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.is_input)

    @cached_property
    def outputs(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.is_output)

    def unconfirmed_references(self) -> list[Parameter]:
        """The elementary parameters whose dictionary typing no public source confirmed."""
        return [p for p in self.parameters
                if not isinstance(p.type, Structure) and not p.reference]

    def structures(self) -> list[Structure]:
        """The structures this interface uses, each once, in declaration order."""
        seen: dict[str, Structure] = {}
        for p in self.parameters:
            if isinstance(p.type, Structure):
                seen.setdefault(p.type.name, p.type)
        return list(seen.values())

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Typed values of every input parameter: sent ones converted, the others their
        default or initial value. A mandatory import that was not sent is an error."""
        bound: dict[str, Any] = {}
        for p in self.inputs:
            value = values.get(p.name)
            if value is None:
                if p.kind is Kind.IMPORTING and not p.optional:
                    raise ParameterMissing(self.name, p.name)
                bound[p.name] = p.initial()
            else:
                bound[p.name] = p.coerce(value)
        return bound

    def complete(self, params: Mapping[str, Any], result: Mapping[str, Any]) -> dict[str, Any]:
        """Every output parameter, typed. CHANGING and TABLES parameters the function did
        not touch come back as they were passed, like ABAP's by-reference parameters."""
        complete: dict[str, Any] = {}
        for p in self.outputs:
            if p.name in result:
                complete[p.name] = p.coerce(result[p.name])
            elif p.name in params:
                complete[p.name] = params[p.name]
            else:
                complete[p.name] = p.initial()
        return complete


def with_references(interface: FunctionInterface, source: str, **references: str
                    ) -> FunctionInterface:
    """``interface`` with the dictionary references of the named elementary parameters, as
    ``source`` lists them: for interfaces built by a shared factory (the open-items BAPIs of
    customers and vendors, the delivery BAPIs for orders and transport orders), whose
    modules are typed with different dictionary fields."""
    by_name = {p.name: p for p in interface.parameters}
    for name in references:
        parameter = by_name.get(name)
        if parameter is None or isinstance(parameter.type, Structure):
            raise ValueError(f"{interface.name} has no elementary parameter {name}")
    parameters = tuple(replace(p, reference=references[p.name]) if p.name in references else p
                       for p in interface.parameters)
    return replace(interface, parameters=parameters, references_source=source)
