"""Material applications (crm_adapter.domain.applications): quantities, value at the outlet
purchase price, the status transitions, and the decision against SAP's quota and stock.

The quota is the credit limit (KNKK-KLIMK) minus the exposure (receivables KNKK-SKFOR,
special liabilities KNKK-SSOBL, open orders) minus what the CRM approved that SAP does not
show yet; stock is SAP's ATP quantity minus what the CRM approved for the plant.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_adapter.domain.applications import (
    AWAITING_SAP,
    MAX_ITEMS,
    MAX_REASON_LENGTH,
    ApplicationType,
    Availability,
    CreditFacts,
    Facts,
    InvalidApplication,
    Item,
    Price,
    Status,
    TransitionRefused,
    approve,
    check_items,
    decide,
    parse_quantity,
    quantities,
    reapply,
    reference,
    reject,
    remaining_quota,
    value_of,
)
from crm_adapter.domain.errors import DomainError

pytestmark = pytest.mark.unit

D = Decimal


def credit(limit: str = "10000", receivables: str = "0", special: str = "0",
           open_orders: str = "0") -> CreditFacts:
    return CreditFacts(D(limit), D(receivables), D(special), D(open_orders))


def facts(credit_facts: CreditFacts | None = None, available: dict[str, str] | None = None,
          approved_value: str = "0", approved_quantities: dict[str, str] | None = None
          ) -> Facts:
    return Facts(
        credit=credit_facts if credit_facts is not None else credit(),
        availability={m: Availability(D(q)) for m, q in (available or {}).items()},
        approved_value_not_in_sap=D(approved_value),
        approved_quantities_not_in_sap={m: D(q) for m, q in
                                        (approved_quantities or {}).items()})


# --- SAP document types -----------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "sap_type"), [
    (ApplicationType.SALES_ORDER, "TA"),  # standard order, internal AUART
    (ApplicationType.CONSIGNMENT_FILL_UP, "KB"),
    (ApplicationType.STOCK_TRANSPORT, "UB"),  # purchase order type EKKO-BSART
])
def test_each_application_type_creates_its_sap_document_type(kind, sap_type):
    assert kind.sap_document_type == sap_type


def test_the_reference_is_ma_and_ten_digits_and_fits_vbak_bstnk():
    assert reference(42) == "MA0000000042"
    assert reference(1) == "MA0000000001"
    assert len(reference(9_999_999_999)) == 12


# --- quantities -------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "expected"), [
    (1, D("1")), ("2.5", D("2.5")), (D("0.001"), D("0.001")), (" 7 ", D("7")),
    (3.25, D("3.25")), ("9999999999.999", D("9999999999.999")),
])
def test_a_positive_quantity_with_up_to_three_decimals_is_accepted(given, expected):
    assert parse_quantity(given, "item 1") == expected


@pytest.mark.parametrize("given", [0, "0", -1, "-0.5", "0.000"])
def test_a_quantity_that_is_not_above_zero_is_refused(given):
    with pytest.raises(InvalidApplication, match="item 1: quantity must be greater than zero"):
        parse_quantity(given, "item 1")


@pytest.mark.parametrize("given", ["1.0001", "10000000000", "0.0005"])
def test_more_than_three_decimals_or_more_than_quan_13_3_holds_is_refused(given):
    with pytest.raises(InvalidApplication, match="at most 3 decimals"):
        parse_quantity(given, "item 2")


@pytest.mark.parametrize("given", [True, None, [1], {"q": 1}])
def test_a_quantity_that_is_no_number_at_all_is_refused(given):
    with pytest.raises(InvalidApplication, match="quantity must be a number"):
        parse_quantity(given, "item 3")


@pytest.mark.parametrize("given", ["abc", "1,5", ""])
def test_text_that_is_not_a_number_is_refused_naming_it(given):
    with pytest.raises(InvalidApplication, match="is not a number"):
        parse_quantity(given, "item 4")


@pytest.mark.parametrize("given", ["NaN", "Infinity", "-Infinity"])
def test_infinite_and_not_a_number_quantities_are_refused(given):
    with pytest.raises(InvalidApplication):
        parse_quantity(given, "item 5")


def test_the_error_class_of_a_quantity_can_be_chosen_by_the_caller():
    class Mine(DomainError):
        pass

    with pytest.raises(Mine):
        parse_quantity("0", "x", Mine)


# --- items ------------------------------------------------------------------------------------

def test_an_application_needs_an_item():
    with pytest.raises(InvalidApplication, match="at least one item"):
        check_items([])


def test_an_application_has_at_most_a_hundred_items():
    check_items([Item(f"M{i}", D(1)) for i in range(MAX_ITEMS)])
    with pytest.raises(InvalidApplication, match=f"at most {MAX_ITEMS} items"):
        check_items([Item(f"M{i}", D(1)) for i in range(MAX_ITEMS + 1)])


def test_a_material_listed_twice_is_refused():
    with pytest.raises(InvalidApplication, match="material M1 is listed twice"):
        check_items([Item("M1", D(1)), Item("M2", D(1)), Item("M1", D(2))])


def test_quantities_add_up_per_material():
    items = [Item("M1", D("1.5")), Item("M2", D(2)), Item("M1", D("0.5"))]
    assert quantities(items) == {"M1": D(2), "M2": D(2)}


# --- value ------------------------------------------------------------------------------------

def test_a_price_is_per_price_unit():
    assert Price(D("250.00"), price_unit=100).of(D(10)) == D("25")
    assert Price(D("12.50")).of(D(3)) == D("37.50")


def test_a_price_unit_of_zero_counts_as_one():
    assert Price(D("4.00"), price_unit=0).of(D(2)) == D("8.00")


def test_the_value_is_the_sum_at_outlet_purchase_prices_rounded_half_up_to_cents():
    prices = {"M1": Price(D("10.005")), "M2": Price(D("1.00"), 3)}
    # 1 × 10.005 + 1 × 1.00 / 3 = 10.3383… → 10.34
    assert value_of([Item("M1", D(1)), Item("M2", D(1))], prices) == D("10.34")
    # 10.005 → 10.01: half up, not to even
    assert value_of([Item("M1", D(1))], prices) == D("10.01")


def test_a_material_without_a_price_has_no_value():
    with pytest.raises(InvalidApplication, match="material M9 has no outlet purchase price"):
        value_of([Item("M9", D(1))], {})


# --- transitions ------------------------------------------------------------------------------

def test_approving_a_submitted_application_waits_for_sap_s_facts():
    assert approve(Status.SUBMITTED) is Status.APPROVAL_PENDING


@pytest.mark.parametrize("status", sorted(set(Status) - {Status.SUBMITTED}))
def test_only_a_submitted_application_can_be_approved_or_rejected(status):
    with pytest.raises(TransitionRefused, match=f"is {status.value} cannot be approved"):
        approve(status)
    with pytest.raises(TransitionRefused, match=f"is {status.value} cannot be rejected"):
        reject(status, "no")


def test_a_rejection_keeps_its_reason_without_surrounding_blanks():
    assert reject(Status.SUBMITTED, "  too much  ") == (Status.REJECTED, "too much")


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_rejection_needs_a_reason(reason):
    with pytest.raises(InvalidApplication, match="needs a reason"):
        reject(Status.SUBMITTED, reason)


def test_a_rejection_reason_has_at_most_500_characters():
    assert reject(Status.SUBMITTED, "x" * MAX_REASON_LENGTH)[1] == "x" * MAX_REASON_LENGTH
    with pytest.raises(InvalidApplication, match="longer than 500"):
        reject(Status.SUBMITTED, "x" * (MAX_REASON_LENGTH + 1))


@pytest.mark.parametrize("status", [Status.REJECTED, Status.FAILED])
def test_a_rejected_or_failed_application_can_be_applied_for_again(status):
    assert reapply(status) is Status.SUBMITTED


@pytest.mark.parametrize("status", sorted(set(Status) - {Status.REJECTED, Status.FAILED}))
def test_no_other_application_can_be_applied_for_again(status):
    with pytest.raises(TransitionRefused, match="only when rejected or failed"):
        reapply(status)


def test_only_approved_applications_are_awaited_in_sap():
    assert AWAITING_SAP == {Status.APPROVED}


# --- quota ------------------------------------------------------------------------------------

def test_exposure_is_receivables_special_liabilities_and_open_orders():
    assert credit("0", "100", "20", "3").exposure == D(123)


def test_the_remaining_quota_is_limit_minus_exposure_minus_approved_not_in_sap():
    given = facts(credit("10000", receivables="2000", special="500", open_orders="1500"),
                  approved_value="1000")
    assert remaining_quota(given) == D(5000)


def test_an_outlet_without_credit_master_data_has_no_quota():
    assert remaining_quota(Facts(credit=None, availability={})) is None


def test_the_quota_can_be_negative():
    assert remaining_quota(facts(credit("100", receivables="150"))) == D(-50)


# --- the decision -----------------------------------------------------------------------------

PRICES = {"M1": Price(D("100.00")), "M2": Price(D("50.00"))}


def test_an_application_within_quota_and_stock_is_approved():
    decision = decide([Item("M1", D(2)), Item("M2", D(4))], PRICES,
                      facts(credit("1000"), {"M1": "2", "M2": "10"}))
    assert decision.approved
    assert decision.reasons == ()
    assert decision.reason == ""
    assert decision.value == D("400.00")
    assert decision.quota == D(1000)


def test_a_value_exactly_at_the_quota_is_approved():
    decision = decide([Item("M1", D(10))], PRICES, facts(credit("1000"), {"M1": "10"}))
    assert decision.approved


def test_a_value_a_cent_over_the_quota_is_rejected_with_the_figures():
    decision = decide([Item("M1", D(10))], PRICES,
                      facts(credit("1999.99", receivables="1000"), {"M1": "10"}))
    assert not decision.approved
    assert decision.reason == (
        "over quota: the application is worth 1,000.00 CNY, the outlet's remaining quota "
        "is 999.99 CNY (credit limit 1,999.99 minus receivables 1,000.00, open orders 0.00)")


def test_the_over_quota_reason_lists_special_liabilities_and_crm_approvals_when_there_are():
    decision = decide([Item("M1", D(1))], PRICES,
                      facts(credit("100", "10", "20", "30"), {"M1": "5"}, approved_value="40"))
    assert decision.reasons == (
        "over quota: the application is worth 100.00 CNY, the outlet's remaining quota is "
        "0.00 CNY (credit limit 100.00 minus receivables 10.00, open orders 30.00, special "
        "liabilities 20.00, approved in the CRM 40.00)",)


def test_a_negative_remaining_quota_is_shown_as_zero_but_kept_in_the_decision():
    decision = decide([Item("M1", D(1))], PRICES,
                      facts(credit("100", receivables="300"), {"M1": "5"}))
    assert "remaining quota is 0.00 CNY" in decision.reason
    assert decision.quota == D(-200)


def test_an_outlet_without_a_credit_limit_is_rejected():
    decision = decide([Item("M1", D(1))], PRICES,
                      Facts(credit=None, availability={"M1": Availability(D(5))}))
    assert not decision.approved
    assert decision.quota is None
    assert decision.reasons == ("the outlet has no credit limit in SAP (credit control area "
                                "1000)",)


def test_stock_is_what_sap_promises_minus_what_the_crm_approved():
    given = facts(available={"M1": "10"}, approved_quantities={"M1": "7"})
    assert decide([Item("M1", D(3))], PRICES, given).approved
    decision = decide([Item("M1", D("3.5"))], PRICES, given)
    assert decision.reasons == ("not enough stock of material M1 in plant 1000: 3.5 requested, "
                                "3 available",)


def test_more_approved_than_available_leaves_nothing_rather_than_less_than_nothing():
    decision = decide([Item("M1", D(1))], PRICES,
                      facts(available={"M1": "2"}, approved_quantities={"M1": "5"}))
    assert decision.reasons == ("not enough stock of material M1 in plant 1000: 1 requested, "
                                "0 available",)


def test_a_material_sap_cannot_check_is_rejected_with_sap_s_message():
    given = Facts(credit=credit(), availability={
        "M1": Availability(D(0), problem="material M1 is not maintained in plant 1000")})
    decision = decide([Item("M1", D(1))], PRICES, given)
    assert decision.reasons == ("material M1 cannot be supplied from plant 1000: material M1 "
                                "is not maintained in plant 1000",)


def test_a_material_without_an_availability_answer_is_rejected():
    decision = decide([Item("M2", D(1))], PRICES, facts(available={}))
    assert decision.reasons == ("material M2: availability unknown",)


def test_every_reason_is_given_at_once_quota_first():
    decision = decide([Item("M1", D(20)), Item("M2", D(1))], PRICES,
                      facts(credit("100"), {"M1": "1"}))
    assert not decision.approved
    assert len(decision.reasons) == 3
    assert decision.reasons[0].startswith("over quota")
    assert decision.reasons[1].startswith("not enough stock of material M1")
    assert decision.reasons[2] == "material M2: availability unknown"
    assert decision.reason == "; ".join(decision.reasons)


def test_a_material_without_a_price_is_refused_before_anything_is_decided():
    with pytest.raises(InvalidApplication):
        decide([Item("M3", D(1))], PRICES, facts(available={"M3": "5"}))
