"""The dictionary references of function module parameters (``Parameter.reference``): how
they are declared, answered in RFC_GET_FUNCTION_INTERFACE's TABNAME/FIELDNAME and shown in
the reference pages. No process is started."""

from __future__ import annotations

import re

import pytest

from fake_sap import compose
from fake_sap.rfc.functions.ddic import parameter_rows
from fake_sap.rfc.functions.stock import BAPI_PO_CREATE1
from fake_sap.rfc.functions.system import RFC_SYSTEM_INFO
from fake_sap.rfc.model import (
    FLAG,
    FunctionInterface,
    Structure,
    char,
    exporting,
    importing,
    with_references,
)
from fake_sap.rfc.reference import function_page
from fake_sap.rfc.structures import BAPIRET2

pytestmark = pytest.mark.unit

INTERFACES = [f.interface for f in compose.function_directory().implemented()]
#: a DDIC name (tables, structures, data elements may carry a /namespace/), then an
#: optional -FIELD; each part at most 30 characters, as TABNAME and FIELDNAME hold
_REFERENCE = re.compile(r"^(/[A-Z0-9_]+/)?[A-Z0-9_]{1,30}(-[A-Z0-9_]{1,30})?$")


def _row(interface: FunctionInterface, name: str) -> dict[str, object]:
    return next(row for row in parameter_rows(interface) if row["PARAMETER"] == name)


def test_a_like_reference_answers_table_and_field():
    testrun = _row(BAPI_PO_CREATE1, "TESTRUN")
    assert (testrun["TABNAME"], testrun["FIELDNAME"]) == ("BAPIFLAG", "BAPIFLAG")
    number = _row(BAPI_PO_CREATE1, "EXPPURCHASEORDER")
    assert (number["TABNAME"], number["FIELDNAME"]) == ("BAPIMEPOHEADER", "PO_NUMBER")


def test_a_structure_or_table_parameter_answers_its_structure():
    assert (_row(BAPI_PO_CREATE1, "POHEADER")["TABNAME"],
            _row(BAPI_PO_CREATE1, "POHEADER")["FIELDNAME"]) == ("BAPIMEPOHEADER", "")
    assert _row(BAPI_PO_CREATE1, "RETURN")["TABNAME"] == "BAPIRET2"


def test_a_data_element_reference_has_no_field_and_no_reference_stays_empty():
    interface = FunctionInterface("Z_EXAMPLE", "Example", (
        importing("MATERIAL_EVG", char(40), reference="BAPIMGVMATNR"),
        importing("FLAG", FLAG, optional=True),
        exporting("RETURN", BAPIRET2),
    ))
    assert (_row(interface, "MATERIAL_EVG")["TABNAME"],
            _row(interface, "MATERIAL_EVG")["FIELDNAME"]) == ("BAPIMGVMATNR", "")
    assert (_row(interface, "FLAG")["TABNAME"], _row(interface, "FLAG")["FIELDNAME"]) == \
        ("", "")
    assert [p.name for p in interface.unconfirmed_references()] == ["FLAG"]


@pytest.mark.parametrize("interface", INTERFACES, ids=lambda i: i.name)
def test_declared_references_are_dictionary_names(interface):
    for parameter in interface.parameters:
        if isinstance(parameter.type, Structure):
            # a structure types itself: a second name on it could only disagree
            assert parameter.reference == "", parameter.name
        elif parameter.reference:
            assert _REFERENCE.match(parameter.reference), (parameter.name,
                                                           parameter.reference)


@pytest.mark.parametrize("interface", INTERFACES, ids=lambda i: i.name)
def test_a_module_with_references_names_their_source(interface):
    confirmed = [p for p in interface.parameters
                 if not isinstance(p.type, Structure) and p.reference]
    assert bool(confirmed) <= bool(interface.references_source)


def test_the_reference_page_shows_references_and_what_is_not_confirmed():
    page = function_page(BAPI_PO_CREATE1)
    assert "| `TESTRUN` | CHAR 1 | `BAPIFLAG-BAPIFLAG` |" in page
    assert "| `POHEADER` | [BAPIMEPOHEADER](#bapimepoheader) | `BAPIMEPOHEADER` |" in page
    interface = FunctionInterface("Z_EXAMPLE", "Example", (
        importing("FLAG", FLAG, optional=True),))
    example = function_page(interface)
    assert "| `FLAG` | CHAR 1 | not confirmed |" in example
    assert "No reference is declared for `FLAG` (not confirmed" in example


def test_references_are_added_to_elementary_parameters_only():
    interface = FunctionInterface("Z_EXAMPLE", "Example", (
        importing("FLAG", FLAG, optional=True), exporting("RETURN", BAPIRET2)))
    referenced = with_references(interface, "a listing", FLAG="BAPIFLAG-BAPIFLAG")
    assert referenced.parameter("FLAG").reference == "BAPIFLAG-BAPIFLAG"
    assert referenced.references_source == "a listing"
    assert interface.parameter("FLAG").reference == ""
    for name in ("RETURN", "NOPE"):
        with pytest.raises(ValueError):
            with_references(interface, "a listing", **{name: "BAPIRET2"})


def test_rfc_system_info_answers_its_counters_as_syst_index():
    for name in ("CURRENT_RESOURCES", "MAXIMAL_RESOURCES", "RECOMMENDED_DELAY"):
        row = _row(RFC_SYSTEM_INFO, name)
        assert (row["TABNAME"], row["FIELDNAME"]) == ("SYST", "INDEX"), name
    assert RFC_SYSTEM_INFO.unconfirmed_references() == []
    assert "ZFM_RFC_SYSTEM_INFO" in function_page(RFC_SYSTEM_INFO)
