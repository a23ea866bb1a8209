"""A client's business date: a whole-day offset from the system date.

The one writer of ``business_dates``. The control API sets and resets it; every request of
the client applies it through ``fake_sap.clock``, reading it from its process's
:mod:`fake_sap.basis.client_state`, so each change also bumps ``state_version``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from fake_sap import clock
from fake_sap.db import state_version
from fake_sap.db.clock_schema import business_dates
from fake_sap.db.engine import Database
from fake_sap.db.upsert import upsert


def offset_days(db: Database, mandt: str) -> int:
    """Days between the system date and the client's date (0 without a business date)."""
    with db.read() as conn:
        days = conn.execute(select(business_dates.c.offset_days).where(
            business_dates.c.mandt == mandt)).scalar()
    return int(days or 0)


def set_today(db: Database, mandt: str, today: date) -> int:
    """Make ``today`` the client's date; returns the offset stored."""
    days = clock.days_until(today)
    with db.write() as conn:
        upsert(conn, business_dates, [{"mandt": mandt, "offset_days": days,
                                       "changed_at": clock.system_now()}])
        state_version.bump(conn)
    return days


def reset(db: Database, mandt: str) -> None:
    """Back to the system date."""
    with db.write() as conn:
        conn.execute(delete(business_dates).where(business_dates.c.mandt == mandt))
        state_version.bump(conn)
