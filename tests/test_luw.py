"""The SAP LUW over SOAP-RFC: write BAPIs change nothing until BAPI_TRANSACTION_COMMIT in
the same session (the SAP_SESSIONID cookie); rollback, other sessions, idle timeouts and
the per-client "commit every call" switch."""

from __future__ import annotations

import threading

import pytest
from rfc_client import RfcSession, read_table, save_material

MARA_KEYS = ["MATNR", "MTART"]


@pytest.fixture
def session_a(sap):
    session = RfcSession(sap)
    yield session
    session.close()


@pytest.fixture
def session_b(sap):
    session = RfcSession(sap)
    yield session
    session.close()


def set_rfc_switches(sap, **switches) -> None:
    with sap.http() as http:
        response = http.patch(f"/_fake/clients/{sap.number}/rfc", json=switches)
    assert response.status_code == 200, response.text


def materials(session: RfcSession) -> list[str]:
    return read_table(session, "MARA", fields=["MATNR"])


def stay_idle(seconds: float) -> None:
    """Idle without calling: any call would count as use and keep the session alive."""
    threading.Event().wait(seconds)


def test_the_first_call_issues_a_session_cookie_that_later_calls_keep(session_a):
    session_a.call("RFC_PING")
    first = session_a.session_id
    assert first
    response = session_a.post_call("RFC_PING")
    assert session_a.cookie_name not in response.cookies
    assert session_a.session_id == first


def test_savedata_then_commit_in_the_same_session_is_visible(session_a, session_b):
    save_material(session_a, "4711")
    result = session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert result["RETURN"]["TYPE"] == ""
    assert materials(session_b) == ["000000000000004711"]


def test_savedata_without_commit_is_invisible_to_read_table_and_other_sessions(
        session_a, session_b):
    save_material(session_a, "4711")
    assert materials(session_a) == []
    assert materials(session_b) == []
    detail = session_b.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")
    assert detail["RETURN"]["TYPE"] == "E"


def test_a_commit_in_another_session_does_not_commit_my_work(session_a, session_b):
    save_material(session_a, "4711")
    session_b.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert materials(session_b) == []
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert materials(session_b) == ["000000000000004711"]


def test_a_commit_without_the_session_cookie_commits_nothing(sap, session_a):
    save_material(session_a, "4711")
    stateless = RfcSession(sap)
    stateless.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    stateless.close()
    assert materials(session_a) == []


def test_savedata_then_rollback_is_not_visible(session_a):
    save_material(session_a, "4711")
    assert session_a.call("BAPI_TRANSACTION_ROLLBACK")["RETURN"]["TYPE"] == ""
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert materials(session_a) == []


def test_a_rolled_back_internal_number_is_not_given_again(session_a):
    first = save_material(session_a)["RETURN"]["MESSAGE_V1"]
    session_a.call("BAPI_TRANSACTION_ROLLBACK")
    second = save_material(session_a)["RETURN"]["MESSAGE_V1"]
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert int(second) == int(first) + 1  # the rolled-back number stays a gap
    assert materials(session_a) == [f"{int(second):018d}"]


def test_the_update_tasks_of_a_session_run_in_order(session_a, session_b):
    save_material(session_a, "4711", CLIENTDATA={"BASE_UOM": "ST", "MATL_GROUP": "FIRST"},
                  CLIENTDATAX={"BASE_UOM": "X", "MATL_GROUP": "X"})
    save_material(session_a, "4711", CLIENTDATA={"BASE_UOM": "ST", "MATL_GROUP": "SECOND"},
                  CLIENTDATAX={"BASE_UOM": "X", "MATL_GROUP": "X"})
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert read_table(session_b, "MARA", fields=["MATKL"]) == ["SECOND"]


def test_one_commit_writes_the_work_of_several_bapis(session_a, session_b):
    save_material(session_a, "4711")
    save_material(session_a, "4712")
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert materials(session_b) == ["000000000000004711", "000000000000004712"]


def test_a_failed_savedata_registers_nothing(session_a):
    save_material(session_a, "4711", material_type="ZZZZ")
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert materials(session_a) == []


def test_with_commit_every_call_each_call_commits_its_own_work(sap, session_a, session_b):
    set_rfc_switches(sap, commit_every_call=True)
    save_material(session_a, "4711")
    assert materials(session_b) == ["000000000000004711"]


def test_commit_every_call_still_accepts_an_explicit_commit(sap, session_a):
    set_rfc_switches(sap, commit_every_call=True)
    save_material(session_a, "4711")
    result = session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert result["RETURN"]["TYPE"] == ""
    assert materials(session_a) == ["000000000000004711"]


def test_a_session_that_idles_past_its_timeout_loses_its_uncommitted_work(sap, session_a):
    set_rfc_switches(sap, session_timeout_seconds=1)
    save_material(session_a, "4711")
    old_id = session_a.session_id
    stay_idle(1.5)
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert session_a.session_id != old_id  # the server ended the session and began a new one
    assert materials(session_a) == []


def test_a_switch_changed_while_a_session_runs_applies_to_its_next_call(
        sap, session_a, session_b):
    save_material(session_a, "4711")  # the session is known to the server now
    set_rfc_switches(sap, commit_every_call=True)
    save_material(session_a, "4712")  # commits the session's work, the first one's too
    assert materials(session_b) == ["000000000000004711", "000000000000004712"]


def test_a_client_reset_ends_the_sessions_of_the_client(sap, session_a):
    save_material(session_a, "4711")
    old_id = session_a.session_id
    with sap.http() as http:
        assert http.post(f"/_fake/clients/{sap.number}/reset").status_code == 200
    session_a.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert session_a.session_id != old_id
    assert materials(session_a) == []
