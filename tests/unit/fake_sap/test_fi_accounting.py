"""Pure rules of FI: number ranges, account numbers, signs of line items."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.fi.accounting import (
    AccountingDocument,
    PlannedLine,
    account_number,
    company_code,
    number_range,
    signed_amount,
)

pytestmark = pytest.mark.unit


def test_accounting_numbers_run_per_company_code_and_year() -> None:
    assert number_range("1000", "2024") == "RF_BELEG:1000:2024"


@pytest.mark.parametrize(("account", "internal"), [
    ("140000", "0000140000"), ("0000140000", "0000140000"), ("abc", "ABC")])
def test_account_numbers_get_leading_zeros_when_numeric(account: str, internal: str) -> None:
    assert account_number(account) == internal


def test_a_company_code_is_a_t001_entry() -> None:
    customizing = {"T001": {"1000": {"WAERS": "CNY", "KKBER": "1000"}}}
    assert company_code(customizing, "1000") == {"WAERS": "CNY", "KKBER": "1000"}
    assert company_code(customizing, "2000") is None
    assert company_code({}, "1000") is None


def test_debits_count_positive_and_credits_negative() -> None:
    assert signed_amount({"wrbtr": "10.00", "shkzg": "S"}) == Decimal("10.00")
    assert signed_amount({"wrbtr": "10.00", "shkzg": "H"}) == Decimal("-10.00")


def test_the_object_key_names_number_company_code_and_year() -> None:
    document = AccountingDocument(
        bukrs="1000", belnr="0100000000", gjahr="2024", monat="06", blart="SA",
        bldat="20240601", budat="20240601", cpudt="20240601", cputm="120000", usnam="U",
        xblnr="", bktxt="", waers="CNY", awsys="FAKCLNT100",
        lines=[PlannedLine("001", "40", "S", "S", "1.00", "0000113100", "", "", "", "", "")])
    assert document.obj_key == "010000000010002024"
    assert AccountingDocument.from_payload(document.to_payload()) == document
