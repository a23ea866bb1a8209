"""Sales statistics: SAP's S001 ("customer statistics") imported into the CRM.

Layer: flows. S001 is read with RFC_READ_TABLE, version 000 (actual data), one month
(SPMON) at a time and in pages, so a large month never travels in one answer. The import
replaces the month in the CRM as a whole (one transaction), so importing again is safe and
shows what SAP has now. Rows S001 keeps per day, week or posting period of the same month
are added up to the CRM's key: month, customer, material, sales area.

| CRM column | S001 |
| --- | --- |
| month | SPMON (YYYYMM) |
| customer_number, material_number | KUNNR, MATNR |
| sales_organization, distribution_channel, division | VKORG, VTWEG, SPART |
| incoming_orders_quantity / _value | AEMENGE / AENETWR |
| sales_quantity / _value | UMMENGE / UMNETWR (invoiced) |
| returns_quantity / _value | REMENGE / RENETWR |
| currency | STWAE |
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crm_adapter.domain.errors import DomainError
from crm_adapter.store import statistics as store
from crm_adapter.store.engine import Database
from sap_client import tables
from sap_client.conversion import alpha_input, matn1_input, sap_number

#: S001-VRSIO of actual data
ACTUAL_VERSION = "000"
#: rows per RFC_READ_TABLE call
PAGE_ROWS = 5000
#: S001 field → CRM column
KEY_FIELDS = {"KUNNR": "customer_number", "MATNR": "material_number",
              "VKORG": "sales_organization", "VTWEG": "distribution_channel",
              "SPART": "division"}
FIGURE_FIELDS = {"AEMENGE": "incoming_orders_quantity", "AENETWR": "incoming_orders_value",
                 "UMMENGE": "sales_quantity", "UMNETWR": "sales_value",
                 "REMENGE": "returns_quantity", "RENETWR": "returns_value"}
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class InvalidMonth(DomainError):
    """A query the statistics cannot answer: not a month YYYY-MM, not a customer number."""


def period(month: object) -> str:
    """S001-SPMON (YYYYMM) of a month given as YYYY-MM."""
    match = _MONTH.match(month) if isinstance(month, str) else None
    if match is None:
        raise InvalidMonth(f"month must be given as YYYY-MM, not {month!r}")
    return match.group(1) + match.group(2)


def import_month(db: Database, sap: Any, month: str) -> dict[str, Any]:
    """Read the month from S001 and replace it in the CRM."""
    spmon = period(month)
    rows = aggregate(read_s001(sap, spmon))
    imported_at = datetime.now(UTC)
    with db.write() as conn:
        removed, inserted = store.replace_month(conn, spmon, rows, imported_at)
    return {"month": month, "rows": inserted, "replaced": removed, "imported_at": imported_at}


def read_s001(sap: Any, spmon: str) -> list[dict[str, str]]:
    """The month's S001 rows of actual data, page by page."""
    fields = ["SPMON", *KEY_FIELDS, "STWAE", *FIGURE_FIELDS]
    options = [{"TEXT": line} for line in tables.where(
        tables.equals("SPMON", spmon), tables.equals("VRSIO", ACTUAL_VERSION))]
    rows: list[dict[str, str]] = []
    while True:
        result = sap.call("RFC_READ_TABLE", QUERY_TABLE="S001", DELIMITER="",
                          ROWSKIPS=len(rows), ROWCOUNT=PAGE_ROWS, OPTIONS=options,
                          FIELDS=[{"FIELDNAME": name} for name in fields])
        page = _cut(result)
        rows.extend(page)
        if len(page) < PAGE_ROWS:
            return rows


def _cut(result: Mapping[str, Any]) -> list[dict[str, str]]:
    """DATA lines cut along the FIELDS layout (values may contain any character)."""
    layout = [(str(f["FIELDNAME"]).strip(), int(f["OFFSET"]), int(f["LENGTH"]))
              for f in result.get("FIELDS") or [] if isinstance(f, Mapping)]
    return [{name: str(line["WA"])[offset:offset + length].strip()
             for name, offset, length in layout}
            for line in result.get("DATA") or [] if isinstance(line, Mapping)]


def aggregate(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """One CRM row per customer, material and sales area, the figures added up."""
    totals: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in rows:
        key_values = {column: _key(field, row[field]) for field, column in KEY_FIELDS.items()}
        key = tuple(key_values.values())
        target = totals.setdefault(key, {**key_values, "currency": row["STWAE"],
                                         **{c: Decimal(0) for c in FIGURE_FIELDS.values()}})
        for field, column in FIGURE_FIELDS.items():
            target[column] += _figure(row[field], field)
    return list(totals.values())


def _key(field: str, value: str) -> str:
    if field == "KUNNR":
        return alpha_input(value) if value else ""
    if field == "MATNR":
        return matn1_input(value) if value else ""
    return value


def _figure(value: str, field: str) -> Decimal:
    try:
        return sap_number(value)
    except ValueError:
        raise DomainError(f"S001-{field} '{value}' is not a number") from None


def statistics(conn: Connection, *, month: str | None = None, customer: str | None = None,
               material: str | None = None, sales_organization: str | None = None,
               limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    try:
        customer_number = alpha_input(customer) if customer else None
        material_number = matn1_input(material) if material else None
    except ValueError as error:
        raise InvalidMonth(f"customer or material: {error}") from None
    rows = store.listing(
        conn, month=period(month) if month is not None else None,
        customer_number=customer_number,
        material_number=material_number, sales_organization=sales_organization, limit=limit,
        offset=offset)
    return [{**row, "month": _month(row["month"])} for row in rows]


def imported_months(conn: Connection) -> list[dict[str, Any]]:
    return [{**row, "month": _month(row["month"])} for row in store.months(conn)]


def _month(spmon: str) -> str:
    return f"{spmon[:4]}-{spmon[4:6]}"
