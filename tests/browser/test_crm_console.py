"""The CRM console (``/ui/`` of ``crm-adapter serve``) in a real browser.

End to end: SAP is the session's ``fake-sap serve``; the adapter runs as ``crm-adapter
serve`` on a free port with SAP's logon, and SAP sends it every DESADV. Documents are made
in SAP as its users would (the adapter's outbox creates the order and the return, SAP's
users deliver), and the console must show the same numbers SAP has. With
``CONSOLE_SCREENSHOTS=DIR`` the tests also save pictures of the pages they show
(``docs/images/crm-*.png`` come from ``CONSOLE_SCREENSHOTS=docs/images``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from crm_driver import RECEIVER_PASSWORD, RECEIVER_USER, body, eventually
from landscape import copy_master_data
from sap_crm import SapCrm
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from crm_adapter import outbox
from crm_adapter.compose import outbox_tables
from crm_adapter.config import AdapterSettings
from crm_adapter.outbox import OutboxWorker, WorkerSettings
from crm_adapter.store.engine import Database
from crm_adapter.store.master_data import get_material
from crm_adapter.worker import sap_connector
from fake_sap.testing.process import SapClient, free_port
from sap_client.rfc import Connection

CRM_PARTNER = "CRMCLNT100"


@dataclass
class Console:
    """The served adapter, its console's base URL, and SAP driven through SapCrm."""

    url: str
    settings: AdapterSettings
    sap_crm: SapCrm

    def page(self, path: str) -> str:
        return f"{self.url}/ui{path}"

    def api(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self.sap_crm.http.request(method, path, **kwargs)
        assert response.status_code in (200, 201, 202), response.text
        return dict(body(response))


@pytest.fixture
def console(sap: SapClient, tmp_path: Path) -> Iterator[Console]:
    """``crm-adapter serve`` with SAP's logon and the console linked to SAP's console; SAP
    seeded (3 materials, 100 in stock) and sending DESADV to it; the CRM holds the
    customers and the first two materials (the third is for a test that adds it late)."""
    seeded = sap.seed(materials=3, customers=10, initial_stock="100")
    db_url = f"sqlite:///{tmp_path / 'crm.db'}"
    settings = AdapterSettings(
        db_url=db_url, sap_url=sap.server.url, sap_client=sap.number, sap_user=sap.auth[0],
        sap_password=sap.auth[1], sap_timeout_seconds=60.0, receiver_user=RECEIVER_USER,
        receiver_password=RECEIVER_PASSWORD, sap_console_url=sap.server.url)
    config = tmp_path / "crm.toml"
    config.write_text("[crm_adapter]\n" + "".join(
        f'{name} = "{getattr(settings, name)}"\n' for name in (
            "db_url", "sap_url", "sap_client", "sap_user", "sap_password", "receiver_user",
            "receiver_password", "sap_console_url")), encoding="utf-8")
    port = free_port()
    log = tmp_path / "crm-adapter.log"
    with log.open("ab") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(port),
             "--workers", "1", "--config", str(config)],
            stdout=subprocess.DEVNULL, stderr=log_file)
    url = f"http://127.0.0.1:{port}"
    db = Database(db_url)
    http = httpx.Client(base_url=url, timeout=30.0)
    rfc = Connection(url=sap.server.url, client=sap.number, user=sap.auth[0],
                     passwd=sap.auth[1], lang="EN", timeout=60.0)
    try:
        eventually(lambda: _answers(url, process, log), bool, timeout=20.0,
                   what="crm-adapter serve")
        sap.register_partner(CRM_PARTNER, url=f"{url}/sap/idoc", user=RECEIVER_USER,
                             password=RECEIVER_PASSWORD, outbound=["DESADV"])
        copy_master_data(rfc, db, seeded["provincial_centers"] + seeded["outlets"],
                         seeded["materials"][:2])
        yield Console(url, settings, SapCrm(
            sap, db, http, rfc, sap_connector(settings), seeded["outlets"],
            seeded["provincial_centers"], seeded["materials"]))
    finally:
        rfc.close()
        http.close()
        db.dispose()
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(url: str, process: subprocess.Popen[bytes], log: Path) -> bool:
    if process.poll() is not None:
        raise RuntimeError(f"crm-adapter serve exited: {log.read_text(errors='replace')}")
    try:
        return httpx.get(f"{url}/health", timeout=1.0).status_code == 200
    except httpx.TransportError:
        return False


def screenshot(page: WebDriver, name: str) -> None:
    """Save a picture of the page when CONSOLE_SCREENSHOTS names a folder."""
    folder = os.environ.get("CONSOLE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.save_screenshot(str(Path(folder) / f"crm-{name}.png"))


def row(page: WebDriver, table: str, attribute: str, key: object) -> WebElement:
    return page.find_element(By.CSS_SELECTOR, f"table#{table} tr[data-{attribute}='{key}']")


def click_button(element: WebElement, text: str) -> None:
    [button] = [b for b in element.find_elements(By.TAG_NAME, "button") if b.text == text]
    button.click()


# --- the CRM shows the documents SAP has ----------------------------------------------------

def in_sap_application(console: Console, quantity: str) -> dict[str, Any]:
    """An application approved in the CRM whose sales order the outbox created in SAP."""
    created = console.api("POST", "/api/applications", json={
        "outlet": console.sap_crm.outlet, "type": "sales_order",
        "items": [{"material": console.sap_crm.material, "quantity": quantity}]})["application"]
    console.api("POST", f"/api/applications/{created['id']}/approve")
    console.sap_crm.work()
    application = console.api("GET", f"/api/applications/{created['id']}")["application"]
    assert application["status"] == "in_sap", application
    return dict(application)


def test_the_console_shows_an_application_with_its_sap_order_sub_delivery_and_return(
        console: Console, browser_page: WebDriver) -> None:
    sap_crm = console.sap_crm
    application = in_sap_application(console, "10")
    order = application["sap_document_number"]
    delivery = sap_crm.deliver(order, "4")
    sap_crm.sync()
    returned = console.api("POST", "/api/returns", json={
        "outlet": sap_crm.outlet, "application_id": application["id"],
        "items": [{"material": sap_crm.material, "quantity": "2"}]})["return"]
    console.api("POST", f"/api/returns/{returned['id']}/approve")
    sap_crm.work()
    # what SAP has: the order by its CRM reference, the delivery of the order, the RE order
    [sap_order] = sap_crm.table("VBAK", ["VBELN"], BSTNK=application["crm_reference"])
    [sap_delivery] = sap_crm.table("LIPS", ["VBELN"], VGBEL=order)
    [sap_return] = sap_crm.table("VBAK", ["VBELN", "AUART"], BSTNK=returned["crm_reference"])
    assert (sap_order["VBELN"], sap_delivery["VBELN"], sap_return["AUART"]) == (
        order, delivery, "RE")

    browser_page.get(console.page("/applications"))
    screenshot(browser_page, "applications")
    listed = row(browser_page, "applications", "application", application["id"])
    link = listed.find_element(By.CSS_SELECTOR, "td.sap-document a")
    assert link.text == order
    target = urlsplit(link.get_attribute("href") or "")
    assert (f"{target.scheme}://{target.netloc}", target.path) == (
        sap_crm.sap.server.url, "/_fake/ui/flow")
    assert parse_qs(target.query) == {"sap-client": [sap_crm.sap.number], "document": [order]}

    listed.find_element(By.LINK_TEXT, str(application["id"])).click()
    screenshot(browser_page, "application")
    assert browser_page.find_element(By.ID, "sap-document").text == order
    [sub] = browser_page.find_elements(By.CSS_SELECTOR, "#sub-deliveries .sub-delivery")
    assert sub.get_attribute("data-delivery") == delivery
    assert [Decimal(cell.text) for cell in sub.find_elements(By.CSS_SELECTOR, "td.shipped")] \
        == [Decimal(4)]
    returns = browser_page.find_element(By.ID, "application-returns").text
    assert returned["crm_reference"] in returns and sap_return["VBELN"] in returns

    browser_page.get(console.page("/returns"))
    screenshot(browser_page, "returns")
    assert row(browser_page, "returns", "return", returned["id"]).find_element(
        By.CSS_SELECTOR, "td.sap-return-order").text == sap_return["VBELN"]

    browser_page.get(console.page("/deliveries"))
    screenshot(browser_page, "deliveries")
    assert row(browser_page, "deliveries", "delivery", delivery).is_displayed()


# --- retry buttons ----------------------------------------------------------------------------

def test_retry_in_the_inbox_applies_a_delivery_once_its_material_is_in_the_crm(
        console: Console, browser_page: WebDriver) -> None:
    sap_crm = console.sap_crm
    late_material = sap_crm.materials[2]  # not in the CRM yet
    order = sap_crm.order("5", reference="CONSOLE-RETRY", material=late_material)
    delivery = sap_crm.deliver(order, "5")
    sap_crm.sync()
    [failed] = sap_crm.inbox(status="failed")

    browser_page.get(console.page("/inbox?status=failed"))
    screenshot(browser_page, "inbox")
    listed = row(browser_page, "inbox", "entry", failed["id"])
    assert "failed" in listed.text and late_material.lstrip("0") in listed.text
    copy_master_data(sap_crm.rfc, sap_crm.db, [], [late_material])
    click_button(listed, "Retry")

    assert "processed again: processed" in browser_page.find_element(By.CSS_SELECTOR,
                                                                      ".notice.done").text
    assert browser_page.find_element(By.ID, "entry-status").text == "processed"
    [entry] = sap_crm.inbox(id=failed["id"])
    assert entry["status"] == "processed"
    assert console.api("GET", f"/api/deliveries/{delivery}")["delivery"]["status"] == "open"


def test_retry_now_in_the_outbox_makes_a_job_that_waits_for_its_backoff_due(
        console: Console, browser_page: WebDriver) -> None:
    created = console.api("POST", "/api/applications", json={
        "outlet": console.sap_crm.outlet, "type": "sales_order",
        "items": [{"material": console.sap_crm.material, "quantity": "1"}]})["application"]
    console.api("POST", f"/api/applications/{created['id']}/approve")
    unreachable = AdapterSettings(sap_url=f"http://127.0.0.1:{free_port()}",
                                  sap_timeout_seconds=5.0)
    # SAP cannot be reached: the job waits an hour for its next attempt
    patient = WorkerSettings(retry_base_seconds=3600.0, retry_max_seconds=3600.0)
    db = console.sap_crm.db
    OutboxWorker(db, sap_connector(unreachable), patient, tables=outbox_tables()).run_once()
    [waiting] = outbox.entries(db, status=outbox.PENDING)
    worker = OutboxWorker(db, console.sap_crm.connect_sap, patient, tables=outbox_tables())
    assert worker.run_once() == 0  # not due

    browser_page.get(console.page("/outbox"))
    screenshot(browser_page, "outbox")
    listed = row(browser_page, "outbox", "job", waiting["id"])
    assert "pending" in listed.text and waiting["last_error"][:20] in listed.text
    click_button(listed, "Retry now")

    assert "due now" in browser_page.find_element(By.CSS_SELECTOR, ".notice.done").text
    try:
        assert worker.run_once() >= 1
    finally:
        worker.close()
    [done] = [e for e in outbox.entries(db) if e["id"] == waiting["id"]]
    assert (done["status"], done["attempts"]) == (outbox.DONE, 2)


# --- the maintenance queue ----------------------------------------------------------------------

def test_the_maintenance_form_saves_the_crm_only_fields(
        console: Console, browser_page: WebDriver) -> None:
    material = console.sap_crm.material
    waiting = console.api("GET", "/api/materials/maintenance")["materials"]
    assert material in [m["material_number"] for m in waiting]

    browser_page.get(console.page("/materials/maintenance"))
    screenshot(browser_page, "maintenance")
    listed = row(browser_page, "maintenance", "material", material)
    listed.find_element(By.NAME, "position_number").send_keys("P-0815")
    listed.find_element(By.NAME, "repair_level").send_keys("3")
    click_button(listed, "Save")

    assert "maintained" in browser_page.find_element(By.CSS_SELECTOR, ".notice.done").text
    assert not browser_page.find_elements(
        By.CSS_SELECTOR, f"table#maintenance tr[data-material='{material}']")
    left = console.api("GET", "/api/materials/maintenance")["materials"]
    assert material not in [m["material_number"] for m in left]
    with console.sap_crm.db.read() as conn:
        saved = get_material(conn, material)
    assert saved is not None
    assert (saved["position_number"], saved["repair_level"]) == ("P-0815", "3")
