"""How the outbox handlers talk to SAP, against a scripted connection: a failed commit call
is in doubt whatever the failure, a blank document number is never linked, BAPI_PO_CREATE1
gets its X structures and BAPI_ACC_DOCUMENT_POST the logon user."""

from __future__ import annotations

from typing import Any

import pytest

from crm_adapter import outbox
from crm_adapter.flows import applications, settlement
from crm_adapter.outbox import Entry, InDoubt, NoDocumentNumber, UnitSettings
from sap_client import bapi
from sap_client.bapi import BapiError
from sap_client.errors import (
    ABAPApplicationError,
    ABAPRuntimeError,
    RFCError,
    SessionLost,
    SessionNotKept,
)

pytestmark = pytest.mark.unit

SUCCESS = {"TYPE": "S", "ID": "V1", "NUMBER": "311", "MESSAGE": "created"}


class ScriptedSap:
    """Answers each function from ``answers`` (an exception is raised); records the calls."""

    def __init__(self, **answers: Any) -> None:
        self.answers = answers
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def call(self, function: str, **params: Any) -> dict[str, Any]:
        self.calls.append((function, params))
        answer = self.answers.get(function, {})
        if isinstance(answer, Exception):
            raise answer
        return dict(answer)

    def get_connection_attributes(self) -> dict[str, Any]:
        return {"user": "RFC_CRM"}

    def called(self) -> list[str]:
        return [function for function, _ in self.calls]


def entry(payload: dict[str, Any] | None = None) -> Entry:
    return Entry(1, "create_x", payload or {}, "MA0000000001", 1,
                 units=UnitSettings("off", 900.0))


@pytest.mark.parametrize("failure", [
    ABAPRuntimeError("dump in the commit", 3, "SYSTEM_FAILURE"),
    ABAPApplicationError("an exception of the commit", 5, "SOME_EXCEPTION"),
])
def test_every_failure_of_the_commit_call_is_in_doubt(failure: Exception) -> None:
    sap = ScriptedSap(BAPI_X={"RETURN": [SUCCESS]}, BAPI_TRANSACTION_COMMIT=failure)
    job = entry()

    with pytest.raises(InDoubt) as raised:
        outbox.create_in_unit(sap, job, "BAPI_X", {})

    assert raised.value.__cause__ is failure
    assert "in_doubt_since" in job.progress
    with pytest.raises(InDoubt):  # the next attempt waits instead of creating again
        job.check_in_doubt()


def test_a_failure_of_the_bapi_before_the_commit_is_not_in_doubt() -> None:
    failure = ABAPRuntimeError("dump in the BAPI", 3, "SYSTEM_FAILURE")
    sap = ScriptedSap(BAPI_X=failure)
    job = entry()

    with pytest.raises(ABAPRuntimeError):
        outbox.create_in_unit(sap, job, "BAPI_X", {})

    assert "in_doubt_since" not in job.progress
    assert sap.called() == ["BAPI_X", "BAPI_TRANSACTION_ROLLBACK"]


def test_an_update_failure_in_the_commit_s_return_is_sap_s_answer_not_doubt() -> None:
    aborted = {"RETURN": {"TYPE": "A", "MESSAGE": "Update was terminated"}}
    sap = ScriptedSap(BAPI_X={"RETURN": [SUCCESS]}, BAPI_TRANSACTION_COMMIT=aborted)
    job = entry()

    with pytest.raises(BapiError):
        outbox.create_in_unit(sap, job, "BAPI_X", {})

    assert "in_doubt_since" not in job.progress


@pytest.mark.parametrize("blank", ["", "   ", None, "$"])
def test_a_blank_document_number_is_refused(blank: str | None) -> None:
    with pytest.raises(NoDocumentNumber, match="no document number in SALESDOCUMENT"):
        outbox.document_number(blank, "BAPI_SALESORDER_CREATEFROMDAT2", "SALESDOCUMENT")


def test_a_missing_document_number_is_retried_not_refused() -> None:
    # the worker retries every RFCError and fails only BapiError / ABAPApplicationError
    assert issubclass(NoDocumentNumber, RFCError)
    assert not issubclass(NoDocumentNumber, (BapiError, ABAPApplicationError))


def test_a_document_number_is_kept_as_sap_gave_it() -> None:
    assert outbox.document_number("0000004711", "BAPI_X", "SALESDOCUMENT") == "0000004711"


def test_a_sales_order_without_a_number_is_not_linked() -> None:
    payload = {"outlet": "0000900001", "document_type": "TA",
               "items": [{"item_number": 10, "material": "M1", "unit": "ST",
                          "quantity": "2"}]}
    sap = ScriptedSap(RFC_READ_TABLE={"DATA": [], "FIELDS": []},
                      BAPI_SALESORDER_CREATEFROMDAT2={"SALESDOCUMENT": "",
                                                      "RETURN": [SUCCESS]})

    with pytest.raises(NoDocumentNumber):
        applications.create_sales_order(sap, entry(payload))


def test_a_stock_transport_order_without_a_number_is_rolled_back_before_the_commit() -> None:
    payload = {"document_type": "UB", "provincial_center": "0000800001",
               "items": [{"item_number": 10, "material": "M1", "unit": "ST",
                          "quantity": "2"}]}
    sap = ScriptedSap(RFC_READ_TABLE={"DATA": [], "FIELDS": []},
                      BAPI_PO_CREATE1={"EXPPURCHASEORDER": "", "RETURN": [SUCCESS]})

    with pytest.raises(NoDocumentNumber):
        applications.create_stock_transport_order(sap, entry(payload))

    assert "BAPI_TRANSACTION_COMMIT" not in sap.called()
    assert sap.called()[-1] == "BAPI_TRANSACTION_ROLLBACK"


def test_every_field_sent_to_bapi_po_create1_is_flagged_in_its_x_structure() -> None:
    payload = {"document_type": "UB", "provincial_center": "0000800001",
               "items": [{"item_number": 10, "material": "M1", "unit": "ST",
                          "quantity": "2"}]}

    params = applications._purchase_order_parameters(entry(payload))

    assert set(params["POHEADERX"]) == set(params["POHEADER"])
    assert set(params["POHEADERX"].values()) == {"X"}
    assert "OUR_REF" in params["POHEADERX"]
    [item], [flags] = params["POITEM"], params["POITEMX"]
    assert flags == {"PO_ITEM": "00010", "PO_ITEMX": "X", "MATERIAL": "X", "PLANT": "X",
                     "QUANTITY": "X", "PO_UNIT": "X"}
    assert set(item) == set(flags) - {"PO_ITEMX"}


def test_the_x_structure_of_a_row_keeps_its_key_and_flags_the_rest() -> None:
    assert applications.change_flags({"PO_ITEM": "00020", "MATERIAL": "M1"},
                                      keys=("PO_ITEM",)) == \
        {"PO_ITEM": "00020", "PO_ITEMX": "X", "MATERIAL": "X"}


def test_the_fi_document_header_carries_the_logon_user() -> None:
    payload = {"settlement_number": "LF26100000800001", "total": "100.00",
               "month": "2026-10", "repairs": 2, "provincial_center": "0000800001",
               "currency": "CNY", "posting_date": "2026-11-10",
               "document_date": "2026-10-31"}

    header = settlement.posting_parameters(
        payload, settlement.logon_user(ScriptedSap()))["DOCUMENTHEADER"]

    assert header["USERNAME"] == "RFC_CRM"


def test_the_cleared_items_are_read_with_sap_s_module_and_both_dates() -> None:
    sap = ScriptedSap(BAPI_AR_ACC_GETBALANCEDITEMS={"LINEITEMS": [
        {"DOC_NO": "0100000001", "FISC_YEAR": "2026", "CLEAR_DATE": "20261120"}]})
    cleared_from = settlement._month_start([{"month": "2026-10"}, {"month": "2026-09"}])

    found = settlement.cleared_documents(sap, "0000800001", cleared_from)

    [(function, params)] = sap.calls
    assert function == "BAPI_AR_ACC_GETBALANCEDITEMS"
    assert (str(params["DATE_FROM"]), str(params["DATE_TO"])) == ("2026-09-01", "9999-12-31")
    assert list(found) == [("0100000001", "2026")]


def test_a_lock_message_among_the_errors_makes_a_lock_error() -> None:
    lock = {"TYPE": "E", "ID": "V1", "NUMBER": "042", "MESSAGE": "being processed"}
    other = {"TYPE": "E", "ID": "V1", "NUMBER": "007", "MESSAGE": "not valid"}
    goods = {"TYPE": "E", "ID": "M3", "NUMBER": "897", "MESSAGE": "plant data locked"}
    assert outbox.is_lock_error(BapiError("BAPI_X", bapi.messages({"RETURN": [lock, other]})))
    assert outbox.is_lock_error(BapiError("BAPI_X", bapi.messages({"RETURN": [goods]})))
    assert not outbox.is_lock_error(BapiError("BAPI_X", bapi.messages({"RETURN": [other]})))
    assert not outbox.is_lock_error(
        BapiError("BAPI_X", bapi.messages({"RETURN": [lock]})), frozenset())


class SessionedSap(ScriptedSap):
    """A scripted connection that tells its session: ``sessions`` after each call."""

    def __init__(self, sessions: list[str | None], **answers: Any) -> None:
        super().__init__(**answers)
        self.sessions = sessions
        self.session_id: str | None = None

    def call(self, function: str, **params: Any) -> dict[str, Any]:
        if self.sessions:
            self.session_id = self.sessions.pop(0)
        return super().call(function, **params)


def test_a_bapi_answered_without_a_session_is_not_committed() -> None:
    sap = SessionedSap([None], BAPI_X={"RETURN": [SUCCESS]})
    job = entry()

    with pytest.raises(SessionNotKept):
        outbox.create_in_unit(sap, job, "BAPI_X", {})

    assert sap.called() == ["BAPI_X"]
    assert "in_doubt_since" not in job.progress  # nothing was committed: not in doubt


def test_a_commit_answered_from_a_new_session_is_in_doubt() -> None:
    sap = SessionedSap(["S1", "S2"], BAPI_X={"RETURN": [SUCCESS]})
    job = entry()

    with pytest.raises(SessionLost):
        outbox.create_in_unit(sap, job, "BAPI_X", {})

    assert "in_doubt_since" in job.progress
