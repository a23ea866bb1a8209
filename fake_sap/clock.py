"""The emulator's system time (UTC), in one place so it can be read as SAP DATS/TIMS.

A test can move a client's business date (``PUT /_fake/clients/NNN/date``): the control API
stores a whole-day offset, and at the start of each request for that client the offset is
set for the request (:func:`shift_days`), so every ``now()`` of the request (SY-DATUM of a
BAPI, CREDAT of an IDoc, posting dates) is on the chosen date while the time of day runs
on. The offset lives in a context variable, so it never leaks into other requests or into
the background threads (the outbound dispatcher keeps real time).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar, Token
from datetime import UTC, date, datetime, timedelta

_offset: ContextVar[timedelta] = ContextVar("fake_sap_business_date_offset",
                                            default=timedelta(0))


def now() -> datetime:
    """The current moment as the running request's client sees it (its business date)."""
    return datetime.now(UTC) + _offset.get()


def system_now() -> datetime:
    """The real current moment, whatever business date a client has."""
    return datetime.now(UTC)


def shift_days(days: int) -> Token[timedelta]:
    """Move ``now()`` by whole days for the current context; undo with :func:`unshift`."""
    return _offset.set(timedelta(days=days))


def unshift(token: Token[timedelta]) -> None:
    _offset.reset(token)


def days_until(business_date: date) -> int:
    """The offset (in days) that makes today's system date ``business_date``."""
    return (business_date - system_now().date()).days


def dats(moment: datetime) -> str:
    return moment.strftime("%Y%m%d")


def tims(moment: datetime) -> str:
    return moment.strftime("%H%M%S")


def serial(moment: datetime) -> str:
    """An ALE serialization key as SAP's outbound IDocs carry it: the creation date and
    time, ``YYYYMMDDHHMMSS`` (14 of EDI_DC40-SERIAL's 20 characters). Real MATMAS05 and
    custom IDocs published as samples carry exactly their CREDAT and CRETIM there, so IDocs
    created in the same second share a SERIAL; a receiver that must order them further
    goes by DOCNUM."""
    return moment.strftime("%Y%m%d%H%M%S")


def consecutive(start: datetime, count: int) -> Iterator[tuple[datetime, str, str, str]]:
    """``count`` moments a microsecond apart from ``start`` (a block of IDocs created
    together), each with its :func:`dats`, :func:`tims` and :func:`serial`.

    The texts are formatted once per second rather than once per moment: strftime cost more
    than anything else about an IDoc's control record.
    """
    seconds = ""
    for offset in range(count):
        moment = start + timedelta(microseconds=offset)
        if not seconds or moment.microsecond == 0:  # the first moment, or a new second
            seconds = moment.strftime("%Y%m%d%H%M%S")
            date_text, time_text = seconds[:8], seconds[8:]
        yield moment, date_text, time_text, seconds
