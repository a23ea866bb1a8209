"""Failures of the CRM store itself, told apart from bugs.

Layer: store (standard library only). :mod:`crm_adapter.store.engine` raises these instead of
the driver's error when a transaction fails because of the storage (disk full, database
read-only, locked beyond the busy timeout, server unreachable); the transaction was rolled
back, so nothing of it is stored. The HTTP edge answers 503 with ``Retry-After``.
"""

from __future__ import annotations


class StoreUnavailable(Exception):
    """The CRM database cannot take the request now; temporary by nature."""

    code = "STORE_UNAVAILABLE"
    #: how long a caller should wait before sending again (the ``Retry-After`` header)
    retry_after_seconds = 30

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreFull(StoreUnavailable):
    """The disk or the database is full."""

    code = "DATABASE_FULL"


class StoreReadOnly(StoreUnavailable):
    """The database refuses writes (read-only file, file system, session or standby)."""

    code = "DATABASE_READ_ONLY"


class StoreBusy(StoreUnavailable):
    """The database stayed locked beyond the busy timeout, or cannot be reached."""

    code = "DATABASE_UNAVAILABLE"
    retry_after_seconds = 5
