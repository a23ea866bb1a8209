"""BAPI_MATERIAL_SAVEDATA's registered change as the material master's command (no process)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.ale.inbound.values import amount
from fake_sap.mm.material_master import (
    Maintenance,
    MaterialText,
    PlantView,
    StorageLocationView,
)
from fake_sap.rfc.functions.material import _with_storage_location, saved_material

pytestmark = pytest.mark.unit


def test_only_the_fields_whose_checkbox_was_set_are_maintained() -> None:
    change = {
        "matnr": "000000000000004711", "create": False, "user": "RFCUSER",
        "today": "20260101", "mara": {"mtart": "", "mbrsh": "", "matkl": "PUMPS"},
        "descriptions": [{"spras": "E", "maktx": "Pump"}],
        "plants": [{"werks": "1000", "values": {"dismm": "PD"}}],
        "valuations": [{"bwkey": "1000", "bwtar": "", "values": {"stprs": "12.5"}}],
        "sales": [],
    }

    command = saved_material(change)

    assert command.maintenance is Maintenance.FLAGGED
    assert (command.material_group, command.base_unit, command.deletion_flag) == (
        "PUMPS", None, None)
    assert command.texts == (MaterialText("E", "Pump"),)
    assert command.plants == (PlantView("1000", mrp_type="PD"),)
    valuation = command.valuations[0]
    assert (valuation.standard_price, valuation.moving_price) == (Decimal("12.5"), None)


@pytest.mark.parametrize(("text", "number"), [
    ("", Decimal(0)), ("12.50", Decimal("12.50")), ("5.00-", Decimal("-5.00")),
    (" 7 ", Decimal(7)),
])
def test_an_idoc_amount_is_read_with_sap_s_trailing_minus(text: str, number: Decimal) -> None:
    assert amount(text, "STPRS") == number
    assert str(amount(text, "STPRS")) == str(number)


def test_a_storage_location_joins_the_plant_view_of_its_plant() -> None:
    change = {
        "matnr": "000000000000004711", "create": False, "user": "RFCUSER",
        "today": "20260101", "mara": {"mtart": "", "mbrsh": ""}, "descriptions": [],
        "plants": _with_storage_location(
            [{"werks": "1000", "values": {"dismm": "PD"}}],
            {"werks": "1000", "lgort": "0001", "values": {"lgpbe": "A-01"}}),
        "valuations": [], "sales": [],
    }

    command = saved_material(change)

    assert command.plants == (PlantView("1000", mrp_type="PD", storage_locations=(
        StorageLocationView("0001", bin="A-01"),)),)


def test_a_storage_location_of_another_plant_gets_a_plant_view_without_fields() -> None:
    plants = _with_storage_location(
        [{"werks": "1000", "values": {"dismm": "PD"}}],
        {"werks": "1100", "lgort": "0001", "values": {}})

    assert [plant["werks"] for plant in plants] == ["1000", "1100"]
    assert plants[1] == {"werks": "1100", "values": {},
                         "storage_locations": [{"lgort": "0001", "values": {}}]}
