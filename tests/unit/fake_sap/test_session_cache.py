"""A process opens a session it knows to be alive without reading it, and reads it again
whenever that is not certain: another state version, a session idle past the timeout, another
user or client, or a session it has never seen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from fake_sap.db import state_version
from fake_sap.db.engine import Database
from fake_sap.db.rfc_schema import rfc_client_settings, rfc_sessions, rfc_update_tasks
from fake_sap.rfc import luw
from fake_sap.rfc.luw import RfcSettings, SessionCache

pytestmark = pytest.mark.unit

VERSION = 7
NOW = 1_000_000.0


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sessions.db'}")
    for table in (rfc_client_settings, rfc_sessions, rfc_update_tasks, state_version.state_version):
        table.create(database.engine)
    yield database
    database.dispose()


def statements(db: Database) -> list[str]:
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if not statement.startswith("BEGIN"):
            seen.append(statement)
    event.listen(db.engine, "before_cursor_execute", count)
    return seen


def test_a_known_live_session_is_opened_without_a_statement(db: Database) -> None:
    known = SessionCache()
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    seen = statements(db)

    again = luw.open_session(db, "100", "DEVELOPER", first.id, NOW + 0.5, known=known,
                             version=VERSION)

    assert (again.id, again.is_new, again.settings) == (first.id, False, RfcSettings())
    assert seen == []


def test_a_later_use_is_still_written_at_most_once_a_second(db: Database) -> None:
    known = SessionCache()
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)

    luw.open_session(db, "100", "DEVELOPER", first.id, NOW + 2, known=known, version=VERSION)

    with db.read() as conn:
        assert conn.execute(rfc_sessions.select()).mappings().one()["last_used"] == NOW + 2


@pytest.mark.parametrize("version, user, mandt, later", [
    (VERSION + 1, "DEVELOPER", "100", 0.5),  # something changed: read again
    (None, "DEVELOPER", "100", 0.5),  # no version row: nothing is kept
    (VERSION, "OTHER", "100", 0.5),  # another user's cookie
    (VERSION, "DEVELOPER", "200", 0.5),  # another client's cookie
    (VERSION, "DEVELOPER", "100", 1800.5),  # idle past the timeout, as far as we know
])
def test_a_session_is_read_when_it_is_not_certainly_alive(
        db: Database, version: int | None, user: str, mandt: str, later: float) -> None:
    known = SessionCache()
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    seen = statements(db)

    luw.open_session(db, mandt, user, first.id, NOW + later, known=known, version=version)

    assert any("rfc_sessions" in text for text in seen)


def test_a_session_idle_past_the_timeout_ends_with_its_work_as_before(db: Database) -> None:
    known = SessionCache()
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    luw.register_update(db, first, "UPDATE", {}, {"UPDATE"})

    again = luw.open_session(db, "100", "DEVELOPER", first.id, NOW + 1801, known=known,
                             version=VERSION)

    assert again.is_new and again.id != first.id
    with db.read() as conn:
        assert luw.pending(conn, first.id) == []


def test_the_oldest_sessions_are_dropped_beyond_the_limit(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setattr(SessionCache, "MAX_SESSIONS", 2)
    known = SessionCache()
    for number in range(3):
        known.remember(VERSION, "100", RfcSettings(), f"S{number}", "DEVELOPER", NOW)

    assert known.alive(VERSION, "100", "DEVELOPER", "S0", NOW) is None
    assert known.alive(VERSION, "100", "DEVELOPER", "S2", NOW) == (RfcSettings(), NOW)


# --- what is derived from the client's state (customizing) -----------------------------------

def test_a_value_of_the_client_state_is_loaded_once_per_version_and_client() -> None:
    cache = SessionCache()
    loads: list[str] = []

    def load(value: str) -> str:
        loads.append(value)
        return value

    assert cache.derived(VERSION, "100", "keys", lambda: load("a")) == "a"
    assert cache.derived(VERSION, "100", "keys", lambda: load("b")) == "a"
    assert cache.derived(VERSION, "200", "keys", lambda: load("c")) == "c"
    # a new state version (a client created, reset or deleted): loaded again
    assert cache.derived(VERSION + 1, "100", "keys", lambda: load("d")) == "d"
    assert cache.derived(VERSION + 1, "200", "keys", lambda: load("e")) == "e"
    # without a version nothing is kept
    assert cache.derived(None, "100", "keys", lambda: load("f")) == "f"
    assert loads == ["a", "c", "d", "e", "f"]


def test_a_new_version_drops_the_known_sessions_and_the_derived_values_together() -> None:
    cache = SessionCache()
    cache.remember(VERSION, "100", RfcSettings(), "s1", "USER", NOW)
    cache.derived(VERSION, "100", "keys", lambda: "old")

    cache.remember(VERSION + 1, "100", RfcSettings(), "s2", "USER", NOW)

    assert cache.alive(VERSION + 1, "100", "USER", "s1", NOW) is None
    assert cache.derived(VERSION + 1, "100", "keys", lambda: "new") == "new"
