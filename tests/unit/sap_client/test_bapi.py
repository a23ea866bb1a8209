"""A BAPI's RETURN (sap_client.bapi): every layout read (BAPIRET2, BAPIRET1, the old
BAPIRETURN with CODE, structure or table), E and A are errors, and write BAPIs are committed
or rolled back in one session (SAP reference 6.6, 6.10)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from sap_client.bapi import (
    BapiError,
    BapiMessage,
    MessageType,
    call_and_commit,
    check,
    has_errors,
    messages,
)
from sap_client.errors import CommunicationError

pytestmark = pytest.mark.unit


def row(type_: str = "", id_: str = "", number: str = "", message: str = "",
        **more: Any) -> dict[str, Any]:
    return {"TYPE": type_, "ID": id_, "NUMBER": number, "MESSAGE": message, **more}


SAVED = row("S", "V1", "311", "Standard Order 12345 has been saved",
            MESSAGE_V1="Standard Order", MESSAGE_V2="12345")
NOT_CHANGED = row("E", "V4", "219", "Sales document was not changed")


# --- reading RETURN ---------------------------------------------------------------------------

def test_a_bapiret2_table_is_read_row_by_row():
    found = messages({"RETURN": [SAVED, row("W", "V1", "555", "Check the date")]})
    assert [(m.type, m.id, m.number) for m in found] == [("S", "V1", "311"), ("W", "V1", "555")]
    assert found[0].message_v1 == "Standard Order"
    assert found[0].message_v2 == "12345"


def test_a_structure_return_is_one_message():
    found = messages({"RETURN": row("E", "M3", "305", "Material not found")})
    assert len(found) == 1
    assert found[0].is_error


def test_an_empty_row_is_no_message():
    # BAPI_MATERIAL_GET_DETAIL answers an initial RETURN structure on success; NUMBER is
    # NUMC and "000" is its initial value
    assert messages({"RETURN": row(number="000")}) == []
    assert messages({"RETURN": [row(), row("S", message="ok")]}) == [
        BapiMessage("S", "", "", "ok")]


def test_a_missing_return_or_an_empty_table_sent_as_text_has_no_messages():
    assert messages({}) == []
    assert messages({"RETURN": None}) == []
    assert messages({"RETURN": ""}) == []


def test_the_old_bapireturn_code_is_message_class_and_three_digit_number():
    found = messages({"RETURN": {"TYPE": "E", "CODE": "M3897", "MESSAGE": "locked"}})
    assert (found[0].id, found[0].number) == ("M3", "897")


def test_a_code_of_three_characters_or_less_is_all_message_class():
    found = messages({"RETURN": {"TYPE": "E", "CODE": "F5", "MESSAGE": "x"}})
    assert (found[0].id, found[0].number) == ("F5", "")


def test_id_and_number_win_over_code():
    found = messages({"RETURN": {"TYPE": "E", "ID": "V1", "NUMBER": "042", "CODE": "M3897"}})
    assert (found[0].id, found[0].number) == ("V1", "042")


def test_values_are_trimmed_and_row_is_an_integer():
    found = messages({"RETURN": row("E ", " V4", "248 ", "Error in SALES_ITEM_IN 1  ",
                                    PARAMETER="SALES_ITEM_IN", ROW="1", FIELD="MATERIAL")})
    message = found[0]
    assert (message.type, message.id, message.number) == ("E", "V4", "248")
    assert message.message == "Error in SALES_ITEM_IN 1"
    assert (message.parameter, message.row, message.field) == ("SALES_ITEM_IN", 1, "MATERIAL")


def test_a_blank_row_number_is_zero():
    assert messages({"RETURN": row("E", ROW="  ")})[0].row == 0


def test_another_parameter_can_hold_the_messages():
    assert messages({"ERRORS": [NOT_CHANGED]}, "ERRORS")[0].number == "219"


def test_rows_that_are_not_structures_are_skipped():
    assert len(messages({"RETURN": ["junk", SAVED]})) == 1


# --- message types ----------------------------------------------------------------------------

@pytest.mark.parametrize(("type_", "error"), [
    ("E", True), ("A", True), ("S", False), ("W", False), ("I", False), ("", False)])
def test_e_and_a_are_errors(type_, error):
    assert BapiMessage(type_, "", "", "").is_error is error


def test_message_types_are_bapiret2_s():
    assert [t.value for t in MessageType] == ["S", "I", "W", "E", "A"]


def test_a_message_reads_like_sap_shows_it():
    assert str(BapiMessage("E", "V4", "219", "Sales document was not changed")) == \
        "E V4 219: Sales document was not changed"
    assert str(BapiMessage("E", "V4", "248", "Error", parameter="SALES_ITEM_IN", row=2,
                           field="MATERIAL")) == "E V4 248: Error (SALES_ITEM_IN[2]-MATERIAL)"
    assert str(BapiMessage("", "", "", "plain")) == ": plain"


def test_has_errors():
    assert has_errors({"RETURN": [SAVED, NOT_CHANGED]})
    assert not has_errors({"RETURN": [SAVED]})


def test_check_returns_the_warnings_only():
    warning = row("W", "V1", "154", "Credit limit exceeded")
    assert [m.number for m in check({"RETURN": [SAVED, warning]})] == ["154"]


def test_check_raises_with_every_message_and_names_the_errors():
    with pytest.raises(BapiError) as raised:
        check({"RETURN": [SAVED, NOT_CHANGED, row("A", "V1", "001", "Abort")]},
              "BAPI_SALESORDER_CREATEFROMDAT2")
    error = raised.value
    assert error.function == "BAPI_SALESORDER_CREATEFROMDAT2"
    assert len(error.messages) == 3
    assert [m.type for m in error.errors] == ["E", "A"]
    assert str(error) == ("BAPI_SALESORDER_CREATEFROMDAT2: E V4 219: Sales document was not "
                          "changed; A V1 001: Abort")


def test_a_bapi_error_without_error_messages_says_so():
    assert str(BapiError("X", [])) == "X: no error message"


def test_a_bapi_error_is_no_transport_error():
    assert not issubclass(BapiError, CommunicationError)


# --- call, check, commit ----------------------------------------------------------------------

class Recorder:
    """A pyrfc-shaped connection that answers from a table and records every call."""

    def __init__(self, answers: Mapping[str, Any]) -> None:
        self.answers = dict(answers)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def call(self, func_name: str, options: Mapping[str, Any] | None = None,
             **params: Any) -> dict[str, Any]:
        self.calls.append((func_name, params))
        answer = self.answers.get(func_name, {})
        if isinstance(answer, Exception):
            raise answer
        return answer

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


def test_a_successful_bapi_is_committed_and_waits_for_the_update():
    conn = Recorder({"BAPI_X": {"RETURN": [SAVED], "NUMBER": "12345"}})
    result = call_and_commit(conn, "BAPI_X", HEAD={"A": "1"})
    assert result == {"RETURN": [SAVED], "NUMBER": "12345"}
    assert conn.calls == [("BAPI_X", {"HEAD": {"A": "1"}}),
                          ("BAPI_TRANSACTION_COMMIT", {"WAIT": "X"})]


def test_commit_without_waiting():
    conn = Recorder({"BAPI_X": {}})
    call_and_commit(conn, "BAPI_X", wait=False)
    assert conn.calls[-1] == ("BAPI_TRANSACTION_COMMIT", {"WAIT": ""})


def test_an_error_in_return_rolls_back_and_raises():
    conn = Recorder({"BAPI_X": {"RETURN": [NOT_CHANGED]}})
    with pytest.raises(BapiError, match="BAPI_X: E V4 219"):
        call_and_commit(conn, "BAPI_X")
    assert conn.names == ["BAPI_X", "BAPI_TRANSACTION_ROLLBACK"]


def test_an_update_failing_at_commit_names_the_commit():
    conn = Recorder({"BAPI_X": {"RETURN": [SAVED]},
                     "BAPI_TRANSACTION_COMMIT": {"RETURN": row("E", "00", "377", "Update "
                                                                                  "failed")}})
    with pytest.raises(BapiError) as raised:
        call_and_commit(conn, "BAPI_X")
    assert raised.value.function == "BAPI_TRANSACTION_COMMIT"


def test_a_failing_call_is_rolled_back_and_its_error_kept():
    lost = CommunicationError("connection reset", 1)
    conn = Recorder({"BAPI_X": lost})
    with pytest.raises(CommunicationError) as raised:
        call_and_commit(conn, "BAPI_X")
    assert raised.value is lost
    assert conn.names == ["BAPI_X", "BAPI_TRANSACTION_ROLLBACK"]


def test_a_failing_rollback_does_not_hide_the_original_error():
    conn = Recorder({"BAPI_X": {"RETURN": [NOT_CHANGED]},
                     "BAPI_TRANSACTION_ROLLBACK": CommunicationError("gone", 1)})
    with pytest.raises(BapiError):
        call_and_commit(conn, "BAPI_X")
