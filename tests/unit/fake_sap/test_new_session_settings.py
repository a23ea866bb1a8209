"""A caller without a session (a new connection's logon) gets a new session without a read
when the process knows the client's switches at the current state version; at another
version, or without that knowledge, the switches are read as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, insert

from fake_sap.db import state_version
from fake_sap.db.engine import Database
from fake_sap.db.rfc_schema import rfc_client_settings, rfc_sessions, rfc_update_tasks
from fake_sap.rfc import luw
from fake_sap.rfc.luw import RfcSettings, SessionCache

pytestmark = pytest.mark.unit

VERSION = 3
NOW = 2_000_000.0


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sessions.db'}")
    for table in (rfc_client_settings, rfc_sessions, rfc_update_tasks, state_version.state_version):
        table.create(database.engine)
    with database.write() as conn:
        conn.execute(insert(rfc_client_settings).values(
            mandt="100", commit_every_call=True, session_timeout_seconds=60))
    yield database
    database.dispose()


def selects(db: Database) -> list[str]:
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)
    event.listen(db.engine, "before_cursor_execute", count)
    return seen


def test_a_second_new_session_at_the_same_version_reads_nothing(db: Database) -> None:
    known = SessionCache()
    first = luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    seen = selects(db)

    second = luw.open_session(db, "100", "DEVELOPER", None, NOW + 1, known=known,
                              version=VERSION)

    assert second.is_new and second.id != first.id
    assert second.settings == first.settings == RfcSettings(True, 60)
    assert [s for s in seen if "rfc_client_settings" in s] == []


def test_a_new_session_at_another_version_reads_the_switches(db: Database) -> None:
    known = SessionCache()
    luw.open_session(db, "100", "DEVELOPER", None, NOW, known=known, version=VERSION)
    with db.write() as conn:
        conn.execute(rfc_client_settings.update().values(session_timeout_seconds=90))
    seen = selects(db)

    later = luw.open_session(db, "100", "DEVELOPER", None, NOW + 1, known=known,
                             version=VERSION + 1)

    assert later.settings == RfcSettings(True, 90)
    assert [s for s in seen if "rfc_client_settings" in s] != []


def test_without_a_cache_every_new_session_reads_the_switches(db: Database) -> None:
    luw.open_session(db, "100", "DEVELOPER", None, NOW)
    seen = selects(db)

    luw.open_session(db, "100", "DEVELOPER", None, NOW + 1)

    assert [s for s in seen if "rfc_client_settings" in s] != []
