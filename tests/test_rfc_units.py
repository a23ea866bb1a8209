"""Transactional RFC units against the real server, through the pyrfc-shaped client: a unit
is executed at most once per client, a resend answers its stored result, confirming forgets
the TID, a failed unit may be sent again, and the same TID sent from several processes at
once executes once (on the suite's database: SQLite, or PostgreSQL with
FAKE_SAP_TEST_DB_URL)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from typing import Any

import pytest
from rfc_client import RfcSession, parse_fault

from fake_sap.db.engine import Database
from fake_sap.rfc import units
from sap_client.errors import ABAPRuntimeError, RFCError
from sap_client.rfc import Connection
from sap_client.soap import build_unit_request

# internal numbering: every execution of this call draws a new material number, so a
# second execution would show as a second material
NEW_MATERIAL: dict[str, Any] = {
    "HEADDATA": {"IND_SECTOR": "M", "MATL_TYPE": "FERT", "BASIC_VIEW": "X"},
    "CLIENTDATA": {"BASE_UOM": "ST"}, "CLIENTDATAX": {"BASE_UOM": "X"},
    "MATERIALDESCRIPTION": [{"LANGU": "EN", "MATL_DESC": "Unit pump"}],
}


def connect(sap) -> Connection:
    user, password = sap.auth
    return Connection(url=sap.server.url, client=sap.number, user=user, passwd=password,
                      timeout=60)


@pytest.fixture
def conn(sap):
    connection = connect(sap)
    yield connection
    connection.close()


def materials(conn: Connection) -> list[str]:
    result = conn.call("RFC_READ_TABLE", QUERY_TABLE="MARA", FIELDS=[{"FIELDNAME": "MATNR"}])
    return [row["WA"].strip() for row in result["DATA"]]


def test_a_unit_is_executed_and_committed_and_answers_each_calls_result(conn):
    unit = conn.initialize_unit(background=False)
    assert set(unit) == {"background", "id", "queued"}
    assert len(unit["id"]) == 24 and unit["background"] is False

    done = conn.fill_and_submit_unit(unit, [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)])

    assert done is unit and done["state"] == "executed" and done["queued"] is False
    [result] = done["results"]
    assert result["RETURN"]["TYPE"] == "S"
    number = result["RETURN"]["MESSAGE_V1"]
    # committed by the unit itself: another session sees it without BAPI_TRANSACTION_COMMIT
    assert [m.lstrip("0") for m in materials(conn)] == [number.lstrip("0")]


def test_resending_an_executed_unit_answers_its_result_without_executing_it_again(sap, conn):
    unit = conn.initialize_unit(background=False)
    first = dict(conn.fill_and_submit_unit(unit, [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)]))
    conn.destroy_unit(unit)

    with connect(sap) as other:  # another connection, as after a lost answer
        again = other.fill_and_submit_unit(dict(unit), [("BAPI_MATERIAL_SAVEDATA",
                                                         NEW_MATERIAL)])

    assert again["state"] == "executed"
    assert again["results"] == first["results"]
    assert len(materials(conn)) == 1


def test_the_calls_of_a_unit_are_committed_together(conn):
    unit = conn.initialize_unit(background=False)
    calls = [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL), ("BAPI_MATERIAL_SAVEDATA", {
        **NEW_MATERIAL, "MATERIALDESCRIPTION": [{"LANGU": "EN", "MATL_DESC": "Second"}]})]

    done = conn.fill_and_submit_unit(unit, calls)

    assert [r["RETURN"]["TYPE"] for r in done["results"]] == ["S", "S"]
    assert len(materials(conn)) == 2


def test_a_unit_that_fails_writes_nothing_and_may_be_sent_again(sap, conn):
    sap.add_fault("BAPI_TRANSACTION_COMMIT", "SYSTEM_FAILURE", times=1)
    unit = conn.initialize_unit(background=False)

    with pytest.raises(ABAPRuntimeError):
        conn.fill_and_submit_unit(unit, [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)])
    assert materials(conn) == []

    done = conn.fill_and_submit_unit(unit, [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)])
    assert done["state"] == "executed"
    assert len(materials(conn)) == 1


def test_a_background_unit_reports_its_state_and_confirming_forgets_it(conn):
    unit = conn.initialize_unit()
    assert unit["background"] is True and len(unit["id"]) == 32

    conn.fill_and_submit_unit(unit, [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)])
    assert conn.get_unit_state(unit) == "RFC_UNIT_COMMITTED"

    conn.confirm_unit(unit)
    assert conn.get_unit_state(unit) == "RFC_UNIT_CONFIRMED"
    assert conn.get_unit_state({**unit, "confirmed": False}) == "RFC_UNIT_NOT_FOUND"


def test_a_resend_while_the_unit_runs_answers_executing_and_does_not_execute_it(sap, conn):
    sap.add_fault("BAPI_TRANSACTION_COMMIT", "timeout", times=1, seconds=3)
    unit = conn.initialize_unit()
    first: dict[str, Any] = {}
    runner = threading.Thread(target=lambda: first.update(conn.fill_and_submit_unit(
        dict(unit), [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)])))
    runner.start()
    with connect(sap) as other:
        _wait_until(lambda: sap.faults()[0]["remaining"] == 0)
        assert other.get_unit_state(unit) == "RFC_UNIT_IN_PROCESS"
        resent = other.fill_and_submit_unit(dict(unit), [("BAPI_MATERIAL_SAVEDATA",
                                                           NEW_MATERIAL)])
        assert resent["state"] == "executing" and "results" not in resent
    runner.join()
    assert first["state"] == "executed"
    assert len(materials(conn)) == 1


def test_only_one_unit_may_be_active_on_a_connection_as_in_pyrfc(conn):
    first = conn.initialize_unit(background=False)
    conn.fill_and_submit_unit(first, [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL)])
    with pytest.raises(RFCError, match="active unit"):
        conn.fill_and_submit_unit(conn.initialize_unit(background=False),
                                  [("RFC_PING", {})])
    with pytest.raises(RFCError, match="non-bgRFC"):
        conn.get_unit_state(first)
    conn.confirm_unit(first)
    conn.fill_and_submit_unit(conn.initialize_unit(background=False), [("RFC_PING", {})])


_SENDER = """
import json, sys
from sap_client.rfc import Connection
url, client, user, password, unit, call = sys.argv[1:7]
with Connection(url=url, client=client, user=user, passwd=password, timeout=60) as conn:
    done = conn.fill_and_submit_unit(json.loads(unit), [json.loads(call)])
print(done["state"])
"""


def test_the_same_unit_sent_from_several_processes_at_once_executes_once(sap, conn):
    # the commit is held so that every sender arrives while the first one still runs
    sap.add_fault("BAPI_TRANSACTION_COMMIT", "timeout", times=None, seconds=1)
    unit = conn.initialize_unit(background=False)
    user, password = sap.auth
    args = [sys.executable, "-c", _SENDER, sap.server.url, sap.number, user, password,
            json.dumps(unit), json.dumps(["BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL])]
    senders = [subprocess.Popen(args, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    states = [sender.communicate(timeout=120)[0].strip() for sender in senders]

    assert all(sender.returncode == 0 for sender in senders)
    assert "executed" in states
    assert set(states) <= {"executed", "executing"}
    assert len(materials(conn)) == 1


def _wait_until(condition, seconds: float = 20.0) -> None:
    stop = threading.Event()
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        stop.wait(0.05)
    raise AssertionError("condition not reached")


# --- the TID table itself: a crash between claim and commit ------------------------------------

@pytest.fixture
def tid_table(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'units.db'}")
    db.create_schema()
    yield db
    db.dispose()


def test_a_unit_whose_executing_process_died_can_be_sent_again_after_its_lease(tid_table):
    tid, now = "0A1B2C3D4E5F60718293A4B5", 1_000_000.0
    first = units.claim(tid_table, "100", tid, "RFC_CRM", "BAPI_PO_CREATE1", now)
    assert first.ours
    # the process dies here: no finish, no release

    assert not units.claim(tid_table, "100", tid, "RFC_CRM", "BAPI_PO_CREATE1", now + 1).ours
    takeover = units.claim(tid_table, "100", tid, "RFC_CRM", "BAPI_PO_CREATE1",
                           now + units.LEASE_SECONDS + 1)
    assert takeover.ours and takeover.owner != first.owner

    # the first execution cannot commit any more: its claim was taken over
    with pytest.raises(units.LostClaim), tid_table.write() as conn:
        units.finish(conn, "100", tid, first.owner, b"<answer/>")
    with tid_table.write() as conn:
        units.finish(conn, "100", tid, takeover.owner, b"<answer/>")
    again = units.claim(tid_table, "100", tid, "RFC_CRM", "BAPI_PO_CREATE1", now + 10_000)
    assert (again.ours, again.state, again.answer) == (False, "executed", b"<answer/>")
    assert units.state(tid_table, "200", tid) == "not_found"  # per client


def test_a_unit_posted_to_the_plain_soap_path_is_refused_and_runs_nothing(sap, conn):
    body = build_unit_request("0A1B2C3D4E5F60718293A4B5", False,
                              [("BAPI_MATERIAL_SAVEDATA", NEW_MATERIAL, None)])
    session = RfcSession(sap)
    try:
        answer = session.post(body)
    finally:
        session.close()

    fault = parse_fault(answer)
    assert answer.status_code == 500
    assert fault.name == "UNIT_NOT_ON_PLAIN_PATH"
    assert units.UNIT_PATH in fault.text
    assert materials(conn) == []
