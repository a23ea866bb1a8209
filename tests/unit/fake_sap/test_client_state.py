"""The per-process copy of each client's logon state, business date and faults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from fake_sap import clock
from fake_sap.basis import business_date, faults
from fake_sap.basis import clients as client_admin
from fake_sap.basis.client_state import ClientState, ClientStates
from fake_sap.basis.faults import Fault, FaultRule
from fake_sap.db.engine import Database

pytestmark = pytest.mark.unit


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    client_admin.create(database, "100", "first")
    yield database
    database.dispose()


def driver_statements_of(db: Database, action) -> list[str]:  # type: ignore[no-untyped-def]
    """The SQL ``action`` sends to SQLite, as SQLite's trace reports it (statements run on
    a driver connection as well as SQLAlchemy's)."""
    statements: list[str] = []
    db.engine.dispose()  # new connections, each traced from the start

    def traced(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.set_trace_callback(statements.append)

    event.listen(db.engine, "connect", traced)
    try:
        action()
    finally:
        event.remove(db.engine, "connect", traced)
    return statements


def test_an_unchanged_state_costs_the_version_read_only(db: Database) -> None:
    states = ClientStates(db)
    states.get("100")

    statements = driver_statements_of(db, lambda: states.get("100"))

    assert statements == ["SELECT version FROM state_version WHERE id = 1"]


def test_a_change_made_elsewhere_is_seen_by_the_next_read(db: Database) -> None:
    here, elsewhere = ClientStates(db), ClientStates(db)
    first = elsewhere.get("100")
    target_day = clock.system_now().date() + timedelta(days=3)

    business_date.set_today(db, "100", target_day)
    dated = elsewhere.get("100")
    fault = faults.inject(db, "100", FaultRule("RFC_PING", "SYSTEM_FAILURE", 1, None))
    faulty = elsewhere.get("100")
    client_admin.delete(db, "100")

    assert (first.exists, first.offset_days, first.faults) == (True, 0, ())
    assert dated.offset_days == 3
    assert faulty.faults == (fault,)
    assert elsewhere.get("100").exists is False
    assert here.get("100") == elsewhere.get("100")


def test_a_fault_that_has_fired_its_last_time_is_forgotten(db: Database) -> None:
    states = ClientStates(db)
    faults.inject(db, "100", FaultRule("RFC_PING", "SYSTEM_FAILURE", 1, None))
    assert states.get("100").may_fault("RFC_PING")

    assert faults.take(db, "100", "RFC_PING") is not None

    assert states.get("100").faults == ()


def test_a_fault_for_everything_may_fire_on_any_target() -> None:
    state = ClientState("100", exists=True, faults=(
        Fault(1, "*", "SYSTEM_FAILURE", None, None),))
    only_ping = ClientState("100", exists=True, faults=(
        Fault(1, "RFC_PING", "SYSTEM_FAILURE", None, None),))

    assert state.may_fault("IDOC_XML") and state.may_fault("RFC_PING")
    assert only_ping.may_fault("RFC_PING") and not only_ping.may_fault("IDOC_XML")
