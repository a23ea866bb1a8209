"""Configuration errors halt the adapter's SAP calls instead of being retried: a SOAP-RFC
service that keeps no session (every commit would commit nothing) and a refused logon
(retrying a wrong password locks the SAP user). Against the real fake-sap process: the
work waits, nothing is done twice, and it completes once the cause is fixed."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from crm_driver import eventually
from landscape import FAST, Landscape

from crm_adapter.outbox import OutboxWorker, UnitSettings
from crm_adapter.sap_connection import logon_digest, sap_connector
from crm_adapter.store.schema import outbox as outbox_table

#: a real SAP's SOAP-RFC service has no transactional units: call, then commit
WITHOUT_UNITS = replace(FAST, units=UnitSettings("off", 900.0))


def worker(landscape: Landscape, password: str | None = None) -> OutboxWorker:
    settings = landscape.settings if password is None else replace(
        landscape.settings, sap_password=password)
    return OutboxWorker(landscape.db, sap_connector(settings), WITHOUT_UNITS,
                        tables=landscape.worker().tables, logon=logon_digest(settings))


def work(landscape: Landscape, password: str | None = None, passes: int = 5) -> None:
    running = worker(landscape, password)
    try:
        for _ in range(passes):
            running.run_once()
    finally:
        running.close()


def sap_calls(landscape: Landscape) -> dict[str, Any]:
    response = landscape.http.get("/health")
    assert response.status_code == 200
    return dict(response.get_json()["sap"])


def applied_and_approved(landscape: Landscape, count: int = 1) -> list[dict[str, Any]]:
    created = [landscape.apply(landscape.outlets[0], "sales_order",
                               {landscape.materials[0]: 1}) for _ in range(count)]
    for application in created:
        landscape.approve(application["id"])
    return created


def sales_documents_of(landscape: Landscape, application: dict[str, Any]) -> list[str]:
    return [so["VBELN"] for so in landscape.sales_documents(application["crm_reference"])]


def logon_user(landscape: Landscape) -> dict[str, Any]:
    return landscape.sap.control_api("GET", f"users/{landscape.settings.sap_user}")


# --- a SOAP-RFC service without sessions ---------------------------------------------------

def test_without_a_session_the_order_waits_instead_of_linking_a_lost_document(
        landscape: Landscape) -> None:
    [created] = applied_and_approved(landscape)
    landscape.sap.rfc_settings(stateless=True)

    work(landscape)

    halted = sap_calls(landscape)
    assert (halted["status"], halted["error"]) == ("halted", "SESSION_NOT_KEPT")
    assert "stateful session" in halted["reason"]
    assert landscape.application(created["id"])["status"] == "approved"  # nothing linked
    assert sales_documents_of(landscape, created) == []
    [waiting] = landscape.outbox(kind="create_sales_order")
    assert waiting["status"] == "pending" and "SessionNotKept" in waiting["last_error"]
    attempts = waiting["attempts"]

    work(landscape)  # halted: not repeated blindly
    [still] = landscape.outbox(kind="create_sales_order")
    assert still["attempts"] == attempts

    landscape.sap.rfc_settings(stateless=False)  # SAP's service made stateful
    resumed = landscape.http.post("/api/sap/resume")
    assert resumed.status_code == 200 and resumed.get_json() == {"status": "running"}
    work(landscape)

    linked = landscape.application(created["id"])
    assert linked["status"] == "in_sap"
    assert sales_documents_of(landscape, created) == [linked["sap_document_number"]]


def test_a_halt_outlives_a_restart_of_the_worker(landscape: Landscape) -> None:
    applied_and_approved(landscape)
    landscape.sap.rfc_settings(stateless=True)
    work(landscape)
    with landscape.db.read() as conn:
        before = conn.execute(outbox_table.select()).mappings().all()

    work(landscape)  # a new worker with the same settings

    with landscape.db.read() as conn:
        after = conn.execute(outbox_table.select()).mappings().all()
    assert [row["attempts"] for row in after] == [row["attempts"] for row in before]
    assert sap_calls(landscape)["status"] == "halted"


# --- a wrong password ------------------------------------------------------------------------

def test_a_wrong_password_does_not_lock_the_sap_user_and_the_work_waits_for_the_right_one(
        landscape: Landscape) -> None:
    created = applied_and_approved(landscape, count=3)

    for _ in range(4):  # the worker, restarted again and again, with the wrong password
        work(landscape, password="wrong-password", passes=10)

    halted = sap_calls(landscape)
    assert (halted["status"], halted["error"]) == ("halted", "RFC_LOGON_FAILURE")
    user = logon_user(landscape)
    assert user["locked"] is False
    assert user["failed_logons"] == 1  # one try, not one per pass, job or restart
    for application in created:  # waiting, neither refused nor in SAP
        assert landscape.application(application["id"])["status"] == "approval_pending"
    assert all(e["status"] == "pending" for e in landscape.outbox())

    work(landscape)  # the password fixed in the settings: a changed logon lifts the halt

    assert sap_calls(landscape) == {"status": "running"}
    for application in created:
        linked = landscape.application(application["id"])
        assert linked["status"] == "in_sap"
        assert sales_documents_of(landscape, application) == [linked["sap_document_number"]]
    assert all(e["status"] == "done" for e in landscape.outbox())


# --- the deployed worker process ----------------------------------------------------------------

@contextmanager
def worker_process(landscape: Landscape, folder: Path, password: str) -> Iterator[None]:
    """``crm-adapter worker --config FILE`` with the landscape's logon but ``password``."""
    settings = replace(landscape.settings, sap_password=password)
    config = folder / f"crm-worker-{password}.toml"
    config.write_text(
        "[crm_adapter]\n" + "".join(f'{name} = "{getattr(settings, name)}"\n' for name in (
            "db_url", "sap_url", "sap_client", "sap_user", "sap_password"))
        + 'sap_units = "off"\n', encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "crm_adapter.cli", "worker", "--config", str(config),
         "--poll-seconds", "0.05", "--retry-base-seconds", "0.05", "--retry-max-seconds",
         "0.1", "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def test_a_worker_process_with_a_wrong_password_halts_and_completes_once_corrected(
        landscape: Landscape, tmp_path: Path) -> None:
    created = applied_and_approved(landscape, count=2)

    with worker_process(landscape, tmp_path, "wrong-password"):
        eventually(lambda: sap_calls(landscape), lambda found: found["status"] == "halted",
                   timeout=30.0, what="the halt")
        time.sleep(1.0)  # 20 polls more: none of them may try to log on again
    assert logon_user(landscape)["failed_logons"] == 1

    with worker_process(landscape, tmp_path, landscape.settings.sap_password):
        for application in created:
            eventually(lambda a=application: landscape.application(a["id"]),
                       lambda found: found["status"] == "in_sap", timeout=60.0,
                       what="the order in SAP")

    assert logon_user(landscape)["locked"] is False
    for application in created:
        linked = landscape.application(application["id"])
        assert sales_documents_of(landscape, application) == [linked["sap_document_number"]]


def test_the_console_shows_the_halt_and_resumes_sap_calls(landscape: Landscape) -> None:
    applied_and_approved(landscape)
    landscape.sap.rfc_settings(stateless=True)
    work(landscape)

    page = landscape.http.get("/ui/").get_data(as_text=True)
    assert "SAP calls are halted" in page and "SESSION_NOT_KEPT" in page

    landscape.sap.rfc_settings(stateless=False)
    resumed = landscape.http.post("/ui/sap/resume")
    assert resumed.status_code == 303
    assert sap_calls(landscape) == {"status": "running"}
    assert "SAP calls are halted" not in landscape.http.get("/ui/").get_data(as_text=True)
    again = landscape.http.post("/ui/sap/resume")
    assert again.status_code == 303 and "error=" in again.headers["Location"]
