"""Deliveries flow: DESADV (ZDELVRY07) from SAP keeps the CRM's deliveries, sub-deliveries,
the applications' delivery progress and the outlets' online inventory.

Layer: flows. Reads the IDoc (SAP names only here) into a
:class:`~crm_adapter.domain.deliveries.DeliveryMessage` and applies the rules of
:mod:`crm_adapter.domain.deliveries` through :mod:`crm_adapter.store.deliveries`. Returns
deliveries (LFART LR, order category H) go to :mod:`crm_adapter.flows.returns_receipt`.

One DESADV per delivery event (Z1EDL20-ZEVENT): CRE created, CHG quantities changed, PGI
goods issue, PGR goods receipt (returns), DEL deleted (also E1EDL18 QUALF DEL). The inbox
serializes them per delivery number (the object key) in SERIAL order, and every message
carries the whole delivery, so each one brings the CRM's record to the state it describes:
a goods issue for a delivery the CRM has not seen is created and issued at once; a deletion
of an unknown delivery leaves a deleted record, so that an older message arriving late is
ignored.

**Which application?** The delivery's order (Z1EDL20-ZORDER, else E1EDL24-VGBEL) is looked
up among the applications' SAP document numbers. When none has it (the order was entered in
SAP directly quoting the application, or the delivery overtook the CRM's record of the
order number), the delivery is kept unlinked and an outbox entry reads the order's customer
purchase order number (VBAK-BSTNK = PURCH_NO_C, the application's CRM reference) with
RFC_READ_TABLE; its completion links the application and its deliveries. The inventory does
not wait for that: the outlet is the delivery's ship-to party (E1ADRM1 WE).
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crm_adapter import outbox
from crm_adapter.domain import deliveries as rules
from crm_adapter.domain.deliveries import (
    DeliveredItem,
    DeliveryEvent,
    DeliveryMessage,
    DeliveryStatus,
    OrderedItem,
)
from crm_adapter.domain.errors import DomainError
from crm_adapter.inbox import MessageHandler
from crm_adapter.store import deliveries as store
from crm_adapter.store.deliveries import ItemRow
from sap_client import tables
from sap_client.conversion import alpha_input, matn1_input, sap_number
from sap_client.idoc import ReceivedIdoc, Segment

log = logging.getLogger(__name__)

#: the outbox entry that reads an SAP order's PURCH_NO_C to find its application
LINK_ORDER = "link_sap_order"
#: E1EDL18-QUALF values SAP sets for the events
_CONTROL_EVENTS = {"DEL": DeliveryEvent.DELETED, "PGI": DeliveryEvent.GOODS_ISSUE,
                   "CHG": DeliveryEvent.CHANGED}


# --- reading the IDoc ------------------------------------------------------------------------

def _header(idoc: ReceivedIdoc) -> Segment:
    header = idoc.find("E1EDL20")
    if header is None:
        raise DomainError("the IDoc has no delivery header E1EDL20")
    return header


def _child(segment: Segment, name: str) -> Segment | None:
    return next((c for c in segment.children if c.name == name), None)


def _quantity(value: str, field: str) -> Decimal:
    try:
        return sap_number(value)
    except ValueError:
        raise DomainError(f"{field} '{value}' is not a quantity") from None


def _optional_quantity(value: str, field: str) -> Decimal | None:
    return _quantity(value, field) if value.strip() else None


def _number(value: str, field: str) -> str:
    try:
        return alpha_input(value) if value else ""
    except ValueError as error:
        raise DomainError(f"{field}: {error}") from None


def object_key(idoc: ReceivedIdoc) -> str:
    """The delivery number (LIKP-VBELN): the serialization unit of DESADV."""
    number = _number(_header(idoc).get("VBELN"), "VBELN")
    if not number:
        raise DomainError("E1EDL20-VBELN is empty")
    return number


def _event(header: Segment, extension: Segment | None) -> DeliveryEvent:
    qualifiers = [c.get("QUALF") for c in header.children if c.name == "E1EDL18"]
    if "DEL" in qualifiers:
        return DeliveryEvent.DELETED
    code = extension.get("ZEVENT") if extension is not None else ""
    if code:
        try:
            return DeliveryEvent(code)
        except ValueError:
            raise DomainError(f"Z1EDL20-ZEVENT '{code}' is not a delivery event") from None
    # a plain DELVRY07 without the CRM extension: the control segments say what happened
    return next((_CONTROL_EVENTS[q] for q in qualifiers if q in _CONTROL_EVENTS),
                DeliveryEvent.CREATED)


def _item(segment: Segment) -> DeliveredItem:
    extension = _child(segment, "Z1EDL24")
    z = extension.get if extension is not None else (lambda name: "")
    try:
        material = matn1_input(segment.get("MATNR"))
    except ValueError as error:
        raise DomainError(f"MATNR: {error}") from None
    return DeliveredItem(
        item_number=segment.get("POSNR").zfill(6), material_number=material,
        quantity=_quantity(segment.get("LFIMG") or segment.get("LGMNG"), "LFIMG"),
        order_item=segment.get("VGPOS"), open_after=_quantity(z("ZOPEN"), "ZOPEN"),
        more_to_come=z("ZNEWDLV") == "X",
        expected=_optional_quantity(z("ZEXPECTED"), "ZEXPECTED"),
        received=_optional_quantity(z("ZRECEIVED"), "ZRECEIVED"), differs=z("ZDIFF") == "X")


def read_desadv(idoc: ReceivedIdoc) -> DeliveryMessage:
    """What a DESADV (ZDELVRY07, or a plain DELVRY07) says about its delivery."""
    header = _header(idoc)
    extension = _child(header, "Z1EDL20")
    z = extension.get if extension is not None else (lambda name: "")
    item_segments = [c for c in header.children if c.name == "E1EDL24"]
    first_reference = next((_child(s, "E1EDL43") for s in item_segments
                            if _child(s, "E1EDL43") is not None), None)
    event = _event(header, extension)
    order = z("ZORDER") or next((s.get("VGBEL") for s in item_segments if s.get("VGBEL")), "")
    category = z("ZORDTYP") or (first_reference.get("QUALF") if first_reference else "")
    goods_issue_date = next((c.get("ISDD") for c in header.children
                             if c.name == "E1EDT13" and c.get("QUALF") == "006"), "")
    ship_to = next((c.get("PARTNER_ID") for c in header.children
                    if c.name == "E1ADRM1" and c.get("PARTNER_Q") == "WE"), "")
    lfart = _child(header, "E1EDL21")
    return DeliveryMessage(
        delivery_number=object_key(idoc),
        delivery_type=lfart.get("LFART") if lfart is not None else "",
        event=event, order_number=_number(order, "ZORDER"), order_category=category,
        order_complete=z("ZORDCOMPL") == "X",
        goods_moved=event is not DeliveryEvent.DELETED and (
            z("ZWBSTK") == "C" or event in (DeliveryEvent.GOODS_ISSUE,
                                            DeliveryEvent.GOODS_RECEIPT)
            or bool(goods_issue_date.strip("0"))),
        material_document=z("ZMBLNR"), ship_to=_number(ship_to, "E1ADRM1-PARTNER_ID"),
        items=tuple(_item(s) for s in item_segments))


def apply(conn: Connection, idoc: ReceivedIdoc) -> str:
    """Apply one DESADV; returns what was done."""
    message = read_desadv(idoc)
    if message.is_returns:
        from crm_adapter.flows import returns_receipt

        return returns_receipt.apply(conn, message)
    return apply_delivery(conn, message)


DESADV = MessageHandler(object_key, apply)


# --- outbound deliveries ---------------------------------------------------------------------

def apply_delivery(conn: Connection, message: DeliveryMessage) -> str:
    number = message.delivery_number
    existing = store.get_delivery(conn, number, lock=True)
    if existing is not None and existing["deleted"]:
        return (f"delivery {number} was deleted in SAP before; this {message.event.value} "
                "message is ignored")
    application = _application(conn, message, existing)
    if message.event is DeliveryEvent.DELETED:
        return _delete(conn, message, existing, application)
    outlet = _outlet(conn, message, application)
    if outlet is None:
        return (f"ignored: ship-to {message.ship_to or '(none)'} of delivery {number} is not "
                f"a CRM outlet and no CRM application has order {message.order_number}")
    missing = store.unknown_materials(conn, message.quantities())
    if missing:
        raise DomainError(f"delivery {number}: material(s) {', '.join(missing)} not in the "
                          "CRM yet (their MATMAS has not arrived)")
    notes = [_record(conn, message, existing, application, outlet)]
    notes += _goods_issue(conn, message, existing, outlet)
    if application is not None:
        notes.append(refresh_application(conn, application,
                                         order_complete=message.order_complete))
    elif message.order_number:
        notes.append(request_link(conn, message.order_number))
    return "; ".join(n for n in notes if n)


def _application(conn: Connection, message: DeliveryMessage,
                 existing: dict[str, Any] | None) -> dict[str, Any] | None:
    if existing is not None and existing["application_id"] is not None:
        return store.application_by_id(conn, existing["application_id"], lock=True)
    if not message.order_number:
        return None
    return store.application_by_sap_number(conn, message.order_number, lock=True)


def _outlet(conn: Connection, message: DeliveryMessage,
            application: dict[str, Any] | None) -> str | None:
    """The outlet the goods go to: the ship-to party, else the application's outlet."""
    if message.ship_to and store.outlet_exists(conn, message.ship_to):
        return message.ship_to
    if application is not None:
        return str(application["outlet"])
    return None


def _item_rows(message: DeliveryMessage) -> list[ItemRow]:
    return [ItemRow(i.item_number, i.material_number, i.quantity, i.open_after)
            for i in message.items]


def _record(conn: Connection, message: DeliveryMessage, existing: dict[str, Any] | None,
            application: dict[str, Any] | None, outlet: str) -> str:
    number = message.delivery_number
    parent = ensure_application_record(conn, application) if application else None
    if existing is None:
        store.create_delivery(conn, number, parent=parent,
                              application_id=application["id"] if application else None,
                              outlet=outlet, sap_order_number=message.order_number,
                              status=DeliveryStatus.OPEN)
        store.replace_items(conn, number, _item_rows(message))
        kind = "sub-delivery" if parent else "delivery"
        return f"{kind} {number} created ({_quantities(message)})"
    if application is not None and existing["parent_delivery"] is None:
        store.link_delivery(conn, number, application["id"], parent or "")
    if existing["status"] == DeliveryStatus.GOODS_ISSUED:
        return f"delivery {number}: goods issue recorded before, nothing changed"
    # before the goods issue SAP may change quantities (CHG) or count them (PGI)
    store.replace_items(conn, number, _item_rows(message))
    return f"delivery {number} updated ({_quantities(message)})"


def _goods_issue(conn: Connection, message: DeliveryMessage, existing: dict[str, Any] | None,
                 outlet: str) -> list[str]:
    increase = rules.inventory_increase(message, existing["status"] if existing else None)
    if not increase:
        return []
    for material, quantity in increase.items():
        store.change_inventory(conn, outlet, material, quantity)
    store.set_status(conn, message.delivery_number, DeliveryStatus.GOODS_ISSUED)
    added = ", ".join(f"{material} +{_text(q)}" for material, q in increase.items())
    return [f"goods issued: inventory of outlet {outlet} {added}"]


def _delete(conn: Connection, message: DeliveryMessage, existing: dict[str, Any] | None,
            application: dict[str, Any] | None) -> str:
    number = message.delivery_number
    if existing is None:
        # keep the deletion: an older message about this delivery arriving later is ignored
        store.create_delivery(conn, number, parent=None, application_id=None, outlet=None,
                              sap_order_number=message.order_number,
                              status=DeliveryStatus.OPEN, deleted=True)
        return f"delivery {number} was deleted in SAP before the CRM knew it"
    if existing["status"] == DeliveryStatus.GOODS_ISSUED:
        raise DomainError(f"delivery {number} is goods-issued in the CRM; SAP cannot delete a "
                          "delivery after its goods issue")
    store.mark_deleted(conn, number)
    note = f"sub-delivery {number} deleted in SAP: removed, its quantities are open again"
    if application is not None:
        note += "; " + refresh_application(conn, application, order_complete=False)
    return note


# --- the application's delivery record -------------------------------------------------------

def ensure_application_record(conn: Connection, application: dict[str, Any]) -> str:
    """The application's delivery record (created on its first delivery)."""
    number = rules.application_record_number(application["id"])
    if store.get_delivery(conn, number) is None:
        store.create_delivery(conn, number, parent=None, application_id=application["id"],
                              outlet=application["outlet"],
                              sap_order_number=application["sap_document_number"] or "",
                              status=DeliveryStatus.OPEN)
    return number


def refresh_application(conn: Connection, application: dict[str, Any], *,
                        order_complete: bool) -> str:
    """Recompute the application's delivery record and status from its live sub-deliveries."""
    record = ensure_application_record(conn, application)
    items = store.application_items(conn, application["id"])
    ordered = [OrderedItem(rules.order_item_number(i["item_number"]), i["material_number"],
                           i["quantity"]) for i in items]
    progress = rules.progress(ordered, store.shipped_by_material(conn, record),
                              order_complete=order_complete)
    store.replace_items(conn, record, [
        ItemRow(p.item_number, p.material_number, p.shipped, progress.open_quantity(p))
        for p in progress.items])
    store.set_status(conn, record, progress.status)
    status = rules.application_status(application["status"], progress.status)
    store.record_application_delivery(conn, application["id"], status, {
        item["item_number"]: p.shipped for item, p in zip(items, progress.items, strict=True)})
    shipped = sum((p.shipped for p in progress.items), Decimal(0))
    still_open = sum((progress.open_quantity(p) for p in progress.items), Decimal(0))
    return (f"application {application['crm_reference']}: {status}, shipped {_text(shipped)}, "
            f"open {_text(still_open)}")


# --- linking an order to its application by PURCH_NO_C ---------------------------------------

def request_link(conn: Connection, order_number: str) -> str:
    """Ask SAP (through the outbox) which application an order belongs to, once per order:
    an order's PURCH_NO_C that matched no application never will (a new application gets
    a new reference)."""
    if not store.has_outbox_entry(conn, LINK_ORDER, order_number):
        outbox.enqueue(conn, LINK_ORDER, {"sap_order": order_number},
                       crm_reference=order_number)
    return f"no application has SAP order {order_number}: its PURCH_NO_C is looked up in SAP"


def read_purchase_order_number(sap: Any, entry: outbox.Entry) -> dict[str, Any]:
    """VBAK-BSTNK of the order: the CRM reference it was created with (a read: repeatable)."""
    order = str(entry.payload["sap_order"])
    rows = tables.read_table(sap, "VBAK", ["VBELN", "BSTNK"], [tables.equals("VBELN", order)],
                             max_rows=1)
    return {"sap_order": order, "purchase_order_number": rows[0]["BSTNK"] if rows else ""}


def _link_read_order(conn: Connection, entry: outbox.Entry, result: dict[str, Any]) -> None:
    note = link_application(conn, result["sap_order"], result["purchase_order_number"])
    log.info("SAP order %s: %s", result["sap_order"], note)


def link_application(conn: Connection, order_number: str, reference: str) -> str:
    """Link the application whose CRM reference SAP's order quotes, and the order's
    deliveries the CRM kept unlinked."""
    application = store.application_by_reference(conn, reference, lock=True) \
        if reference else None
    if application is None:
        return f"no CRM application has the reference '{reference}'"
    known = application["sap_document_number"]
    if known and known != order_number:
        return (f"application {reference} belongs to SAP document {known}, not "
                f"{order_number}: not linked")
    if not known:
        store.set_application_sap_number(conn, application["id"], order_number)
        application = {**application, "sap_document_number": order_number}
    record = ensure_application_record(conn, application)
    linked = store.unlinked_deliveries(conn, order_number)
    for number in linked:
        store.link_delivery(conn, number, application["id"], record)
    return (f"linked to application {reference} with {len(linked)} delivery(ies); "
            + refresh_application(conn, application, order_complete=False))


# --- reading for the API -----------------------------------------------------------------------

def delivery_view(conn: Connection, number: str) -> dict[str, Any] | None:
    """A delivery record with its items and (for an application's record) its live
    sub-deliveries; None when the CRM has no such delivery."""
    delivery = store.get_delivery(conn, number)
    if delivery is None:
        return None
    view = {**delivery, "items": store.items_of(conn, number)}
    if delivery["parent_delivery"] is None and delivery["application_id"] is not None:
        view["sub_deliveries"] = [{**sub, "items": store.items_of(conn, sub["delivery_number"])}
                                  for sub in store.sub_deliveries(conn, number)]
    return view


def application_delivery_view(conn: Connection, application_id: int) -> dict[str, Any] | None:
    """The application's delivery record; None before its first delivery."""
    return delivery_view(conn, rules.application_record_number(application_id))


def deliveries(conn: Connection, *, application_id: int | None = None,
               outlet: str | None = None, sap_order: str | None = None,
               include_deleted: bool = False, limit: int = 100) -> list[dict[str, Any]]:
    return store.listing(conn, application_id=application_id,
                         outlet=_number(outlet, "outlet") if outlet else None,
                         sap_order_number=_number(sap_order, "sap_order") if sap_order
                         else None, include_deleted=include_deleted, limit=limit)


def inventory(conn: Connection, outlet: str) -> list[dict[str, Any]] | None:
    """An outlet's online inventory; None when the outlet is not in the CRM."""
    number = _number(outlet, "outlet")
    if not store.outlet_exists(conn, number):
        return None
    return store.inventory_of(conn, number)


def _quantities(message: DeliveryMessage) -> str:
    return ", ".join(f"{material} {_text(q)}" for material, q in message.quantities().items())


def _text(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}"


#: what the outbox worker does for the kinds this flow enqueues (wired in crm_adapter.compose)
OUTBOX_JOBS = (
    outbox.OutboxJob(LINK_ORDER, perform=read_purchase_order_number, on_done=_link_read_order),
)
