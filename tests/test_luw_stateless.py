"""A SOAP-RFC service that keeps no session (the client switch ``stateless``): no session
cookie, each call is a session of its own and its uncommitted work ends with it, so a
BAPI_TRANSACTION_COMMIT in a later call commits nothing and still answers success."""

from __future__ import annotations

import pytest
from rfc_client import RfcSession, read_table, save_material


@pytest.fixture
def session_a(sap):
    session = RfcSession(sap)
    yield session
    session.close()


def set_rfc_switches(sap, **switches) -> dict:
    with sap.http() as http:
        response = http.patch(f"/_fake/clients/{sap.number}/rfc", json=switches)
    assert response.status_code == 200, response.text
    return response.json()


def materials(session: RfcSession) -> list[str]:
    return read_table(session, "MARA", fields=["MATNR"])


def test_the_switch_is_off_by_default_and_shown_while_on(sap):
    with sap.http() as http:
        assert "stateless" not in http.get(f"/_fake/clients/{sap.number}/rfc").json()
    assert set_rfc_switches(sap, stateless=True) == {
        "client": sap.number, "commit_every_call": False, "session_timeout_seconds": 1800,
        "stateless": True}
    assert "stateless" not in set_rfc_switches(sap, stateless=False)


def test_a_stateless_service_sets_no_session_cookie(sap, session_a):
    set_rfc_switches(sap, stateless=True)
    response = session_a.post_call("RFC_PING")
    assert response.status_code == 200
    assert "set-cookie" not in response.headers
    assert session_a.session_id is None


def test_without_a_session_the_commit_commits_nothing_and_answers_success(sap, session_a):
    set_rfc_switches(sap, stateless=True)
    save_material(session_a, "4711")
    result = session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert result["RETURN"]["TYPE"] == ""  # success: there was nothing to commit
    assert materials(session_a) == []


def test_a_cookie_from_before_the_switch_keeps_no_work_either(sap, session_a):
    session_a.call("RFC_PING")
    assert session_a.session_id is not None
    set_rfc_switches(sap, stateless=True)
    save_material(session_a, "4711")
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert materials(session_a) == []


def test_a_stateless_service_that_commits_every_call_keeps_the_work(sap, session_a):
    set_rfc_switches(sap, stateless=True, commit_every_call=True)
    save_material(session_a, "4711")
    assert materials(session_a) == ["000000000000004711"]


def test_the_switch_takes_only_true_or_false(sap):
    with sap.http() as http:
        response = http.patch(f"/_fake/clients/{sap.number}/rfc", json={"stateless": "yes"})
    assert response.status_code == 400
