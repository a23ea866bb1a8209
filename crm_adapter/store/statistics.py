"""Repository of the sales statistics imported from SAP's S001.

Layer: store. A month is replaced as a whole: the import deletes the month's rows and
inserts what SAP has now, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from crm_adapter.store.schema import sales_statistics

#: the key columns of a row, besides the month
KEY = ("customer_number", "material_number", "sales_organization", "distribution_channel",
       "division")
FIGURES = ("incoming_orders_quantity", "incoming_orders_value", "sales_quantity",
           "sales_value", "returns_quantity", "returns_value")


def replace_month(conn: Connection, month: str, rows: Iterable[dict[str, Any]],
                  imported_at: datetime) -> tuple[int, int]:
    """Replace the month's rows; returns (rows removed, rows inserted)."""
    removed = conn.execute(delete(sales_statistics)
                           .where(sales_statistics.c.month == month)).rowcount
    values = [{**row, "month": month, "imported_at": imported_at} for row in rows]
    if values:
        conn.execute(insert(sales_statistics), values)
    return removed, len(values)


def listing(conn: Connection, *, month: str | None = None, customer_number: str | None = None,
            material_number: str | None = None, sales_organization: str | None = None,
            limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    query = select(sales_statistics).order_by(*(sales_statistics.c[name] for name in
                                                ("month", *KEY))).limit(limit).offset(offset)
    for column, value in (("month", month), ("customer_number", customer_number),
                          ("material_number", material_number),
                          ("sales_organization", sales_organization)):
        if value is not None:
            query = query.where(sales_statistics.c[column] == value)
    return [dict(r) for r in conn.execute(query).mappings()]


def months(conn: Connection) -> list[dict[str, Any]]:
    """Each imported month: how many rows, when imported."""
    query = (select(sales_statistics.c.month, func.count().label("rows"),
                    func.max(sales_statistics.c.imported_at).label("imported_at"))
             .group_by(sales_statistics.c.month).order_by(sales_statistics.c.month))
    return [dict(r) for r in conn.execute(query).mappings()]
