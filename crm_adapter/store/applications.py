"""Repository of material applications and their items.

Layer: store. Functions take a connection inside the caller's transaction. An application
reads as a dict of its columns plus ``items`` (``item_number``, ``material_number``,
``quantity``, ``delivered_quantity``), items in order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from crm_adapter.domain.applications import Item, Price, Status, reference
from crm_adapter.store import headed
from crm_adapter.store.schema import material_application_items as items_table
from crm_adapter.store.schema import material_applications as applications
from crm_adapter.store.schema import materials, outbox


def _now() -> datetime:
    return datetime.now(UTC)


def create(conn: Connection, application_type: str, outlet: str, items: Sequence[Item]) -> int:
    """Insert a submitted application; its CRM reference derives from its id."""
    now = _now()
    # the reference needs the id: insert under a unique placeholder, then set it
    inserted = conn.execute(insert(applications).values(
        crm_reference=f"new-{uuid.uuid4().hex}", application_type=application_type,
        outlet=outlet, status=Status.SUBMITTED.value, created_at=now, updated_at=now,
    )).inserted_primary_key
    assert inserted is not None
    application_id = int(inserted[0])
    conn.execute(update(applications).where(applications.c.id == application_id)
                 .values(crm_reference=reference(application_id)))
    _insert_items(conn, application_id, items)
    return application_id


def _insert_items(conn: Connection, application_id: int, items: Sequence[Item]) -> None:
    conn.execute(insert(items_table), [
        {"application_id": application_id, "item_number": number,
         "material_number": item.material_number, "quantity": item.quantity,
         "delivered_quantity": Decimal(0)}
        for number, item in enumerate(items, start=1)])


def replace_items(conn: Connection, application_id: int, items: Sequence[Item]) -> None:
    conn.execute(delete(items_table).where(items_table.c.application_id == application_id))
    _insert_items(conn, application_id, items)


def get(conn: Connection, application_id: int, *, lock: bool = False) -> dict[str, Any] | None:
    """The application with its items; ``lock`` takes a row lock (PostgreSQL) for a change
    that depends on the status read."""
    query = select(applications).where(applications.c.id == application_id)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    if row is None:
        return None
    return {**row, "items": _items(conn, [application_id]).get(application_id, [])}


def get_by_reference(conn: Connection, crm_reference: str, *,
                     lock: bool = False) -> dict[str, Any] | None:
    query = select(applications.c.id).where(applications.c.crm_reference == crm_reference)
    application_id = conn.execute(query).scalar()
    return None if application_id is None else get(conn, application_id, lock=lock)


def listing(conn: Connection, *, outlet: str | None = None, status: str | None = None,
            limit: int = 100) -> list[dict[str, Any]]:
    """Applications with their items, newest first."""
    return headed.listing(conn, applications, items_table, items_table.c.application_id,
                          outlet=outlet, status=status, limit=limit)


def _items(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    return headed.items_by_header(conn, items_table, items_table.c.application_id, ids)


def set_status(conn: Connection, application_id: int, status: Status,
               reason: str | None = None) -> None:
    """Change the status; the reason (shown to the outlet) is replaced, None clears it."""
    conn.execute(update(applications).where(applications.c.id == application_id).values(
        status=status.value, rejection_reason=reason, updated_at=_now()))


def link_sap_document(conn: Connection, application_id: int, document_number: str) -> None:
    """Record the SAP document; the status only moves forward (a delivery may have been
    linked already, leaving the application partially delivered or delivered)."""
    conn.execute(update(applications).where(applications.c.id == application_id).values(
        sap_document_number=document_number, rejection_reason=None, updated_at=_now()))
    conn.execute(update(applications).where(
        applications.c.id == application_id,
        applications.c.status.not_in([Status.PARTIALLY_DELIVERED.value,
                                      Status.DELIVERED.value]))
        .values(status=Status.IN_SAP.value))


def items_awaiting_sap(conn: Connection, statuses: Iterable[Status], *,
                       outlet: str | None = None,
                       excluding: int | None = None) -> list[tuple[Item, str]]:
    """Items (with their outlet) of applications in ``statuses``: approved in the CRM but
    not shown by SAP yet."""
    query = (select(items_table.c.material_number, items_table.c.quantity,
                    applications.c.outlet)
             .join(applications, applications.c.id == items_table.c.application_id)
             .where(applications.c.status.in_([s.value for s in statuses])))
    if outlet is not None:
        query = query.where(applications.c.outlet == outlet)
    if excluding is not None:
        query = query.where(applications.c.id != excluding)
    return [(Item(material, quantity), row_outlet)
            for material, quantity, row_outlet in conn.execute(query)]


def materials_of(conn: Connection, numbers: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The CRM's materials by number (only those that exist)."""
    wanted = sorted(set(numbers))
    if not wanted:
        return {}
    rows = conn.execute(select(materials).where(materials.c.material_number.in_(wanted)))
    return {row["material_number"]: dict(row) for row in rows.mappings()}


def prices(conn: Connection, numbers: Iterable[str]) -> dict[str, Price]:
    """Outlet purchase prices of the materials that have one."""
    return {number: Price(m["outlet_purchase_price"], m["price_unit"] or 1)
            for number, m in materials_of(conn, numbers).items()
            if m["outlet_purchase_price"] is not None}


def outbox_entries(conn: Connection, crm_reference: str) -> list[dict[str, Any]]:
    """The outbox entries of a CRM document (without their payload), oldest first."""
    query = (select(outbox.c.id, outbox.c.kind, outbox.c.status, outbox.c.attempts,
                    outbox.c.last_error, outbox.c.result, outbox.c.created_at,
                    outbox.c.updated_at)
             .where(outbox.c.crm_reference == crm_reference).order_by(outbox.c.id))
    return [dict(r) for r in conn.execute(query).mappings()]
