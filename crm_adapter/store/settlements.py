"""Repository of labour-fee settlements (one per provincial center and month).

Layer: store. Functions take a connection inside the caller's transaction.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select, update

from crm_adapter.store.engine import inserted_id
from crm_adapter.store.schema import provincial_centers, settlements


def _now() -> datetime:
    return datetime.now(UTC)


def known_centers(conn: Connection, numbers: list[str]) -> set[str]:
    return set(conn.execute(select(provincial_centers.c.customer_number).where(
        provincial_centers.c.customer_number.in_(numbers))).scalars())


def centers_settled(conn: Connection, month: str) -> set[str]:
    """Centers that already have a settlement for the month."""
    return set(conn.execute(select(settlements.c.provincial_center)
                            .where(settlements.c.month == month)).scalars())


def create(conn: Connection, provincial_center: str, month: str, total: Decimal,
           currency: str, status: str) -> int:
    now = _now()
    result = conn.execute(insert(settlements).values(
        provincial_center=provincial_center, month=month, total=total, currency=currency,
        status=status, created_at=now, updated_at=now))
    return inserted_id(result)


def get(conn: Connection, settlement_id: int, *, lock: bool = False) -> dict[str, Any] | None:
    query = select(settlements).where(settlements.c.id == settlement_id)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def listing(conn: Connection, *, status: str | None = None, month: str | None = None,
            provincial_center: str | None = None) -> list[dict[str, Any]]:
    query = select(settlements).order_by(settlements.c.month, settlements.c.provincial_center)
    if status is not None:
        query = query.where(settlements.c.status == status)
    if month is not None:
        query = query.where(settlements.c.month == month)
    if provincial_center is not None:
        query = query.where(settlements.c.provincial_center == provincial_center)
    return [dict(r) for r in conn.execute(query).mappings()]


def set_status(conn: Connection, settlement_id: int, status: str) -> None:
    conn.execute(update(settlements).where(settlements.c.id == settlement_id)
                 .values(status=status, updated_at=_now()))


def set_posted(conn: Connection, settlement_id: int, status: str, document_number: str,
               object_key: str) -> None:
    conn.execute(update(settlements).where(settlements.c.id == settlement_id).values(
        status=status, fi_document_number=document_number, fi_object_key=object_key,
        updated_at=_now()))


def set_settled(conn: Connection, settlement_id: int, status: str, cleared_on: date) -> None:
    conn.execute(update(settlements).where(settlements.c.id == settlement_id)
                 .values(status=status, cleared_on=cleared_on, updated_at=_now()))
