"""Repository of the CRM's master data: materials (+ maintenance queue), centers, outlets.

Layer: store. Functions take a connection inside the caller's transaction and speak in
domain records (:mod:`crm_adapter.domain.master_data`) or plain dicts of column values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    and_,
    bindparam,
    case,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.sql.expression import Executable

from crm_adapter.domain.master_data import (
    CustomerKind,
    MaintenanceUpdate,
    SapCustomer,
    SapMaterial,
)
from crm_adapter.store.schema import (
    material_maintenance,
    materials,
    outlets,
    provincial_centers,
)


def _now() -> datetime:
    return datetime.now(UTC)


# --- materials -------------------------------------------------------------------------------

# Statements run once per received IDoc are built once: values go in as parameters, so
# SQLAlchemy's compiled cache is hit instead of building and hashing a statement each time
# (an initial load applies 100,000 MATMAS IDocs).
_GET_MATERIAL = select(materials).where(materials.c.material_number == bindparam("number"))
_INSERT_MATERIAL = insert(materials)
_QUEUE_FOR_MAINTENANCE = insert(material_maintenance)
#: the SET clause is made of the parameters given besides ``number``
_UPDATE_MATERIAL = update(materials).where(materials.c.material_number == bindparam("number"))
#: material numbers per IN list
_NUMBERS_PER_QUERY = 500


def get_material(conn: Connection, material_number: str) -> dict[str, Any] | None:
    row = conn.execute(_GET_MATERIAL, {"number": material_number}).mappings().first()
    return dict(row) if row else None


def base_unit(conn: Connection, material_number: str) -> str:
    """The material's base unit ("" for a material the CRM does not have)."""
    material = get_material(conn, material_number)
    return material["base_unit"] if material else ""


def get_materials(conn: Connection, material_numbers: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The materials the CRM has among ``material_numbers``, by number."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(material_numbers), _NUMBERS_PER_QUERY):
        chunk = material_numbers[start:start + _NUMBERS_PER_QUERY]
        found.update((row["material_number"], dict(row)) for row in conn.execute(
            select(materials).where(materials.c.material_number.in_(chunk))).mappings())
    return found


def _sap_owned_values(material: SapMaterial) -> dict[str, Any]:
    values: dict[str, Any] = {
        "description_en": material.description_en, "description_zh": material.description_zh,
        "material_type": material.material_type, "material_group": material.material_group,
        "base_unit": material.base_unit, "deleted": material.deleted,
    }
    if material.prices is not None:
        values.update(standard_price=material.prices.standard,
                      moving_average_price=material.prices.moving_average,
                      outlet_purchase_price=material.prices.outlet_purchase,
                      retail_price=material.prices.retail,
                      price_unit=material.prices.price_unit)
    return values


def create_material(conn: Connection, material: SapMaterial) -> None:
    """Insert a material SAP created and queue it for maintenance of the CRM-only fields."""
    create_materials(conn, [material])


def create_materials(conn: Connection, new: Sequence[SapMaterial]) -> None:
    """Insert materials SAP created and queue them for maintenance of the CRM-only fields."""
    if not new:
        return
    now = _now()
    _execute_by_shape(conn, _INSERT_MATERIAL, [
        {"material_number": m.material_number, "created_at": now, "updated_at": now,
         **_sap_owned_values(m)} for m in new])
    conn.execute(_QUEUE_FOR_MAINTENANCE, [{"material_number": m.material_number,
                                           "queued_at": now} for m in new])


def update_material(conn: Connection, material: SapMaterial) -> None:
    """Overwrite the fields SAP owns; position number and repair level are left alone."""
    update_materials(conn, [material])


def update_materials(conn: Connection, changed: Sequence[SapMaterial]) -> None:
    """Overwrite the fields SAP owns of each; position number and repair level stay."""
    now = _now()
    _execute_by_shape(conn, _UPDATE_MATERIAL, [
        {"number": m.material_number, "updated_at": now, **_sap_owned_values(m)}
        for m in changed])


def flag_material_deleted(conn: Connection, material_number: str) -> None:
    flag_materials_deleted(conn, [material_number])


def flag_materials_deleted(conn: Connection, material_numbers: Sequence[str]) -> None:
    if material_numbers:
        conn.execute(_UPDATE_MATERIAL, [{"number": number, "deleted": True,
                                         "updated_at": _now()} for number in material_numbers])


def _execute_by_shape(conn: Connection, statement: Executable,
                      rows: Sequence[dict[str, Any]]) -> None:
    """Execute once per set of columns: an executemany takes its columns from the first
    row (a material without prices leaves the price columns alone)."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_columns.setdefault(tuple(row), []).append(row)
    for same_columns in by_columns.values():
        conn.execute(statement, same_columns)


def pending_maintenance(conn: Connection) -> list[dict[str, Any]]:
    """Materials waiting for their CRM-only fields, oldest first."""
    query = (select(materials, material_maintenance.c.queued_at)
             .join(material_maintenance,
                   material_maintenance.c.material_number == materials.c.material_number)
             .order_by(material_maintenance.c.queued_at, materials.c.material_number))
    return [dict(r) for r in conn.execute(query).mappings()]


def material_view(conn: Connection, material_number: str) -> dict[str, Any] | None:
    """The material with ``queued_at``: when it joined the maintenance queue, None when its
    CRM-only fields are maintained."""
    row = conn.execute(_material_views().where(materials.c.material_number == material_number)
                       ).mappings().first()
    return dict(row) if row else None


def list_materials(conn: Connection, *, after: str | None, include_deleted: bool,
                   limit: int) -> list[dict[str, Any]]:
    """Materials ordered by number, each with ``queued_at`` (see :func:`material_view`); a
    page starts after the number ``after`` (keyset paging: stable while materials arrive)."""
    query = _material_views().order_by(materials.c.material_number).limit(limit)
    if after is not None:
        query = query.where(materials.c.material_number > after)
    if not include_deleted:
        query = query.where(materials.c.deleted.is_(False))
    return [dict(r) for r in conn.execute(query).mappings()]


def _material_views() -> Select[Any]:
    return select(materials, material_maintenance.c.queued_at).outerjoin(
        material_maintenance,
        material_maintenance.c.material_number == materials.c.material_number)


def is_queued(conn: Connection, material_number: str) -> bool:
    return conn.execute(select(material_maintenance.c.material_number).where(
        material_maintenance.c.material_number == material_number)).first() is not None


def maintain_material(conn: Connection, material_number: str, fields: MaintenanceUpdate) -> bool:
    """Set the CRM-only fields and take the material off the queue; False if unknown."""
    changed = conn.execute(update(materials)
                           .where(materials.c.material_number == material_number)
                           .values(position_number=fields.position_number,
                                   repair_level=fields.repair_level, updated_at=_now()))
    if changed.rowcount != 1:
        return False
    conn.execute(delete(material_maintenance).where(
        material_maintenance.c.material_number == material_number))
    return True


# --- provincial centers and outlets ----------------------------------------------------------

_TABLES = {CustomerKind.PROVINCIAL_CENTER: provincial_centers, CustomerKind.OUTLET: outlets}


def customer_kind_of(conn: Connection, customer_number: str) -> CustomerKind | None:
    """Which kind of customer the CRM already keeps under this number, if any."""
    for kind, table in _TABLES.items():
        if conn.execute(select(table.c.customer_number).where(
                table.c.customer_number == customer_number)).first() is not None:
            return kind
    return None


def get_provincial_center(conn: Connection, customer_number: str) -> dict[str, Any] | None:
    row = conn.execute(select(provincial_centers).where(
        provincial_centers.c.customer_number == customer_number)).mappings().first()
    return dict(row) if row else None


def get_outlet(conn: Connection, customer_number: str) -> dict[str, Any] | None:
    row = conn.execute(select(outlets).where(
        outlets.c.customer_number == customer_number)).mappings().first()
    return dict(row) if row else None


def upsert_customer(conn: Connection, customer: SapCustomer) -> bool:
    """Create or update a center or outlet as SAP has it; True if it was created."""
    table = _TABLES[customer.kind]
    values: dict[str, Any] = {"name": customer.name, "city": customer.city,
                              "region": customer.region, "deleted": customer.deleted,
                              "updated_at": _now()}
    if customer.kind is CustomerKind.OUTLET and customer.provincial_center is not None:
        values["provincial_center"] = customer.provincial_center or None
    changed = conn.execute(update(table)
                           .where(table.c.customer_number == customer.customer_number)
                           .values(**values))
    if changed.rowcount == 1:
        return False
    conn.execute(insert(table).values(customer_number=customer.customer_number,
                                      created_at=values["updated_at"], **values))
    return True


def flag_customer_deleted(conn: Connection, kind: CustomerKind, customer_number: str) -> None:
    table = _TABLES[kind]
    conn.execute(update(table).where(table.c.customer_number == customer_number)
                 .values(deleted=True, updated_at=_now()))


def outlets_of(conn: Connection, provincial_center: str) -> list[str]:
    """The outlets SAP assigns to a provincial center (customer numbers, sorted)."""
    return list(conn.execute(select(outlets.c.customer_number)
                             .where(outlets.c.provincial_center == provincial_center)
                             .order_by(outlets.c.customer_number)).scalars())


def outlets_with_pending_center(conn: Connection) -> list[dict[str, Any]]:
    """Outlets whose provincial center has not arrived from SAP yet."""
    query = (select(outlets)
             .outerjoin(provincial_centers,
                        provincial_centers.c.customer_number == outlets.c.provincial_center)
             .where(outlets.c.provincial_center.is_not(None),
                    provincial_centers.c.customer_number.is_(None))
             .order_by(outlets.c.customer_number))
    return [dict(r) for r in conn.execute(query).mappings()]


def _outlet_views() -> Select[Any]:
    """Outlets with ``provincial_center_pending``: the outlet names a center the CRM has
    not received yet."""
    pending = and_(outlets.c.provincial_center.is_not(None),
                   provincial_centers.c.customer_number.is_(None))
    return (select(outlets, case((pending, True), else_=False)
                   .label("provincial_center_pending"))
            .outerjoin(provincial_centers,
                       provincial_centers.c.customer_number == outlets.c.provincial_center))


def outlet_view(conn: Connection, customer_number: str) -> dict[str, Any] | None:
    """The outlet with ``provincial_center_pending`` (see :func:`list_outlets`)."""
    row = conn.execute(_outlet_views().where(outlets.c.customer_number == customer_number)
                       ).mappings().first()
    return _with_flag(row, "provincial_center_pending") if row else None


def list_outlets(conn: Connection, *, provincial_center: str | None, center_pending: bool,
                 after: str | None, include_deleted: bool, limit: int
                 ) -> list[dict[str, Any]]:
    """Outlets ordered by customer number, each with ``provincial_center_pending`` (it
    names a center the CRM has not received yet); optionally only those of one center, or
    only the pending ones; a page starts after the customer number ``after``."""
    query = _outlet_views().order_by(outlets.c.customer_number).limit(limit)
    if provincial_center is not None:
        query = query.where(outlets.c.provincial_center == provincial_center)
    if center_pending:
        query = query.where(outlets.c.provincial_center.is_not(None),
                            provincial_centers.c.customer_number.is_(None))
    if after is not None:
        query = query.where(outlets.c.customer_number > after)
    if not include_deleted:
        query = query.where(outlets.c.deleted.is_(False))
    return [_with_flag(r, "provincial_center_pending") for r in conn.execute(query).mappings()]


def list_provincial_centers(conn: Connection, *, after: str | None, include_deleted: bool,
                            limit: int) -> list[dict[str, Any]]:
    """Provincial centers ordered by customer number; a page starts after ``after``."""
    query = (select(provincial_centers).order_by(provincial_centers.c.customer_number)
             .limit(limit))
    if after is not None:
        query = query.where(provincial_centers.c.customer_number > after)
    if not include_deleted:
        query = query.where(provincial_centers.c.deleted.is_(False))
    return [dict(r) for r in conn.execute(query).mappings()]


def _with_flag(row: Any, name: str) -> dict[str, Any]:
    # SQLite hands a CASE back as 0/1
    values = dict(row)
    values[name] = bool(values[name])
    return values


def center_is_known(conn: Connection, customer_number: str) -> bool:
    return get_provincial_center(conn, customer_number) is not None
