"""A lock error in a BAPI's RETURN (V1 042: the object is held by another session) is not a
refusal: the BAPI did nothing, and the outbox retries the same call with backoff. fake-sap
has no enqueue server, so the lock comes from its fault rule ``locked``. Each case ends with
exactly one SAP document."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from crm_driver import eventually
from landscape import FAST, Landscape

from crm_adapter.outbox import UnitSettings

CREATE = "BAPI_SALESORDER_CREATEFROMDAT2"


def work_until_in_sap(landscape: Landscape, application: dict[str, Any], units: str
                      ) -> dict[str, Any]:
    worker = landscape.worker(settings=replace(FAST, units=UnitSettings(units, 900.0)))

    def probe() -> dict[str, Any]:
        worker.run_once()
        return landscape.application(application["id"])

    try:
        return dict(eventually(probe, lambda found: found["status"] in ("in_sap", "failed"),
                               timeout=60.0, what="the order in SAP"))
    finally:
        worker.close()


def approved(landscape: Landscape) -> dict[str, Any]:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 2})
    landscape.approve(created["id"])
    return created


@pytest.mark.parametrize("units", ["off", "on"])
def test_a_locked_sales_order_is_retried_and_created_once(landscape: Landscape,
                                                          units: str) -> None:
    created = approved(landscape)
    landscape.sap.add_fault(CREATE, "locked", times=2)

    linked = work_until_in_sap(landscape, created, units)

    assert landscape.sap.faults()[0]["remaining"] == 0  # both lock errors were answered
    assert linked["status"] == "in_sap"
    [entry] = landscape.outbox(kind="create_sales_order")
    assert entry["status"] == "done" and entry["attempts"] == 3
    # with units this needs a new TID per retry: the unit that answered the lock error is
    # done in SAP, and resending its TID would replay that answer, never creating the order
    documents = [so["VBELN"] for so in landscape.sales_documents(created["crm_reference"])]
    assert documents == [linked["sap_document_number"]]


def test_a_lock_error_is_retried_while_it_lasts_and_never_marked_failed(
        landscape: Landscape) -> None:
    created = approved(landscape)
    landscape.sap.add_fault(CREATE, "locked", times=None)
    worker = landscape.worker(settings=replace(FAST, units=UnitSettings("off", 900.0)))
    try:
        for _ in range(4):
            worker.run_until_idle(max_passes=3)
    finally:
        worker.close()

    [entry] = landscape.outbox(kind="create_sales_order")
    assert entry["status"] == "pending"
    assert "V1 042" in entry["last_error"]
    assert landscape.application(created["id"])["status"] != "failed"

    landscape.sap.clear_faults()
    assert work_until_in_sap(landscape, created, "off")["status"] == "in_sap"
    assert len(landscape.sales_documents(created["crm_reference"])) == 1
