"""SD services: what the sales and delivery BAPIs call.

Each function here opens its own transaction (reads at call time), or is an *update task*
that runs in the transaction of ``BAPI_TRANSACTION_COMMIT`` (``conn, mandt, payload``).
The writes go through the one writer module of each table: ``sales_orders`` (VBAK, VBAP,
VBEP, VBPA), ``deliveries`` (LIKP, LIPS), ``status`` (VBUK, VBUP), ``document_flow``
(VBFA), ``statistics`` (S001). Callers pass typed inputs and get domain results back; they
never see SQL.

Layer: service. May import ``fake_sap.db``, ``fake_sap.sd``, ``fake_sap.mm`` and
``fake_sap.errors``; never the RFC or HTTP layers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.sd import deliveries, sales_orders, status
from fake_sap.sd.sales_orders import OrderInput, OrderPlan

# --- sales documents --------------------------------------------------------------------------


def plan_sales_document(db: Database, mandt: str, order: OrderInput, *, external_number: str,
                        today: str, now_time: str, user: str) -> OrderPlan:
    """Check a sales document and compute it (ATP, credit) without writing anything;
    raises :class:`~fake_sap.errors.ApplicationError` with the refusal."""
    with db.read() as conn:
        if external_number:
            sales_orders.check_number_is_free(conn, mandt, external_number)
        customizing = {table: set(entries) for table, entries in
                       clients.customizing_entries(conn, mandt).items()}
        return sales_orders.plan(conn, mandt, order, vbeln=external_number, today=today,
                                 now_time=now_time, user=user, customizing=customizing)


def save_sales_document(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    """Update task: write a planned sales document (VBAK/VBAP/VBEP/VBPA/VBUK/VBUP, VBFA,
    S001)."""
    sales_orders.save(conn, mandt, OrderPlan.from_payload(payload))


@dataclass(frozen=True)
class DeliveredQuantity:
    """A delivery item (LIPS) that references an order item."""

    vbeln: str
    posnr: str
    lfdat: str
    lfimg: str


@dataclass(frozen=True)
class ItemStatus:
    posnr: str
    matnr: str
    arktx: str
    vrkme: str
    netwr: str
    netpr: str
    abgru: str
    #: VBUP-LFSTA, "" when the item has no status row
    lfsta: str
    #: ordered and confirmed quantity over the schedule lines, and the first date
    requested: Decimal
    confirmed: Decimal
    first_date: str
    deliveries: tuple[DeliveredQuantity, ...]


@dataclass(frozen=True)
class OrderStatus:
    vbeln: str
    audat: str
    bstnk: str
    vdatu: str
    lifsk: str
    waerk: str
    #: VBUK-GBSTK and -LFGSK, "" when the document has no status row
    gbstk: str
    lfgsk: str
    items: tuple[ItemStatus, ...]


def order_status(db: Database, mandt: str, vbeln: str) -> OrderStatus | None:
    """A committed sales document with its statuses and deliveries; None if unknown."""
    with db.read() as conn:
        header = sales_orders.header(conn, mandt, vbeln)
        if header is None:
            return None
        header_status = status.header(conn, mandt, vbeln) or {}
        item_status = status.item_delivery_statuses(conn, mandt, vbeln)
        schedules = sales_orders.schedule_totals(conn, mandt, vbeln)
        delivered = deliveries.items_by_order_item(conn, mandt, vbeln)
        items = []
        for item in sales_orders.items(conn, mandt, vbeln):
            requested, confirmed, first_date = schedules.get(
                item["posnr"], (Decimal(0), Decimal(0), ""))
            items.append(ItemStatus(
                posnr=item["posnr"], matnr=item["matnr"], arktx=item["arktx"],
                vrkme=item["vrkme"], netwr=item["netwr"], netpr=item["netpr"],
                abgru=item["abgru"], lfsta=item_status.get(item["posnr"], ""),
                requested=requested, confirmed=confirmed, first_date=first_date,
                deliveries=tuple(DeliveredQuantity(d["vbeln"], d["posnr"], d["lfdat"],
                                                   d["lfimg"])
                                 for d in delivered.get(item["posnr"], []))))
    return OrderStatus(
        vbeln=vbeln, audat=header["audat"], bstnk=header["bstnk"], vdatu=header["vdatu"],
        lifsk=header["lifsk"], waerk=header["waerk"], gbstk=header_status.get("gbstk", ""),
        lfgsk=header_status.get("lfgsk", ""), items=tuple(items))
