"""Repository of returns and their items.

Layer: store. A return reads as a dict of its columns plus ``items`` (``item_number``,
``material_number``, ``expected_quantity``, ``received_quantity``), items in order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select, update

from crm_adapter.domain.applications import Item
from crm_adapter.domain.returns import Status, reference
from crm_adapter.store import headed
from crm_adapter.store.schema import return_items
from crm_adapter.store.schema import returns as returns_table


def _now() -> datetime:
    return datetime.now(UTC)


def create(conn: Connection, outlet: str, original_order: str, items: Sequence[Item],
           application_id: int | None = None) -> int:
    """Insert a submitted return; its CRM reference derives from its id."""
    now = _now()
    inserted = conn.execute(insert(returns_table).values(
        crm_reference=f"new-{uuid.uuid4().hex}", outlet=outlet, status=Status.SUBMITTED.value,
        original_order=original_order, application_id=application_id, created_at=now,
        updated_at=now)).inserted_primary_key
    assert inserted is not None
    return_id = int(inserted[0])
    conn.execute(update(returns_table).where(returns_table.c.id == return_id)
                 .values(crm_reference=reference(return_id)))
    conn.execute(insert(return_items), [
        {"return_id": return_id, "item_number": number,
         "material_number": item.material_number, "expected_quantity": item.quantity,
         "received_quantity": Decimal(0)}
        for number, item in enumerate(items, start=1)])
    return return_id


def get(conn: Connection, return_id: int, *, lock: bool = False) -> dict[str, Any] | None:
    query = select(returns_table).where(returns_table.c.id == return_id)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    if row is None:
        return None
    return {**row, "items": _items(conn, [return_id]).get(return_id, [])}


def get_by_reference(conn: Connection, crm_reference: str, *,
                     lock: bool = False) -> dict[str, Any] | None:
    return_id = conn.execute(select(returns_table.c.id).where(
        returns_table.c.crm_reference == crm_reference)).scalar()
    return None if return_id is None else get(conn, return_id, lock=lock)


def listing(conn: Connection, *, outlet: str | None = None, status: str | None = None,
            limit: int = 100) -> list[dict[str, Any]]:
    """Returns with their items, newest first."""
    return headed.listing(conn, returns_table, return_items, return_items.c.return_id,
                          outlet=outlet, status=status, limit=limit)


def _items(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    return headed.items_by_header(conn, return_items, return_items.c.return_id, ids)


def set_status(conn: Connection, return_id: int, status: Status,
               reason: str | None = None) -> None:
    conn.execute(update(returns_table).where(returns_table.c.id == return_id).values(
        status=status.value, reason=reason, updated_at=_now()))


def link_return_order(conn: Connection, return_id: int, order_number: str) -> None:
    conn.execute(update(returns_table).where(returns_table.c.id == return_id).values(
        status=Status.IN_SAP.value, sap_return_order=order_number, reason=None,
        updated_at=_now()))


def returned_quantities(conn: Connection, application_id: int,
                        statuses: Iterable[Status]) -> dict[str, Decimal]:
    """Per material: what returns of the application in ``statuses`` take back."""
    query = (select(return_items.c.material_number, return_items.c.expected_quantity)
             .join(returns_table, returns_table.c.id == return_items.c.return_id)
             .where(returns_table.c.application_id == application_id,
                    returns_table.c.status.in_([s.value for s in statuses])))
    totals: dict[str, Decimal] = {}
    for material, quantity in conn.execute(query):
        totals[material] = totals.get(material, Decimal(0)) + quantity
    return totals
