"""Material applications: an outlet asks for materials; the CRM approves within its quota
and the stock of the central warehouse, and SAP gets the matching document.

Layer: domain (plain Python; no SQL, no HTTP, no RFC). The flow
(:mod:`crm_adapter.flows.applications`) gathers the facts from SAP and the CRM and stores
what these rules decide.

Life of an application::

    submitted ──approve──► approval_pending ──(SAP facts)──► approved ──► in_sap ──► (deliveries)
        │                                         │               │
        └──reject──► rejected ◄───over quota/stock┘               └──SAP refuses──► failed
                        │                                                            │
                        └────────────── reapply (after a change) ◄───────────────────┘

- **Quota**: the outlet's SAP credit limit minus its credit exposure (see
  :class:`CreditFacts`), minus what the CRM approved for the outlet that SAP does not show
  yet. The application's value is priced with the CRM's copy of the materials: the outlet
  purchase price (MBEW-ZPLP1 of the central warehouse) per price unit.
- **Stock**: per material, what SAP's availability check (ATP) says the delivering plant
  can still promise, minus what the CRM approved for that plant and SAP does not show yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from crm_adapter.domain.errors import DomainError

#: the central warehouse: it supplies the outlets (sales orders, consignment fill-ups) and
#: the provincial warehouses (stock transport orders)
DELIVERING_PLANT = "1000"
#: the provincial warehouse that receives stock transport orders
PROVINCIAL_WAREHOUSE_PLANT = "1100"
SALES_ORGANIZATION, DISTRIBUTION_CHANNEL, DIVISION = "1000", "10", "00"
COMPANY_CODE, PURCHASING_ORGANIZATION, PURCHASING_GROUP = "1000", "1000", "001"
#: KNKK-KKBER: the credit control area of company code 1000
CREDIT_CONTROL_AREA = "1000"
CURRENCY = "CNY"
#: the CRM's reference prefix; "MA" + 10 digits fits every SAP reference field (12)
REFERENCE_PREFIX = "MA"
MAX_ITEMS = 100
MAX_REASON_LENGTH = 500
#: quantities as SAP keeps them (QUAN 13.3)
QUANTITY_EXPONENT = Decimal("0.001")
MAX_QUANTITY = Decimal("9999999999.999")
CENT = Decimal("0.01")


class ApplicationType(StrEnum):
    SALES_ORDER = "sales_order"
    CONSIGNMENT_FILL_UP = "consignment_fill_up"
    STOCK_TRANSPORT = "stock_transport"

    @property
    def sap_document_type(self) -> str:
        """VBAK-AUART (internal) of the sales document, or EKKO-BSART of the purchase order."""
        return {ApplicationType.SALES_ORDER: "TA", ApplicationType.CONSIGNMENT_FILL_UP: "KB",
                ApplicationType.STOCK_TRANSPORT: "UB"}[self]


class Status(StrEnum):
    SUBMITTED = "submitted"
    APPROVAL_PENDING = "approval_pending"  # approved by a user; SAP's facts still to come
    APPROVED = "approved"  # within quota and stock; the SAP document is being created
    REJECTED = "rejected"
    IN_SAP = "in_sap"
    FAILED = "failed"  # SAP refused to create the document (its message is the reason)
    PARTIALLY_DELIVERED = "partially_delivered"
    DELIVERED = "delivered"


#: applications whose value and quantities SAP does not show yet but will: they count
#: against the quota and the stock of later decisions
AWAITING_SAP = frozenset({Status.APPROVED})


class ApplicationNotFound(DomainError):
    """No application with this id."""


class InvalidApplication(DomainError):
    """The application as given cannot be accepted (fields, items, materials)."""


class TransitionRefused(DomainError):
    """The application's status does not allow the action."""


@dataclass(frozen=True, slots=True)
class Item:
    material_number: str
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class Price:
    """The outlet purchase price of a material, per ``price_unit`` base units."""

    amount: Decimal
    price_unit: int = 1

    def of(self, quantity: Decimal) -> Decimal:
        return quantity * self.amount / Decimal(self.price_unit or 1)


def parse_quantity(value: object, where: str,
                   error: type[DomainError] = InvalidApplication) -> Decimal:
    """A positive quantity with at most 3 decimals (a number or numeric text); ``error`` is
    raised with the reason otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise error(f"{where}: quantity must be a number")
    try:
        quantity = Decimal(str(value).strip())
    except InvalidOperation:
        raise error(f"{where}: quantity '{value}' is not a number") from None
    if not quantity.is_finite() or quantity <= 0:
        raise error(f"{where}: quantity must be greater than zero")
    if quantity > MAX_QUANTITY or \
            quantity != quantity.quantize(QUANTITY_EXPONENT, rounding=ROUND_HALF_UP):
        raise error(f"{where}: quantity allows at most 3 decimals and {MAX_QUANTITY} at most")
    return quantity


def check_items(items: list[Item]) -> None:
    """At least one item, each material once."""
    if not items:
        raise InvalidApplication("an application needs at least one item")
    if len(items) > MAX_ITEMS:
        raise InvalidApplication(f"an application has at most {MAX_ITEMS} items")
    seen: set[str] = set()
    for item in items:
        if item.material_number in seen:
            raise InvalidApplication(f"material {item.material_number} is listed twice; "
                                     "give its total quantity once")
        seen.add(item.material_number)


def value_of(items: Iterable[Item], prices: Mapping[str, Price]) -> Decimal:
    """The application's value at the outlet purchase prices, rounded to cents."""
    total = Decimal(0)
    for item in items:
        price = prices.get(item.material_number)
        if price is None:
            raise InvalidApplication(f"material {item.material_number} has no outlet "
                                     "purchase price in the CRM")
        total += price.of(item.quantity)
    return total.quantize(CENT, rounding=ROUND_HALF_UP)


def quantities(items: Iterable[Item]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for item in items:
        totals[item.material_number] = totals.get(item.material_number, Decimal(0)) \
            + item.quantity
    return totals


# --- transitions -----------------------------------------------------------------------------

def _require(status: Status, allowed: Iterable[Status], action: str) -> None:
    allowed = tuple(allowed)
    if status not in allowed:
        raise TransitionRefused(f"an application that is {status.value} cannot be {action} "
                                f"(only when {' or '.join(s.value for s in allowed)})")


def approve(status: Status) -> Status:
    """A user approves: SAP's facts decide next (asynchronously)."""
    _require(status, (Status.SUBMITTED,), "approved")
    return Status.APPROVAL_PENDING


def reject(status: Status, reason: str) -> tuple[Status, str]:
    """A user rejects with a reason the outlet sees."""
    _require(status, (Status.SUBMITTED,), "rejected")
    reason = reason.strip()
    if not reason:
        raise InvalidApplication("a rejection needs a reason")
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidApplication(f"the reason is longer than {MAX_REASON_LENGTH} characters")
    return Status.REJECTED, reason


def reapply(status: Status) -> Status:
    """The outlet applies again after a rejection or SAP's refusal (usually with changes)."""
    _require(status, (Status.REJECTED, Status.FAILED), "re-applied")
    return Status.SUBMITTED


# --- the decision ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CreditFacts:
    """What SAP says about an outlet's credit (credit control area 1000).

    Exposure = receivables (KNKK-SKFOR) + special liabilities (KNKK-SSOBL) + the net value
    of its open sales orders (VBAK-NETWR of orders, VBTYP C, whose overall delivery status
    VBUK-LFGSK is not C). That is SAP's static credit check. KNKK-SAUFT is not used: it is
    only kept when credit updates run, and would count the open orders twice.
    """

    limit: Decimal  # KNKK-KLIMK
    receivables: Decimal  # KNKK-SKFOR
    special_liabilities: Decimal  # KNKK-SSOBL
    open_orders: Decimal

    @property
    def exposure(self) -> Decimal:
        return self.receivables + self.special_liabilities + self.open_orders


@dataclass(frozen=True, slots=True)
class Availability:
    """SAP's availability check of one material in the delivering plant."""

    available: Decimal  # AV_QTY_PLT
    problem: str = ""  # SAP's message when it could not check (e.g. not in the plant)


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything a decision needs, gathered from SAP (credit, stock) and the CRM."""

    #: None: the outlet has no credit master data in SAP (no KNKK)
    credit: CreditFacts | None
    availability: Mapping[str, Availability]
    #: value of the outlet's other applications approved but not in SAP yet
    approved_value_not_in_sap: Decimal = Decimal(0)
    #: per material: quantities of approved applications not in SAP yet (any outlet)
    approved_quantities_not_in_sap: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Decision:
    approved: bool
    reasons: tuple[str, ...]
    value: Decimal
    quota: Decimal | None

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def decide(items: list[Item], prices: Mapping[str, Price], facts: Facts) -> Decision:
    """Approve when the value fits the quota and every material is available; otherwise
    reject with every reason (the outlet can fix them all at once)."""
    value = value_of(items, prices)
    reasons: list[str] = []
    quota = remaining_quota(facts)
    if quota is None:
        reasons.append("the outlet has no credit limit in SAP (credit control area "
                       f"{CREDIT_CONTROL_AREA})")
    elif value > quota:
        reasons.append(_over_quota(value, quota, facts))
    for material, wanted in quantities(items).items():
        problem = _shortage(material, wanted, facts)
        if problem:
            reasons.append(problem)
    return Decision(not reasons, tuple(reasons), value, quota)


def remaining_quota(facts: Facts) -> Decimal | None:
    """Credit limit − exposure − what the CRM approved that SAP does not show yet."""
    if facts.credit is None:
        return None
    return facts.credit.limit - facts.credit.exposure - facts.approved_value_not_in_sap


def _over_quota(value: Decimal, quota: Decimal, facts: Facts) -> str:
    credit = facts.credit
    assert credit is not None
    parts = [f"receivables {_amount(credit.receivables)}",
             f"open orders {_amount(credit.open_orders)}"]
    if credit.special_liabilities:
        parts.append(f"special liabilities {_amount(credit.special_liabilities)}")
    if facts.approved_value_not_in_sap:
        parts.append(f"approved in the CRM {_amount(facts.approved_value_not_in_sap)}")
    return (f"over quota: the application is worth {_amount(value)} {CURRENCY}, the outlet's "
            f"remaining quota is {_amount(max(quota, Decimal(0)))} {CURRENCY} (credit limit "
            f"{_amount(credit.limit)} minus {', '.join(parts)})")


def _shortage(material: str, wanted: Decimal, facts: Facts) -> str:
    availability = facts.availability.get(material)
    if availability is None:
        return f"material {material}: availability unknown"
    if availability.problem:
        return (f"material {material} cannot be supplied from plant {DELIVERING_PLANT}: "
                f"{availability.problem}")
    reserved = facts.approved_quantities_not_in_sap.get(material, Decimal(0))
    available = max(availability.available - reserved, Decimal(0))
    if wanted > available:
        return (f"not enough stock of material {material} in plant {DELIVERING_PLANT}: "
                f"{_quantity(wanted)} requested, {_quantity(available)} available")
    return ""


def _amount(value: Decimal) -> str:
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,}"


def _quantity(value: Decimal) -> str:
    return f"{value.normalize():f}"


def reference(application_id: int) -> str:
    """The CRM reference of an application: sent to SAP as the customer purchase order
    number (PURCH_NO_C → VBAK-BSTNK)."""
    return f"{REFERENCE_PREFIX}{application_id:010d}"
