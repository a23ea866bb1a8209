"""BAPI RETURN evaluation (sap_client.bapi) and the conversion exits BAPI callers need
(sap_client.conversion)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from sap_client import conversion
from sap_client.bapi import BapiError, call_and_commit, check, has_errors, messages
from sap_client.errors import ABAPApplicationError


def bapiret2(type_: str, id_: str = "V4", number: str = "233", message: str = "text",
             **extra: Any) -> dict[str, Any]:
    return {"TYPE": type_, "ID": id_, "NUMBER": number, "MESSAGE": message, "LOG_NO": "",
            "LOG_MSG_NO": "000000", "MESSAGE_V1": "", "MESSAGE_V2": "", "MESSAGE_V3": "",
            "MESSAGE_V4": "", "PARAMETER": "", "ROW": 0, "FIELD": "", "SYSTEM": "", **extra}


EMPTY_BAPIRET2 = bapiret2("", "", "000", "")


def savedata_params(material: str, material_type: str = "FERT") -> dict[str, Any]:
    return {
        "HEADDATA": {"MATERIAL": material, "IND_SECTOR": "M", "MATL_TYPE": material_type,
                     "BASIC_VIEW": "X"},
        "CLIENTDATA": {"BASE_UOM": "ST"}, "CLIENTDATAX": {"BASE_UOM": "X"},
        "MATERIALDESCRIPTION": [{"LANGU": "E", "MATL_DESC": "Condenser"}],
    }


def material_exists(conn, number: str) -> bool:
    return not has_errors(conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=number))


# --- reading RETURN ---------------------------------------------------------------------------

def test_messages_of_a_bapiret2_table_keep_their_order_and_fields():
    result = {"RETURN": [bapiret2("S", message="processed"),
                         bapiret2("E", "V1", "382", "Material not defined",
                                  PARAMETER="ORDER_ITEMS_IN", ROW=2, FIELD="MATERIAL",
                                  MESSAGE_V1="4711")]}
    first, second = messages(result)
    assert (first.type, first.message) == ("S", "processed")
    assert (second.id, second.number, second.parameter, second.row, second.field,
            second.message_v1) == ("V1", "382", "ORDER_ITEMS_IN", 2, "MATERIAL", "4711")


def test_a_return_structure_is_one_message():
    assert [m.number for m in messages({"RETURN": bapiret2("S", "MM", "356")})] == ["356"]


def test_an_empty_return_row_is_no_message():
    assert messages({"RETURN": EMPTY_BAPIRET2}) == []
    assert messages({"RETURN": []}) == []


def test_the_old_bapireturn_code_splits_into_message_class_and_number():
    row = {"TYPE": "E", "CODE": "M3305", "MESSAGE": "The material does not exist",
           "LOG_NO": "", "LOG_MSG_NO": "000000", "MESSAGE_V1": "4711"}
    [message] = messages({"RETURN": row})
    assert (message.type, message.id, message.number, message.message_v1) == \
        ("E", "M3", "305", "4711")


def test_bapiret1_has_no_parameter_but_is_read_the_same():
    row = {"TYPE": "W", "ID": "F2", "NUMBER": "100", "MESSAGE": "Check the address"}
    [message] = messages({"RETURN": row})
    assert (message.type, message.id, message.parameter) == ("W", "F2", "")


def test_another_return_parameter_can_be_named():
    result = {"RETURN": EMPTY_BAPIRET2, "RETURNMESSAGES": [bapiret2("E", "M3", "351")]}
    assert not has_errors(result)
    assert has_errors(result, "RETURNMESSAGES")


@pytest.mark.parametrize("type_", ["E", "A"])
def test_check_raises_on_error_and_abort_rows_with_every_message(type_):
    result = {"RETURN": [bapiret2("S", "V4", "233"), bapiret2(type_, "V4", "219", "not saved")]}
    with pytest.raises(BapiError) as caught:
        check(result, "BAPI_SALESORDER_CREATEFROMDAT2")
    error = caught.value
    assert [m.type for m in error.messages] == ["S", type_]
    assert [m.number for m in error.errors] == ["219"]
    assert "BAPI_SALESORDER_CREATEFROMDAT2" in str(error) and "not saved" in str(error)


def test_check_returns_the_warnings_when_nothing_failed():
    result = {"RETURN": [bapiret2("S"), bapiret2("W", "V1", "155", "credit limit exceeded"),
                         bapiret2("I")]}
    assert [m.number for m in check(result)] == ["155"]


def test_has_errors_ignores_warnings_and_information():
    assert not has_errors({"RETURN": [bapiret2("W"), bapiret2("I"), bapiret2("S")]})
    assert has_errors({"RETURN": [bapiret2("W"), bapiret2("A")]})


# --- against the emulator -----------------------------------------------------------------

def test_a_refused_savedata_raises_bapi_error_with_the_sap_message(conn):
    result = conn.call("BAPI_MATERIAL_SAVEDATA", **savedata_params("4720", "ZZZZ"))
    with pytest.raises(BapiError) as caught:
        check(result, "BAPI_MATERIAL_SAVEDATA")
    [error] = caught.value.errors
    assert (error.id, error.number, error.message_v1) == ("M3", "158", "ZZZZ")


def test_an_unknown_material_in_get_detail_is_an_error_in_the_old_return_layout(conn):
    [message] = messages(conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="NOPE"))
    assert (message.type, message.id, message.number) == ("E", "M3", "305")


def test_call_and_commit_writes_the_bapi_work(connect):
    writer, reader = connect(), connect()
    result = call_and_commit(writer, "BAPI_MATERIAL_SAVEDATA", **savedata_params("4721"))
    assert result["RETURN"]["TYPE"] == "S"
    assert material_exists(reader, "4721")


def test_call_and_commit_rolls_back_the_whole_luw_on_an_error(connect):
    writer, reader = connect(), connect()
    writer.call("BAPI_MATERIAL_SAVEDATA", **savedata_params("4722"))  # pending, same LUW
    with pytest.raises(BapiError):
        call_and_commit(writer, "BAPI_MATERIAL_SAVEDATA", **savedata_params("4723", "ZZZZ"))
    writer.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert not material_exists(reader, "4722")


class ScriptedConnection:
    """A pyrfc-shaped fake: answers each function from a script and records the calls."""

    def __init__(self, answers: dict[str, dict[str, Any] | Exception]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def call(self, func_name: str, options: Any = None, **params: Any) -> dict[str, Any]:
        self.calls.append((func_name, params))
        answer = self.answers.get(func_name, {"RETURN": EMPTY_BAPIRET2})
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_call_and_commit_commits_with_wait():
    conn = ScriptedConnection({"BAPI_X_CREATE": {"RETURN": [bapiret2("S")]}})
    call_and_commit(conn, "BAPI_X_CREATE", DATA={"A": "1"})
    assert conn.calls == [("BAPI_X_CREATE", {"DATA": {"A": "1"}}),
                          ("BAPI_TRANSACTION_COMMIT", {"WAIT": "X"})]


def test_call_and_commit_raises_when_the_commit_reports_an_update_error():
    conn = ScriptedConnection({
        "BAPI_X_CREATE": {"RETURN": [bapiret2("S")]},
        "BAPI_TRANSACTION_COMMIT": {"RETURN": bapiret2("E", "00", "999", "update failed")}})
    with pytest.raises(BapiError) as caught:
        call_and_commit(conn, "BAPI_X_CREATE")
    assert caught.value.function == "BAPI_TRANSACTION_COMMIT"


def test_call_and_commit_rolls_back_when_the_call_raises():
    failure = ABAPApplicationError("not found", 5, "NOT_FOUND")
    conn = ScriptedConnection({"BAPI_X_CREATE": failure})
    with pytest.raises(ABAPApplicationError):
        call_and_commit(conn, "BAPI_X_CREATE")
    assert [name for name, _ in conn.calls] == ["BAPI_X_CREATE", "BAPI_TRANSACTION_ROLLBACK"]


# --- conversion exits -----------------------------------------------------------------------

@pytest.mark.parametrize(("external", "internal"), [
    ("1000", "0000001000"), ("0000001000", "0000001000"), ("CUST-A", "CUST-A"), ("", "")])
def test_alpha_input_pads_numbers_to_ten_and_keeps_other_values(external, internal):
    assert conversion.alpha_input(external) == internal


@pytest.mark.parametrize(("internal", "external"), [("0000001000", "1000"),
                                                    ("CUST-A", "CUST-A")])
def test_alpha_output_drops_the_leading_zeros_of_numbers(internal, external):
    assert conversion.alpha_output(internal) == external


def test_alpha_input_refuses_a_value_longer_than_the_field():
    with pytest.raises(ValueError):
        conversion.alpha_input("12345678901")


@pytest.mark.parametrize(("external", "internal"), [
    ("4711", "000000000000004711"), ("SP-000000010000010", "SP-000000010000010"),
    ("X001", "X001")])
def test_matn1_right_aligns_numeric_material_numbers_to_eighteen(external, internal):
    assert conversion.matn1_input(external) == internal
    assert conversion.matn1_output(internal) == external


@pytest.mark.parametrize(("text", "number"), [
    ("1234.50", Decimal("1234.50")), ("5.00-", Decimal("-5.00")), ("  12 ", Decimal("12")),
    ("", Decimal("0"))])
def test_sap_numbers_are_read_with_the_minus_sign_behind(text, number):
    assert conversion.sap_number(text) == number


def test_a_sap_number_that_is_no_number_is_refused():
    with pytest.raises(ValueError, match="'twelve' is not a number"):
        conversion.sap_number("twelve")


@pytest.mark.parametrize(("convert", "external", "internal"), [
    ("cunit", "PC", "ST"), ("auart", "OR", "TA"), ("auart", "CF", "KB"),
    ("auart", "RE", "RE"), ("parvw", "SP", "AG"), ("parvw", "SH", "WE"),
    ("parvw", "BP", "RE"), ("parvw", "PY", "RG")])
def test_codes_convert_between_english_external_and_internal(convert, external, internal):
    assert getattr(conversion, f"{convert}_input")(external) == internal
    assert getattr(conversion, f"{convert}_output")(internal) == external


def test_a_code_the_map_does_not_know_passes_through():
    assert conversion.cunit_input("KG") == "KG"
    assert conversion.auart_output("ZOR") == "ZOR"


def test_a_landscape_can_extend_a_code_map():
    units = conversion.CUNIT.extended({"KAR": "CAR"})
    assert (units.input("CAR"), units.output("ST")) == ("KAR", "PC")
    assert conversion.CUNIT.input("CAR") == "CAR"
