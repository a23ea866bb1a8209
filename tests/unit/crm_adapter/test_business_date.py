"""The CRM's business date (crm_adapter.clock) as far as it needs no database: dates given as
``YYYY-MM-DD``, the date from the settings, China's calendar (UTC+8, no daylight saving)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from crm_adapter.clock import BUSINESS_TIMEZONE, BusinessClock, InvalidDate, parse_date
from crm_adapter.config import AdapterSettings
from crm_adapter.domain.errors import DomainError

pytestmark = pytest.mark.unit


def test_a_date_is_given_as_yyyy_mm_dd():
    assert parse_date("2026-03-10") == date(2026, 3, 10)


@pytest.mark.parametrize("text", ["2026-3-10", "20260310", "2026-02-30", "10.03.2026", None,
                                  20260310, "2026-03-10T00:00", ""])
def test_anything_else_is_refused_naming_what_was_given(text):
    reason = f"business date must be a date YYYY-MM-DD, not {text!r}"
    with pytest.raises(InvalidDate, match=re.escape(reason)):
        parse_date(text, "business date")


def test_an_invalid_date_is_a_domain_error_users_see():
    assert issubclass(InvalidDate, DomainError)


def test_the_business_calendar_is_china_s():
    assert BUSINESS_TIMEZONE.utcoffset(None) == timedelta(hours=8)


def test_the_settings_may_fix_the_date():
    clock = BusinessClock.from_settings(AdapterSettings(today="2026-03-10"))
    assert clock.configured == date(2026, 3, 10)
    assert BusinessClock.from_settings(AdapterSettings()).configured is None


def test_a_malformed_date_in_the_settings_names_the_variable():
    with pytest.raises(InvalidDate, match="CRM_ADAPTER_TODAY must be a date"):
        BusinessClock.from_settings(AdapterSettings(today="10.03.2026"))
