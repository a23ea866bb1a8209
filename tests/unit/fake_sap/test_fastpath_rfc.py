"""The SOAP-RFC response written as text (:func:`fake_sap.fastpath.rfc_response`) is, byte
for byte, the response lxml builds (:func:`fake_sap.rfc.soap.response`): for every
implemented function module, with initial outputs and with outputs full of values that
need escaping, non-ASCII text, characters XML cannot hold, and empty tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fake_sap import compose
from fake_sap.fastpath.soap_rfc import rfc_response
from fake_sap.rfc import soap
from fake_sap.rfc.model import (
    AbapType,
    CheckedRows,
    Elementary,
    Field,
    FunctionInterface,
    Structure,
    char,
    exporting,
    structure,
    tables,
)
from fake_sap.rfc.model import (
    FunctionInterface as Interface,
)

pytestmark = pytest.mark.unit

#: values lxml escapes (& < > CR), leaves alone (quotes, tabs, line breaks), writes as
#: UTF-8, or that SOAP-RFC writes without the characters XML cannot hold
TRICKY = ["a & b", "<E1MARAM>", "x > y", "\"double\" 'single'", "&amp;", "line\nbreak",
          "tab\there", "carriage\rreturn", " spaces", "离心泵 500W", "€ 10", "𝄞", "Ærø",
          "bell\x07here", "", "X"]

FUNCTIONS = compose.function_directory().implemented()


def _value(elementary: Elementary, seed: int) -> Any:
    kind = elementary.type
    if kind is AbapType.STRING:
        return TRICKY[seed % len(TRICKY)]
    if kind is AbapType.CHAR:
        return TRICKY[seed % len(TRICKY)][:elementary.length]
    if kind is AbapType.NUMC:
        return str(seed)[-elementary.length:]
    if kind is AbapType.DATS:
        return date(2024, 1 + seed % 12, 1 + seed % 28)
    if kind is AbapType.TIMS:
        return f"{seed % 24:02d}{seed % 60:02d}00"
    if kind in (AbapType.DEC, AbapType.QUAN, AbapType.CURR):
        # within the type's integer digits (DEC 1 holds 9 at most), with a fraction it rounds
        whole_digits = max(elementary.length - elementary.decimals, 1)
        magnitude = Decimal(seed % 10 ** whole_digits) / 7
        return -magnitude if seed % 2 else magnitude
    if kind in (AbapType.INT1, AbapType.INT2, AbapType.INT4):
        return seed % 100
    if kind is AbapType.FLTP:
        return seed / 3
    if kind is AbapType.LANG:
        return "E"
    if kind is AbapType.CLNT:
        return "100"
    return "KG"[: elementary.length] if kind is AbapType.UNIT else "EUR"


def _structure_value(line: Structure, seed: int) -> dict[str, Any]:
    return {f.name: _value(f.type, seed + i) for i, f in enumerate(line.fields)}


def _filled(interface: FunctionInterface, rows: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for index, parameter in enumerate(interface.outputs):
        if parameter.is_table:
            assert isinstance(parameter.type, Structure)
            result[parameter.name] = [_structure_value(parameter.type, index + row)
                                      for row in range(rows)]
        elif isinstance(parameter.type, Structure):
            result[parameter.name] = _structure_value(parameter.type, index)
        else:
            result[parameter.name] = _value(parameter.type, index)
    return interface.complete({}, result)


@pytest.mark.parametrize("function", FUNCTIONS, ids=[f.name for f in FUNCTIONS])
def test_initial_outputs_are_written_as_lxml_writes_them(function):
    outputs = function.interface.complete({}, {})
    assert rfc_response(function.interface, outputs) == soap.response(function.interface,
                                                                      outputs)


@pytest.mark.parametrize("function", FUNCTIONS, ids=[f.name for f in FUNCTIONS])
@pytest.mark.parametrize("rows", [1, 3])
def test_filled_outputs_are_written_as_lxml_writes_them(function, rows):
    outputs = _filled(function.interface, rows)
    assert rfc_response(function.interface, outputs) == soap.response(function.interface,
                                                                      outputs)


LINES = structure("ZLINES", "Lines", Field("WA", char(40)))
ODD = structure("ZODD", "No fields")
LINES_INTERFACE = Interface("Z_LINES", "Lines", (
    exporting("FLAG", char(1)), exporting("NOTHING", ODD),
    tables("DATA", LINES), tables("EMPTY", LINES), tables("BARE", ODD)))


@pytest.mark.parametrize("texts", [
    ["plain", "also plain"],
    TRICKY,
    ["tab\there", "and a bell \x1b"],
])
def test_a_table_of_text_rows_is_written_as_lxml_writes_it(texts):
    outputs = LINES_INTERFACE.complete({}, {
        "FLAG": "X", "DATA": CheckedRows(LINES, ({"WA": text} for text in texts)),
        "BARE": [{}, {}]})
    assert rfc_response(LINES_INTERFACE, outputs) == soap.response(LINES_INTERFACE, outputs)


def test_a_function_without_outputs_answers_an_empty_response():
    interface = Interface("Z_NOTHING", "Nothing", ())
    assert rfc_response(interface, {}) == soap.response(interface, {})


def test_a_value_xml_cannot_hold_is_refused_as_lxml_refuses_it():
    outputs = LINES_INTERFACE.complete({}, {"DATA": [{"WA": "lone \ud800 surrogate"}]})
    with pytest.raises(ValueError):
        soap.response(LINES_INTERFACE, outputs)
    with pytest.raises(ValueError):
        rfc_response(LINES_INTERFACE, outputs)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(max_size=40), min_size=1, max_size=4))
def test_any_text_is_written_or_refused_as_lxml_does(texts):
    outputs = LINES_INTERFACE.complete({}, {
        "FLAG": texts[0][:1], "DATA": [{"WA": text} for text in texts]})
    try:
        expected = soap.response(LINES_INTERFACE, outputs)
    except (ValueError, UnicodeEncodeError) as error:
        with pytest.raises(type(error)):
            rfc_response(LINES_INTERFACE, outputs)
    else:
        assert rfc_response(LINES_INTERFACE, outputs) == expected


def _echoed_rows(line: Structure, seed: int) -> list[dict[str, Any]]:
    """Rows as a caller sends them: a few fields set, the others left out (so bound to the
    structure's initial values, which the response writer knows the text of)."""
    texts = [f for f in line.fields if f.type.type is AbapType.CHAR]
    dates = [f for f in line.fields if f.type.type is AbapType.DATS]
    row: dict[str, Any] = {}
    for index, field in enumerate(texts[:2]):
        row[field.name] = TRICKY[(seed + index) % len(TRICKY)][:field.type.length]
    for field in dates[:1]:
        row[field.name] = "2024-02-29"
    return [row, {}]


@pytest.mark.parametrize("function", FUNCTIONS, ids=[f.name for f in FUNCTIONS])
@pytest.mark.parametrize("seed", [0, 7, 13])
def test_echoed_tables_are_written_as_lxml_writes_them(function, seed):
    # CHANGING and TABLES parameters come back as they were passed; writing the same
    # structures twice also goes through the layouts worked out the first time
    interface = function.interface
    params = {p.name: (p.coerce(_echoed_rows(p.type, seed)) if p.is_table
                       and isinstance(p.type, Structure) else p.initial())
              for p in interface.inputs}
    outputs = interface.complete(params, {})
    for _ in range(2):
        assert rfc_response(interface, outputs) == soap.response(interface, outputs)
