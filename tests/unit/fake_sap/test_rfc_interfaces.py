"""Function interfaces as SE37 declares them (fake_sap.rfc.model) and the return structures
(fake_sap.rfc.structures): binding request values, completing the response (every export,
changing and tables parameter always there), and filling BAPIRET2, BAPIRET1 and the old
BAPIRETURN from a T100 message (SAP reference 6.10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.errors import SapMessage
from fake_sap.rfc.errors import ConversionError, ParameterMissing
from fake_sap.rfc.model import (
    DATS,
    Field,
    FunctionInterface,
    Kind,
    Raises,
    changing,
    char,
    exporting,
    importing,
    numc,
    quan,
    structure,
    tables,
)
from fake_sap.rfc.structures import (
    BAPIRET1,
    BAPIRET2,
    BAPIRETURN,
    bapiret1,
    bapiret2,
    bapireturn,
    message,
)

pytestmark = pytest.mark.unit

ITEM = structure("ZITEM", "An item", Field("MATERIAL", char(18)), Field("QTY", quan(13, 3)),
                 Field("POSNR", numc(6)))

INTERFACE = FunctionInterface(
    "Z_TEST", "A test function", (
        importing("MATERIAL", char(18)),
        importing("DATE", DATS, optional=True),
        importing("MODE", char(1), default="A"),
        importing("HEAD", ITEM, optional=True),
        exporting("NUMBER", char(10)),
        exporting("RETURN", BAPIRET2),
        changing("COUNTER", numc(3)),
        tables("ITEMS", ITEM),
    ),
    exceptions=(Raises("NOT_FOUND", "Nothing found"),))


def test_parameters_by_kind():
    assert [p.name for p in INTERFACE.inputs] == ["MATERIAL", "DATE", "MODE", "HEAD", "COUNTER",
                                                  "ITEMS"]
    assert [p.name for p in INTERFACE.outputs] == ["NUMBER", "RETURN", "COUNTER", "ITEMS"]
    assert INTERFACE.parameter("ITEMS").kind is Kind.TABLES
    assert INTERFACE.parameter("NOPE") is None


def test_an_import_with_a_default_is_optional():
    assert INTERFACE.parameter("MODE").optional
    assert not INTERFACE.parameter("MATERIAL").optional


def test_type_names_as_se37_shows_them():
    assert INTERFACE.parameter("ITEMS").type_name == "TABLE OF ZITEM"
    assert INTERFACE.parameter("MATERIAL").type_name == "CHAR 18"
    assert INTERFACE.parameter("RETURN").type_name == "BAPIRET2"


def test_the_structures_an_interface_uses_once_each_in_order():
    assert [s.name for s in INTERFACE.structures()] == ["ZITEM", "BAPIRET2"]


def test_binding_converts_what_was_sent_and_fills_the_rest():
    bound = INTERFACE.bind({"MATERIAL": "4711", "DATE": "2024-01-31",
                            "ITEMS": [{"QTY": "2", "POSNR": "10", "UNKNOWN": "ignored"}]})
    assert bound == {
        "MATERIAL": "4711", "DATE": "20240131", "MODE": "A",
        "HEAD": {"MATERIAL": "", "QTY": Decimal("0.000"), "POSNR": "000000"},
        "COUNTER": "000",
        "ITEMS": [{"MATERIAL": "", "QTY": Decimal("2.000"), "POSNR": "000010"}]}


def test_a_mandatory_import_not_sent_is_an_error():
    with pytest.raises(ParameterMissing) as missing:
        INTERFACE.bind({})
    assert missing.value.name == "CALL_FUNCTION_PARM_MISSING"
    assert missing.value.text == "Mandatory parameter MATERIAL of function Z_TEST is missing"


def test_a_value_that_does_not_convert_names_its_path():
    with pytest.raises(ConversionError) as failed:
        INTERFACE.bind({"MATERIAL": "1", "ITEMS": [{}, {"QTY": "abc"}]})
    assert failed.value.name == "CX_SY_CONVERSION_NO_NUMBER"
    assert failed.value.path == "ITEMS[2]-QTY"


def test_a_structure_needs_a_mapping_and_a_table_a_list():
    with pytest.raises(ConversionError, match="a structure ZITEM is expected"):
        INTERFACE.bind({"MATERIAL": "1", "HEAD": "text"})
    with pytest.raises(ConversionError, match="a table of ZITEM is expected"):
        INTERFACE.bind({"MATERIAL": "1", "ITEMS": "text"})


def test_completing_gives_every_output_typed():
    complete = INTERFACE.complete({"COUNTER": "005", "ITEMS": []}, {"NUMBER": 12345})
    assert complete["NUMBER"] == "12345"
    assert complete["RETURN"] == BAPIRET2.initial()
    # changing and tables parameters the function did not touch come back as passed
    assert complete["COUNTER"] == "005"
    assert complete["ITEMS"] == []
    assert set(complete) == {"NUMBER", "RETURN", "COUNTER", "ITEMS"}


def test_outputs_neither_returned_nor_passed_are_initial():
    assert INTERFACE.complete({}, {})["COUNTER"] == "000"


def test_returned_outputs_are_coerced():
    complete = INTERFACE.complete({}, {"RETURN": {"TYPE": "E", "NUMBER": 5, "ROW": "2"}})
    assert complete["RETURN"]["NUMBER"] == "005"
    assert complete["RETURN"]["ROW"] == 2


# --- return structures ------------------------------------------------------------------------

def test_bapiret2_has_sap_s_components_and_lengths():
    lengths = {f.name: f.type.length for f in BAPIRET2.fields}
    assert lengths == {"TYPE": 1, "ID": 20, "NUMBER": 3, "MESSAGE": 220, "LOG_NO": 20,
                       "LOG_MSG_NO": 6, "MESSAGE_V1": 50, "MESSAGE_V2": 50, "MESSAGE_V3": 50,
                       "MESSAGE_V4": 50, "PARAMETER": 32, "ROW": 10, "FIELD": 30,
                       "SYSTEM": 10}


def test_bapiret1_is_bapiret2_without_the_parameter_part():
    assert [f.name for f in BAPIRET1.fields] == [f.name for f in BAPIRET2.fields][:10]


def test_the_old_bapireturn_has_a_code_instead_of_id_and_number():
    names = [f.name for f in BAPIRETURN.fields]
    assert "CODE" in names and "ID" not in names and "NUMBER" not in names


SAVED = SapMessage("V1", "311", "Standard Order 12345 has been saved", "S",
                   ("Standard Order", "12345"))


def test_a_message_fills_bapiret2_with_its_variables_padded_to_four():
    assert bapiret2(SAVED, parameter="SALES_HEADER_IN", row=1, field="DOC_TYPE") == {
        "TYPE": "S", "ID": "V1", "NUMBER": "311",
        "MESSAGE": "Standard Order 12345 has been saved",
        "MESSAGE_V1": "Standard Order", "MESSAGE_V2": "12345", "MESSAGE_V3": "",
        "MESSAGE_V4": "", "PARAMETER": "SALES_HEADER_IN", "ROW": 1, "FIELD": "DOC_TYPE",
        "SYSTEM": ""}


def test_bapiret1_and_bapireturn():
    assert bapiret1(SAVED)["ID"] == "V1"
    assert "PARAMETER" not in bapiret1(SAVED)
    old = bapireturn(SapMessage("M3", "897", "locked", "E"))
    assert old["CODE"] == "M3897"
    assert "ID" not in old


def test_texts_and_variables_are_cut_to_their_fields():
    long = SapMessage("ZZ", "001", "t" * 300, "E", ("v" * 60, "a", "b", "c", "d"))
    row = bapiret2(long)
    assert len(row["MESSAGE"]) == 220
    assert row["MESSAGE_V1"] == "v" * 50
    assert row["MESSAGE_V4"] == "c"  # a fifth variable has no place


def test_the_code_of_the_old_layout_is_cut_to_five_characters():
    assert bapireturn(SapMessage("ZLONG", "001", "x", "E"))["CODE"] == "ZLONG"


def test_a_t100_message_fills_its_placeholders():
    built = message("E", "V1", "382", "Material &1 is not defined for sales org. &2",
                    "4711", 1000)
    assert built == SapMessage("V1", "382", "Material 4711 is not defined for sales org. 1000",
                               "E", ("4711", "1000"))


def test_placeholders_without_a_variable_stay():
    assert message("E", "ZZ", "001", "&1 and &2", "x").text == "x and &2"
