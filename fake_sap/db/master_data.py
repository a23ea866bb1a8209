"""Reading the material and customer master for business processes (orders, deliveries)
and, many objects at once, for outbound master-data IDocs.

Layer: persistence (reads only). The tables are written by their one writer each,
:mod:`fake_sap.mm.material_master` and :mod:`fake_sap.sd.customer_master`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, select

from fake_sap.db.bulk import read_rows
from fake_sap.db.schema import kna1, knkk, knvp, knvv, makt, mara, marc, mard

#: keys per IN list: SQLite allows 999 bound variables in older versions
KEYS_PER_QUERY = 500
#: a row as :func:`rows_by_object` gives it: the values of the table's columns, in order
Row = tuple[Any, ...]


def object_keys(conn: Connection, table: Table, key: str, mandt: str) -> list[str]:
    """Every object of the client in a master table (MARA, KNA1), in key order."""
    column = table.c[key]
    return list(conn.execute(select(column).where(table.c.mandt == mandt)
                             .order_by(column)).scalars())


def rows_by_object(conn: Connection, table: Table, key: str, mandt: str,
                   keys: Sequence[str], columns: Sequence[str] | None = None
                   ) -> dict[str, list[Row]]:
    """The rows of ``table`` belonging to each of the objects ``keys`` (column ``key``),
    in primary-key order; objects without rows are left out. One query per 500 keys.

    The rows are plain tuples, columns in table order (:func:`position` finds one), read
    past SQLAlchemy (:func:`fake_sap.db.bulk.read_rows`): for readers of many objects, whose
    rows cost more in SQLAlchemy than in the database. With ``columns`` (which must name
    ``key``) the rows hold only those columns, in that order: a reader that needs few of a
    wide table's columns reads only those."""
    position_of_key = position(table, key) if columns is None else list(columns).index(key)
    order = [key, *(c.name for c in table.primary_key.columns if c.name not in ("mandt", key))]
    result: dict[str, list[Row]] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), KEYS_PER_QUERY):
        chunk = unique[start:start + KEYS_PER_QUERY]
        for row in read_rows(conn, table, mandt, key, chunk, order, columns):
            result.setdefault(row[position_of_key], []).append(row)
    return result


def position(table: Table, column: str) -> int:
    """Where a column is in the rows of :func:`rows_by_object`."""
    return table.columns.keys().index(column)


def _one(conn: Connection, query: Any) -> dict[str, Any] | None:
    row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def material(conn: Connection, mandt: str, matnr: str) -> dict[str, Any] | None:
    return _one(conn, select(mara).where(mara.c.mandt == mandt, mara.c.matnr == matnr))


def material_text(conn: Connection, mandt: str, matnr: str, spras: str = "E") -> str:
    rows = conn.execute(select(makt.c.spras, makt.c.maktx).where(
        makt.c.mandt == mandt, makt.c.matnr == matnr)).all()
    texts = {r[0]: r[1] for r in rows}
    return texts.get(spras) or next(iter(texts.values()), "")


def material_plant(conn: Connection, mandt: str, matnr: str,
                   werks: str) -> dict[str, Any] | None:
    return _one(conn, select(marc).where(marc.c.mandt == mandt, marc.c.matnr == matnr,
                                         marc.c.werks == werks))


def unrestricted_stock(conn: Connection, mandt: str, matnr: str, werks: str) -> Decimal:
    """Unrestricted-use stock of a material in a plant, over all storage locations."""
    values = conn.execute(select(mard.c.labst).where(
        mard.c.mandt == mandt, mard.c.matnr == matnr, mard.c.werks == werks)).scalars()
    return sum((Decimal(v) for v in values), Decimal(0))


def customer(conn: Connection, mandt: str, kunnr: str) -> dict[str, Any] | None:
    return _one(conn, select(kna1).where(kna1.c.mandt == mandt, kna1.c.kunnr == kunnr))


def customer_sales_area(conn: Connection, mandt: str, kunnr: str, vkorg: str, vtweg: str,
                        spart: str) -> dict[str, Any] | None:
    return _one(conn, select(knvv).where(knvv.c.mandt == mandt, knvv.c.kunnr == kunnr,
                                         knvv.c.vkorg == vkorg, knvv.c.vtweg == vtweg,
                                         knvv.c.spart == spart))


def partner(conn: Connection, mandt: str, kunnr: str, vkorg: str, vtweg: str, spart: str,
            parvw: str) -> str | None:
    """The first partner of a function in a customer's sales area (KNVP), e.g. ZP."""
    return conn.execute(select(knvp.c.kunn2).where(
        knvp.c.mandt == mandt, knvp.c.kunnr == kunnr, knvp.c.vkorg == vkorg,
        knvp.c.vtweg == vtweg, knvp.c.spart == spart, knvp.c.parvw == parvw)
        .order_by(knvp.c.parza)).scalar()


def credit_data(conn: Connection, mandt: str, kunnr: str, kkber: str) -> dict[str, Any] | None:
    return _one(conn, select(knkk).where(knkk.c.mandt == mandt, knkk.c.kunnr == kunnr,
                                         knkk.c.kkber == kkber))
