"""``make run`` (``python -m fake_sap.run_all``): fake-sap and the CRM adapter started
together, the CRM registered as SAP's partner, and the demo master data flowing to it."""

from __future__ import annotations

import os
import threading
import time

import httpx
from run_all_process import RunAllProcess

DEMO_MATERIALS = 200
DEMO_CUSTOMERS = 40


def test_the_crm_receives_the_demo_materials_through_sap_ale(run_all: RunAllProcess) -> None:
    queue = httpx.get(f"{run_all.crm_url}/api/materials/maintenance", timeout=10.0).json()

    assert len(queue["materials"]) == DEMO_MATERIALS


def test_sap_passed_every_demo_object_to_the_crm_partner(run_all: RunAllProcess) -> None:
    monitor = httpx.get(f"{run_all.sap_url}/_fake/clients/100/idocs", timeout=10.0, params={
        "direction": "outbound", "partner": "CRMCLNT100", "status": "03", "limit": "1"}).json()

    assert monitor["total"] == DEMO_MATERIALS + DEMO_CUSTOMERS


def test_the_crm_worker_creates_the_sap_order_of_an_approved_application(
        run_all: RunAllProcess) -> None:
    with httpx.Client(base_url=run_all.crm_url, timeout=10.0) as crm:
        application = crm.post("/api/applications", json={
            "outlet": "1000001", "type": "sales_order",
            "items": [{"material": "10000001", "quantity": "1"}]}).json()["application"]
        crm.post(f"/api/applications/{application['id']}/approve").raise_for_status()
        status = _wait_for_status(crm, application["id"], {"in_sap", "failed", "rejected"})

    assert status == "in_sap"


def test_ctrl_c_stops_all_three_processes(run_all: RunAllProcess) -> None:
    launched = run_all.children()
    assert len(launched) == 3

    exit_code = run_all.interrupt()

    assert exit_code == 0
    assert [pid for pid in launched if os.path.exists(f"/proc/{pid}")] == []


def _wait_for_status(crm: httpx.Client, application_id: int, final: set[str]) -> str:
    """Poll the application until the worker settled it, within a bounded deadline."""
    deadline = time.monotonic() + 15.0
    while True:
        status = str(crm.get(f"/api/applications/{application_id}").json()
                     ["application"]["status"])
        if status in final or time.monotonic() > deadline:
            return status
        threading.Event().wait(0.1)
