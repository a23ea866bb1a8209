"""A call that commits an SAP LUW writes its log row in the commit's own transaction: the
row is there exactly once, says what the call finally returned, and a rolled-back commit
leaves the logging to the end of the call."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from fake_sap.db.engine import Database
from fake_sap.db.rfc_call_log_schema import rfc_call_log
from fake_sap.rfc import call_log

pytestmark = pytest.mark.unit

ERROR_RETURN = {"RETURN": {"TYPE": "E", "ID": "V1", "NUMBER": "001", "MESSAGE": "Failed"}}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'log.db'}")
    rfc_call_log.create(database.engine)
    yield database
    database.dispose()


def entry(db: Database) -> call_log.CallEntry:
    return call_log.CallEntry(db, "100", "BAPI_TRANSACTION_COMMIT", "USER",
                              time.perf_counter(), {"WAIT": "X"})


def rows(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        return [dict(r) for r in conn.execute(select(rfc_call_log)).mappings()]


def transactions(db: Database) -> list[int]:
    counted = [0]

    def begin(conn: Any) -> None:
        counted[0] += 1

    event.listen(db.engine, "begin", begin)
    return counted


def test_a_call_logged_in_its_commit_costs_no_transaction_of_its_own(db: Database) -> None:
    logged = entry(db)
    with db.write() as conn:  # the commit's transaction
        logged.write(conn, None)
    logged.committed()
    counted = transactions(db)
    logged.log({"RETURN": {"TYPE": "", "MESSAGE": ""}})
    assert counted[0] == 0
    [row] = rows(db)
    assert (row["function"], row["uname"], row["error"], row["return_rows"]) == \
        ("BAPI_TRANSACTION_COMMIT", "USER", "", "")
    assert row["parameters"] == '{"WAIT": "X"}'


def test_an_outcome_known_after_the_commit_amends_the_row(db: Database) -> None:
    logged = entry(db)
    with db.write() as conn:
        logged.write(conn, None)
    logged.committed()
    logged.log(ERROR_RETURN)
    [row] = rows(db)
    assert row["return_rows"] == call_log.as_text(call_log.return_rows(ERROR_RETURN))

    failed = entry(db)
    with db.write() as conn:
        failed.write(conn, None)
    failed.committed()
    failed.log(None, "SYSTEM_FAILURE: broken")
    assert [row["error"] for row in rows(db)] == ["", "SYSTEM_FAILURE: broken"]


def test_a_rolled_back_commit_leaves_the_row_to_the_end_of_the_call(db: Database) -> None:
    logged = entry(db)
    with pytest.raises(RuntimeError), db.write() as conn:
        logged.write(conn, None)
        raise RuntimeError("update termination")
    logged.log(ERROR_RETURN)
    [row] = rows(db)
    assert row["return_rows"] == call_log.as_text(call_log.return_rows(ERROR_RETURN))


def test_a_second_commit_of_the_call_writes_no_second_row(db: Database) -> None:
    logged = entry(db)
    for _ in range(2):
        with db.write() as conn:
            logged.write(conn, {})
        logged.committed()
    logged.log({})
    assert len(rows(db)) == 1
