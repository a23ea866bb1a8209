"""A new SAP session costs one transaction: its row is written with the session's first
write (an update task, a commit, or the call's log row), and a process ends a client's idle
sessions at most once a second, except that a caller's own idle session always ends with its
work when it is used."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Connection, event, text

from fake_sap.app import create_app, prepare_database
from fake_sap.config import Settings
from fake_sap.db import state_version
from fake_sap.db.engine import Database
from fake_sap.db.rfc_schema import rfc_client_settings, rfc_sessions, rfc_update_tasks
from fake_sap.rfc import luw
from fake_sap.rfc.luw import SessionCache
from fake_sap.testing.process import DEFAULT_PASSWORD, DEFAULT_USER

pytestmark = pytest.mark.unit

VERSION = 7
NOW = 1_000_000.0
TIMEOUT = 1800


def _create(url: str) -> Database:
    database = Database(url)
    for table in (rfc_client_settings, rfc_sessions, rfc_update_tasks, state_version.state_version):
        table.create(database.engine)
    return database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = _create(f"sqlite:///{tmp_path / 'sessions.db'}")
    yield database
    database.dispose()


def statements(db: Database) -> list[str]:
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        seen.append(statement)
    event.listen(db.engine, "before_cursor_execute", count)
    return seen


def stored_sessions(db: Database) -> list[str]:
    with db.read() as conn:
        return [row.session_id for row in conn.execute(rfc_sessions.select())]


def test_a_session_stored_later_is_written_with_the_first_write_in_one_transaction(
        db: Database) -> None:
    known = SessionCache()
    seen = statements(db)
    session = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known,
                               version=VERSION, store_later=True)
    assert session.is_new and not session.stored
    assert stored_sessions(db) == []
    written: list[Connection] = []

    assert luw.store_new_session(db, session, finish=written.append)

    assert session.stored and stored_sessions(db) == [session.id]
    assert len(written) == 1
    assert [s for s in seen if s.startswith("INSERT INTO rfc_sessions")] != []
    # the process knows the session now: its next call reads nothing
    seen.clear()
    again = luw.open_session(db, "100", "DEVELOPER", session.id, NOW + 0.5, known=known,
                             version=VERSION)
    assert (again.id, again.is_new) == (session.id, False)
    assert seen == []


def test_an_update_task_stores_its_new_session_in_its_own_transaction(db: Database) -> None:
    session = luw.open_session(db, "100", "DEVELOPER", None, NOW, store_later=True)

    luw.register_update(db, session, "UPDATE", {"n": 1}, {"UPDATE"})

    assert session.stored and stored_sessions(db) == [session.id]
    with db.read() as conn:
        assert [task["payload"] for task in luw.pending(conn, session.id)] == [{"n": 1}]
    assert luw.store_new_session(db, session)  # nothing left to write


def test_a_session_not_stored_has_nothing_to_roll_back(db: Database) -> None:
    session = luw.open_session(db, "100", "DEVELOPER", None, NOW, store_later=True)
    seen = statements(db)

    assert luw.rollback(db, session) == 0
    assert seen == []


def test_a_new_session_without_store_later_is_written_at_once(db: Database) -> None:
    session = luw.open_session(db, "100", "DEVELOPER", None, NOW)

    assert session.stored and stored_sessions(db) == [session.id]


def test_idle_sessions_are_ended_at_most_once_a_second_per_process(db: Database) -> None:
    known = SessionCache()
    luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    seen = statements(db)

    luw.open_session(db, "100", "DEVELOPER", None, NOW + 0.5, known=known, version=VERSION)
    assert [s for s in seen if s.startswith("DELETE")] == []

    luw.open_session(db, "200", "DEVELOPER", None, NOW + 0.6, known=known, version=VERSION)
    assert [s for s in seen if s.startswith("DELETE")] != []  # another client: its own sweep

    seen.clear()
    luw.open_session(db, "100", "DEVELOPER", None, NOW + 1.5, known=known, version=VERSION)
    assert [s for s in seen if s.startswith("DELETE")] != []


def test_a_callers_idle_session_ends_with_its_work_even_between_sweeps(db: Database) -> None:
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW)
    luw.register_update(db, first, "UPDATE", {}, {"UPDATE"})
    other_process = SessionCache()
    assert other_process.sweep_due("100", NOW + TIMEOUT + 1)  # swept just now

    again = luw.open_session(db, "100", "DEVELOPER", first.id, NOW + TIMEOUT + 1.5,
                             known=other_process, version=VERSION)

    assert again.is_new and again.id != first.id
    with db.read() as conn:
        assert luw.pending(conn, first.id) == []
    assert first.id not in stored_sessions(db)


def test_an_idle_session_skipped_by_the_sweep_is_still_ended_for_its_caller(
        db: Database) -> None:
    known = SessionCache()
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    luw.register_update(db, first, "UPDATE", {}, {"UPDATE"})
    # a logon just before the timeout takes the sweep; the next one skips it
    luw.open_session(db, "100", "DEVELOPER", None, NOW + TIMEOUT - 0.1, known=known,
                     version=VERSION)
    luw.open_session(db, "100", "DEVELOPER", None, NOW + TIMEOUT + 0.5, known=known,
                     version=VERSION)
    assert first.id in stored_sessions(db)  # not swept yet

    again = luw.open_session(db, "100", "DEVELOPER", first.id, NOW + TIMEOUT + 0.6,
                             known=known, version=VERSION)

    assert again.is_new and again.id != first.id
    with db.read() as conn:
        assert luw.pending(conn, first.id) == []


def test_a_read_only_database_leaves_the_new_session_unstored(tmp_path: Path) -> None:
    _create(f"sqlite:///{tmp_path / 'ro.db'}").dispose()
    db = Database(f"sqlite:///file:{tmp_path / 'ro.db'}?mode=ro&uri=true")
    try:
        session = luw.open_session(db, "100", "DEVELOPER", None, NOW, store_later=True)
        assert not luw.store_new_session(
            db, session, finish=lambda conn: conn.execute(text("SELECT 1")))
        assert not session.stored and session.is_new
        immediate = luw.open_session(db, "100", "DEVELOPER", None, NOW)
        assert immediate.is_new and not immediate.stored
    finally:
        db.dispose()


def test_a_logon_on_a_read_only_database_answers_with_an_unstored_session(
        tmp_path: Path) -> None:
    # in process: `fake-sap serve` itself does not start on a read-only database yet
    path = tmp_path / "sap.db"
    settings = replace(Settings(), db_url=f"sqlite:///{path}", default_client="100",
                       dispatcher=False)
    prepare_database(settings)
    app = create_app(replace(settings, db_url=f"sqlite:///file:{path}?mode=ro&uri=true"))
    envelope = (b'<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">'
                b'<env:Body><n1:RFC_PING xmlns:n1="urn:sap-com:document:sap:rfc:functions"/>'
                b"</env:Body></env:Envelope>")

    response = app.test_client().post("/sap/bc/soap/rfc?sap-client=100", data=envelope,
                                      auth=(DEFAULT_USER, DEFAULT_PASSWORD),
                                      content_type="text/xml; charset=utf-8")

    assert response.status_code == 200, response.get_data(as_text=True)
    assert "SAP_SESSIONID_FAK_100=" in response.headers["Set-Cookie"]
