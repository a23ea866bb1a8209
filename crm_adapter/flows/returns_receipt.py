"""Returns receipt flow: SAP's returns deliveries (LR) and their goods receipt (ZEVENT PGR)
recorded on the CRM's return.

Layer: flows. :mod:`crm_adapter.flows.deliveries` reads every DESADV and hands the returns
deliveries (LFART LR, order category H) to :func:`apply`. The return is the one whose SAP
return order (``returns.sap_return_order``) the delivery references (Z1EDL20-ZORDER).

- CRE / CHG: the returns delivery is noted on the return (``sap_returns_delivery``).
- DEL: a deleted returns delivery without receipt is taken off the return again.
- PGR: the counted quantities (Z1EDL24-ZRECEIVED, else LFIMG) become the items' received
  quantities; status ``received``, or ``partially_received`` when less than expected came;
  any difference from what the CRM expected (or SAP's ZDIFF) is written to the return's
  reason. **Only one receipt per return**: the same receipt sent again is ignored; a goods
  receipt from another returns delivery for a return already received is refused (the inbox
  keeps the IDoc as failed with the reason). :func:`ensure_receipt_allowed` states the rule
  for any other way a receipt could be entered.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crm_adapter.domain import deliveries as rules
from crm_adapter.domain.deliveries import DeliveryEvent, DeliveryMessage, ReturnLine
from crm_adapter.domain.errors import DomainError
from crm_adapter.store import deliveries as store


class UnknownReturn(DomainError):
    """No CRM return has the SAP return order the delivery references."""


def apply(conn: Connection, message: DeliveryMessage) -> str:
    """Apply a DESADV of a returns delivery; returns what was done."""
    found = store.return_by_sap_order(conn, message.order_number, lock=True) \
        if message.order_number else None
    if found is None:
        raise UnknownReturn(f"no CRM return has SAP return order {message.order_number or '?'} "
                            f"(returns delivery {message.delivery_number})")
    if message.event is DeliveryEvent.DELETED:
        return _deleted(conn, found, message)
    if message.event is DeliveryEvent.GOODS_RECEIPT or message.goods_moved:
        return record_receipt(conn, found, message)
    return _noted(conn, found, message)


def _noted(conn: Connection, found: dict[str, Any], message: DeliveryMessage) -> str:
    number, current = message.delivery_number, found["sap_returns_delivery"]
    if current == number:
        return f"returns delivery {number} of return {found['crm_reference']} already noted"
    if found["status"] in rules.RECEIVED_STATUSES:
        return (f"return {found['crm_reference']} was received with {current}; returns "
                f"delivery {number} is not recorded on it")
    store.set_returns_delivery(conn, found["id"], number)
    return f"return {found['crm_reference']}: returns delivery {number} created in SAP"


def _deleted(conn: Connection, found: dict[str, Any], message: DeliveryMessage) -> str:
    number = message.delivery_number
    if found["sap_returns_delivery"] != number or found["status"] in rules.RECEIVED_STATUSES:
        return f"returns delivery {number} deleted in SAP; return {found['crm_reference']} " \
               "unchanged"
    store.set_returns_delivery(conn, found["id"], None)
    return f"returns delivery {number} of return {found['crm_reference']} deleted in SAP"


def ensure_receipt_allowed(found: dict[str, Any], delivery: str) -> bool:
    """False when this receipt is recorded already; :class:`~crm_adapter.domain.deliveries.
    SecondReceiptRefused` when the return has a receipt from another delivery."""
    try:
        return not rules.receipt_already_recorded(found["status"],
                                                  found["sap_returns_delivery"], delivery)
    except rules.SecondReceiptRefused as refused:
        raise rules.SecondReceiptRefused(f"return {found['crm_reference']}: {refused}") \
            from None


def record_receipt(conn: Connection, found: dict[str, Any], message: DeliveryMessage) -> str:
    number = message.delivery_number
    if not ensure_receipt_allowed(found, number):
        return (f"goods receipt of returns delivery {number} was recorded before; this "
                "message is ignored")
    lines = [ReturnLine(i["item_number"], i["material_number"], i["expected_quantity"])
             for i in store.return_items_of(conn, found["id"])]
    counted: dict[str, Decimal] = {}
    for item in message.items:
        quantity = item.received if item.received is not None else item.quantity
        counted[item.material_number] = counted.get(item.material_number, Decimal(0)) + quantity
    outcome = rules.assess_receipt(lines, counted,
                                   sap_reports_difference=any(i.differs for i in message.items))
    store.record_receipt(conn, found["id"], number, outcome.status, outcome.reason,
                         outcome.received)
    note = f"return {found['crm_reference']} {outcome.status} with returns delivery {number}"
    return note + (f" ({outcome.reason})" if outcome.reason else "")
