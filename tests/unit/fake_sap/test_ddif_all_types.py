"""DDIF_FIELDINFO_GET's ALL_TYPES (:func:`fake_sap.rfc.functions.ddic.fieldinfo`): with it a
data element is described in DFIES_WA, as SAP's documentation of the function module says;
without it a data element is not found, and FIELDNAME or LFIELDNAME are refused for one. No
process is started."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from fake_sap import compose
from fake_sap.rfc.call import Call
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.functions import ddic

pytestmark = pytest.mark.unit

OBJECTS = ddic.dictionary([f.interface for f in compose.function_directory().implemented()],
                          compose.readable_tables().values())


def _fieldinfo(**params: str) -> dict[str, Any]:
    values = {"FIELDNAME": "", "LANGU": "", "LFIELDNAME": "", "ALL_TYPES": "", **params}
    return ddic.fieldinfo(OBJECTS, Call(ddic.DDIF_FIELDINFO_GET, values,
                                        SimpleNamespace(language="E")))  # type: ignore[arg-type]


def test_all_types_describes_a_data_element_in_dfies_wa():
    result = _fieldinfo(TABNAME="MATNR", ALL_TYPES="X")
    wa = result["DFIES_WA"]
    assert (wa["TABNAME"], wa["ROLLNAME"], wa["DATATYPE"], wa["INTTYPE"], wa["LENG"],
            wa["INTLEN"], wa["CONVEXIT"]) == ("MATNR", "MATNR", "CHAR", "C", "18", "36",
                                              "MATN1")
    assert result["DFIES_TAB"] == []
    assert "DDOBJTYPE" not in result  # no public source gives its value: left initial


def test_without_all_types_a_data_element_is_not_found():
    with pytest.raises(AbapException) as raised:
        _fieldinfo(TABNAME="MATNR")
    assert raised.value.name == "NOT_FOUND"


@pytest.mark.parametrize("restriction", [{"FIELDNAME": "MATNR"}, {"LFIELDNAME": "MATNR"}])
def test_a_field_of_a_data_element_is_not_found(restriction):
    with pytest.raises(AbapException) as raised:
        _fieldinfo(TABNAME="MATNR", ALL_TYPES="X", **restriction)
    assert raised.value.name == "NOT_FOUND"


def test_all_types_does_not_change_the_answer_for_a_table():
    assert _fieldinfo(TABNAME="T001W", ALL_TYPES="X") == _fieldinfo(TABNAME="T001W")
