"""Repository of deliveries, sub-deliveries, the outlets' online inventory, and what the
delivery flows read and write of applications and returns.

Layer: store. Functions take a connection inside the caller's transaction. Quantities are
exact decimals (stored as text), so sums are made here in Python, not in SQL.

Concurrency: the flows lock the application (``lock=True``) before they touch its delivery
record, so two deliveries of one order processed side by side (different inbox objects)
recompute the record one after the other (PostgreSQL row lock; SQLite serializes writers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from crm_adapter.store.schema import (
    deliveries,
    delivery_items,
    material_application_items,
    material_applications,
    materials,
    outbox,
    outlet_inventory,
    outlets,
    return_items,
    returns,
)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ItemRow:
    item_number: str
    material_number: str
    shipped: Decimal
    open: Decimal


# --- deliveries ------------------------------------------------------------------------------

def get_delivery(conn: Connection, number: str, *, lock: bool = False) -> dict[str, Any] | None:
    query = select(deliveries).where(deliveries.c.delivery_number == number)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def items_of(conn: Connection, number: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        select(delivery_items).where(delivery_items.c.delivery_number == number)
        .order_by(delivery_items.c.item_number)).mappings()]


def create_delivery(conn: Connection, number: str, *, parent: str | None,
                    application_id: int | None, outlet: str | None, sap_order_number: str,
                    status: str, deleted: bool = False) -> None:
    now = _now()
    conn.execute(insert(deliveries).values(
        delivery_number=number, parent_delivery=parent, application_id=application_id,
        outlet=outlet, sap_order_number=sap_order_number or None, status=status,
        deleted=deleted, created_at=now, updated_at=now))


def replace_items(conn: Connection, number: str, items: Iterable[ItemRow]) -> None:
    conn.execute(delete(delivery_items).where(delivery_items.c.delivery_number == number))
    rows = [{"delivery_number": number, "item_number": i.item_number,
             "material_number": i.material_number, "shipped_quantity": i.shipped,
             "open_quantity": i.open} for i in items]
    if rows:
        conn.execute(insert(delivery_items), rows)


def set_status(conn: Connection, number: str, status: str) -> None:
    conn.execute(update(deliveries).where(deliveries.c.delivery_number == number)
                 .values(status=status, updated_at=_now()))


def mark_deleted(conn: Connection, number: str) -> None:
    conn.execute(update(deliveries).where(deliveries.c.delivery_number == number)
                 .values(deleted=True, updated_at=_now()))


def link_delivery(conn: Connection, number: str, application_id: int, parent: str) -> None:
    conn.execute(update(deliveries).where(deliveries.c.delivery_number == number)
                 .values(application_id=application_id, parent_delivery=parent,
                         updated_at=_now()))


def sub_deliveries(conn: Connection, parent: str) -> list[dict[str, Any]]:
    """The live (not deleted) sub-deliveries of a delivery record, oldest first."""
    return [dict(r) for r in conn.execute(
        select(deliveries).where(deliveries.c.parent_delivery == parent,
                                 deliveries.c.deleted.is_(False))
        .order_by(deliveries.c.created_at, deliveries.c.delivery_number)).mappings()]


def shipped_by_material(conn: Connection, parent: str) -> dict[str, Decimal]:
    """What the live sub-deliveries of a record ship, per material."""
    rows = conn.execute(
        select(delivery_items.c.material_number, delivery_items.c.shipped_quantity)
        .select_from(delivery_items.join(
            deliveries, deliveries.c.delivery_number == delivery_items.c.delivery_number))
        .where(deliveries.c.parent_delivery == parent, deliveries.c.deleted.is_(False)))
    totals: dict[str, Decimal] = {}
    for material, quantity in rows:
        totals[material] = totals.get(material, Decimal(0)) + quantity
    return totals


def unlinked_deliveries(conn: Connection, sap_order_number: str) -> list[str]:
    """Deliveries of an SAP order that no application claims yet."""
    return list(conn.execute(
        select(deliveries.c.delivery_number)
        .where(deliveries.c.sap_order_number == sap_order_number,
               deliveries.c.application_id.is_(None), deliveries.c.parent_delivery.is_(None))
        .order_by(deliveries.c.delivery_number)).scalars())


def listing(conn: Connection, *, application_id: int | None = None, outlet: str | None = None,
            sap_order_number: str | None = None, include_deleted: bool = False,
            limit: int = 100) -> list[dict[str, Any]]:
    """Deliveries (application records and sub-deliveries), newest first."""
    query = select(deliveries).order_by(deliveries.c.created_at.desc(),
                                        deliveries.c.delivery_number.desc()).limit(limit)
    if application_id is not None:
        query = query.where(deliveries.c.application_id == application_id)
    if outlet is not None:
        query = query.where(deliveries.c.outlet == outlet)
    if sap_order_number is not None:
        query = query.where(deliveries.c.sap_order_number == sap_order_number)
    if not include_deleted:
        query = query.where(deliveries.c.deleted.is_(False))
    return [dict(r) for r in conn.execute(query).mappings()]


# --- applications (as far as deliveries concern them) ----------------------------------------

def _application(conn: Connection, condition: Any, lock: bool) -> dict[str, Any] | None:
    query = select(material_applications).where(condition)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def application_by_id(conn: Connection, application_id: int, *,
                      lock: bool = False) -> dict[str, Any] | None:
    return _application(conn, material_applications.c.id == application_id, lock)


def application_by_sap_number(conn: Connection, number: str, *,
                              lock: bool = False) -> dict[str, Any] | None:
    return _application(conn, material_applications.c.sap_document_number == number, lock)


def application_by_reference(conn: Connection, reference: str, *,
                             lock: bool = False) -> dict[str, Any] | None:
    return _application(conn, material_applications.c.crm_reference == reference, lock)


def application_items(conn: Connection, application_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        select(material_application_items)
        .where(material_application_items.c.application_id == application_id)
        .order_by(material_application_items.c.item_number)).mappings()]


def record_application_delivery(conn: Connection, application_id: int, status: str,
                                delivered: dict[int, Decimal]) -> None:
    """The application's status and delivered quantity per item (by item number)."""
    conn.execute(update(material_applications)
                 .where(material_applications.c.id == application_id)
                 .values(status=status, updated_at=_now()))
    for item_number, quantity in delivered.items():
        conn.execute(update(material_application_items).where(
            material_application_items.c.application_id == application_id,
            material_application_items.c.item_number == item_number)
            .values(delivered_quantity=quantity))


def set_application_sap_number(conn: Connection, application_id: int, number: str) -> None:
    conn.execute(update(material_applications)
                 .where(material_applications.c.id == application_id)
                 .values(sap_document_number=number, updated_at=_now()))


# --- the outlets' online inventory -----------------------------------------------------------

def outlet_exists(conn: Connection, outlet: str) -> bool:
    return conn.execute(select(outlets.c.customer_number)
                        .where(outlets.c.customer_number == outlet)).first() is not None


def unknown_materials(conn: Connection, numbers: Iterable[str]) -> list[str]:
    wanted = sorted(set(numbers))
    known = set(conn.execute(select(materials.c.material_number)
                             .where(materials.c.material_number.in_(wanted))).scalars())
    return [number for number in wanted if number not in known]


def inventory_quantity(conn: Connection, outlet: str, material: str, *,
                       lock: bool = False) -> Decimal | None:
    query = select(outlet_inventory.c.quantity).where(
        outlet_inventory.c.outlet == outlet, outlet_inventory.c.material_number == material)
    if lock:
        query = query.with_for_update()
    value = conn.execute(query).scalar()
    return None if value is None else Decimal(value)


def change_inventory(conn: Connection, outlet: str, material: str, delta: Decimal) -> Decimal:
    """Add ``delta`` (negative: take out) to an outlet's inventory; returns the new quantity."""
    current = inventory_quantity(conn, outlet, material, lock=True)
    if current is None:
        conn.execute(insert(outlet_inventory).values(
            outlet=outlet, material_number=material, quantity=delta, updated_at=_now()))
        return delta
    conn.execute(update(outlet_inventory).where(
        outlet_inventory.c.outlet == outlet, outlet_inventory.c.material_number == material)
        .values(quantity=current + delta, updated_at=_now()))
    return current + delta


def inventory_of(conn: Connection, outlet: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        select(outlet_inventory).where(outlet_inventory.c.outlet == outlet)
        .order_by(outlet_inventory.c.material_number)).mappings()]


# --- returns (their receipt from SAP) --------------------------------------------------------

def return_by_sap_order(conn: Connection, sap_return_order: str, *,
                        lock: bool = False) -> dict[str, Any] | None:
    query = select(returns).where(returns.c.sap_return_order == sap_return_order)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def return_items_of(conn: Connection, return_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        select(return_items).where(return_items.c.return_id == return_id)
        .order_by(return_items.c.item_number)).mappings()]


def set_returns_delivery(conn: Connection, return_id: int, delivery: str | None) -> None:
    conn.execute(update(returns).where(returns.c.id == return_id)
                 .values(sap_returns_delivery=delivery, updated_at=_now()))


def record_receipt(conn: Connection, return_id: int, delivery: str, status: str,
                   reason: str | None, received: dict[int, Decimal]) -> None:
    """The goods receipt of a return: its delivery, status, reason and received quantity per
    item (by item number)."""
    conn.execute(update(returns).where(returns.c.id == return_id).values(
        sap_returns_delivery=delivery, status=status, reason=reason, updated_at=_now()))
    for item_number, quantity in received.items():
        conn.execute(update(return_items).where(return_items.c.return_id == return_id,
                                                return_items.c.item_number == item_number)
                     .values(received_quantity=quantity))


# --- outbox ------------------------------------------------------------------------------------

def has_outbox_entry(conn: Connection, kind: str, crm_reference: str) -> bool:
    """An entry of this kind and reference is waiting, being performed or done."""
    return conn.execute(select(outbox.c.id).where(
        outbox.c.kind == kind, outbox.c.crm_reference == crm_reference,
        outbox.c.status.in_(("pending", "in_progress", "done")))).first() is not None
