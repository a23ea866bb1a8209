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
