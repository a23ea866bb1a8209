"""Repository of repair orders (with the materials used) and the labour fee rules.

Layer: store. Functions take a connection inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection, delete, insert, select, update

from crm_adapter.store.engine import inserted_id
from crm_adapter.store.schema import (
    labour_fee_rules,
    materials,
    outlets,
    repair_order_materials,
    repair_orders,
)

#: the CRM reference of a repair order: "RO" + 10 digits of its id
REFERENCE_PREFIX = "RO"


@dataclass(frozen=True, slots=True)
class NewRepair:
    crm_reference: str | None
    outlet: str
    repair_date: date
    repair_method: str
    repaired_material: str | None
    repair_level: str
    fee: Decimal
    materials: tuple[tuple[str, Decimal], ...]


# --- labour fee rules ------------------------------------------------------------------------

def fee_rules(conn: Connection) -> list[dict[str, Any]]:
    rows = [dict(r) for r in conn.execute(select(labour_fee_rules)).mappings()]
    return sorted(rows, key=lambda r: (len(r["repair_level"]), r["repair_level"]))


def fee_table(conn: Connection) -> dict[str, Decimal]:
    return {r["repair_level"]: r["fee"] for r in fee_rules(conn)}


def set_fee_rule(conn: Connection, level: str, fee: Decimal, currency: str) -> None:
    changed = conn.execute(update(labour_fee_rules)
                           .where(labour_fee_rules.c.repair_level == level)
                           .values(fee=fee, currency=currency))
    if changed.rowcount == 0:
        conn.execute(insert(labour_fee_rules).values(repair_level=level, fee=fee,
                                                     currency=currency))


def delete_fee_rule(conn: Connection, level: str) -> bool:
    return conn.execute(delete(labour_fee_rules)
                        .where(labour_fee_rules.c.repair_level == level)).rowcount == 1


# --- repair orders ---------------------------------------------------------------------------

def material_levels(conn: Connection, numbers: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Repair level and deletion flag of the given materials the CRM knows."""
    rows = conn.execute(select(materials.c.material_number, materials.c.repair_level,
                               materials.c.deleted)
                        .where(materials.c.material_number.in_(sorted(set(numbers)))))
    return {r.material_number: {"repair_level": r.repair_level, "deleted": r.deleted}
            for r in rows}


def reference_taken(conn: Connection, reference: str) -> bool:
    return conn.execute(select(repair_orders.c.id).where(
        repair_orders.c.crm_reference == reference)).first() is not None


def create_repair(conn: Connection, repair: NewRepair) -> int:
    """Insert a repair order; without a CRM reference it gets RO + its id."""
    result = conn.execute(insert(repair_orders).values(
        crm_reference=repair.crm_reference or f"new-{uuid4().hex}", outlet=repair.outlet,
        repair_date=repair.repair_date, repair_method=repair.repair_method,
        repaired_material=repair.repaired_material, repair_level=repair.repair_level,
        fee=repair.fee, settlement_id=None, created_at=datetime.now(UTC)))
    repair_id = inserted_id(result)
    if not repair.crm_reference:
        conn.execute(update(repair_orders).where(repair_orders.c.id == repair_id)
                     .values(crm_reference=f"{REFERENCE_PREFIX}{repair_id:010d}"))
    if repair.materials:
        conn.execute(insert(repair_order_materials), [
            {"repair_order_id": repair_id, "material_number": material, "quantity": quantity}
            for material, quantity in repair.materials])
    return repair_id


def _with_materials(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    used: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        for r in conn.execute(select(repair_order_materials)
                              .where(repair_order_materials.c.repair_order_id.in_(ids))
                              .order_by(repair_order_materials.c.material_number)).mappings():
            used[r["repair_order_id"]].append({"material_number": r["material_number"],
                                               "quantity": r["quantity"]})
    return [{**r, "materials": used[r["id"]]} for r in rows]


def get_repair(conn: Connection, repair_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(repair_orders).where(repair_orders.c.id == repair_id)
                       ).mappings().first()
    return _with_materials(conn, [dict(row)])[0] if row else None


def listing(conn: Connection, *, outlet: str | None = None, date_from: date | None = None,
            date_to: date | None = None, settled: bool | None = None,
            settlement_id: int | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Repair orders, by date then id."""
    query = select(repair_orders).order_by(repair_orders.c.repair_date,
                                           repair_orders.c.id).limit(limit)
    if outlet is not None:
        query = query.where(repair_orders.c.outlet == outlet)
    if date_from is not None:
        query = query.where(repair_orders.c.repair_date >= date_from)
    if date_to is not None:
        query = query.where(repair_orders.c.repair_date <= date_to)
    if settled is not None:
        column = repair_orders.c.settlement_id
        query = query.where(column.is_not(None) if settled else column.is_(None))
    if settlement_id is not None:
        query = query.where(repair_orders.c.settlement_id == settlement_id)
    return _with_materials(conn, [dict(r) for r in conn.execute(query).mappings()])


def unsettled_by_center(conn: Connection, up_to: date) -> dict[str, list[dict[str, Any]]]:
    """Repairs dated up to ``up_to`` and not settled, per provincial center of their outlet
    (outlets whose center is not known are left out: the CRM cannot pay them yet)."""
    query = (select(repair_orders.c.id, repair_orders.c.fee, repair_orders.c.outlet,
                    outlets.c.provincial_center)
             .select_from(repair_orders.join(
                 outlets, outlets.c.customer_number == repair_orders.c.outlet))
             .where(repair_orders.c.settlement_id.is_(None),
                    repair_orders.c.repair_date <= up_to,
                    outlets.c.provincial_center.is_not(None))
             .order_by(outlets.c.provincial_center, repair_orders.c.id)
             .with_for_update(of=repair_orders))
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute(query).mappings():
        grouped.setdefault(row["provincial_center"], []).append(dict(row))
    return grouped


def assign_to_settlement(conn: Connection, repair_ids: list[int], settlement_id: int) -> None:
    conn.execute(update(repair_orders).where(repair_orders.c.id.in_(repair_ids),
                                             repair_orders.c.settlement_id.is_(None))
                 .values(settlement_id=settlement_id))
