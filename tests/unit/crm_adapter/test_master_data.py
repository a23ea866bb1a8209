"""Master-data rules of the CRM (crm_adapter.domain.master_data): which SAP customers are CRM
customers, and the CRM-only fields of a material."""

from __future__ import annotations

import pytest

from crm_adapter.domain.master_data import (
    OUTLET_GROUP,
    PRICE_VALUATION_AREA,
    PROVINCIAL_CENTER_GROUP,
    PROVINCIAL_CENTER_PARTNER_FUNCTION,
    CustomerKind,
    MaintenanceUpdate,
    Prices,
    customer_kind,
)

pytestmark = pytest.mark.unit


def test_account_group_zpc_is_a_provincial_center_and_zout_an_outlet():
    assert customer_kind("ZPC") is CustomerKind.PROVINCIAL_CENTER
    assert customer_kind("ZOUT") is CustomerKind.OUTLET
    assert (PROVINCIAL_CENTER_GROUP, OUTLET_GROUP) == ("ZPC", "ZOUT")


@pytest.mark.parametrize("group", ["0001", "", "zpc", "ZOUT ", "KUNA"])
def test_other_account_groups_are_not_crm_master_data(group):
    assert customer_kind(group) is None


def test_an_outlet_names_its_center_with_partner_function_zp():
    assert PROVINCIAL_CENTER_PARTNER_FUNCTION == "ZP"


def test_the_crm_shows_the_prices_of_the_central_warehouse():
    assert PRICE_VALUATION_AREA == "1000"


def test_prices_default_to_unknown_per_one_unit():
    assert Prices() == Prices(None, None, None, None, 1)


def test_a_maintenance_update_with_both_fields_has_no_problems():
    assert MaintenanceUpdate("P-0001", "3").problems() == []


def test_both_crm_fields_are_required():
    assert MaintenanceUpdate("", " ").problems() == ["position_number is required",
                                                    "repair_level is required"]


def test_values_longer_than_their_columns_are_refused():
    assert MaintenanceUpdate("p" * 21, "r" * 11).problems() == [
        "position_number is longer than 20 characters",
        "repair_level is longer than 10 characters"]


def test_values_exactly_as_long_as_their_columns_are_accepted():
    assert MaintenanceUpdate("p" * 20, "r" * 10).problems() == []
