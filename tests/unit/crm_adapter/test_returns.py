"""Returns (crm_adapter.domain.returns): items, what may still be returned of an application,
the transitions, and the reference sent to SAP as the return order's PURCH_NO_C."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_adapter.domain.applications import Item
from crm_adapter.domain.returns import (
    ACTIVE,
    ORDER_CATEGORY,
    RETURN_DOCUMENT_TYPE,
    InvalidReturn,
    ReturnTransitionRefused,
    Status,
    approve,
    check_against_application,
    check_items,
    reference,
    reject,
)

pytestmark = pytest.mark.unit

D = Decimal


def test_the_reference_is_rt_and_ten_digits():
    assert reference(7) == "RT0000000007"
    assert len(reference(123)) == 12


def test_the_sap_return_order_is_of_type_re_referencing_an_order():
    assert (RETURN_DOCUMENT_TYPE, ORDER_CATEGORY) == ("RE", "C")


def test_rejected_and_failed_returns_take_nothing_back():
    assert Status.REJECTED not in ACTIVE and Status.FAILED not in ACTIVE
    assert ACTIVE == {Status.SUBMITTED, Status.APPROVED, Status.IN_SAP,
                      Status.PARTIALLY_RECEIVED, Status.RECEIVED}


def test_a_return_needs_an_item():
    with pytest.raises(InvalidReturn, match="at least one item"):
        check_items([])


def test_a_return_has_at_most_a_hundred_items():
    check_items([Item(f"M{i}", D(1)) for i in range(100)])
    with pytest.raises(InvalidReturn, match="at most 100 items"):
        check_items([Item(f"M{i}", D(1)) for i in range(101)])


def test_each_material_is_listed_once():
    with pytest.raises(InvalidReturn, match="each material may be listed once"):
        check_items([Item("M1", D(1)), Item("M1", D(1))])


def test_a_return_within_what_the_application_still_has_is_accepted():
    check_against_application([Item("M1", D(2))], {"M1": D(5)}, {"M1": D(3)})
    check_against_application([Item("M1", D(5))], {"M1": D(5)}, {})


def test_a_material_not_on_the_application_cannot_be_returned():
    with pytest.raises(InvalidReturn, match="material M2 is not part of the application"):
        check_against_application([Item("M2", D(1))], {"M1": D(5)}, {})


def test_more_than_is_still_returnable_is_refused_with_both_figures():
    with pytest.raises(InvalidReturn, match="material M1: 2.5 to return, but only 2 of the "
                                            "application can still be returned"):
        check_against_application([Item("M1", D("2.5"))], {"M1": D(5)}, {"M1": D(3)})


def test_what_other_returns_took_back_beyond_the_application_leaves_zero():
    with pytest.raises(InvalidReturn, match="but only 0 of the application"):
        check_against_application([Item("M1", D(1))], {"M1": D(5)}, {"M1": D(6)})


def test_approving_a_submitted_return_creates_the_sap_order_next():
    assert approve(Status.SUBMITTED) is Status.APPROVED


@pytest.mark.parametrize("status", sorted(set(Status) - {Status.SUBMITTED}))
def test_only_a_submitted_return_can_be_approved_or_rejected(status):
    with pytest.raises(ReturnTransitionRefused, match=f"is {status.value} cannot be approved "
                                                      r"\(only when submitted\)"):
        approve(status)
    with pytest.raises(ReturnTransitionRefused, match="cannot be rejected"):
        reject(status, "because")


def test_a_rejection_keeps_its_trimmed_reason():
    assert reject(Status.SUBMITTED, " damaged ") == (Status.REJECTED, "damaged")


def test_a_rejection_needs_a_reason_of_at_most_500_characters():
    with pytest.raises(InvalidReturn, match="needs a reason"):
        reject(Status.SUBMITTED, " ")
    with pytest.raises(InvalidReturn, match="longer than 500"):
        reject(Status.SUBMITTED, "y" * 501)
