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


def statements_of(db: Database, action) -> int:  # type: ignore[no-untyped-def]
    """The SQL statements ``action`` runs, BEGIN included."""
    count = 0

    def counted(*_args: object) -> None:
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    return count


def test_an_unchanged_state_costs_the_version_read_only(db: Database) -> None:
    states = ClientStates(db)
    states.get("100")

    # SQLite's BEGIN and the version (the transaction ends with the driver's commit)
    assert statements_of(db, lambda: states.get("100")) == 2


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
