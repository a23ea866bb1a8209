"""A lost commit answer never creates a second SAP document.

fake-sap's ``timeout`` fault holds BAPI_TRANSACTION_COMMIT (and a unit's closing commit) for
6 s and then commits; the adapter gives up after 3 s and retries while that commit is still
running. With transactional RFC units the retry resends the same TID and SAP does not execute
it again; without units the entry is in doubt and is only re-checked by reference until the
in-doubt window has passed. Each case ends with exactly one document in VBAK, EKKO or BKPF
(read with RFC_READ_TABLE). The settlement's FI document has its case in
test_settlement_flow.py.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from crm_driver import eventually
from landscape import FAST, Landscape

from crm_adapter.outbox import OutboxWorker, UnitSettings, WorkerSettings
from crm_adapter.worker import sap_connector
from sap_client.soap import read_unit_answer

HELD_SECONDS = 6.0
ADAPTER_TIMEOUT_SECONDS = 3.0


def impatient_worker(landscape: Landscape, settings: WorkerSettings = FAST) -> OutboxWorker:
    """An outbox worker whose SAP calls time out after 3 s."""
    return landscape.worker(sap_connector(replace(
        landscape.settings, sap_timeout_seconds=ADAPTER_TIMEOUT_SECONDS)), settings)


def until_status(landscape: Landscape, worker: OutboxWorker, read: Any, status: str
                 ) -> dict[str, Any]:
    def probe() -> dict[str, Any]:
        worker.run_once(limit=1)
        return dict(read())

    try:
        return eventually(probe, lambda found: found["status"] == status, timeout=60.0,
                          what=status)
    finally:
        worker.close()


def approved_and_checked(landscape: Landscape, kind: str) -> dict[str, Any]:
    """An approved application whose SAP facts were read: its create entry is next."""
    created = landscape.apply(landscape.outlets[0], kind, {landscape.materials[0]: 2})
    landscape.approve(created["id"])
    worker = landscape.worker()
    try:
        worker.run_once(limit=1)  # the approval check: reads only, nothing is committed
    finally:
        worker.close()
    assert landscape.application(created["id"])["status"] == "approved"
    return created


def hold_the_next_commit(landscape: Landscape) -> None:
    landscape.sap.add_fault("BAPI_TRANSACTION_COMMIT", "timeout", times=1,
                            seconds=HELD_SECONDS)


def documents_of(landscape: Landscape, application: dict[str, Any]) -> list[str]:
    if application["application_type"] == "stock_transport":
        return [po["EBELN"] for po in landscape.purchase_orders()]
    return [so["VBELN"] for so in landscape.sales_documents(application["crm_reference"])]


def create_entry(landscape: Landscape) -> dict[str, Any]:
    [entry] = [e for e in landscape.outbox() if e["kind"].startswith("create_")]
    return entry


@pytest.mark.parametrize("kind", ["sales_order", "consignment_fill_up", "stock_transport"])
def test_an_order_whose_commit_answer_is_lost_is_created_once(
        landscape: Landscape, kind: str) -> None:
    created = approved_and_checked(landscape, kind)
    hold_the_next_commit(landscape)

    linked = until_status(landscape, impatient_worker(landscape),
                          lambda: landscape.application(created["id"]), "in_sap")

    assert landscape.sap.faults()[0]["remaining"] == 0  # the commit was held
    entry = create_entry(landscape)
    assert entry["attempts"] >= 2  # the first attempt gave up; a retry finished the job
    assert documents_of(landscape, created) == [linked["sap_document_number"]]


def test_the_tid_is_stored_with_the_entry_before_the_first_attempt(landscape: Landscape
                                                                   ) -> None:
    created = approved_and_checked(landscape, "sales_order")
    before = create_entry(landscape)
    assert before["attempts"] == 0 and len(before["unit_id"]) == 24

    hold_the_next_commit(landscape)
    until_status(landscape, impatient_worker(landscape),
                 lambda: landscape.application(created["id"]), "in_sap")

    assert create_entry(landscape)["unit_id"] == before["unit_id"]


def test_a_return_whose_commit_answer_is_lost_is_created_once(landscape: Landscape) -> None:
    material = landscape.materials[0]
    created = landscape.apply(landscape.outlets[0], "sales_order", {material: 3})
    landscape.approve(created["id"])
    landscape.work()
    response = landscape.http.post("/api/returns", json={
        "outlet": landscape.outlets[0], "application_id": created["id"],
        "items": [{"material": material, "quantity": 1}]})
    returned = response.get_json()["return"]
    landscape.http.post(f"/api/returns/{returned['id']}/approve")
    hold_the_next_commit(landscape)

    after = until_status(
        landscape, impatient_worker(landscape),
        lambda: landscape.http.get(f"/api/returns/{returned['id']}").get_json()["return"],
        "in_sap")

    [order] = landscape.sales_documents(returned["crm_reference"])
    assert after["sap_return_order"] == order["VBELN"]


# --- a server without units: in doubt ----------------------------------------------------------

def without_units(in_doubt_seconds: float) -> WorkerSettings:
    return replace(FAST, units=UnitSettings("off", in_doubt_seconds))


def test_without_units_a_lost_commit_answer_is_rechecked_by_reference_not_created_again(
        landscape: Landscape) -> None:
    created = approved_and_checked(landscape, "sales_order")
    hold_the_next_commit(landscape)

    linked = until_status(landscape, impatient_worker(landscape, without_units(60.0)),
                          lambda: landscape.application(created["id"]), "in_sap")

    assert documents_of(landscape, created) == [linked["sap_document_number"]]
    assert linked["integration"][-1]["result"]["existing"] is True
    assert create_entry(landscape)["progress"]["in_doubt_since"] > 0


def test_without_units_an_unknown_outcome_waits_for_the_in_doubt_window_then_creates(
        landscape: Landscape) -> None:
    created = approved_and_checked(landscape, "sales_order")
    # ICF's 500 page at the commit: nothing was committed, but the adapter cannot know that
    landscape.sap.add_fault("BAPI_TRANSACTION_COMMIT", "http_500", times=1)
    worker = impatient_worker(landscape, without_units(5.0))
    try:
        worker.run_once(limit=1)
        first = create_entry(landscape)
        assert first["status"] == "pending" and "in_doubt_since" in first["progress"]

        eventually(lambda: (worker.run_once(limit=1), create_entry(landscape))[1],
                   lambda entry: entry["attempts"] >= 2, timeout=10.0, what="a retry")
        in_doubt = create_entry(landscape)
        assert "InDoubt" in in_doubt["last_error"]
        assert documents_of(landscape, created) == []
    finally:
        worker.close()

    linked = until_status(landscape, impatient_worker(landscape, without_units(5.0)),
                          lambda: landscape.application(created["id"]), "in_sap")
    assert documents_of(landscape, created) == [linked["sap_document_number"]]
    assert linked["integration"][-1]["result"]["existing"] is False


def unit_state(landscape: Landscape, tid: str) -> str:
    """The state fake-sap keeps for a TID (its unit path, read directly)."""
    sap = landscape.sap
    with sap.http() as http:
        response = http.get(f"/sap/fake/rfc/unit/{tid}", auth=sap.auth,
                            params={"sap-client": sap.number})
    assert response.status_code == 200, response.text
    return read_unit_answer(response.content).state


def test_the_unit_is_confirmed_once_the_crm_recorded_the_document(landscape: Landscape
                                                                    ) -> None:
    created = approved_and_checked(landscape, "sales_order")
    tid = create_entry(landscape)["unit_id"]
    worker = landscape.worker(settings=replace(FAST, units=UnitSettings("auto")))

    until_status(landscape, worker, lambda: landscape.application(created["id"]), "in_sap")

    # confirmed: SAP has forgotten the TID (it would answer "executed" otherwise)
    assert unit_state(landscape, tid) == "not_found"


# --- the same with the worker as deployed: ``crm-adapter worker`` --------------------------------

def test_a_worker_process_with_a_short_sap_timeout_creates_one_order_after_a_lost_answer(
        landscape: Landscape, tmp_path: Path) -> None:
    created = approved_and_checked(landscape, "sales_order")
    hold_the_next_commit(landscape)
    settings = landscape.settings
    config = tmp_path / "crm-worker.toml"
    config.write_text(
        "[crm_adapter]\n" + "".join(f'{name} = "{getattr(settings, name)}"\n' for name in (
            "db_url", "sap_url", "sap_client", "sap_user", "sap_password"))
        + f"sap_timeout_seconds = {ADAPTER_TIMEOUT_SECONDS}\n", encoding="utf-8")
    worker = subprocess.Popen(
        [sys.executable, "-m", "crm_adapter.cli", "worker", "--config", str(config),
         "--poll-seconds", "0.05", "--retry-base-seconds", "0.2", "--retry-max-seconds", "0.5",
         "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        linked = eventually(lambda: landscape.application(created["id"]),
                            lambda found: found["status"] == "in_sap", timeout=60.0,
                            what="the order in SAP")
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=10)

    assert landscape.sap.faults()[0]["remaining"] == 0
    assert create_entry(landscape)["attempts"] >= 2
    assert documents_of(landscape, created) == [linked["sap_document_number"]]
