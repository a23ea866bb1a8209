"""The CRM's business date: the one place the adapter asks what day it is.

Business rules that depend on the day (the labour-fee settlement runs on the 10th, a repair
cannot be dated in the future, a month can only be settled once it is over) ask
:meth:`BusinessClock.today`; nothing else reads the system date (technical timestamps such
as ``created_at`` are not business dates).

Where the day comes from, first match wins:

1. a date set by hand (``PUT /api/clock``: tests, demos, catching up a missed settlement
   day), kept in the database (table ``business_clock``) so that every server process and
   the ``crm-adapter`` commands see the same day; ``DELETE /api/clock`` removes it;
2. the setting ``today`` (``CRM_ADAPTER_TODAY=YYYY-MM-DD``);
3. the calendar: today in China (UTC+8; China has no daylight saving time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from crm_adapter.config import AdapterSettings
from crm_adapter.domain.errors import DomainError
from crm_adapter.store.schema import business_clock

#: the CRM works on China's calendar
BUSINESS_TIMEZONE = timezone(timedelta(hours=8), "CST")
_ROW = 1


class InvalidDate(DomainError):
    """Not a date in the form YYYY-MM-DD."""


def parse_date(text: object, what: str = "date") -> date:
    """A date given as ``YYYY-MM-DD``."""
    if not isinstance(text, str) or len(text) != 10:
        raise InvalidDate(f"{what} must be a date YYYY-MM-DD, not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidDate(f"{what} must be a date YYYY-MM-DD, not {text!r}") from None


def _calendar_today() -> date:
    return datetime.now(BUSINESS_TIMEZONE).date()


@dataclass(frozen=True)
class BusinessClock:
    #: the date from the settings (CRM_ADAPTER_TODAY), if any
    configured: date | None = None
    calendar: Callable[[], date] = field(default=_calendar_today, repr=False)

    @classmethod
    def from_settings(cls, settings: AdapterSettings) -> BusinessClock:
        return cls(parse_date(settings.today, "CRM_ADAPTER_TODAY") if settings.today else None)

    def today(self, conn: Connection) -> date:
        return self.state(conn)[0]

    def state(self, conn: Connection) -> tuple[date, str]:
        """Today and where it comes from: ``set`` (by hand), ``settings`` or ``calendar``."""
        fixed = conn.execute(select(business_clock.c.today)
                             .where(business_clock.c.id == _ROW)).scalar()
        if fixed is not None:
            return fixed, "set"
        if self.configured is not None:
            return self.configured, "settings"
        return self.calendar(), "calendar"

    def set(self, conn: Connection, day: date) -> None:
        """Fix the business date (until :meth:`reset`)."""
        now = datetime.now(UTC)
        changed = conn.execute(update(business_clock).where(business_clock.c.id == _ROW)
                               .values(today=day, updated_at=now))
        if changed.rowcount == 0:
            conn.execute(insert(business_clock).values(id=_ROW, today=day, updated_at=now))

    def reset(self, conn: Connection) -> None:
        """Back to the settings' date or the calendar."""
        conn.execute(delete(business_clock).where(business_clock.c.id == _ROW))

    def view(self, conn: Connection) -> dict[str, Any]:
        today, source = self.state(conn)
        return {"today": today.isoformat(), "source": source}
