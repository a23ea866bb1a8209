"""Partner profiles (WE20), their XML-HTTP ports (WE21) and the distribution model (BD64).

The one writer of ``partners`` and ``partner_messages``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from fake_sap import clock
from fake_sap.db.schema import partner_messages, partners


def upsert_partner(conn: Connection, mandt: str, logsys: str, *, description: str = "",
                   port_url: str | None, port_user: str | None, port_password: str | None,
                   outbound: list[str], inbound: list[str], pack_size: int = 1,
                   parallel_packets: int = 1) -> None:
    """Create or replace a partner with its port and message types."""
    remove(conn, mandt, logsys)
    conn.execute(insert(partners).values(
        mandt=mandt, logsys=logsys, description=description, port_url=port_url,
        port_user=port_user, port_password=port_password, pack_size=pack_size,
        parallel_packets=parallel_packets, created_at=clock.now()))
    rows = [{"mandt": mandt, "logsys": logsys, "direction": "out", "mestyp": m}
            for m in sorted(set(outbound))]
    rows += [{"mandt": mandt, "logsys": logsys, "direction": "in", "mestyp": m}
             for m in sorted(set(inbound))]
    if rows:
        conn.execute(insert(partner_messages), rows)


def remove(conn: Connection, mandt: str, logsys: str) -> bool:
    conn.execute(delete(partner_messages).where(partner_messages.c.mandt == mandt,
                                                partner_messages.c.logsys == logsys))
    return conn.execute(delete(partners).where(partners.c.mandt == mandt,
                                               partners.c.logsys == logsys)).rowcount > 0


def get(conn: Connection, mandt: str, logsys: str) -> dict[str, Any] | None:
    row = conn.execute(select(partners).where(partners.c.mandt == mandt,
                                              partners.c.logsys == logsys)).mappings().first()
    if row is None:
        return None
    result = dict(row)
    messages = conn.execute(select(partner_messages.c.direction, partner_messages.c.mestyp)
                            .where(partner_messages.c.mandt == mandt,
                                   partner_messages.c.logsys == logsys)).all()
    result["outbound"] = sorted(m for d, m in messages if d == "out")
    result["inbound"] = sorted(m for d, m in messages if d == "in")
    return result


def list_all(conn: Connection, mandt: str) -> list[dict[str, Any]]:
    names = conn.execute(select(partners.c.logsys).where(partners.c.mandt == mandt)
                         .order_by(partners.c.logsys)).scalars().all()
    return [p for p in (get(conn, mandt, n) for n in names) if p is not None]


def receivers(conn: Connection, mandt: str, mestyp: str) -> list[str]:
    """Logical systems subscribed to an outbound message type (the distribution model)."""
    return list(conn.execute(select(partner_messages.c.logsys).where(
        partner_messages.c.mandt == mandt, partner_messages.c.direction == "out",
        partner_messages.c.mestyp == mestyp).order_by(partner_messages.c.logsys)).scalars())


def inbound_profiles(conn: Connection, mandt: str) -> set[tuple[str, str]]:
    rows = conn.execute(select(partner_messages.c.logsys, partner_messages.c.mestyp).where(
        partner_messages.c.mandt == mandt, partner_messages.c.direction == "in"))
    return {(r[0], r[1]) for r in rows}
