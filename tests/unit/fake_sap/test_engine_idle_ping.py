"""A pooled connection to a database server is tested (``SELECT 1``) before use only when it
has lain idle in the pool: one used a moment ago is not, and one that fails the test is
replaced before the caller gets it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from fake_sap.db.engine import _ping_when_idle

pytestmark = pytest.mark.unit


def engine_with_pings(tmp_path: Path, idle_seconds: float, fail_first: bool = False
                      ) -> tuple[Engine, list[Any]]:
    engine = create_engine(f"sqlite:///{tmp_path / 'pool.db'}", pool_size=1)
    pinged: list[Any] = []

    def do_ping(dbapi_connection: Any) -> bool:
        pinged.append(dbapi_connection)
        if fail_first and len(pinged) == 1:
            raise ConnectionError("server closed the connection unexpectedly")
        return True

    engine.dialect.do_ping = do_ping  # type: ignore[method-assign]
    _ping_when_idle(engine, idle_seconds)
    return engine, pinged


def driver_connection(engine: Engine) -> Any:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        return conn.connection.dbapi_connection


def test_a_new_or_recently_used_connection_is_not_tested(tmp_path: Path) -> None:
    engine, pinged = engine_with_pings(tmp_path, idle_seconds=3600)
    first, second = driver_connection(engine), driver_connection(engine)
    engine.dispose()
    assert first is second and pinged == []


def test_an_idle_connection_is_tested_before_use(tmp_path: Path) -> None:
    engine, pinged = engine_with_pings(tmp_path, idle_seconds=0)
    first = driver_connection(engine)  # new: not tested
    second = driver_connection(engine)
    engine.dispose()
    assert second is first and pinged == [first]


def test_a_connection_failing_its_test_is_replaced(tmp_path: Path) -> None:
    engine, pinged = engine_with_pings(tmp_path, idle_seconds=0, fail_first=True)
    first = driver_connection(engine)
    second = driver_connection(engine)
    engine.dispose()
    assert pinged == [first] and second is not first
