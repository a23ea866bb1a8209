"""Repair labour fees (crm_adapter.domain.labour_fees): the repair level is the higher of the
method's base level and the materials' levels; the fee comes from the level's rule; the
settlement runs on the 10th for the month before, once per center and month, under a
16-character number ``LF`` + YYMM + center (BKPF-XBLNR)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from crm_adapter.domain.labour_fees import (
    COMPANY_CODE,
    DOCUMENT_TYPE,
    EXPENSE_ACCOUNT,
    REPAIR_METHODS,
    SETTLEMENT_DAY,
    InvalidFeeRule,
    InvalidRepair,
    MaterialUse,
    SettlementRefused,
    SettlementStatus,
    check_repair_date,
    labour_fee,
    method_level,
    month_end,
    month_to_settle,
    parse_fee,
    parse_level,
    parse_material_quantity,
    parse_month,
    previous_month,
    repair_level,
    settlement_number,
    total_of,
)

pytestmark = pytest.mark.unit

D = Decimal


def use(material: str, level: str | None) -> MaterialUse:
    return MaterialUse(material, D(1), level)


# --- levels -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "level"), [
    ("inspection", 1), ("adjustment", 1), ("part_replacement", 2), ("component_repair", 3),
    ("overhaul", 4)])
def test_each_repair_method_has_its_base_level(method, level):
    assert method_level(method) == level


def test_an_unknown_method_is_refused_listing_the_known_ones():
    with pytest.raises(InvalidRepair, match="repair method 'welding' is unknown; known: "
                                            + ", ".join(REPAIR_METHODS)):
        method_level("welding")


def test_a_simple_method_with_a_demanding_part_is_paid_as_the_part_demands():
    assert repair_level("inspection", [use("M1", "3"), use("M2", "2")]) == "3"


def test_a_demanding_method_with_simple_parts_is_paid_as_the_method():
    assert repair_level("overhaul", [use("M1", "2")]) == "4"


def test_a_repair_without_materials_has_the_method_s_level_as_text():
    assert repair_level("part_replacement", []) == "2"


@pytest.mark.parametrize("level", [None, "", "  "])
def test_a_material_without_a_repair_level_refuses_the_repair(level):
    with pytest.raises(InvalidRepair, match="material M1 has no repair level yet"):
        repair_level("inspection", [use("M1", level)])


@pytest.mark.parametrize("level", ["0", "10", "x", "1.5"])
def test_a_material_level_outside_1_to_9_refuses_the_repair(level):
    with pytest.raises(InvalidRepair, match="repair level of material M1 must be a whole "
                                            "number from 1 to 9"):
        repair_level("inspection", [use("M1", level)])


@pytest.mark.parametrize(("given", "level"), [("1", 1), ("9", 9), (5, 5), (" 3 ", 3)])
def test_levels_are_whole_numbers_from_1_to_9(given, level):
    assert parse_level(given) == level


@pytest.mark.parametrize("given", [0, 10, "-1", True, 2.0, None, "", "x1"])
def test_other_levels_are_refused(given):
    with pytest.raises(InvalidFeeRule, match="repair level must be a whole number from 1 to 9"):
        parse_level(given)


# --- fees -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "fee"), [
    ("80", D("80.00")), ("80.5", D("80.50")), (0, D("0.00")), (D("12.34"), D("12.34")),
    ("99999999.99", D("99999999.99"))])
def test_a_fee_is_a_non_negative_amount_with_at_most_two_decimals(given, fee):
    assert parse_fee(given) == fee
    assert parse_fee(given).as_tuple().exponent == -2


@pytest.mark.parametrize("given", ["-1", "80.001", "100000000", "NaN", "Infinity"])
def test_other_amounts_are_refused(given):
    with pytest.raises(InvalidFeeRule, match="fee must be between 0 and 99999999.99"):
        parse_fee(given)


@pytest.mark.parametrize("given", [80.5, True, None, ["80"]])
def test_a_fee_given_as_float_or_anything_else_is_refused(given):
    with pytest.raises(InvalidFeeRule, match="fee must be an amount"):
        parse_fee(given)


def test_a_fee_that_is_not_a_number_is_refused_naming_it():
    with pytest.raises(InvalidFeeRule, match="fee 'eighty' is not an amount"):
        parse_fee("eighty")


def test_the_fee_of_a_level_is_its_rule():
    assert labour_fee("3", {"1": D("20.00"), "3": D("80.00")}) == D("80.00")


def test_a_level_without_a_rule_refuses_the_repair():
    with pytest.raises(InvalidRepair, match="no labour fee rule for repair level 4"):
        labour_fee("4", {"1": D("20.00")})


def test_a_material_quantity_is_checked_as_a_repair_problem():
    assert parse_material_quantity("1.5", "material 1") == D("1.5")
    with pytest.raises(InvalidRepair, match="material 1: quantity must be greater than zero"):
        parse_material_quantity("0", "material 1")


def test_a_repair_cannot_be_dated_after_today():
    check_repair_date(date(2026, 3, 9), date(2026, 3, 9))
    with pytest.raises(InvalidRepair, match=r"after today \(2026-03-09\)"):
        check_repair_date(date(2026, 3, 10), date(2026, 3, 9))


# --- months -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-01", "2026-12", "1900-01"])
def test_a_month_is_given_as_yyyy_mm(text):
    assert parse_month(text) == text


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1", "1899-12", "202601", 202601,
                                  None, "2026-01-01", " 2026-01"])
def test_other_months_are_refused(text):
    with pytest.raises(SettlementRefused, match="month must be given as YYYY-MM"):
        parse_month(text)


@pytest.mark.parametrize(("month", "last_day"), [
    ("2026-01", date(2026, 1, 31)), ("2026-02", date(2026, 2, 28)),
    ("2024-02", date(2024, 2, 29)), ("2026-04", date(2026, 4, 30))])
def test_a_month_ends_on_its_last_calendar_day(month, last_day):
    assert month_end(month) == last_day


@pytest.mark.parametrize(("today", "month"), [
    (date(2026, 3, 10), "2026-02"), (date(2026, 1, 10), "2025-12"),
    (date(2026, 3, 31), "2026-02"), (date(2026, 3, 1), "2026-02")])
def test_the_previous_month(today, month):
    assert previous_month(today) == month


# --- the settlement run -----------------------------------------------------------------------

def test_the_settlement_runs_on_the_10th_for_the_previous_month():
    assert SETTLEMENT_DAY == 10
    assert month_to_settle(date(2026, 3, 10), None) == "2026-02"
    assert month_to_settle(date(2026, 1, 10), None) == "2025-12"


@pytest.mark.parametrize("day", [1, 9, 11, 28])
def test_another_day_is_refused_unless_forced(day):
    with pytest.raises(SettlementRefused, match=f"settled on day 10 of the month; today is "
                                                f"2026-03-{day:02d}"):
        month_to_settle(date(2026, 3, day), None)
    assert month_to_settle(date(2026, 3, day), None, forced=True) == "2026-02"


def test_a_named_month_is_settled_any_day_once_it_is_over():
    assert month_to_settle(date(2026, 3, 1), "2026-02") == "2026-02"
    assert month_to_settle(date(2026, 3, 17), "2025-11") == "2025-11"


@pytest.mark.parametrize("today", [date(2026, 3, 31), date(2026, 3, 10), date(2026, 2, 1)])
def test_a_month_that_is_not_over_cannot_be_settled(today):
    with pytest.raises(SettlementRefused, match="2026-03 is not over yet"):
        month_to_settle(today, "2026-03")


def test_a_badly_named_month_is_refused_any_day():
    with pytest.raises(SettlementRefused, match="YYYY-MM"):
        month_to_settle(date(2026, 3, 10), "March")


def test_the_settlement_number_is_lf_yymm_and_the_center_in_16_characters():
    number = settlement_number("0000001000", "2026-02")
    assert number == "LF26020000001000"
    assert len(number) == 16  # BKPF-XBLNR


def test_the_total_is_the_sum_of_the_fees_in_cents():
    assert total_of([D("80.00"), D("20.5"), D("0.25")]) == D("100.75")
    assert total_of([]) == D("0.00")


def test_the_fi_posting_constants():
    # company code 1000 pays; DG: a customer credit memo, the center is credited
    assert (COMPANY_CODE, DOCUMENT_TYPE, EXPENSE_ACCOUNT) == ("1000", "DG", "0000470000")
    assert len(EXPENSE_ACCOUNT) == 10  # SAKNR, ALPHA


def test_settlement_statuses():
    assert [s.value for s in SettlementStatus] == ["posting", "posted", "settled", "failed"]
