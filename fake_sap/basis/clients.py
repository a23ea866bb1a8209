"""Clients (SCC4): create, change, reset and delete a client with its baseline customizing;
the failed logons of a client's users and their lock (SU01's lock status).

Transactions for the control API and the logon; the rows themselves are written by
``fake_sap.db.clients`` (clients, customizing, failed logons) and ``fake_sap.db.numbers``
(number ranges).

A user is locked when its failed logons in a client reach the profile parameter
``login/fails_to_user_lock`` (SAP's default 5, allowed 1-99); a successful logon sets the
count back to 0, and only an administrator's unlock ends a lock (the emulator has no
automatic unlock at midnight, as SAP with ``login/failed_user_auto_unlock`` = 0). A limit
of 0 turns locking off, which SAP does not allow: the emulator's own switch. Sources in
docs/logon.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.db.logon_schema import LOCKED_BY_FAILED_LOGONS
from fake_sap.errors import Conflict


@dataclass(frozen=True)
class FailedLogons:
    """A user's failed logons in a client: USR02-LOCNT, and UFLAG = 128 as ``locked``."""

    count: int = 0
    locked: bool = False

    @classmethod
    def from_row(cls, locnt: int, uflag: int) -> FailedLogons:
        return cls(locnt, bool(uflag & LOCKED_BY_FAILED_LOGONS))


#: a user without failed logons: no row stored
NO_FAILED_LOGONS = FailedLogons()


def locks_user(failed_count: int, fails_to_user_lock: int) -> bool:
    """Whether ``failed_count`` failed logons lock the user under the limit
    ``login/fails_to_user_lock`` (0: never, the emulator's switch to turn locking off)."""
    return fails_to_user_lock > 0 and failed_count >= fails_to_user_lock


#: the length of USR02-BNAME
USER_NAME_LENGTH = 12


def user_key(user: str) -> str:
    """The stored user name (USR02-BNAME): upper case, as SAP user names are, and at most
    12 characters; a longer logon user of the settings (no SAP user can be one) is kept
    under its first 12, which with one logon user per server names it alone."""
    return user.upper()[:USER_NAME_LENGTH]


@dataclass(frozen=True)
class ClientChange:
    """Client-level switches to change; None leaves one as it is."""

    strict_partner_check: bool | None = None
    description: str | None = None

    def values(self) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        if self.strict_partner_check is not None:
            changes["strict_partner_check"] = self.strict_partner_check
        if self.description is not None:
            changes["description"] = self.description
        return changes


def exists(db: Database, mandt: str) -> bool:
    with db.read() as conn:
        return clients.exists(conn, mandt)


def list_all(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        return clients.list_all(conn)


def get(db: Database, mandt: str) -> dict[str, Any] | None:
    with db.read() as conn:
        return clients.get(conn, mandt)


def create(db: Database, mandt: str, description: str) -> dict[str, Any]:
    """A new client with the baseline customizing; refuses one that exists."""
    with db.write() as conn:
        row = clients.create_if_absent(conn, mandt, description)
        if row is None:
            raise Conflict(f"Client {mandt} already exists")
    return row


def change(db: Database, mandt: str, client_change: ClientChange) -> dict[str, Any]:
    changes = client_change.values()
    with db.write() as conn:
        if changes:
            clients.set_options(conn, mandt, **changes)
        row = clients.get(conn, mandt)
    assert row is not None
    return row


def delete(db: Database, mandt: str) -> None:
    with db.write() as conn:
        clients.wipe(conn, mandt, keep_client_row=False)


def reset(db: Database, mandt: str) -> dict[str, Any]:
    """Back to a freshly created client: all data gone, baseline customizing reinstalled."""
    with db.write() as conn:
        clients.wipe(conn, mandt, keep_client_row=True)
        clients.install_baseline(conn, mandt)
        # the partner profiles are gone, so a strict client would refuse every IDoc
        clients.set_options(conn, mandt, strict_partner_check=False)
        row = clients.get(conn, mandt)
    assert row is not None
    return row


def customizing_entries(db: Database, mandt: str) -> dict[str, dict[str, Any]]:
    """The client's customizing entries per SAP table (TVTA, T001L, T001W ...)."""
    with db.read() as conn:
        return clients.customizing_entries(conn, mandt)


def customizing_keys(db: Database, mandt: str) -> dict[str, set[str]]:
    """The keys of the client's customizing entries per SAP table."""
    return {table: set(entries) for table, entries in customizing_entries(db, mandt).items()}


def failed_logons(db: Database, mandt: str, user: str) -> FailedLogons:
    with db.read() as conn:
        row = clients.failed_logons(conn, mandt).get(user_key(user))
    return NO_FAILED_LOGONS if row is None else FailedLogons.from_row(*row)


def record_failed_logon(db: Database, mandt: str, user: str,
                        fails_to_user_lock: int) -> FailedLogons:
    """Count a wrong password of ``user`` and lock it when the count reaches the limit; a
    locked user's count stays as it is."""
    with db.write() as conn:
        count, uflag = clients.count_failed_logon(conn, mandt, user_key(user))
        state = FailedLogons.from_row(count, uflag)
        if not state.locked and locks_user(count, fails_to_user_lock):
            clients.lock_user(conn, mandt, user_key(user))
            state = FailedLogons(count, locked=True)
    return state


def clear_failed_logons(db: Database, mandt: str, user: str) -> None:
    """A successful logon: the count goes back to 0 (only called when it is not 0, so a
    valid user's logon writes nothing)."""
    with db.write() as conn:
        clients.clear_failed_logons(conn, mandt, user_key(user))


def unlock(db: Database, mandt: str, user: str) -> FailedLogons:
    """The administrator's unlock (SU01): no lock and no failed logons any more."""
    with db.write() as conn:
        clients.clear_failed_logons(conn, mandt, user_key(user))
    return NO_FAILED_LOGONS
