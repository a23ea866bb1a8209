"""The order service against a fake SAP, with only the fake_sap plugin's fixtures."""

from __future__ import annotations

import pytest
from order_service import OrderRejected, order_date, place_order

from sap_client.errors import ABAPRuntimeError


@pytest.fixture
def master_data(fake_sap):
    """Two materials with stock, one provincial center and its outlets."""
    return fake_sap.seed(materials=2, customers=3, initial_stock=100)


def test_an_order_is_created_and_committed_in_sap(fake_sap, sap_connection, master_data):
    order = place_order(sap_connection, master_data["outlets"][0],
                        [(master_data["materials"][0], 2)])

    assert order_date(sap_connection, order) == fake_sap.today.strftime("%Y%m%d")


def test_an_unknown_material_is_rejected_with_sap_s_message(sap_connection, master_data):
    with pytest.raises(OrderRejected, match="NOSUCHMATERIAL"):
        place_order(sap_connection, master_data["outlets"][0], [("NOSUCHMATERIAL", 1)])


def test_a_short_dump_in_sap_fails_the_order_and_a_retry_succeeds(
        fake_sap, sap_connection, master_data):
    fake_sap.fault("BAPI_SALESORDER_CREATEFROMDAT2", kind="SYSTEM_FAILURE", times=1)
    lines = [(master_data["materials"][0], 1)]

    with pytest.raises(ABAPRuntimeError):
        place_order(sap_connection, master_data["outlets"][0], lines)

    assert place_order(sap_connection, master_data["outlets"][0], lines)


def test_an_order_placed_on_new_year_s_eve_is_dated_then(
        fake_sap, sap_connection, master_data):
    fake_sap.set_date("2024-12-31")

    order = place_order(sap_connection, master_data["outlets"][0],
                        [(master_data["materials"][1], 1)])

    assert order_date(sap_connection, order) == "20241231"


@pytest.mark.parametrize("run", ["first", "second"])
def test_every_test_has_an_sap_client_of_its_own(fake_sap, run):
    result = fake_sap.post_idocs(fake_sap.material())

    assert result.statuses == {"53": 1}
    assert [idoc["docnum"] for idoc in fake_sap.idocs()] == result.docnums


def test_a_material_changed_in_sap_is_sent_to_the_subscribed_system(
        fake_sap, idoc_receiver):
    fake_sap.register_partner("ORDERSVC", url=idoc_receiver.url, outbound=["MATMAS"])
    material = fake_sap.material()

    fake_sap.post_idocs(material)

    [received] = idoc_receiver.wait_for(1)
    assert received.idoc_type == "MATMAS05"
    assert received.find("E1MARAM/MATNR") == material.segments[0].values["MATNR"]
