"""A new SAP session through a running fake-sap: its row is written with the call's first
write (for a logon by RFC_PING, together with the call's log row), and whatever the first
call does, the session its cookie names is kept for the calls after it."""

from __future__ import annotations

import pytest
from rfc_client import RfcSession, read_table, save_material
from test_call_log_luw import logged_calls


@pytest.fixture
def session(sap):
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def test_a_logon_is_logged_and_its_session_carries_the_work_after_it(sap, session):
    session.call("RFC_PING")
    first = session.session_id
    assert first
    assert logged_calls(sap) == [("RFC_PING", "")]

    save_material(session, "4711")
    assert session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""

    assert session.session_id == first
    assert read_table(session, "MARA", fields=["MATNR"]) == ["000000000000004711"]


def test_a_first_call_that_fails_keeps_the_session_it_began(sap, session):
    fault = session.fault("RFC_READ_TABLE", QUERY_TABLE="ZZ_NO_SUCH_TABLE")
    assert fault.code
    first = session.session_id
    assert first

    response = session.post_call("RFC_PING")

    assert response.status_code == 200
    assert session.cookie_name not in response.cookies
    assert session.session_id == first
    assert [function for function, _ in logged_calls(sap)] == ["RFC_PING", "RFC_READ_TABLE"]


def test_a_logon_of_a_stateless_client_issues_no_cookie_and_is_logged(sap, session):
    with sap.http() as http:
        assert http.patch(f"/_fake/clients/{sap.number}/rfc",
                          json={"stateless": True}).status_code == 200

    response = session.post_call("RFC_PING")

    assert response.status_code == 200
    assert session.cookie_name not in response.cookies
    assert logged_calls(sap) == [("RFC_PING", "")]
