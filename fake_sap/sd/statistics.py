"""Sales statistics: the S001 info structure ("customer statistics"), updated by documents.

One row per month (SPMON), sold-to, sales area and material, in version 000 (actual data).
Orders update the incoming-order figures (AE*), returns the returns figures (RE*), goods
issues for deliveries the shipped quantity (LFMENGE, kept here because the CRM analyses
shipments; billing, which would update UM*, is not part of the emulated flows).

Layer: business (SD). The one writer of S001.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, update

from fake_sap.db.documents import s001
from fake_sap.db.upsert import insert_if_absent

if TYPE_CHECKING:
    from fake_sap.sd.sales_orders import OrderPlan

ACTUAL = "000"


def _key(mandt: str, month: str, kunnr: str, area: tuple[str, str, str],
         matnr: str) -> dict[str, Any]:
    return {"mandt": mandt, "ssour": "", "vrsio": ACTUAL, "spmon": month, "sptag": "",
            "spwoc": "", "spbup": "", "kunnr": kunnr, "vkorg": area[0], "vtweg": area[1],
            "spart": area[2], "matnr": matnr}


def add(conn: Connection, key: dict[str, Any], currency: str, unit: str,
        **figures: Decimal) -> None:
    """Add key figures to a row, creating it on first use."""
    insert_if_absent(conn, s001, {**key, "stwae": currency, "basme": unit})
    where = [s001.c[name] == value for name, value in key.items()]
    row = conn.execute(select(*(s001.c[f] for f in figures)).where(*where)).mappings().one()
    changes = {name: str(Decimal(row[name]) + delta) for name, delta in figures.items()}
    conn.execute(update(s001).where(*where).values(**changes))


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
