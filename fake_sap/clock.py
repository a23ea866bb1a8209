"""The emulator's system time (UTC), in one place so it can be read as SAP DATS/TIMS."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)


def dats(moment: datetime) -> str:
    return moment.strftime("%Y%m%d")


def tims(moment: datetime) -> str:
    return moment.strftime("%H%M%S")


def serial(moment: datetime) -> str:
    """An ALE serialization key: ``YYYYMMDDHHMMSS`` plus microseconds, 20 characters."""
    return moment.strftime("%Y%m%d%H%M%S%f")
