"""Deliveries from SAP: what a delivery message says, and how the CRM keeps its delivery
records, the applications' delivery progress and the outlets' online inventory.

Layer: domain (plain Python; no SQL, no HTTP, no IDoc parsing). The flow
(:mod:`crm_adapter.flows.deliveries`) reads DESADV IDocs into :class:`DeliveryMessage` and
stores what these rules decide.

The CRM's delivery records::

    application's delivery record  A000000042   (one per application: ordered, shipped, open)
      ├─ sub-delivery  0080000001   (an SAP delivery: shipped 4, open 6 after it)
      └─ sub-delivery  0080000002   (an SAP delivery: shipped 6, open 0 after it)

- Every SAP delivery of an application is a **sub-delivery** under the application's
  delivery record (a partial delivery, ZNEWDLV = X, is the usual case; a delivery of the
  whole order is a sub-delivery with nothing left open).
- The application's record is **recomputed** from its live sub-deliveries each time one
  changes: shipped = what they ship, open = ordered − shipped (0 once SAP reports the order
  complete, ZORDCOMPL = X, e.g. when the remainder was closed). Recomputing instead of adding
  up deltas makes the result independent of the order in which deliveries' messages arrive
  (the inbox orders messages per delivery, not per order).
- **Goods issue** raises the outlet's online inventory by the delivery's quantities, exactly
  once per delivery: the sub-delivery's status moves from ``open`` to ``goods_issued`` and
  only that transition adds stock.
- A **deleted** delivery (SAP deletes only before goods issue) stays as a deleted record: it
  no longer counts, so the open quantity is back; a late message about it is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from crm_adapter.domain.applications import Status as ApplicationStatus
from crm_adapter.domain.errors import DomainError
from crm_adapter.domain.returns import Status as ReturnStatus

#: the application's delivery record is numbered after the application: "A" + 9 digits. SAP's
#: delivery numbers (LIKP-VBELN) are numeric, so the two never collide.
APPLICATION_RECORD_PREFIX = "A"
#: LIKP-LFART of a returns delivery; Z1EDL20-ZORDTYP of a returns order
RETURNS_DELIVERY_TYPE, RETURNS_ORDER_CATEGORY = "LR", "H"


class DeliveryEvent(StrEnum):
    """Z1EDL20-ZEVENT: what happened to the delivery in SAP."""

    CREATED = "CRE"
    CHANGED = "CHG"
    GOODS_ISSUE = "PGI"
    GOODS_RECEIPT = "PGR"
    DELETED = "DEL"


class DeliveryStatus(StrEnum):
    #: a sub-delivery: created in SAP, goods not issued yet; the application's record:
    #: nothing delivered yet
    OPEN = "open"
    #: a sub-delivery whose goods SAP issued: counted in the outlet's inventory
    GOODS_ISSUED = "goods_issued"
    # the application's delivery record
    PARTIALLY_DELIVERED = "partially_delivered"
    DELIVERED = "delivered"


@dataclass(frozen=True, slots=True)
class DeliveredItem:
    """One item of an SAP delivery (E1EDL24 with its Z1EDL24 extension)."""

    item_number: str  # LIPS-POSNR
    material_number: str
    quantity: Decimal  # LFIMG: the delivery quantity (the counted one after goods movement)
    order_item: str = ""  # VGPOS
    #: Z1EDL24-ZOPEN: what of the order item is still open after this delivery
    open_after: Decimal = Decimal(0)
    #: Z1EDL24-ZNEWDLV: the open remainder will become another delivery
    more_to_come: bool = False
    # returns deliveries: Z1EDL24-ZEXPECTED, ZRECEIVED, ZDIFF
    expected: Decimal | None = None
    received: Decimal | None = None
    differs: bool = False


@dataclass(frozen=True, slots=True)
class DeliveryMessage:
    """What one DESADV says about one SAP delivery."""

    delivery_number: str  # LIKP-VBELN
    delivery_type: str  # LIKP-LFART: LF, NL, LR
    event: DeliveryEvent
    order_number: str  # Z1EDL20-ZORDER (VBAK-VBELN or EKKO-EBELN)
    order_category: str  # Z1EDL20-ZORDTYP: C order, H returns, V purchase order
    order_complete: bool  # Z1EDL20-ZORDCOMPL
    goods_moved: bool  # Z1EDL20-ZWBSTK = C
    material_document: str  # Z1EDL20-ZMBLNR
    ship_to: str  # E1ADRM1 WE
    items: tuple[DeliveredItem, ...]

    @property
    def is_returns(self) -> bool:
        return self.delivery_type == RETURNS_DELIVERY_TYPE \
            or self.order_category == RETURNS_ORDER_CATEGORY

    def quantities(self) -> dict[str, Decimal]:
        """Delivered quantity per material."""
        return _by_material((i.material_number, i.quantity) for i in self.items)


def application_record_number(application_id: int) -> str:
    """The number of an application's delivery record (the parent of its sub-deliveries)."""
    return f"{APPLICATION_RECORD_PREFIX}{application_id:09d}"


def order_item_number(item_number: int) -> str:
    """SAP's item number (POSNR) of the n-th item of an application: 000010, 000020 ..."""
    return f"{item_number * 10:06d}"


# --- the application's delivery progress -----------------------------------------------------

@dataclass(frozen=True, slots=True)
class OrderedItem:
    item_number: str  # POSNR of the order item
    material_number: str
    ordered: Decimal


@dataclass(frozen=True, slots=True)
class ItemProgress:
    item_number: str
    material_number: str
    ordered: Decimal
    shipped: Decimal

    @property
    def open(self) -> Decimal:
        return max(self.ordered - self.shipped, Decimal(0))


@dataclass(frozen=True, slots=True)
class Progress:
    items: tuple[ItemProgress, ...]
    #: SAP reports the order completely delivered (nothing more will come)
    closed: bool

    def open_quantity(self, item: ItemProgress) -> Decimal:
        return Decimal(0) if self.closed else item.open

    @property
    def status(self) -> DeliveryStatus:
        if self.closed or (self.items and all(i.open == 0 for i in self.items)):
            return DeliveryStatus.DELIVERED
        if any(i.shipped > 0 for i in self.items):
            return DeliveryStatus.PARTIALLY_DELIVERED
        return DeliveryStatus.OPEN


def progress(ordered: Sequence[OrderedItem], shipped: Mapping[str, Decimal], *,
             order_complete: bool = False) -> Progress:
    """Shipped quantities (per material, from the live sub-deliveries) against the ordered
    items. Sub-deliveries are matched to order items by material; a material ordered in two
    items fills the first one before the next (the last one takes any excess)."""
    left = dict(shipped)
    items: list[ItemProgress] = []
    last_of_material = {item.material_number: index for index, item in enumerate(ordered)}
    for index, item in enumerate(ordered):
        available = left.get(item.material_number, Decimal(0))
        taken = available if last_of_material[item.material_number] == index \
            else min(available, item.ordered)
        left[item.material_number] = available - taken
        items.append(ItemProgress(item.item_number, item.material_number, item.ordered,
                                  taken))
    return Progress(tuple(items), closed=order_complete)


def application_status(current: str, delivery: DeliveryStatus) -> str:
    """The application's status once its delivery progress is known."""
    if delivery is DeliveryStatus.DELIVERED:
        return ApplicationStatus.DELIVERED.value
    if delivery is DeliveryStatus.PARTIALLY_DELIVERED:
        return ApplicationStatus.PARTIALLY_DELIVERED.value
    if current in (ApplicationStatus.PARTIALLY_DELIVERED, ApplicationStatus.DELIVERED):
        # its only deliveries were deleted in SAP: the order is open again
        return ApplicationStatus.IN_SAP.value
    return current


# --- inventory -------------------------------------------------------------------------------

def inventory_increase(message: DeliveryMessage, current_status: str | None) -> dict[str, Decimal]:
    """What a goods issue adds to the outlet's inventory: the delivery's quantities the first
    time the CRM learns of its goods issue, nothing after that."""
    if not message.goods_moved or current_status == DeliveryStatus.GOODS_ISSUED:
        return {}
    return {material: quantity for material, quantity in message.quantities().items()
            if quantity > 0}


def _by_material(pairs: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for material, quantity in pairs:
        totals[material] = totals.get(material, Decimal(0)) + quantity
    return totals


# --- returns: the goods receipt of a returns delivery ----------------------------------------

#: a return with one of these statuses has its goods receipt: the CRM records only one
RECEIVED_STATUSES = frozenset({ReturnStatus.RECEIVED, ReturnStatus.PARTIALLY_RECEIVED})


class SecondReceiptRefused(DomainError):
    """The return already has its goods receipt; the CRM never records a second one."""


@dataclass(frozen=True, slots=True)
class ReturnLine:
    item_number: int
    material_number: str
    expected: Decimal


@dataclass(frozen=True, slots=True)
class ReceiptOutcome:
    #: received quantity per return item (by item number)
    received: dict[int, Decimal]
    status: str
    differences: tuple[str, ...]

    @property
    def reason(self) -> str | None:
        if not self.differences:
            return None
        return "the counted quantities differ from the expected: " + "; ".join(self.differences)


def receipt_already_recorded(status: str, recorded_delivery: str | None, delivery: str) -> bool:
    """True when this very receipt was recorded before (a message sent again: ignore it);
    :class:`SecondReceiptRefused` when the return was received with another delivery."""
    if status not in RECEIVED_STATUSES:
        return False
    if recorded_delivery == delivery:
        return True
    raise SecondReceiptRefused(
        f"the return was already received with returns delivery {recorded_delivery}; "
        f"a second goods receipt (returns delivery {delivery}) is refused")


def assess_receipt(lines: Sequence[ReturnLine], counted: Mapping[str, Decimal], *,
                   sap_reports_difference: bool = False) -> ReceiptOutcome:
    """Spread the counted quantities (per material) over the return's items, and tell what
    differs from what the CRM expected. Less than expected of any item: partially received;
    otherwise received (an excess is reported as a difference too)."""
    left = dict(counted)
    last_of_material = {line.material_number: index for index, line in enumerate(lines)}
    received: dict[int, Decimal] = {}
    differences: list[str] = []
    for index, line in enumerate(lines):
        available = left.get(line.material_number, Decimal(0))
        taken = available if last_of_material[line.material_number] == index \
            else min(available, line.expected)
        left[line.material_number] = available - taken
        received[line.item_number] = taken
        if taken != line.expected:
            differences.append(f"material {line.material_number} expected "
                               f"{_text(line.expected)}, received {_text(taken)}")
    for material, quantity in sorted(left.items()):
        if material not in last_of_material and quantity:
            differences.append(f"material {material} received {_text(quantity)}, "
                               "not on the return")
    if sap_reports_difference and not differences:
        differences.append("SAP reports a counting difference against its returns delivery")
    short = any(received[line.item_number] < line.expected for line in lines)
    status = ReturnStatus.PARTIALLY_RECEIVED if short else ReturnStatus.RECEIVED
    return ReceiptOutcome(received, status.value, tuple(differences))


def _text(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}"
