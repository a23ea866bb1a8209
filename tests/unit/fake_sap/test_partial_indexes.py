"""The queries of EDIDC's dispatch indexes and of BDCP2's open-pointer index use them.

Those indexes are partial (outbound IDocs only, open pointers only), and SQLite uses a
partial index only for a query whose condition names the index's condition: these read
the plans SQLite makes for the statements as the emulator sends them (bound parameters
included), on a database made from the schema module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, select, update
from sqlalchemy.sql import Executable

from fake_sap.ale.dispatcher import _QUEUE, WAITING, Dispatcher
from fake_sap.db import change_pointers
from fake_sap.db.schema import bdcp2, edidc, metadata

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def conn() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def plan(conn: Connection, statement: Executable | str,
         parameters: Mapping[str, Any] | tuple[Any, ...] = ()) -> str:
    """SQLite's query plan of the statement with its parameters bound, as one text."""
    if isinstance(statement, str):
        sql, bound = statement, tuple(parameters)
    else:
        # IN lists rendered as one parameter per value, as at execution
        compiled = statement.compile(  # type: ignore[attr-defined]
            conn, compile_kwargs={"render_postcompile": True})
        sql = str(compiled)
        values = compiled.construct_params(dict(parameters))
        bound = tuple(values[name] for name in compiled.positiontup)
    rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", bound).all()
    return " | ".join(str(row[-1]) for row in rows)


def test_a_partners_queue_is_read_from_the_outbound_index(conn: Connection) -> None:
    shown = plan(conn, _QUEUE, {"client": "100", "partner": "CRM", "waiting": WAITING[0],
                                "after": "", "limit": 100})
    assert "ix_edidc_partner_queue" in shown


@pytest.mark.parametrize("mandt", ["100", None])
def test_the_due_partners_are_found_through_an_outbound_index(
        conn: Connection, mandt: str | None) -> None:
    dispatcher = SimpleNamespace(settings=SimpleNamespace(retry_max_attempts=5))
    due = Dispatcher._due(dispatcher, mandt)  # type: ignore[arg-type]
    shown = plan(conn, select(edidc.c.mandt, edidc.c.rcvprn).where(due).distinct())
    assert "ix_edidc_outbound_queue" in shown or "ix_edidc_partner_queue" in shown


def test_the_open_change_pointers_are_read_and_marked_through_their_index(
        conn: Connection) -> None:
    open_pointers = select(bdcp2.c.cpident).where(bdcp2.c.mandt == "100",
                                                  bdcp2.c.process == "")
    assert "ix_bdcp2_client_open" in plan(conn, open_pointers.order_by(bdcp2.c.cpident))
    marking = update(bdcp2).where(bdcp2.c.mandt == "100", bdcp2.c.process == "",
                                  bdcp2.c.cpident <= 10).values(process="X")
    assert "ix_bdcp2_client_open" in plan(conn, marking)
    without_receivers = change_pointers._mark_processed_without_receivers_sql("sqlite")
    assert "ix_bdcp2_client_open" in plan(conn, without_receivers, ("100", "100"))
