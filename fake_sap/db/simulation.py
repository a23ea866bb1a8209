"""Simulated writes: run a posting in a transaction that is always rolled back.

Write BAPIs check at call time what their update task would refuse at commit (a stock
deficit found only by posting, M7 021); the simplest faithful check is to post and roll
back. Layer: persistence helper, imports only the engine.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from fake_sap.db.engine import Database


class _RolledBack(Exception):
    """Ends a simulated posting: its transaction is rolled back."""


def simulate(db: Database, posting: Callable[[Connection], object]) -> None:
    """Run ``posting`` in a write transaction that is rolled back whatever happens; its
    errors reach the caller."""
    try:
        with db.write() as conn:
            posting(conn)
            raise _RolledBack
    except _RolledBack:
        pass
