"""Repair labour fees and their monthly settlement with the provincial centers.

Layer: domain (plain Python). The flows (:mod:`crm_adapter.flows.settlement`) store what
these rules decide and post the settlement to SAP FI.

**Repair level.** A repair's level is the higher of

- the base level of its repair method (:data:`REPAIR_METHODS`), and
- the highest repair level of the materials used (the CRM-only field ``repair_level`` of a
  material, maintained in the maintenance queue).

So a simple method that needs a demanding part is paid as the part demands, and a demanding
method is paid as such even with simple parts. Levels are whole numbers from 1 (simplest) to
:data:`MAX_LEVEL`, kept as text (``"2"``). A material used that has no repair level yet
refuses the repair: the fee cannot be known until the material is maintained.

**Fee.** The configurable table ``labour_fee_rules`` gives the fee (CNY) per level; the
repair keeps the fee of the day it was recorded (changing a rule later does not change
recorded repairs). A level without a rule refuses the repair.

**Settlement.** On the 10th of each month (:data:`SETTLEMENT_DAY`, by the CRM's business
date) every provincial center is paid the fees of its outlets' repairs dated up to the last
day of the previous month and not settled yet (repairs recorded late are thus settled the
month after). One settlement per center and month: a settlement number
``LF`` + YYMM + center (16 characters, SAP's XBLNR), total, status::

    posting ──(FI document posted)──► posted ──(cleared in SAP: payment run)──► settled
       └──(SAP refused the posting)──► failed

The FI document credits the center's customer account and debits the labour-fee expense
account (:data:`EXPENSE_ACCOUNT`), in CNY. Another day than the 10th is refused unless the
run is forced or names its month explicitly; a month can only be settled once it is over.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from crm_adapter.domain.applications import parse_quantity
from crm_adapter.domain.errors import DomainError

#: repair method → its base repair level
REPAIR_METHODS: dict[str, int] = {
    "inspection": 1,  # diagnosis and check, nothing replaced
    "adjustment": 1,  # settings, cleaning, refastening
    "part_replacement": 2,  # a part is replaced
    "component_repair": 3,  # a unit (board, compressor, motor) is repaired
    "overhaul": 4,  # the appliance is overhauled
}
MIN_LEVEL, MAX_LEVEL = 1, 9
CURRENCY = "CNY"
MAX_FEE = Decimal("99999999.99")
CENT = Decimal("0.01")
MAX_MATERIALS = 50

SETTLEMENT_DAY = 10
#: FI: the company code that pays, the expense account debited, the document type
#: (DG: customer credit memo: the center is credited)
COMPANY_CODE = "1000"
EXPENSE_ACCOUNT = "0000470000"
DOCUMENT_TYPE = "DG"
SETTLEMENT_PREFIX = "LF"
#: ASCII digits and nothing after them (\d would take other scripts' digits, $ a final newline)
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})\Z")


class InvalidRepair(DomainError):
    """The repair order as given cannot be accepted (fields, materials, level, fee)."""


class InvalidFeeRule(DomainError):
    """A labour fee rule that cannot be accepted."""


class SettlementRefused(DomainError):
    """The settlement cannot run now (not the 10th, month not over)."""


class SettlementStatus(StrEnum):
    POSTING = "posting"
    POSTED = "posted"
    SETTLED = "settled"
    FAILED = "failed"


# --- levels and fees -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class MaterialUse:
    material_number: str
    quantity: Decimal
    #: the material's CRM repair level; None when it is not maintained yet
    repair_level: str | None


def parse_level(value: object, where: str = "repair level",
                error: type[DomainError] = InvalidFeeRule) -> int:
    text = str(value).strip() if isinstance(value, str | int) and \
        not isinstance(value, bool) else ""
    if not text.isdigit() or not MIN_LEVEL <= int(text) <= MAX_LEVEL:
        raise error(f"{where} must be a whole number from {MIN_LEVEL} to {MAX_LEVEL}, "
                    f"not {value!r}")
    return int(text)


def parse_fee(value: object) -> Decimal:
    """A fee in CNY: not negative, at most two decimals."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InvalidFeeRule("fee must be an amount like \"80.00\"")
    try:
        fee = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidFeeRule(f"fee '{value}' is not an amount") from None
    if not fee.is_finite() or fee < 0 or fee > MAX_FEE or fee != fee.quantize(CENT):
        raise InvalidFeeRule(f"fee must be between 0 and {MAX_FEE} with at most two "
                             f"decimals, not {value}")
    return fee.quantize(CENT)


def parse_material_quantity(value: object, where: str) -> Decimal:
    return parse_quantity(value, where, InvalidRepair)


def method_level(method: str) -> int:
    if method not in REPAIR_METHODS:
        raise InvalidRepair(f"repair method '{method}' is unknown; known: "
                            f"{', '.join(REPAIR_METHODS)}")
    return REPAIR_METHODS[method]


def repair_level(method: str, materials: Iterable[MaterialUse]) -> str:
    """max(base level of the method, highest repair level of the materials used)."""
    level = method_level(method)
    for use in materials:
        if use.repair_level is None or not use.repair_level.strip():
            raise InvalidRepair(f"material {use.material_number} has no repair level yet; "
                                "maintain it first (materials maintenance)")
        level = max(level, parse_level(use.repair_level, f"repair level of material "
                                                         f"{use.material_number}",
                                       InvalidRepair))
    return str(level)


def labour_fee(level: str, rules: Mapping[str, Decimal]) -> Decimal:
    if level not in rules:
        raise InvalidRepair(f"there is no labour fee rule for repair level {level}")
    return rules[level]


def check_repair_date(repair_date: date, today: date) -> None:
    if repair_date > today:
        raise InvalidRepair(f"a repair cannot be dated after today ({today.isoformat()})")


# --- the monthly settlement ------------------------------------------------------------------

def parse_month(text: object) -> str:
    """A month ``YYYY-MM``."""
    match = _MONTH.match(text) if isinstance(text, str) else None
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise SettlementRefused(f"month must be given as YYYY-MM, not {text!r}")
    return str(text)


def month_end(month: str) -> date:
    year, number = (int(part) for part in parse_month(month).split("-"))
    return date(year, number, calendar.monthrange(year, number)[1])


def previous_month(today: date) -> str:
    last = today.replace(day=1) - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def month_to_settle(today: date, month: str | None, *, forced: bool = False) -> str:
    """The month a settlement run on ``today`` settles: the previous one on the 10th (any
    day when forced); a month named explicitly any day, once it is over."""
    if month is None:
        if today.day != SETTLEMENT_DAY and not forced:
            raise SettlementRefused(
                f"labour fees are settled on day {SETTLEMENT_DAY} of the month; today is "
                f"{today.isoformat()} (force the run, or name the month to settle)")
        month = previous_month(today)
    if month_end(parse_month(month)) >= today:
        raise SettlementRefused(f"{month} is not over yet (today is {today.isoformat()})")
    return month


def settlement_number(provincial_center: str, month: str) -> str:
    """``LF`` + YYMM + the center's customer number: 16 characters (BKPF-XBLNR), the same
    for every attempt, so an earlier posting is found by it."""
    return f"{SETTLEMENT_PREFIX}{month[2:4]}{month[5:7]}{provincial_center}"


def total_of(fees: Iterable[Decimal]) -> Decimal:
    return sum(fees, Decimal(0)).quantize(CENT)
