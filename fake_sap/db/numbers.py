"""Number ranges (SNRO): gap-free within a transaction, shared by all worker processes.

The one writer of ``number_ranges`` (SAP's NRIV): every document number is drawn here.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from fake_sap.db.schema import number_ranges
from fake_sap.db.upsert import insert_if_absent

#: first number of each range object, as in a freshly customized system
RANGE_STARTS: dict[str, int] = {
    "EDI_DOCNUM": 1,
    "RV_BELEG": 10000,  # sales documents (orders, returns)
    "RV_BELEG_LF": 80000000,  # deliveries
    "MATBELEG": 4900000000,  # material documents
    "EINKBELEG": 4500000000,  # purchase orders
    "RF_BELEG": 100000000,  # accounting documents (one range per company code and year)
}


def take(conn: Connection, mandt: str, obj: str, count: int = 1) -> int:
    """Reserve ``count`` consecutive numbers and return the first.

    The UPDATE takes a row lock (PostgreSQL) or runs under the write lock (SQLite), so two
    workers never get the same number. Numbers taken by a transaction that rolls back are
    given back with it; a later issue's LUW handling decides when gaps are wanted.
    """
    table = number_ranges
    where = (table.c.mandt == mandt) & (table.c.object == obj)
    updated = conn.execute(
        update(table).where(where).values(next_value=table.c.next_value + count)
        .returning(table.c.next_value)
    ).first()
    if updated is not None:
        return int(updated[0]) - count
    # a range created on first use (e.g. per fiscal year); racing creators are harmless
    start = RANGE_STARTS.get(obj.split(":", 1)[0], 1)
    insert_if_absent(conn, table, {"mandt": mandt, "object": obj, "next_value": start})
    return take(conn, mandt, obj, count)


def current(conn: Connection, mandt: str, obj: str) -> int | None:
    row = conn.execute(select(number_ranges.c.next_value).where(
        number_ranges.c.mandt == mandt, number_ranges.c.object == obj)).first()
    return int(row[0]) if row else None


def install(conn: Connection, mandt: str) -> None:
    """Create the client's number range rows up front, so concurrent first use cannot race."""
    conn.execute(insert(number_ranges), [
        {"mandt": mandt, "object": obj, "next_value": start}
        for obj, start in RANGE_STARTS.items()
    ])
