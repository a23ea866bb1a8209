"""Sales statistics: the S001 info structure ("customer statistics"), updated by documents.

One row per month (SPMON), sold-to, sales area and material, in version 000 (actual data).
Orders update the incoming-order figures (AE*), returns the returns figures (RE*), goods
issues for deliveries the shipped quantity (LFMENGE, kept here because the CRM analyses
shipments; billing, which would update UM*, is not part of the emulated flows).

Layer: business (SD). The one writer of S001.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, update

from fake_sap.db.documents import s001
from fake_sap.db.upsert import dialect_insert

if TYPE_CHECKING:
    from fake_sap.sd.sales_orders import OrderPlan

ACTUAL = "000"
#: the key of an S001 row, as :func:`_key` builds it
_KEY = ("mandt", "ssour", "vrsio", "spmon", "sptag", "spwoc", "spbup", "kunnr", "vkorg",
        "vtweg", "spart", "matnr")


def _key(mandt: str, month: str, kunnr: str, area: tuple[str, str, str],
         matnr: str) -> dict[str, Any]:
    return {"mandt": mandt, "ssour": "", "vrsio": ACTUAL, "spmon": month, "sptag": "",
            "spwoc": "", "spbup": "", "kunnr": kunnr, "vkorg": area[0], "vtweg": area[1],
            "spart": area[2], "matnr": matnr}


@lru_cache(maxsize=16)
def _claim_statement(dialect: str, figures: tuple[str, ...]) -> Any:
    """INSERT the row unless it exists, and either way return its figures (the conflict
    "update" changes nothing, but makes the statement return the existing row and, on
    PostgreSQL, lock it until the transaction ends). Built once per dialect and figures."""
    insert = dialect_insert(dialect, s001)
    statement = insert.values({c: bindparam(c) for c in (*_KEY, "stwae", "basme")})
    return statement.on_conflict_do_update(
        index_elements=list(_KEY), set_={"stwae": s001.c.stwae},
    ).returning(*(s001.c[f] for f in figures))


@lru_cache(maxsize=16)
def _update_statement(figures: tuple[str, ...]) -> Any:
    return update(s001).where(*(s001.c[name] == bindparam(f"key_{name}") for name in _KEY)
                              ).values({f: bindparam(f) for f in figures})


def add(conn: Connection, key: dict[str, Any], currency: str, unit: str,
        **figures: Decimal) -> None:
    """Add key figures to a row, creating it on first use."""
    names = tuple(figures)
    row = conn.execute(_claim_statement(conn.dialect.name, names),
                       {**key, "stwae": currency, "basme": unit}).mappings().one()
    changes = {name: str(Decimal(row[name]) + delta) for name, delta in figures.items()}
    conn.execute(_update_statement(names),
                 {**changes, **{f"key_{name}": value for name, value in key.items()}})


def record_order(conn: Connection, mandt: str, order: OrderPlan) -> None:
    month = order.erdat[:6]
    area = (order.vkorg, order.vtweg, order.spart)
    for item in order.items:
        key = _key(mandt, month, order.sold_to, area, item.matnr)
        if order.vbtyp == "H":
            add(conn, key, order.currency, item.unit, renetwr=Decimal(item.value),
                remenge=Decimal(item.quantity), anzrepos=Decimal(1))
        else:
            add(conn, key, order.currency, item.unit, aenetwr=Decimal(item.value),
                aemenge=Decimal(item.quantity), anzaupos=Decimal(1))


def record_shipment(conn: Connection, mandt: str, day: str, kunnr: str,
                    area: tuple[str, str, str], matnr: str, quantity: Decimal,
                    unit: str, currency: str = "CNY") -> None:
    add(conn, _key(mandt, day[:6], kunnr, area, matnr), currency, unit, lfmenge=quantity)
