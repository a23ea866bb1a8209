"""Partner profiles (WE20) with their XML-HTTP port (WE21) and message types (BD64).

Transactions for the control API; the rows are written by ``fake_sap.db.partners``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fake_sap.db import partners
from fake_sap.db.engine import Database


@dataclass(frozen=True)
class PartnerProfile:
    """A logical system as the control API registers it."""

    logsys: str
    description: str = ""
    port_url: str | None = None
    port_user: str | None = None
    port_password: str | None = None
    outbound: list[str] = field(default_factory=list)
    inbound: list[str] = field(default_factory=list)
    pack_size: int = 1
    parallel_packets: int = 1


def list_all(db: Database, mandt: str) -> list[dict[str, Any]]:
    with db.read() as conn:
        return partners.list_all(conn, mandt)


def get(db: Database, mandt: str, logsys: str) -> dict[str, Any] | None:
    with db.read() as conn:
        return partners.get(conn, mandt, logsys)


def put(db: Database, mandt: str, profile: PartnerProfile) -> dict[str, Any]:
    """Register (or replace) a partner; returns it as stored."""
    with db.write() as conn:
        partners.upsert_partner(
            conn, mandt, profile.logsys, description=profile.description,
            port_url=profile.port_url, port_user=profile.port_user,
            port_password=profile.port_password, outbound=profile.outbound,
            inbound=profile.inbound, pack_size=profile.pack_size,
            parallel_packets=profile.parallel_packets)
        row = partners.get(conn, mandt, profile.logsys)
    assert row is not None
    return row


def remove(db: Database, mandt: str, logsys: str) -> bool:
    """Delete a partner; False when there was none."""
    with db.write() as conn:
        return partners.remove(conn, mandt, logsys)
