"""Reading CRM documents that have a header row and item rows (applications, returns)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, Table, select


def items_by_header(conn: Connection, items: Table, header_key: Column,
                    ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The item rows of the given headers, in item order, keyed by header id (the header
    key column is left out of each item)."""
    if not ids:
        return {}
    found: dict[int, list[dict[str, Any]]] = {}
    query = (select(items).where(header_key.in_(ids))
             .order_by(header_key, items.c.item_number))
    for row in conn.execute(query).mappings():
        item = dict(row)
        found.setdefault(item.pop(header_key.name), []).append(item)
    return found


def listing(conn: Connection, headers: Table, items: Table, header_key: Column, *,
            outlet: str | None, status: str | None, limit: int) -> list[dict[str, Any]]:
    """Documents with their items, newest first, optionally of one outlet or status."""
    query = select(headers).order_by(headers.c.id.desc()).limit(limit)
    if outlet:
        query = query.where(headers.c.outlet == outlet)
    if status:
        query = query.where(headers.c.status == status)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    found = items_by_header(conn, items, header_key, [r["id"] for r in rows])
    return [{**row, "items": found.get(row["id"], [])} for row in rows]
