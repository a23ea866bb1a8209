"""A customer's order received electronically (process code ORDE, IDOC_INPUT_ORDERS) becomes
a sales order, with the same checks and messages as BAPI_SALESORDER_CREATEFROMDAT2.

Layer: business. Imports the sales-order service, the customer master and the number
ranges; never ``ale``, ``idoc``, ``rfc`` or ``http``. It takes the typed order
(:class:`fake_sap.sd.sales_orders.OrderInput`) and returns :class:`OrderReceived`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection

from fake_sap.db import numbers
from fake_sap.errors import ApplicationError, SapMessage, declared_error
from fake_sap.lookups import Lookups
from fake_sap.sd import customer_master, sales_orders
from fake_sap.sd.sales_orders import OrderInput, OrderPlan

#: the kind of object in :class:`fake_sap.lookups.Lookups`
KIND = "sales_order"
NUMBER_RANGE = "RV_BELEG"


@dataclass(frozen=True, slots=True)
class OrderReceived:
    """A checked sales order with its number, not yet saved (see :func:`save`)."""

    vbeln: str  # VBAK-VBELN
    message: SapMessage
    plan: OrderPlan


def no_sales_area(sold_to: str) -> ApplicationError:
    """VG 204: the sales area of an order cannot be determined."""
    return declared_error("VG", "204", sold_to.lstrip("0") or sold_to)


def determine_sales_area(conn: Connection, mandt: str, order: OrderInput) -> OrderInput:
    """No organisation data in the order: SAP looks the sales area up (table EDSDC) from the
    sold-to party; here, the sold-to's only sales area. None or several: VG 204."""
    if order.sales_org:
        return order
    areas = customer_master.sales_areas(conn, mandt, order.sold_to)
    if len(areas) != 1:
        raise no_sales_area(order.sold_to)
    sales_org, distr_chan, division = areas[0]
    return replace(order, sales_org=sales_org, distr_chan=distr_chan, division=division)


def receive(lookups: Lookups, order: OrderInput) -> OrderReceived:
    """Check and plan a received order and draw its number; nothing is saved yet. An order
    that fails its checks raises the first message and takes no number."""
    conn = lookups.conn
    assert conn is not None  # a sales order's checks read stock, prices and credit
    order = determine_sales_area(conn, lookups.mandt, order)
    plan = sales_orders.plan(conn, lookups.mandt, order, vbeln="", today=lookups.today,
                             now_time=lookups.now_time, user=lookups.user,
                             customizing=lookups.customizing)
    # drawn only now: an order that is refused takes no number
    plan = replace(plan, vbeln=f"{numbers.take(conn, lookups.mandt, NUMBER_RANGE):010d}")
    return OrderReceived(plan.vbeln, sales_orders.success_message(plan), plan)


def save(conn: Connection, mandt: str, received: OrderReceived) -> None:
    """Save a received order (the sales-order service writes VBAK, VBAP ...)."""
    sales_orders.save(conn, mandt, received.plan)
