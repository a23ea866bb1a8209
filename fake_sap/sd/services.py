"""SD services: what the sales and delivery BAPIs call.

Each function here opens its own transaction (reads at call time), or is an *update task*
that runs in the transaction of ``BAPI_TRANSACTION_COMMIT`` (``conn, mandt, payload``).
The writes go through the one writer module of each table: ``sales_orders`` (VBAK, VBAP,
VBEP, VBPA), ``deliveries`` (LIKP, LIPS), ``status`` (VBUK, VBUP), ``document_flow``
(VBFA), ``statistics`` (S001). Callers pass typed inputs and get domain results back; they
never see SQL. The delivery update tasks return what happened to the deliveries
(:mod:`fake_sap.sd.delivery_events`); the ALE edge makes the DESADV IDocs of those events,
joined with the update task in :mod:`fake_sap.compose`. SD itself creates no IDoc.

Layer: service. May import ``fake_sap.db``, ``fake_sap.sd``, ``fake_sap.mm`` and
``fake_sap.errors``; never the ALE, IDoc, RFC or HTTP layers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from fake_sap.conversion import matn1_input, matn1_output
from fake_sap.db import clients, master_data
from fake_sap.db.engine import Database
from fake_sap.db.simulation import simulate
from fake_sap.errors import ApplicationError, SapMessage, declared_message, sap_message
from fake_sap.mm import purchasing
from fake_sap.mm import stock as mm_stock
from fake_sap.sd import deliveries, goods_movement, sales_orders, status
from fake_sap.sd.deliveries import DeliveryPlan, ItemChange
from fake_sap.sd.delivery_events import (
    DeliveryEvent,
    DeliveryEventKind,
    DeliverySnapshot,
    Receipt,
)
from fake_sap.sd.sales_orders import OrderInput, OrderPlan

# --- sales documents --------------------------------------------------------------------------


def plan_sales_document(db: Database, mandt: str, order: OrderInput, *, external_number: str,
                        today: str, now_time: str, user: str,
                        customizing: dict[str, set[str]] | None = None) -> OrderPlan:
    """Check a sales document and compute it (ATP, credit) without writing anything;
    raises :class:`~fake_sap.errors.ApplicationError` with the refusal. ``customizing``:
    the keys of :func:`sales_customizing` when the caller keeps them (else they are read)."""
    with db.read() as conn:
        if external_number:
            sales_orders.check_number_is_free(conn, mandt, external_number)
        if customizing is None:
            customizing = sales_orders.customizing_keys(conn, mandt)
        return sales_orders.plan(conn, mandt, order, vbeln=external_number, today=today,
                                 now_time=now_time, user=user, customizing=customizing)


def sales_customizing(db: Database, mandt: str) -> dict[str, set[str]]:
    """The customizing keys a sales document is checked against (sales areas, partner
    functions, storage locations), read in a transaction of their own: what a caller that
    keeps them per client state gives :func:`plan_sales_document`."""
    with db.read() as conn:
        return sales_orders.customizing_keys(conn, mandt)


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


# --- deliveries -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DeliveryRequest:
    """What to deliver of one preceding document.

    ``quantities`` per item (None: every open item; ``""`` for an item: its open quantity);
    ``units`` are the units the caller named per item, which must be the items' own.
    """

    reference: str
    quantities: dict[str, str] | None
    units: dict[str, str]


@dataclass(frozen=True)
class DeliveryCreation:
    """The deliveries planned (without numbers yet) and the refusals of the documents that
    could not be delivered."""

    plans: list[DeliveryPlan]
    refusals: list[SapMessage]


def shipping_point_exists(db: Database, mandt: str, point: str) -> bool:
    with db.read() as conn:
        return point in clients.customizing_entries(conn, mandt).get("TVST", {})


def plan_deliveries(db: Database, mandt: str, requests: Sequence[DeliveryRequest], *,
                    categories: tuple[str, ...], shipping_point: str, due_date: str,
                    today: str, now_time: str, user: str) -> DeliveryCreation:
    """One delivery per preceding document; a document that fails adds its refusal and
    the others are still planned. ``categories`` are the preceding documents' categories
    allowed (C, H sales documents; V stock transport orders)."""
    plans: list[DeliveryPlan] = []
    refusals: list[SapMessage] = []
    with db.read() as conn:
        for request in requests:
            try:
                plans.append(_plan_delivery(conn, mandt, request, categories, shipping_point,
                                            due_date, today, now_time, user))
            except ApplicationError as error:
                refusals.extend(error.messages)
    return DeliveryCreation(plans, refusals)


def _plan_delivery(conn: Connection, mandt: str, request: DeliveryRequest,
                   categories: tuple[str, ...], shipping_point: str, due_date: str,
                   today: str, now_time: str, user: str) -> DeliveryPlan:
    doc = request.reference
    source = deliveries.load_source(conn, mandt, doc)
    if source is None or source.category not in categories:
        what = "Stock transport order" if categories == ("V",) else "Sales document"
        raise ApplicationError(sap_message("E", "VL", "001", "&1 &2 does not exist", what,
                                           doc))
    by_item = {item.item: item for item in source.items}
    for item, unit_name in request.units.items():
        if item in by_item and unit_name != by_item[item].unit:
            raise ApplicationError(declared_message("E", "VL", "306", item, doc,
                                                    by_item[item].unit,
                                                    unit_name))
    return deliveries.plan(conn, mandt, source, request.quantities, vbeln="", today=today,
                           now_time=now_time, user=user, shipping_point=shipping_point,
                           due_date=due_date)


def check_deletable(db: Database, mandt: str, vbeln: str) -> None:
    """Raise unless the delivery exists and has no goods movement."""
    with db.read() as conn:
        deliveries.check_deletable(conn, mandt, vbeln)


def check_delivery_change(db: Database, mandt: str, change: ItemChange) -> None:
    """Raise unless the item change can be applied (see :func:`deliveries.check_change`)."""
    with db.read() as conn:
        deliveries.check_change(conn, mandt, change)


#: an update task of SD that reports what happened to the deliveries it wrote
DeliveryUpdate = Callable[[Connection, str, dict[str, Any]], Sequence[DeliveryEvent]]


def save_deliveries(conn: Connection, mandt: str, payload: dict[str, Any]
                    ) -> list[DeliveryEvent]:
    """Update task: write planned deliveries; one CREATED event per delivery."""
    events = []
    for data in payload["deliveries"]:
        plan = DeliveryPlan.from_payload(data)
        deliveries.save(conn, mandt, plan)
        events.append(DeliveryEvent(DeliveryEventKind.CREATED,
                                    _snapshot(conn, mandt, plan.vbeln)))
    return events


def change_delivery(conn: Connection, mandt: str, payload: dict[str, Any]
                    ) -> list[DeliveryEvent]:
    """Update task: change delivery items; a CHANGED event."""
    change = ItemChange(payload["vbeln"], quantities=dict(payload["quantities"]),
                        deleted=tuple(payload["deleted"]))
    deliveries.change_items(conn, mandt, change)
    return [DeliveryEvent(DeliveryEventKind.CHANGED, _snapshot(conn, mandt, payload["vbeln"]))]


def delete_delivery(conn: Connection, mandt: str, payload: dict[str, Any]
                    ) -> list[DeliveryEvent]:
    """Update task: delete a delivery; a DELETED event with the delivery as it was."""
    # the event describes the delivery as it was, taken before the deletion, which refuses
    # a delivery that is gone already
    before = deliveries.load(conn, mandt, payload["vbeln"])
    deliveries.delete_delivery(conn, mandt, payload["vbeln"])
    assert before is not None  # delete_delivery refused an unknown delivery
    header, items = before
    return [DeliveryEvent(DeliveryEventKind.DELETED, DeliverySnapshot(header, tuple(items)))]


def _snapshot(conn: Connection, mandt: str, vbeln: str) -> DeliverySnapshot:
    loaded = deliveries.load(conn, mandt, vbeln)
    if loaded is None:
        # the callers just wrote or checked the delivery in this transaction
        raise LookupError(f"delivery {vbeln} of client {mandt} is not there")
    header, items = loaded
    return DeliverySnapshot(header, tuple(items))


# --- the goods movement of a delivery --------------------------------------------------------

@dataclass(frozen=True)
class DeliveryGoodsMovement:
    """Post a delivery's goods movement: ``counted`` quantities per item override the
    delivery's; ``posting_date`` (empty: ``today``) is the actual goods movement date.
    The material document number is drawn before the update task is registered."""

    vbeln: str
    counted: dict[str, str]
    today: str
    now_time: str
    user: str
    posting_date: str
    mblnr: str = ""
    mjahr: str = ""

    @property
    def year(self) -> str:
        return (self.posting_date or self.today)[:4]

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)


def check_goods_movement(db: Database, mandt: str, movement: DeliveryGoodsMovement) -> None:
    """The call-time checks: the delivery, the counted quantities, and a simulated posting
    that finds what the update task would refuse (a stock deficit)."""
    with db.read() as conn:
        goods_movement.check(conn, mandt, movement.vbeln)
        goods_movement.check_counted(conn, mandt, movement.vbeln, movement.counted)
    simulate(db, lambda conn: _post_goods_movement(conn, mandt, movement))


def post_goods_movement(conn: Connection, mandt: str, payload: dict[str, Any]
                        ) -> list[DeliveryEvent]:
    """Update task: post the goods movement; a GOODS_ISSUE_POSTED event, or for a returns
    delivery (LR) a GOODS_RECEIPT_POSTED event with what was expected and counted."""
    movement = DeliveryGoodsMovement(**payload)
    result = _post_goods_movement(conn, mandt, movement)
    shot = _snapshot(conn, mandt, movement.vbeln)
    document = (movement.mblnr, movement.mjahr)
    if shot.header["lfart"] == "LR":
        return [DeliveryEvent(DeliveryEventKind.GOODS_RECEIPT_POSTED, shot,
                              material_document=document,
                              receipt=Receipt(result.expected, result.received))]
    return [DeliveryEvent(DeliveryEventKind.GOODS_ISSUE_POSTED, shot,
                          material_document=document)]


def _post_goods_movement(conn: Connection, mandt: str, movement: DeliveryGoodsMovement
                         ) -> goods_movement.MovementResult:
    return goods_movement.post(
        conn, mandt, movement.vbeln, movement.counted, mblnr=movement.mblnr,
        mjahr=movement.mjahr, today=movement.today, now_time=movement.now_time,
        user=movement.user, posting_date=movement.posting_date)


# --- availability (BAPI_MATERIAL_AVAILABILITY) -----------------------------------------------
# ATP nets stock (MM) against sales demand (SD) and stock transport demand (MM); it lives on
# the SD side because SD may read MM, never the other way round.

@dataclass(frozen=True)
class AvailabilityQuery:
    material: str
    plant: str
    #: the unit the caller names (must be the base unit); empty: the base unit
    unit: str = ""
    #: a storage location: only its stock counts
    storage_location: str = ""


@dataclass(frozen=True)
class Requirement:
    """A requirement to confirm: its date (DATS, empty or 00000000: today) and quantity."""

    date: str
    quantity: Decimal


@dataclass(frozen=True)
class Confirmation:
    number: int
    date: str
    quantity: Decimal


def confirm_requirements(requirements: Sequence[Requirement], available: Decimal,
                         today: str) -> tuple[list[Confirmation], bool]:
    """Confirm the requirements in date order out of ``available`` (never before today);
    True when one of them is not fully confirmed. Without requirements: one confirmation
    of everything available today."""
    if not requirements:
        return [Confirmation(1, today, available)], False
    lines, short = [], False
    for number, requirement in enumerate(sorted(requirements, key=lambda r: r.date),
                                         start=1):
        confirmed = min(requirement.quantity, available)
        available -= confirmed
        short = short or confirmed < requirement.quantity
        date = today if requirement.date in ("", "00000000") else requirement.date
        lines.append(Confirmation(number, max(date, today), confirmed))
    return lines, short


def available_quantity(db: Database, mandt: str, query: AvailabilityQuery) -> Decimal:
    """Unrestricted stock of the plant (or storage location) minus open demand, never
    below 0; raises :class:`ApplicationError` (M3) for an unknown material, plant or
    unit."""
    try:
        matnr = matn1_input(query.material)
    except ValueError:
        matnr = query.material
    with db.read() as conn:
        material = master_data.material(conn, mandt, matnr)
        if material is None:
            raise ApplicationError(declared_message("E", "M3", "305", matn1_output(matnr)))
        if master_data.material_plant(conn, mandt, matnr, query.plant) is None:
            raise ApplicationError(declared_message("E", "M3", "732", matn1_output(matnr),
                                                    query.plant or "(empty)"))
        if query.unit and query.unit != material["meins"]:
            raise ApplicationError(sap_message(
                "E", "M3", "351", "Unit of measure &1 is not defined for material &2",
                query.unit, matn1_output(matnr)))
        if query.storage_location:
            stock = mm_stock.quantity(conn, mandt, matnr, query.plant, query.storage_location)
        else:
            stock = master_data.unrestricted_stock(conn, mandt, matnr, query.plant)
        demand = sales_orders.open_demand(conn, mandt, matnr, query.plant) + \
            purchasing.open_issue_demand(conn, mandt, matnr, query.plant)
    return max(stock - demand, Decimal(0))
