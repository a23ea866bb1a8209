"""The layouts DDIF_FIELDINFO_GET and RFC_GET_FUNCTION_INTERFACE report
(:mod:`fake_sap.rfc.functions.ddic`): internal lengths and offsets with ABAP's alignment in
Unicode and non-Unicode systems, and an answer that converts for every table, structure and
function module the emulator declares. No process is started."""

from __future__ import annotations

import pytest

from fake_sap import compose
from fake_sap.rfc.functions import ddic
from fake_sap.rfc.functions.ddic import (
    DDIF_FIELDINFO_GET,
    DFIES,
    RFC_FUNINT,
    RFC_GET_FUNCTION_INTERFACE,
    DictionaryField,
    DictionaryObject,
    field_rows,
    parameter_rows,
    structure_length,
)
from fake_sap.rfc.model import DATS, INT4, Field, char, quan

pytestmark = pytest.mark.unit

FUNCTIONS = compose.function_directory().implemented()
OBJECTS = ddic.dictionary([f.interface for f in FUNCTIONS], compose.readable_tables().values())


def test_rows_of_the_rfc_sdk_have_the_sdk_s_lengths():
    # a DFIES row is 1,350 bytes in a Unicode system; an RFC_FUNINT row 404 (402 and the
    # alignment gap before the end, its INT4 fields being aligned at 4), 212 without Unicode
    assert structure_length(DFIES.fields) == 1350
    assert structure_length(RFC_FUNINT.fields) == 404
    assert structure_length(RFC_FUNINT.fields, unicode=False) == 212


def test_fields_are_aligned_as_abap_aligns_them():
    entry = DictionaryObject("ZMIXED", ddic.STRUCTURE, (
        DictionaryField("FLAG", char(1), "One character"),
        DictionaryField("COUNT", INT4, "An integer, aligned at 4"),
        DictionaryField("WEIGHT", quan(13), "Packed, not aligned"),
        DictionaryField("DAY", DATS, "Characters again, aligned at 2"),
    ))
    rows = field_rows(entry, "E")
    assert [(row["OFFSET"], row["INTLEN"]) for row in rows] == [
        ("0", "2"), ("4", "4"), ("8", "7"), ("16", "16")]
    assert structure_length([Field(f.name, f.type) for f in entry.fields]) == 32


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_every_declared_table_and_structure_is_described(name):
    rows = field_rows(OBJECTS[name], "E")
    outputs = DDIF_FIELDINFO_GET.complete({}, {"DDOBJTYPE": OBJECTS[name].kind,
                                               "DFIES_TAB": rows})
    assert len(outputs["DFIES_TAB"]) == len(OBJECTS[name].fields)
    assert [row["POSITION"] for row in outputs["DFIES_TAB"]] == [
        f"{n:04d}" for n in range(1, len(rows) + 1)]


@pytest.mark.parametrize("function", FUNCTIONS, ids=[f.name for f in FUNCTIONS])
def test_every_function_module_is_described(function):
    rows = parameter_rows(function.interface)
    outputs = RFC_GET_FUNCTION_INTERFACE.complete({}, {"PARAMS": rows})
    classes = [row["PARAMCLASS"] for row in outputs["PARAMS"]]
    assert classes.count("X") == len(function.interface.exceptions)
    assert classes[:len(function.interface.parameters)] == [
        {"IMPORTING": "I", "EXPORTING": "E", "CHANGING": "C", "TABLES": "T"}[p.kind.value]
        for p in function.interface.parameters]
