"""THE FAST PATH, SOAP-RFC responses as text: exactly what :func:`fake_sap.rfc.soap.response`
(lxml) writes for the same outputs of a function module.

See :mod:`fake_sap.fastpath` and ``docs/adr/0005-fast-paths.md``. Layer: RFC edge; imports the
RFC interface model and its SOAP codec.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from fake_sap.fastpath.xml_text import (
    DECLARATION,
    all_write_unchanged,
    element_by_lxml,
    writes_unchanged,
)
from fake_sap.rfc.model import AbapType, Elementary, FunctionInterface, Parameter, Structure
from fake_sap.rfc.soap import NOT_XML as _NOT_XML
from fake_sap.rfc.soap import RFC_NS, SOAP_ENV_NS, wire_text

# --- writing SOAP-RFC responses as text --------------------------------------------------------

def rfc_response(interface: FunctionInterface, outputs: Mapping[str, Any]) -> bytes:
    """``<rfc:NAME.Response>`` with every output parameter, as text: exactly what
    :func:`fake_sap.rfc.soap.response` (the lxml way) writes for the same outputs.

    A table of a thousand rows (RFC_READ_TABLE's DATA) costs lxml two elements per row and
    field; here it is one list of strings. Every value goes through the same wire
    conversion (:func:`fake_sap.rfc.soap.wire_text`); a value that is not plainly
    printable text without ``& < >`` is handed to lxml, so escaping and the refusal of
    characters XML cannot hold stay lxml's.
    """
    name = interface.name
    out = [DECLARATION, f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>']
    start = f'<rfc:{name}.Response xmlns:rfc="{RFC_NS}"'
    parameters = interface.outputs
    if not parameters:
        out.append(start + "/>")
    else:
        out.append(start + ">")
        for parameter in parameters:
            _write_rfc_parameter(out, parameter, outputs[parameter.name])
        out.append(f"</rfc:{name}.Response>")
    out.append("</SOAP-ENV:Body></SOAP-ENV:Envelope>")
    return "".join(out).encode("utf-8")


def _write_rfc_parameter(out: list[str], parameter: Parameter, value: Any) -> None:
    name = parameter.name
    if parameter.is_table:
        assert isinstance(parameter.type, Structure)
        _write_rfc_rows(out, name, parameter.type, value)
    elif isinstance(parameter.type, Structure):
        _write_rfc_rows(out, name, parameter.type, [value], row_tag="")
    else:
        _write_rfc_values(out, [(name, wire_text(parameter.type, value))])


@dataclass(frozen=True)
class _RowLayout:
    """What writing rows of one structure needs, worked out once per structure: BAPI
    structures have up to a few hundred fields, and their tables are echoed in every
    response."""

    fields: tuple[tuple[str, Elementary], ...]
    names: tuple[str, ...]
    #: every field's text value as it is (see :data:`_TEXT_AS_IS`)
    all_as_is: bool
    #: per field: name, type, whether a str value is its own wire text, the field's
    #: initial value (the very object every bound row starts from) and its wire text
    plan: tuple[tuple[str, Elementary, bool, object, str], ...]
    #: one row of plain text in every field: ``<NAME>%s</NAME>...``
    template: str


def _row_layout(structure: Structure) -> _RowLayout:
    layout = _ROW_LAYOUTS.get(id(structure))
    if layout is not None and layout[0] is structure:
        return layout[1]
    fields = tuple((f.name, f.type) for f in structure.fields)
    initial = structure.initial()
    made = _RowLayout(
        fields=fields, names=tuple(name for name, _ in fields),
        all_as_is=all(elementary.type in _TEXT_AS_IS for _, elementary in fields),
        plan=tuple((name, elementary, elementary.type in _TEXT_AS_IS, initial[name],
                    wire_text(elementary, initial[name])) for name, elementary in fields),
        template="".join(f"<{name}>%s</{name}>" for name, _ in fields))
    if len(_ROW_LAYOUTS) >= _MAX_ROW_LAYOUTS:
        _ROW_LAYOUTS.clear()
    # the structure is kept with its layout, so that its id is not reused while cached
    _ROW_LAYOUTS[id(structure)] = (structure, made)
    return made


_ROW_LAYOUTS: dict[int, tuple[Structure, _RowLayout]] = {}
_MAX_ROW_LAYOUTS = 1024


def _write_rfc_rows(out: list[str], name: str, structure: Structure,
                    rows: Sequence[Mapping[str, Any]], row_tag: str = "item") -> None:
    """A table (one ``<item>`` per row) or, without ``row_tag``, one structure."""
    layout = _row_layout(structure)
    names = layout.names
    if row_tag and not rows or not row_tag and not names:
        out.append(f"<{name}/>")
        return
    texts, verbatim = _row_texts(layout, rows)
    out.append(f"<{name}>")
    if verbatim and names and row_tag and all(chain.from_iterable(texts)):
        # the usual table: plain text in every field, one template per row
        template = layout.template
        out.append("".join(f"<{row_tag}>{template % tuple(row)}</{row_tag}>"
                           for row in texts))
    else:
        for row in texts:
            if not row_tag:
                _write_rfc_values(out, zip(names, row, strict=True), verbatim)
            elif names:
                out.append(f"<{row_tag}>")
                _write_rfc_values(out, zip(names, row, strict=True), verbatim)
                out.append(f"</{row_tag}>")
            else:
                out.append(f"<{row_tag}/>")
    out.append(f"</{name}>")


def _row_texts(layout: _RowLayout, rows: Sequence[Mapping[str, Any]]
               ) -> tuple[list[list[str]], bool]:
    """The rows' wire texts, and whether all of them are verbatim text (:func:`writes_unchanged`).

    Text fields holding text are their own wire text unless a character XML cannot hold is
    in them; that is looked at once for all rows. Anything else is converted value by
    value (:func:`fake_sap.rfc.soap.wire_text`)."""
    if layout.all_as_is:
        names = layout.names
        texts = [[row[field] for field in names] for row in rows]
        try:
            joined = "".join(chain.from_iterable(texts))
        except TypeError:  # a value that is no text
            pass
        else:
            if writes_unchanged(joined):
                return texts, True
            if not _NOT_XML.search(joined):
                return texts, False
    texts = _converted_row_texts(layout, rows)
    return texts, all_write_unchanged(list(chain.from_iterable(texts)))


#: ABAP types whose SOAP-RFC text is their value, when that is a str
_TEXT_AS_IS = frozenset({AbapType.CHAR, AbapType.NUMC, AbapType.UNIT, AbapType.CUKY,
                         AbapType.LANG, AbapType.CLNT, AbapType.STRING})


def _write_rfc_values(out: list[str], values: Iterable[tuple[str, str]],
                      verbatim: bool = False) -> None:
    """Elements with text; an empty one as ``<NAME/>``, as lxml writes an element whose
    text is None."""
    for name, text in values:
        if not text:
            out.append(f"<{name}/>")
        elif verbatim or writes_unchanged(text):
            out += ("<", name, ">", text, "</", name, ">")
        else:
            out.append(element_by_lxml(name, text))


def _converted_row_texts(layout: _RowLayout,
                         rows: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Every value's :func:`fake_sap.rfc.soap.wire_text`, converting only the values that
    need it. A BAPI's tables mix text fields with dates and amounts; most of their fields
    are text, whose value (a str) is its own wire text unless it holds a character XML
    cannot: that is looked at once for all of them, and if one does, every value goes
    through the conversion. Most dates and amounts of an echoed table are still the very
    initial value the row was bound from, whose wire text is known (values are immutable,
    so the same object has the same text)."""
    texts: list[list[str]] = []
    for row in rows:
        line: list[str] = []
        for field, elementary, as_is, initial, initial_text in layout.plan:
            value = row[field]
            if as_is and value.__class__ is str:
                line.append(value)
            elif value is initial:
                line.append(initial_text)
            else:
                line.append(wire_text(elementary, value))
        texts.append(line)
    if _NOT_XML.search("".join(chain.from_iterable(texts))):
        return [[wire_text(elementary, row[field]) for field, elementary in layout.fields]
                for row in rows]
    return texts
