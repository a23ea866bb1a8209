"""The per-process copy of each client's logon state, business date, faults and code tables."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from idoc_builders import material, packet
from sqlalchemy import event

from fake_sap import clock
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.basis import business_date, faults, iso_codes
from fake_sap.basis import clients as client_admin
from fake_sap.basis.client_state import ClientState, ClientStates
from fake_sap.basis.faults import Fault, FaultRule
from fake_sap.basis.iso_codes import CODE_TABLES
from fake_sap.db import iso_codes as code_tables
from fake_sap.db.engine import Database
from fake_sap.idoc.parser import iter_idocs
from fake_sap.idoc.types import MATMAS05

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


# --- the code tables kept with the state ---------------------------------------------------------

UNIT_TABLE = CODE_TABLES["units"]
CARTON = UNIT_TABLE.row("KAR", {"ISOCODE": "CT", "PRIMARY": "X"})


def test_the_code_tables_are_read_once_per_version(db: Database) -> None:
    states = ClientStates(db)
    version = states.get("100").version
    with db.read() as conn:
        first = states.codes(conn, "100", version)

    with db.read() as conn:
        statements = driver_statements_of(db, lambda: states.codes(conn, "100", version))
        again = states.codes(conn, "100", version)

    assert statements == [] and again is first
    assert first.units.internal("PCE") == "ST"


def test_a_code_change_made_elsewhere_is_seen_under_the_next_version(db: Database) -> None:
    states = ClientStates(db)
    with db.read() as conn:
        before = states.codes(conn, "100", states.get("100").version)

    iso_codes.put_entry(db, "100", UNIT_TABLE, "KAR", {"ISOCODE": "CT", "PRIMARY": "X"})
    version = states.get("100").version
    with db.read() as conn:
        after = states.codes(conn, "100", version)

    assert (before.units.internal("CT"), after.units.internal("CT")) == (None, "KAR")


def test_a_transaction_given_a_source_takes_its_codes_and_the_next_one_does_not(
        db: Database) -> None:
    given = iso_codes.BASELINE
    with db.write() as conn:
        iso_codes.use_in_transaction(conn, lambda _conn, _mandt: given)
        # written without a new version: only a read of the tables sees it
        code_tables.replace(conn, "t006", "100", CARTON)
        during = iso_codes.for_client(conn, "100")
    with db.read() as conn:
        after = iso_codes.for_client(conn, "100")

    assert during is given
    assert after.units.internal("CT") == "KAR"


def test_an_inbound_idoc_given_the_kept_codes_reads_no_version_and_converts_with_them(
        db: Database) -> None:
    states = ClientStates(db)
    version = states.get("100").version
    with db.read() as conn:
        kept = states.codes(conn, "100", version)
    # written without a new version: only a read of the tables would see the carton
    with db.write() as conn:
        code_tables.replace(conn, "t006", "100", CARTON)
    document = packet(MATMAS05, [material("M-1", MEINS="CT")])

    def post() -> None:
        with db.write() as conn:
            iso_codes.use_in_transaction(conn, partial(states.codes, version=version))
            InboundProcessor(conn, "100", strict_partners=False).receive(
                iter_idocs(io.BytesIO(document)))

    statements = driver_statements_of(db, post)

    assert kept.units.internal("CT") is None
    assert not [s for s in statements if "state_version" in s]
    # converted with the kept codes, which do not know CT: VII 003, status 51
    [trail] = [s for s in statements if s.startswith("INSERT INTO edids")]
    assert "'51'" in trail and "'53'" not in trail
