"""The console's log of recent SOAP-RFC calls, seen through a running fake-sap: a call that
commits the SAP LUW is logged once (in the commit's own database transaction), with what it
returned, whether the commit came from BAPI_TRANSACTION_COMMIT or from the client's
commit-every-call switch."""

from __future__ import annotations

import pytest
from lxml import html
from rfc_client import RfcSession, save_material


@pytest.fixture
def session(sap):
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def logged_calls(sap) -> list[tuple[str, str]]:
    """(function, RETURN column) of the console's recent calls, newest first."""
    with sap.http() as http:
        response = http.get("/_fake/ui/", params={"sap-client": sap.number})
    assert response.status_code == 200, response.text
    rows = html.fromstring(response.text).xpath('//table[@id="rfc-calls"]/tbody/tr')
    return [(row.xpath("string(td[2])").strip(),
             " ".join(row.xpath("string(td[@class='return'])").split())) for row in rows]


def test_a_commit_is_logged_once_after_the_bapi_it_commits(sap, session):
    save_material(session, "4711")
    assert session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    calls = logged_calls(sap)
    assert [function for function, _ in calls] == ["BAPI_TRANSACTION_COMMIT",
                                                   "BAPI_MATERIAL_SAVEDATA"]
    assert calls[0][1] == ""
    assert calls[1][1].startswith("S ")


def test_a_commit_with_nothing_to_commit_is_logged_once(sap, session):
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert logged_calls(sap) == [("BAPI_TRANSACTION_COMMIT", "")] * 2


def test_a_call_committed_by_the_commit_every_call_switch_is_logged_once(sap, session):
    with sap.http() as http:
        response = http.patch(f"/_fake/clients/{sap.number}/rfc",
                              json={"commit_every_call": True})
    assert response.status_code == 200, response.text
    save_material(session, "4712")
    [(function, returned)] = logged_calls(sap)
    assert function == "BAPI_MATERIAL_SAVEDATA"
    assert returned.startswith("S ")


def test_an_order_bapi_is_logged_once_with_the_messages_it_returned(sap, session):
    """The order BAPI writes its log row in the transaction that registers its update task;
    the row says what the call returned (S V4 233 per item and S V1 311), and the commit
    after it is logged on its own."""
    loaded = sap.seed(materials=1, customers=3, initial_stock="100")
    created = session.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00"},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": loaded["outlets"][0]}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": loaded["materials"][0]}],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": "10", "REQ_QTY": "2"}])
    assert created["SALESDOCUMENT"]
    assert session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    calls = logged_calls(sap)
    assert [function for function, _ in calls] == ["BAPI_TRANSACTION_COMMIT",
                                                   "BAPI_SALESORDER_CREATEFROMDAT2"]
    order_messages = calls[1][1]
    assert created["SALESDOCUMENT"].lstrip("0") in order_messages
    assert order_messages.count("S ") == len(created["RETURN"])


def test_an_order_bapi_committed_by_the_switch_is_logged_once(sap, session):
    loaded = sap.seed(materials=1, customers=3, initial_stock="100")
    with sap.http() as http:
        response = http.patch(f"/_fake/clients/{sap.number}/rfc",
                              json={"commit_every_call": True})
    assert response.status_code == 200, response.text
    created = session.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00"},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": loaded["outlets"][0]}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": loaded["materials"][0]}],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": "10", "REQ_QTY": "2"}])
    [(function, returned)] = logged_calls(sap)
    assert function == "BAPI_SALESORDER_CREATEFROMDAT2"
    assert created["SALESDOCUMENT"].lstrip("0") in returned
