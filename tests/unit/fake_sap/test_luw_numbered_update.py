"""A write BAPI's number and its update task are kept together: drawn and registered in one
transaction, or (the session has ended meanwhile) neither."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fake_sap.db import numbers
from fake_sap.db.engine import Database
from fake_sap.db.rfc_schema import rfc_client_settings, rfc_sessions, rfc_update_tasks
from fake_sap.db.schema import number_ranges
from fake_sap.rfc import luw
from fake_sap.rfc.errors import SystemFailure

pytestmark = pytest.mark.unit

FIRST_ORDER = numbers.RANGE_STARTS["RV_BELEG"]
UPDATE = "RV_SALES_DOCUMENT_ADD"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'luw.db'}")
    for table in (number_ranges, rfc_client_settings, rfc_sessions, rfc_update_tasks):
        table.create(database.engine)
    with database.write() as conn:
        numbers.install(conn, "100")
    yield database
    database.dispose()


def payload(number: int) -> dict[str, Any]:
    return {"vbeln": f"{number:010d}"}


def test_the_number_and_the_task_that_carries_it_are_kept_together(db: Database) -> None:
    session = luw.open_session(db, "100", "DEVELOPER", None)

    number = luw.register_numbered_update(db, session, UPDATE, "RV_BELEG", payload, {UPDATE})

    assert number == FIRST_ORDER
    with db.read() as conn:
        [task] = luw.pending(conn, session.id)
        assert numbers.current(conn, "100", "RV_BELEG") == FIRST_ORDER + 1
    assert (task["function"], task["payload"]) == (UPDATE, {"vbeln": f"{FIRST_ORDER:010d}"})


def test_a_session_that_ended_keeps_neither_the_task_nor_the_number(db: Database) -> None:
    session = luw.open_session(db, "100", "DEVELOPER", None)
    with db.write() as conn:  # ended by another caller (idle timeout) after this call began
        conn.execute(rfc_sessions.delete())

    with pytest.raises(SystemFailure, match="session has ended"):
        luw.register_numbered_update(db, session, UPDATE, "RV_BELEG", payload, {UPDATE})

    with db.read() as conn:
        assert luw.pending(conn, session.id) == []
        assert numbers.current(conn, "100", "RV_BELEG") == FIRST_ORDER


def test_tasks_of_a_session_are_kept_in_the_order_they_were_registered(db: Database) -> None:
    session = luw.open_session(db, "100", "DEVELOPER", None)

    for _ in range(3):
        luw.register_numbered_update(db, session, UPDATE, "RV_BELEG", payload, {UPDATE})

    with db.read() as conn:
        tasks = luw.pending(conn, session.id)
    assert [t["counter"] for t in tasks] == [1, 2, 3]
    assert [t["payload"]["vbeln"] for t in tasks] == [
        f"{n:010d}" for n in range(FIRST_ORDER, FIRST_ORDER + 3)]
