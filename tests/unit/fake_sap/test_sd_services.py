"""Commands and pure rules of the SD services: ATP confirmation and the goods movement
command of a delivery."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.sd.services import (
    Confirmation,
    DeliveryGoodsMovement,
    Requirement,
    confirm_requirements,
)

pytestmark = pytest.mark.unit
TODAY = "20240610"


def test_without_requirements_everything_available_is_confirmed_today() -> None:
    assert confirm_requirements([], Decimal(7), TODAY) == ([Confirmation(1, TODAY,
                                                                         Decimal(7))], False)


def test_requirements_are_confirmed_in_date_order_until_stock_runs_out() -> None:
    confirmations, short = confirm_requirements(
        [Requirement("20240620", Decimal(5)), Requirement("20240615", Decimal(4))],
        Decimal(6), TODAY)
    assert confirmations == [Confirmation(1, "20240615", Decimal(4)),
                             Confirmation(2, "20240620", Decimal(2))]
    assert short


def test_a_past_or_missing_date_is_confirmed_for_today() -> None:
    confirmations, short = confirm_requirements(
        [Requirement("00000000", Decimal(1)), Requirement("20200101", Decimal(1))],
        Decimal(5), TODAY)
    assert [c.date for c in confirmations] == [TODAY, TODAY]
    assert not short


def test_the_goods_movement_year_is_that_of_the_posting_date() -> None:
    movement = DeliveryGoodsMovement(vbeln="0080000000", counted={"000010": "3"},
                                     today="20250102", now_time="101010", user="U",
                                     posting_date="20241231")
    assert movement.year == "2024"
    assert DeliveryGoodsMovement(**{**movement.to_payload(), "posting_date": ""}).year == \
        "2025"


def test_the_goods_movement_command_is_its_own_update_task_payload() -> None:
    movement = DeliveryGoodsMovement(vbeln="0080000000", counted={}, today="20250102",
                                     now_time="101010", user="U", posting_date="",
                                     mblnr="4900000000", mjahr="2025")
    assert DeliveryGoodsMovement(**movement.to_payload()) == movement
