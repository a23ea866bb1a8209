"""A SOAP-RFC call converts ISO codes with the code tables kept with its client state: its
read transactions (``Call.read``) and its commit hand them to the conversions, so a call
reads neither the tables nor a version of its own for them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, event

from fake_sap.basis import clients as client_admin
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import BASELINE, IsoCodes
from fake_sap.db.engine import Database
from fake_sap.rfc import luw
from fake_sap.rfc.call import Call, Environment
from fake_sap.rfc.model import FunctionInterface

pytestmark = pytest.mark.unit

#: codes a client's tables do not hold: only a given source can answer with them
GIVEN = IsoCodes.of([("KAR", "CT", "X")], [], [])


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    client_admin.create(database, "100", "first")
    yield database
    database.dispose()


def call_of(db: Database, codes: iso_codes.CodesSource | None) -> Call:
    session = luw.open_session(db, "100", "TESTER", None)
    env = Environment(db, "100", "TESTER", session, {}, codes=codes)
    return Call(FunctionInterface("Z_TEST", "Test", ()), {}, env)


def statements_during(db: Database, action) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def before(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return seen


def test_a_call_given_the_client_states_codes_converts_with_them(db: Database) -> None:
    asked: list[str] = []

    def source(_conn: Connection, mandt: str) -> IsoCodes:
        asked.append(mandt)
        return GIVEN

    call = call_of(db, source)
    found: list[IsoCodes] = []

    def convert() -> None:
        with call.read() as conn:
            found.append(iso_codes.for_client(conn, "100"))

    statements = statements_during(db, convert)
    assert found == [GIVEN] and asked == ["100"]
    assert not [s for s in statements if "t006" in s or "state_version" in s]


def test_a_call_without_them_reads_the_tables(db: Database) -> None:
    call = call_of(db, None)
    with call.read() as conn:
        assert iso_codes.for_client(conn, "100") == BASELINE


def test_the_commit_hands_the_codes_to_its_transaction(db: Database) -> None:
    seen: list[IsoCodes] = []

    def update(conn: Connection, mandt: str, _payload: dict[str, object]) -> None:
        seen.append(iso_codes.for_client(conn, mandt))

    session = luw.open_session(db, "100", "TESTER", None)
    luw.register_update(db, session, "Z_UPDATE", {}, {"Z_UPDATE": update})
    luw.commit(db, session, {"Z_UPDATE": update}, codes=lambda _conn, _mandt: GIVEN)
    assert seen == [GIVEN]
