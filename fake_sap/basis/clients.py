"""Clients (SCC4): create, change, reset and delete a client with its baseline customizing.

Transactions for the control API; the rows themselves are written by ``fake_sap.db.clients``
(clients, customizing) and ``fake_sap.db.numbers`` (number ranges).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.errors import Conflict


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
        if clients.exists(conn, mandt):
            raise Conflict(f"Client {mandt} already exists")
        clients.create(conn, mandt, description)
        row = clients.get(conn, mandt)
    assert row is not None
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
