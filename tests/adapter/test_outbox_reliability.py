"""The outbox keeps the CRM and SAP together when things break: SAP down, the adapter killed
between SAP's commit and the CRM's update, SAP refusing for a business reason.

Everything runs against the real fake-sap server. "SAP down" is an address where nothing
listens; "the adapter dies" is an exception that escapes the worker at the chosen call (so
the CRM's transaction never happens), and, once, a real ``crm-adapter worker`` process
killed with SIGKILL in the middle of a batch.
"""

from __future__ import annotations

import collections
import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from crm_driver import document, eventually, from_sap
from idoc_builders import material as matmas
from landscape import FAST, Landscape

from crm_adapter.compose import inbox_handlers
from crm_adapter.config import AdapterSettings
from crm_adapter.domain.master_data import Prices, SapMaterial
from crm_adapter.inbox import Inbox
from crm_adapter.outbox import OutboxTables, OutboxWorker, WorkerSettings
from crm_adapter.store import applications as application_store
from crm_adapter.store import master_data
from crm_adapter.worker import WorkerOptions, run_worker, sap_connector
from fake_sap.testing.process import free_port
from sap_client.tables import read_table


class Crash(BaseException):
    """The worker process dies here (nothing after this point runs)."""


class CrashingConnection:
    """A real SAP connection through which the process 'dies' at one function: before the
    call is sent, or after SAP answered it."""

    def __init__(self, real: Any, function: str, *, after: bool) -> None:
        self.real, self.function, self.after = real, function, after

    def call(self, name: str, options: Any = None, **params: Any) -> dict[str, Any]:
        if name == self.function and not self.after:
            raise Crash(f"died before {name}")
        result: dict[str, Any] = self.real.call(name, options, **params)
        if name == self.function:
            raise Crash(f"died after {name}")
        return result

    def close(self) -> None:
        self.real.close()


def dying(landscape: Landscape, function: str, *, after: bool) -> Callable[[], Any]:
    connect = sap_connector(landscape.settings)
    return lambda: CrashingConnection(connect(), function, after=after)


def sap_down(landscape: Landscape) -> Callable[[], Any]:
    """SAP's address with nothing listening there."""
    return sap_connector(replace(landscape.settings,
                                 sap_url=f"http://127.0.0.1:{free_port()}"))


def work_until(landscape: Landscape, application_id: int, status: str) -> dict[str, Any]:
    """Let the worker retry (fast backoff) until the application reaches the status."""
    worker = landscape.worker()

    def probe() -> dict[str, Any]:
        worker.run_once()
        return landscape.application(application_id)

    try:
        return eventually(probe, lambda a: a["status"] == status, timeout=15.0,
                          what=f"application {application_id} {status}")
    finally:
        worker.close()


# --- a worker composed without a flow ---------------------------------------------------------

def test_an_entry_of_a_kind_the_worker_has_no_handler_for_waits_visibly_and_is_retried(
        landscape: Landscape, caplog: pytest.LogCaptureFixture) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})
    landscape.approve(created["id"])
    without_flows = OutboxWorker(landscape.db, sap_connector(landscape.settings),
                                 replace(FAST, retry_base_seconds=60.0, retry_max_seconds=60.0),
                                 tables=OutboxTables.of(()))

    with caplog.at_level(logging.ERROR, logger="crm_adapter.outbox"):
        finished = without_flows.run_once()
    before = time.time()

    [entry] = landscape.outbox()
    assert finished == 0
    assert (entry["kind"], entry["status"], entry["attempts"]) == (
        "check_material_application", "pending", 1)
    assert entry["last_error"] == "no handler for outbox kind check_material_application"
    assert entry["next_attempt_at"] > before + 30.0
    assert any(record.levelno == logging.ERROR and "check_material_application" in record.message
               for record in caplog.records)
    assert landscape.application(created["id"])["status"] == "approval_pending"


def test_an_entry_no_worker_could_handle_completes_once_a_composed_worker_takes_it(
        landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})
    landscape.approve(created["id"])
    OutboxWorker(landscape.db, sap_connector(landscape.settings), FAST,
                 tables=OutboxTables.of(())).run_once()

    completed = work_until(landscape, created["id"], "in_sap")

    assert [(e["kind"], e["status"], e["attempts"]) for e in completed["integration"]][0] == (
        "check_material_application", "done", 2)


# --- SAP down -----------------------------------------------------------------------------------

def test_an_approval_made_while_sap_is_down_waits_and_says_why(landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})
    landscape.approve(created["id"])

    landscape.worker(sap_down(landscape)).run_once()

    waiting = landscape.application(created["id"])
    [check] = waiting["integration"]
    assert waiting["status"] == "approval_pending"
    assert (check["status"], check["attempts"]) == ("pending", 1)
    assert check["last_error"].startswith("CommunicationError: ")


def test_an_approval_made_while_sap_is_down_completes_once_sap_is_back(
        landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})
    landscape.approve(created["id"])
    landscape.worker(sap_down(landscape)).run_once()

    completed = work_until(landscape, created["id"], "in_sap")
    landscape.work()

    [order] = landscape.sales_documents(created["crm_reference"])
    assert completed["sap_document_number"] == order["VBELN"]
    assert [(e["kind"], e["status"], e["attempts"]) for e in completed["integration"]] == [
        ("check_material_application", "done", 2), ("create_sales_order", "done", 1)]


def test_sap_going_down_between_approval_and_order_delays_the_order_only(
        landscape: Landscape) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {landscape.materials[0]: 1})
    landscape.approve(created["id"])
    landscape.worker().run_once(limit=1)  # SAP's facts: approved
    assert landscape.application(created["id"])["status"] == "approved"

    landscape.worker(sap_down(landscape)).run_once()
    assert landscape.application(created["id"])["status"] == "approved"

    work_until(landscape, created["id"], "in_sap")
    assert len(landscape.sales_documents(created["crm_reference"])) == 1


# --- the adapter dies between SAP's commit and the CRM's update ---------------------------------

KINDS = ["sales_order", "consignment_fill_up", "stock_transport"]


def sap_documents(landscape: Landscape, application: dict[str, Any]) -> list[str]:
    if application["application_type"] == "stock_transport":
        return [po["EBELN"] for po in landscape.purchase_orders()]
    return [so["VBELN"] for so in landscape.sales_documents(application["crm_reference"])]


@pytest.mark.parametrize("kind", KINDS)
def test_a_document_sap_committed_before_the_adapter_died_is_linked_not_created_again(
        landscape: Landscape, kind: str) -> None:
    created = landscape.apply(landscape.outlets[0], kind, {landscape.materials[0]: 2})
    landscape.approve(created["id"])
    with pytest.raises(Crash):
        landscape.worker(dying(landscape, "BAPI_TRANSACTION_COMMIT", after=True)).run_once()
    [committed] = sap_documents(landscape, created)
    assert landscape.application(created["id"])["status"] == "approved"

    landscape.work()  # the restarted worker takes the abandoned entry up again

    linked = landscape.application(created["id"])
    assert (linked["status"], linked["sap_document_number"]) == ("in_sap", committed)
    assert sap_documents(landscape, created) == [committed]
    assert linked["integration"][-1]["result"]["existing"] is True


@pytest.mark.parametrize("kind", ["sales_order", "stock_transport"])
def test_a_document_sap_never_committed_is_created_when_the_adapter_restarts(
        landscape: Landscape, kind: str) -> None:
    created = landscape.apply(landscape.outlets[0], kind, {landscape.materials[0]: 2})
    landscape.approve(created["id"])
    with pytest.raises(Crash):
        landscape.worker(dying(landscape, "BAPI_TRANSACTION_COMMIT", after=False)).run_once()
    assert sap_documents(landscape, created) == []

    landscape.work()

    linked = landscape.application(created["id"])
    assert sap_documents(landscape, created) == [linked["sap_document_number"]]
    assert linked["integration"][-1]["result"]["existing"] is False


def test_a_return_order_sap_committed_before_the_adapter_died_is_linked_once(
        landscape: Landscape) -> None:
    material = landscape.materials[0]
    created = landscape.apply(landscape.outlets[0], "sales_order", {material: 3})
    landscape.approve(created["id"])
    landscape.work()
    response = landscape.http.post("/api/returns", json={
        "outlet": landscape.outlets[0], "application_id": created["id"],
        "items": [{"material": material, "quantity": 1}]})
    returned = response.get_json()["return"]
    landscape.http.post(f"/api/returns/{returned['id']}/approve")
    with pytest.raises(Crash):
        landscape.worker(dying(landscape, "BAPI_TRANSACTION_COMMIT", after=True)).run_once()

    landscape.work()

    [order] = landscape.sales_documents(returned["crm_reference"])
    after = landscape.http.get(f"/api/returns/{returned['id']}").get_json()["return"]
    assert (after["status"], after["sap_return_order"]) == ("in_sap", order["VBELN"])


# --- SAP refuses for a business reason ----------------------------------------------------------

NOT_FOR_SALE = "SP-NOSALE-1"


@pytest.fixture
def material_not_for_sale(landscape: Landscape) -> str:
    """A material with stock in plant 1000 but no sales data for sales organization 1000,
    known to the CRM with a price."""
    rfc = landscape.rfc
    rfc.call("BAPI_MATERIAL_SAVEDATA",
             HEADDATA={"MATERIAL": NOT_FOR_SALE, "IND_SECTOR": "M", "MATL_TYPE": "ERSA",
                       "BASIC_VIEW": "X"},
             CLIENTDATA={"BASE_UOM": "ST", "MATL_GROUP": "SP-CMP"},
             CLIENTDATAX={"BASE_UOM": "X", "MATL_GROUP": "X"},
             PLANTDATA={"PLANT": "1000"}, PLANTDATAX={"PLANT": "1000"},
             MATERIALDESCRIPTION=[{"LANGU": "E", "MATL_DESC": "Prototype part"}])
    assert rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    stock = rfc.call("BAPI_GOODSMVT_CREATE", GOODSMVT_HEADER={},
                     GOODSMVT_CODE={"GM_CODE": "05"},
                     GOODSMVT_ITEM=[{"MATERIAL": NOT_FOR_SALE, "PLANT": "1000",
                                     "STGE_LOC": "0001", "MOVE_TYPE": "561",
                                     "ENTRY_QNT": "10"}])
    assert not stock["RETURN"], stock["RETURN"]
    assert rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    with landscape.db.write() as conn:
        master_data.create_material(conn, SapMaterial(
            NOT_FOR_SALE, "Prototype part", "", "ERSA", "SP-CMP", "ST",
            Prices(outlet_purchase=Decimal("10.00")), False))
    return NOT_FOR_SALE


def test_a_document_sap_refuses_fails_with_sap_s_message_and_is_not_retried(
        landscape: Landscape, material_not_for_sale: str) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {material_not_for_sale: 1})
    landscape.approve(created["id"])

    landscape.work()
    landscape.work()

    failed = landscape.application(created["id"])
    assert failed["status"] == "failed"
    assert failed["reason"] == (
        "SAP refused the document: BAPI_SALESORDER_CREATEFROMDAT2: E V1 382: Material "
        "SP-NOSALE-1 is not defined for sales org. 1000, distr. chan. 10 "
        "(SALES_ITEM_IN[1]-MATERIAL); E V4 219: Sales document was not changed")
    [entry] = landscape.outbox(kind="create_sales_order")
    assert (entry["status"], entry["attempts"]) == ("failed", 1)
    assert landscape.sales_documents(created["crm_reference"]) == []


def test_a_failed_application_can_be_reapplied_after_a_change(
        landscape: Landscape, material_not_for_sale: str) -> None:
    created = landscape.apply(landscape.outlets[0], "sales_order", {material_not_for_sale: 1})
    landscape.approve(created["id"])
    landscape.work()

    assert landscape.reapply(created["id"], {landscape.materials[0]: 1}).status_code == 200
    landscape.approve(created["id"])
    landscape.work()

    assert landscape.application(created["id"])["status"] == "in_sap"
    assert len(landscape.sales_documents(created["crm_reference"])) == 1


# --- the worker as a process, killed in the middle of a batch -----------------------------------

BATCH = 20


def worker_config(landscape: Landscape, folder: Path) -> Path:
    config = folder / "crm-worker.toml"
    settings: AdapterSettings = landscape.settings
    config.write_text(
        "[crm_adapter]\n" + "".join(f'{name} = "{getattr(settings, name)}"\n' for name in (
            "db_url", "sap_url", "sap_client", "sap_user", "sap_password")),
        encoding="utf-8")
    return config


@pytest.fixture
def start_worker(landscape: Landscape, tmp_path: Path
                 ) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """Start ``crm-adapter worker`` processes on the landscape's database; all are ended
    after the test."""
    config = worker_config(landscape, tmp_path)
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_adapter.cli", "worker", "--config", str(config),
             "--poll-seconds", "0.05", "--retry-base-seconds", "0.1",
             "--stale-seconds", "0.5", "--log-level", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def statuses(landscape: Landscape) -> collections.Counter[str]:
    with landscape.db.read() as conn:
        return collections.Counter(a["status"] for a in application_store.listing(
            conn, limit=1000))


def test_a_worker_killed_mid_batch_and_restarted_loses_nothing_and_duplicates_nothing(
        landscape: Landscape, start_worker: Callable[[], subprocess.Popen[bytes]]) -> None:
    created = [landscape.apply(landscape.outlets[n % len(landscape.outlets)], "sales_order",
                               {landscape.materials[n % len(landscape.materials)]: 1})
               for n in range(BATCH)]
    for application in created:
        landscape.approve(application["id"])

    first = start_worker()
    eventually(lambda: statuses(landscape)["in_sap"], lambda done: done >= 3, timeout=30.0,
               what="a few orders in SAP")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    done_when_killed = statuses(landscape)["in_sap"]

    second = start_worker()
    eventually(lambda: statuses(landscape)["in_sap"], lambda done: done == BATCH,
               timeout=60.0, what="every order in SAP")
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=10) == 0

    assert 3 <= done_when_killed < BATCH
    orders = read_table(landscape.rfc, "VBAK", ["VBELN", "BSTNK"],
                        ["BSTNK LIKE 'MA%'"])
    by_reference = collections.Counter(o["BSTNK"] for o in orders)
    assert by_reference == {a["crm_reference"]: 1 for a in created}
    linked = {landscape.application(a["id"])["sap_document_number"] for a in created}
    assert linked == {o["VBELN"] for o in orders}


# --- IDocs left unprocessed -------------------------------------------------------------------

def test_the_worker_processes_idocs_a_crash_left_unprocessed(landscape: Landscape) -> None:
    inbox = Inbox(landscape.db, inbox_handlers())
    # stored and acknowledged, but the receiving process died before processing it
    inbox.receive(document(from_sap(matmas("4711", "Pump"))))
    stop = threading.Event()
    worker = threading.Thread(target=run_worker, args=(landscape.settings, stop, WorkerOptions(
        outbox=WorkerSettings(poll_seconds=0.02))), daemon=True)
    worker.start()
    try:
        eventually(lambda: inbox.process_pending(), lambda left: left == [], timeout=10.0,
                   what="no IDoc left unprocessed")
        with landscape.db.read() as conn:
            assert master_data.get_material(conn, "000000000000004711") is not None
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()


def test_a_stopped_worker_stops(landscape: Landscape) -> None:
    stop = threading.Event()
    stop.set()

    run_worker(landscape.settings, stop, WorkerOptions(outbox=FAST))
