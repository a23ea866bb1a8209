"""The log of recent SOAP-RFC calls stays bounded per client: every PRUNE_EVERY calls, the
client's calls older than its newest KEEP are deleted, in one statement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from fake_sap.db.engine import Database
from fake_sap.db.rfc_call_log_schema import rfc_call_log
from fake_sap.rfc import call_log

pytestmark = pytest.mark.unit


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'log.db'}")
    rfc_call_log.create(database.engine)
    yield database
    database.dispose()


def calls_of(db: Database, mandt: str) -> list[int]:
    with db.read() as conn:
        return list(conn.execute(select(rfc_call_log.c.call_id).where(
            rfc_call_log.c.mandt == mandt).order_by(rfc_call_log.c.call_id)).scalars())


def log(db: Database, mandt: str, count: int) -> None:
    for _ in range(count):
        call_log.record(db, mandt, "BAPI_TRANSACTION_COMMIT", "USER", 1.0, {}, {})


def test_the_calls_beyond_the_newest_kept_are_deleted_in_one_statement(db: Database) -> None:
    log(db, "200", 3)  # another client's calls stay
    log(db, "100", call_log.KEEP + call_log.PRUNE_EVERY - 3 - 1)
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    log(db, "100", 1)  # the call whose id is a multiple of PRUNE_EVERY prunes
    event.remove(db.engine, "before_cursor_execute", seen)

    ids = calls_of(db, "100")
    assert len(ids) == call_log.KEEP
    assert ids[-1] == call_log.KEEP + call_log.PRUNE_EVERY
    assert calls_of(db, "200") == [1, 2, 3]
    assert [s.split()[0] for s in statements if not s.startswith("BEGIN")] == [
        "INSERT", "DELETE"]


def test_a_client_with_fewer_calls_than_kept_keeps_them_all(db: Database) -> None:
    log(db, "100", call_log.PRUNE_EVERY)

    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(rfc_call_log)).scalar() == \
            call_log.PRUNE_EVERY
