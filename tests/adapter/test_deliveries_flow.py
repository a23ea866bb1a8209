"""Deliveries from SAP: DESADV (ZDELVRY07) keeps the CRM's sub-deliveries, the applications'
delivery progress and the outlets' online inventory.

End to end: orders, deliveries and goods movements are made in the real fake-sap server
with the adapter's RFC client; SAP's ALE outbound sends every DESADV to the adapter served
on a loopback port (``sap_crm``). The CRM application exists only in the CRM store, and the
SAP order names it by PURCH_NO_C: the first delivery is linked through the outbox (VBAK-BSTNK
read from SAP), later ones by the order number the application then holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from crm_driver import RECEIVER_PASSWORD, RECEIVER_USER, CrmDriver
from landscape import copy_master_data
from sap_crm import SapCrm

from crm_adapter.config import AdapterSettings
from crm_adapter.domain.deliveries import application_record_number
from crm_adapter.http.app import create_app
from crm_adapter.store.engine import Database


@pytest.fixture
def ordered(sap_crm: SapCrm) -> tuple[dict[str, Any], str]:
    """A CRM application of 10 and SAP's order for it (PURCH_NO_C = its reference)."""
    application = sap_crm.application("10")
    return application, sap_crm.order("10", reference=application["crm_reference"])


def items_of(delivery: dict[str, Any]) -> list[tuple[Decimal, Decimal]]:
    """(shipped, open) per item."""
    return [(Decimal(i["shipped_quantity"]), Decimal(i["open_quantity"]))
            for i in delivery["items"]]


def deliver_and_link(sap_crm: SapCrm, order: str, quantity: str) -> str:
    delivery = sap_crm.deliver(order, quantity)
    sap_crm.sync()
    sap_crm.work()  # the first delivery of an order SAP created directly is linked by BSTNK
    return delivery


# --- partial deliveries -----------------------------------------------------------------------

def test_a_partial_delivery_becomes_a_sub_delivery_with_shipped_and_open_quantities(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    application, order = ordered

    delivery = deliver_and_link(sap_crm, order, "4")

    record = sap_crm.application_delivery(application["id"])
    assert record["delivery_number"] == application_record_number(application["id"])
    assert items_of(record) == [(Decimal(4), Decimal(6))]
    [sub] = record["sub_deliveries"]
    assert (sub["delivery_number"], sub["parent_delivery"], sub["status"]) == (
        delivery, record["delivery_number"], "open")
    assert items_of(sub) == [(Decimal(4), Decimal(6))]


def test_a_partial_delivery_makes_the_application_partially_delivered(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    application, order = ordered

    deliver_and_link(sap_crm, order, "4")

    stored = sap_crm.stored_application(application["id"])
    assert (stored["status"], stored["sap_document_number"]) == ("partially_delivered", order)
    assert stored["items"][0]["delivered_quantity"] == Decimal(4)


def test_the_delivery_idoc_is_serialized_by_its_delivery_number(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    _, order = ordered

    delivery = deliver_and_link(sap_crm, order, "4")

    [entry] = sap_crm.inbox()
    assert (entry["object_key"], entry["status"]) == (delivery, "processed")


def test_a_delivery_of_an_order_the_application_knows_needs_no_lookup_in_sap(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    application, order = ordered
    sap_crm.link(application["id"], order)  # as the applications flow records its order

    delivery = sap_crm.deliver(order, "3")
    sap_crm.sync()

    record = sap_crm.application_delivery(application["id"])
    assert [s["delivery_number"] for s in record["sub_deliveries"]] == [delivery]
    assert items_of(record) == [(Decimal(3), Decimal(7))]
    assert sap_crm.outbox() == []


def test_a_delivery_of_an_order_no_application_knows_still_fills_the_outlets_inventory(
        sap_crm: SapCrm) -> None:
    order = sap_crm.order("5", reference="PHONE-ORDER-17")
    delivery = deliver_and_link(sap_crm, order, "5")

    sap_crm.goods_movement(delivery)
    sap_crm.sync()

    stored = sap_crm.delivery(delivery)
    assert (stored["application_id"], stored["parent_delivery"], stored["status"]) == (
        None, None, "goods_issued")
    assert sap_crm.inventory() == 5
    [lookup] = sap_crm.outbox()
    assert lookup["result"]["purchase_order_number"] == "PHONE-ORDER-17"


# --- goods issue and the outlet's inventory ---------------------------------------------------

def test_a_delivery_does_not_raise_the_inventory_before_its_goods_issue(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    _, order = ordered

    deliver_and_link(sap_crm, order, "4")

    assert sap_crm.inventory() == 0


def test_the_goods_issue_raises_the_outlets_inventory_by_the_shipped_quantity(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    _, order = ordered
    delivery = deliver_and_link(sap_crm, order, "4")

    sap_crm.goods_movement(delivery)
    sap_crm.sync()

    assert sap_crm.inventory() == 4
    assert sap_crm.delivery(delivery)["status"] == "goods_issued"


def test_delivering_the_rest_completes_the_application_and_the_inventory(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    application, order = ordered
    first = deliver_and_link(sap_crm, order, "4")
    sap_crm.goods_movement(first)

    rest = sap_crm.deliver(order, "6")
    sap_crm.goods_movement(rest)
    sap_crm.sync()

    assert sap_crm.stored_application(application["id"])["status"] == "delivered"
    record = sap_crm.application_delivery(application["id"])
    assert (record["status"], items_of(record)) == ("delivered", [(Decimal(10), Decimal(0))])
    assert [items_of(s) for s in record["sub_deliveries"]] == [
        [(Decimal(4), Decimal(6))], [(Decimal(6), Decimal(0))]]
    assert sap_crm.inventory() == 10


def test_a_goods_issue_sent_again_raises_the_inventory_only_once(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    _, order = ordered
    delivery = deliver_and_link(sap_crm, order, "4")
    sap_crm.goods_movement(delivery)
    sap_crm.sync()
    goods_issue = sap_crm.desadv_xml(delivery, "PGI")

    same = sap_crm.resend(goods_issue)
    repeated_output = sap_crm.resend(goods_issue, docnum="0000000000999999")

    assert (same.json["duplicates"], repeated_output.json["processed"]) == (1, 1)
    assert sap_crm.inventory() == 4
    last = sap_crm.inbox()[-1]
    assert "nothing changed" in last["reason"]


# --- deletion -----------------------------------------------------------------------------------

def test_a_deleted_sub_delivery_is_gone_and_its_quantity_open_again(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    application, order = ordered
    first = deliver_and_link(sap_crm, order, "4")
    second = sap_crm.deliver(order, "3")
    sap_crm.sync()

    sap_crm.delete_delivery(second)
    sap_crm.sync()

    record = sap_crm.application_delivery(application["id"])
    assert [s["delivery_number"] for s in record["sub_deliveries"]] == [first]
    assert items_of(record) == [(Decimal(4), Decimal(6))]
    listed = sap_crm.api(f"/api/deliveries?application_id={application['id']}")["deliveries"]
    assert second not in [d["delivery_number"] for d in listed]
    assert sap_crm.delivery(second)["deleted"] is True


def test_deleting_the_only_delivery_puts_the_application_back_in_sap(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str]) -> None:
    application, order = ordered
    delivery = deliver_and_link(sap_crm, order, "4")

    sap_crm.delete_delivery(delivery)
    sap_crm.sync()

    assert sap_crm.stored_application(application["id"])["status"] == "in_sap"
    record = sap_crm.application_delivery(application["id"])
    assert (record["status"], record["sub_deliveries"], items_of(record)) == (
        "open", [], [(Decimal(0), Decimal(10))])


# --- order safety: messages about one delivery arriving late or twice --------------------------

@pytest.fixture
def other_crm(sap_crm: SapCrm, tmp_path: Path) -> Iterator[CrmDriver]:
    """A second adapter (own store, same master data) to replay SAP's DESADVs into in an
    order of the test's choosing."""
    app = create_app(AdapterSettings(db_url=f"sqlite:///{tmp_path / 'other.db'}",
                                     receiver_user=RECEIVER_USER,
                                     receiver_password=RECEIVER_PASSWORD))
    db: Database = app.extensions["crm_adapter"].db
    copy_master_data(sap_crm.rfc, db, sap_crm.outlets, sap_crm.materials)
    yield CrmDriver(db, app.test_client())
    db.dispose()


def without_serial(xml: str) -> str:
    return re.sub(r"<SERIAL>\d*</SERIAL>", "", xml)


def replay(crm: CrmDriver, *documents: str) -> None:
    for xml in documents:
        assert crm.receive(xml.encode("utf-8")).status_code == 200


def inventory_of(crm: CrmDriver, outlet: str) -> dict[str, Decimal]:
    response = crm.http.get(f"/api/outlets/{outlet}/inventory")
    assert response.status_code == 200, response.text
    return {line["material_number"]: Decimal(line["quantity"])
            for line in response.json["inventory"]}


def test_a_goods_issue_arriving_before_the_creation_counts_once(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str], other_crm: CrmDriver) -> None:
    _, order = ordered
    delivery = sap_crm.deliver(order, "4")
    sap_crm.goods_movement(delivery)
    sap_crm.sync()

    replay(other_crm, sap_crm.desadv_xml(delivery, "PGI"),
           sap_crm.desadv_xml(delivery, "CRE"))

    assert inventory_of(other_crm, sap_crm.outlet) == {sap_crm.material: Decimal(4)}
    assert [e["status"] for e in other_crm.inbox()] == ["processed", "obsolete"]


def test_a_creation_arriving_after_the_deletion_is_ignored(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str], other_crm: CrmDriver) -> None:
    _, order = ordered
    delivery = sap_crm.deliver(order, "4")
    sap_crm.delete_delivery(delivery)
    sap_crm.sync()

    # without SERIAL the inbox cannot tell the order: the kept deletion does
    replay(other_crm, without_serial(sap_crm.desadv_xml(delivery, "DEL")),
           without_serial(sap_crm.desadv_xml(delivery, "CRE")))

    late = other_crm.inbox()[-1]
    assert (late["status"], late["reason"]) == (
        "processed", f"delivery {delivery} was deleted in SAP before; this CRE message is "
                     "ignored")
    assert other_crm.http.get("/api/deliveries").json["deliveries"] == []


def test_a_delivery_to_an_outlet_the_crm_does_not_know_is_ignored(
        sap_crm: SapCrm, ordered: tuple[dict[str, Any], str], tmp_path: Path) -> None:
    _, order = ordered
    delivery = sap_crm.deliver(order, "4")
    sap_crm.sync()
    app = create_app(AdapterSettings(db_url=f"sqlite:///{tmp_path / 'empty.db'}",
                                     receiver_user=RECEIVER_USER,
                                     receiver_password=RECEIVER_PASSWORD))
    empty = CrmDriver(app.extensions["crm_adapter"].db, app.test_client())

    replay(empty, sap_crm.desadv_xml(delivery, "CRE"))

    [entry] = empty.inbox()
    assert entry["status"] == "processed" and entry["reason"].startswith("ignored: ship-to")
    empty.db.dispose()
