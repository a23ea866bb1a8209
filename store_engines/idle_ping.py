"""A pooled connection to a database server is tested before use only when it has lain idle.

SQLAlchemy's ``pool_pre_ping`` tests every checkout: with psycopg that is a round trip and a
server transaction of its own (it switches the connection to autocommit for the
``SELECT 1``), as many as a request's own transactions and quick reads together. A
connection used within the last second has just answered, so only the idle ones, the ones a
server restart or an idle timeout may have cut, are tested. Pool events cost nothing per
statement (unlike connection events, which make SQLAlchemy dispatch around every one).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

#: a pooled connection to a database server idle at least this long is tested before use
PING_AFTER_IDLE_SECONDS = 1.0
#: where a pooled connection's record keeps when it was last given back to the pool
_CHECKED_IN = "store_engines.checked_in"


def ping_when_idle(engine: Engine, idle_seconds: float = PING_AFTER_IDLE_SECONDS) -> None:
    """Test a pooled connection with ``SELECT 1`` before it is used, when it has lain idle
    in the pool for ``idle_seconds`` or longer; a connection that fails the test is replaced
    by a new one before the caller gets it (the pool reconnects, up to three times)."""
    def checkin(dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_CHECKED_IN] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        checked_in = record.info.get(_CHECKED_IN)
        if checked_in is None or time.monotonic() - checked_in < idle_seconds:
            return  # new, or used a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise DisconnectionError(f"a pooled connection failed its test: {error}") \
                from error

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)
