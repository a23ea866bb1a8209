"""Returns: an outlet sends materials back against an SAP order; SAP gets a return order.

Layer: domain (plain Python). The flow (:mod:`crm_adapter.flows.returns`) stores what these
rules decide and creates the SAP return order (BAPI_CUSTOMERRETURN_CREATE, type RE, with the
original order as reference) through the outbox.

Life of a return::

    submitted ──approve──► approved ──► in_sap ──► partially_received / received
        │                      └──SAP refuses──► failed
        └──reject──► rejected

A return made from a CRM application may return only materials of that application, and
of each at most what was applied for minus what other returns of it already take back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum

from crm_adapter.domain.applications import MAX_ITEMS, MAX_REASON_LENGTH, Item, quantities
from crm_adapter.domain.errors import DomainError

#: "RT" + 10 digits, like the applications' references
REFERENCE_PREFIX = "RT"
#: VBAK-AUART of the SAP return order; REF_DOC_CA of an order item
RETURN_DOCUMENT_TYPE, ORDER_CATEGORY = "RE", "C"


class Status(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"  # the SAP return order is being created
    REJECTED = "rejected"
    IN_SAP = "in_sap"
    FAILED = "failed"  # SAP refused the return order (its message is the reason)
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"


#: returns that take goods back (or will): they count against what may still be returned
ACTIVE = frozenset(set(Status) - {Status.REJECTED, Status.FAILED})


class ReturnNotFound(DomainError):
    """No return with this id."""


class InvalidReturn(DomainError):
    """The return as given cannot be accepted."""


class ReturnTransitionRefused(DomainError):
    """The return's status does not allow the action."""


def check_items(items: list[Item]) -> None:
    if not items:
        raise InvalidReturn("a return needs at least one item")
    if len(items) > MAX_ITEMS:
        raise InvalidReturn(f"a return has at most {MAX_ITEMS} items")
    if len({item.material_number for item in items}) != len(items):
        raise InvalidReturn("each material may be listed once")


def check_against_application(items: Iterable[Item], applied: Mapping[str, Decimal],
                              already_returned: Mapping[str, Decimal]) -> None:
    """Only materials of the application, each at most what is still returnable."""
    for material, quantity in quantities(items).items():
        if material not in applied:
            raise InvalidReturn(f"material {material} is not part of the application")
        returnable = applied[material] - already_returned.get(material, Decimal(0))
        if quantity > returnable:
            raise InvalidReturn(f"material {material}: {quantity.normalize():f} to return, "
                                f"but only {max(returnable, Decimal(0)).normalize():f} "
                                "of the application can still be returned")


def _require(status: Status, allowed: Status, action: str) -> None:
    if status is not allowed:
        raise ReturnTransitionRefused(f"a return that is {status.value} cannot be {action} "
                                      f"(only when {allowed.value})")


def approve(status: Status) -> Status:
    _require(status, Status.SUBMITTED, "approved")
    return Status.APPROVED


def reject(status: Status, reason: str) -> tuple[Status, str]:
    _require(status, Status.SUBMITTED, "rejected")
    reason = reason.strip()
    if not reason:
        raise InvalidReturn("a rejection needs a reason")
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidReturn(f"the reason is longer than {MAX_REASON_LENGTH} characters")
    return Status.REJECTED, reason


def reference(return_id: int) -> str:
    """The CRM reference of a return: PURCH_NO_C of the SAP return order (VBAK-BSTNK)."""
    return f"{REFERENCE_PREFIX}{return_id:010d}"
