"""Bulk inserts of several rows per statement (``write_rows(..., rows_per_statement=N)``)
store what one statement per row stores, defaults and conflicts included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fake_sap.db.bulk import write_rows
from fake_sap.db.engine import Database
from fake_sap.db.schema import edids, idoc_inbound_keys

pytestmark = pytest.mark.unit


def status(docnum: str, countr: int, text: str = "") -> dict[str, object]:
    # statyp ... segfld left out: their defaults fill them
    row: dict[str, object] = {"mandt": "100", "docnum": docnum, "countr": countr,
                              "status": "50", "logdat": "20261207", "logtim": "101500"}
    if text:
        row["statxt"] = text
    return row


@pytest.mark.parametrize("per_statement", [1, 2, 3, 62])
def test_several_rows_per_statement_store_the_same_rows(tmp_path: Path,
                                                        per_statement: int) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    rows = [status(f"{n:016d}", c) for n in range(1, 6) for c in (1, 2)]
    with db.write() as conn:
        write_rows(conn, edids, rows, rows_per_statement=per_statement)
        stored = conn.execute(select(edids).order_by(edids.c.docnum, edids.c.countr)).all()

    assert [(r.docnum, r.countr, r.statxt, r.segfld) for r in stored] == \
        [(row["docnum"], row["countr"], "", "") for row in rows]
    db.dispose()


def test_conflicting_rows_are_ignored_when_asked(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    db.create_schema()
    key = {"mandt": "100", "sndprn": "ERPCLNT100"}
    with db.write() as conn:
        write_rows(conn, idoc_inbound_keys, [{**key, "refint": "1", "docnum": "A"}])
        write_rows(conn, idoc_inbound_keys, [{**key, "refint": "1", "docnum": "B"},
                                             {**key, "refint": "2", "docnum": "C"}],
                   conflict="ignore", rows_per_statement=2)
        stored = conn.execute(select(idoc_inbound_keys.c.refint, idoc_inbound_keys.c.docnum)
                              .order_by(idoc_inbound_keys.c.refint)).all()

    assert [tuple(r) for r in stored] == [("1", "A"), ("2", "C")]
    db.dispose()
