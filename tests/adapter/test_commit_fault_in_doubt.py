"""A failed commit call is in doubt, whatever the failure.

A SOAP fault from BAPI_TRANSACTION_COMMIT (SYSTEM_FAILURE, e.g. a dump while COMMIT WORK AND
WAIT waits for the update) does not say that nothing was written: the V1 update may still
run and write the document after the call failed. Without transactional units the adapter
therefore puts the entry in doubt, exactly as for a lost answer: it re-checks by reference
and creates the document again only once the in-doubt window has passed.

fake-sap's SYSTEM_FAILURE fault fires before the call is processed, so the update that
lands late is played by the test: it creates the order with the entry's reference itself,
after the adapter's retries found nothing. Without the in-doubt wait a retry would have
created a second order before that.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from crm_driver import eventually
from landscape import FAST, Landscape

from crm_adapter.domain import applications as rules
from crm_adapter.outbox import OutboxWorker, UnitSettings
from sap_client.tables import equals, read_table

WITHOUT_UNITS = replace(FAST, units=UnitSettings("off", in_doubt_seconds=60.0))


def approved_stock_transport_order(landscape: Landscape) -> dict[str, Any]:
    """An approved stock transport application whose SAP facts were read: its create entry
    is next."""
    created = landscape.apply(landscape.outlets[0], "stock_transport",
                              {landscape.materials[0]: 2})
    landscape.approve(created["id"])
    worker = landscape.worker()
    try:
        worker.run_once(limit=1)  # the approval check: reads only, nothing is committed
    finally:
        worker.close()
    return created


def create_entry(landscape: Landscape) -> dict[str, Any]:
    [entry] = [e for e in landscape.outbox() if e["kind"].startswith("create_")]
    return entry


def orders_with_reference(landscape: Landscape, reference: str) -> list[str]:
    return [row["EBELN"] for row in read_table(landscape.rfc, "EKKO", ["EBELN"],
                                               [equals("UNSEZ", reference)])]


def the_late_update_lands(landscape: Landscape, entry: dict[str, Any]) -> str:
    """The order the failed commit's update writes after all (played through RFC)."""
    payload = entry["payload"]
    header = {"DOC_TYPE": payload["document_type"], "COMP_CODE": rules.COMPANY_CODE,
              "SUPPL_PLNT": rules.DELIVERING_PLANT, "OUR_REF": entry["crm_reference"]}
    items = [{"PO_ITEM": f"{i['item_number']:05d}", "MATERIAL": i["material"],
              "PLANT": rules.PROVINCIAL_WAREHOUSE_PLANT, "QUANTITY": Decimal(i["quantity"]),
              "PO_UNIT": i["unit"]} for i in payload["items"]]
    result = landscape.rfc.call(
        "BAPI_PO_CREATE1", POHEADER=header, POHEADERX={name: "X" for name in header},
        POITEM=items, POITEMX=[{"PO_ITEM": i["PO_ITEM"], "PO_ITEMX": "X", "MATERIAL": "X",
                                "PLANT": "X", "QUANTITY": "X", "PO_UNIT": "X"}
                               for i in items])
    assert result["EXPPURCHASEORDER"], result["RETURN"]
    landscape.rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    return str(result["EXPPURCHASEORDER"])


def attempts(worker: OutboxWorker, landscape: Landscape, at_least: int) -> dict[str, Any]:
    return dict(eventually(lambda: (worker.run_once(limit=1), create_entry(landscape))[1],
                           lambda entry: entry["attempts"] >= at_least, timeout=10.0,
                           what=f"attempt {at_least}"))


def test_a_system_failure_of_the_commit_puts_the_order_in_doubt(landscape: Landscape) -> None:
    created = approved_stock_transport_order(landscape)
    landscape.sap.add_fault("BAPI_TRANSACTION_COMMIT", "SYSTEM_FAILURE", times=1)
    worker = landscape.worker(settings=WITHOUT_UNITS)
    try:
        first = attempts(worker, landscape, 1)
        assert landscape.sap.faults()[0]["remaining"] == 0  # the commit failed
        assert first["status"] == "pending" and "in_doubt_since" in first["progress"]
        assert "BAPI_TRANSACTION_COMMIT failed" in first["last_error"]

        retried = attempts(worker, landscape, 3)
        assert "InDoubt" in retried["last_error"]
        assert orders_with_reference(landscape, retried["crm_reference"]) == []

        landed = the_late_update_lands(landscape, retried)
        linked = eventually(lambda: (worker.run_once(limit=1),
                                     landscape.application(created["id"]))[1],
                            lambda found: found["status"] == "in_sap", timeout=30.0,
                            what="in_sap")
    finally:
        worker.close()

    assert linked["sap_document_number"] == landed
    assert orders_with_reference(landscape, retried["crm_reference"]) == [landed]
    assert linked["integration"][-1]["result"]["existing"] is True


def test_a_failed_commit_of_an_order_is_created_once_the_window_has_passed(
        landscape: Landscape) -> None:
    created = approved_stock_transport_order(landscape)
    landscape.sap.add_fault("BAPI_TRANSACTION_COMMIT", "SYSTEM_FAILURE", times=1)
    worker = landscape.worker(settings=replace(
        FAST, units=UnitSettings("off", in_doubt_seconds=2.0)))
    try:
        linked = eventually(lambda: (worker.run_once(limit=1),
                                     landscape.application(created["id"]))[1],
                            lambda found: found["status"] == "in_sap", timeout=30.0,
                            what="in_sap")
    finally:
        worker.close()

    entry = create_entry(landscape)
    assert entry["attempts"] >= 2
    assert orders_with_reference(landscape, entry["crm_reference"]) == [
        linked["sap_document_number"]]
    assert linked["integration"][-1]["result"]["existing"] is False


def test_a_dump_of_the_bapi_itself_is_not_in_doubt(landscape: Landscape) -> None:
    created = approved_stock_transport_order(landscape)
    landscape.sap.add_fault("BAPI_PO_CREATE1", "SYSTEM_FAILURE", times=1)
    worker: OutboxWorker = landscape.worker(settings=WITHOUT_UNITS)
    try:
        first = attempts(worker, landscape, 1)
        assert "in_doubt_since" not in (first["progress"] or {})
        linked = eventually(lambda: (worker.run_once(limit=1),
                                     landscape.application(created["id"]))[1],
                            lambda found: found["status"] == "in_sap", timeout=30.0,
                            what="in_sap")
    finally:
        worker.close()

    assert orders_with_reference(landscape, first["crm_reference"]) == [
        linked["sap_document_number"]]


def test_a_system_failure_of_a_sales_order_commit_waits_for_the_window(
        landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 2})
    landscape.approve(created["id"])
    landscape.sap.add_fault("BAPI_TRANSACTION_COMMIT", "SYSTEM_FAILURE", times=1)
    worker = landscape.worker(settings=replace(
        FAST, units=UnitSettings("off", in_doubt_seconds=3.0)))
    try:
        worker.run_once(limit=1)  # the approval check: reads only
        first = attempts(worker, landscape, 1)
        assert "BAPI_TRANSACTION_COMMIT failed" in first["last_error"]
        retried = attempts(worker, landscape, 2)
        assert "InDoubt" in retried["last_error"]
        assert landscape.sales_documents(retried["crm_reference"]) == []
        linked = eventually(lambda: (worker.run_once(limit=1),
                                     landscape.application(created["id"]))[1],
                            lambda found: found["status"] == "in_sap", timeout=30.0,
                            what="in_sap")
    finally:
        worker.close()

    assert [row["VBELN"] for row in landscape.sales_documents(retried["crm_reference"])] == [
        linked["sap_document_number"]]


def test_the_adapter_s_stock_transport_order_keeps_its_reference(landscape: Landscape) -> None:
    # POHEADERX flags OUR_REF: without the flag SAP would not keep the reference that the
    # adapter's retries look the order up by
    created = landscape.apply(landscape.outlets[0], "stock_transport",
                              {landscape.materials[0]: 3})
    landscape.approve(created["id"])

    landscape.work()

    shown = landscape.application(created["id"])
    assert orders_with_reference(landscape, shown["crm_reference"]) == [
        shown["sap_document_number"]]
    [item] = landscape.purchase_order_items(shown["sap_document_number"])
    assert (item["MATNR"], Decimal(item["MENGE"])) == (landscape.materials[0], Decimal(3))
