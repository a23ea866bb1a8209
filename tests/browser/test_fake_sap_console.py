"""The emulator's console (/_fake/ui/) in a real browser: the IDoc monitor (WE02) after a
flow and its filters, an IDoc's segments and status trail, reprocessing (BD87), the test tool
(WE19), the document flow of a partially delivered order, the stock overview (MMBE) and the
partner profiles (WE20).

With ``CONSOLE_SCREENSHOTS=docs/images`` the tests also save the documentation's pictures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from browser_helpers import navigate
from idoc_builders import customer, docnums, material, packet
from logistics_flow import CRM, IDOC, Flow, seeded_flow
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.testing.process import SapClient
from fake_sap.ui.views import PAGE_SIZE

Screenshot = Callable[[str], None]


def open_page(browser: WebDriver, sap: SapClient, path: str, **query: str) -> None:
    params = "&".join(f"{k}={v}" for k, v in {"sap-client": sap.number, **query}.items())
    browser.get(f"{sap.server.url}/_fake/ui/{path}?{params}")


def post_one(sap: SapClient, document: bytes) -> str:
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    [docnum] = docnums(response)
    return docnum


def listed(browser: WebDriver) -> list[tuple[str, str, str]]:
    """(DOCNUM, status, message type) of every row of the IDoc list."""
    rows = browser.find_elements(By.CSS_SELECTOR, "#idoc-list tbody tr[data-docnum]")
    return [(row.get_attribute("data-docnum") or "",
             row.find_element(By.CSS_SELECTOR, ".status").text,
             row.find_elements(By.TAG_NAME, "td")[3].text) for row in rows]


def shown_status(browser: WebDriver) -> str:
    return browser.find_element(By.ID, "idoc-status").text


@pytest.fixture
def flow(sap: SapClient) -> Iterator[Flow]:
    with seeded_flow(sap) as running:
        yield running


@pytest.fixture
def refused_material(sap: SapClient) -> str:
    """A MATMAS IDoc refused with 51: its valuation area 9999 does not exist."""
    return post_one(sap, packet(MATMAS05, [material("4711", "Pump",
                                                    valuation={"BWKEY": "9999"})]))


# --- the monitor -------------------------------------------------------------------------------

def test_the_root_page_links_to_the_console(browser, sap):
    browser.get(sap.server.url + "/")

    navigate(browser, browser.find_element(By.LINK_TEXT, "Open the console").click)

    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Client ")


def test_the_monitor_lists_the_idocs_of_a_flow_and_the_direction_filter_works(
        browser, sap, flow, screenshot):
    order = flow.order("10", channel=IDOC)
    flow.deliver(order, "4")
    sap.dispatch()

    open_page(browser, sap, "idocs")
    screenshot("idoc-monitor")
    everything = listed(browser)
    Select(browser.find_element(By.NAME, "direction")).select_by_value("outbound")
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#idoc-filter button").click)
    outbound = listed(browser)

    assert {m for _, _, m in everything} == {"ORDERS", "DESADV"}
    assert [m for _, _, m in outbound] == ["DESADV"]
    assert browser.find_element(By.ID, "idoc-count").text.startswith("1 IDoc")


def test_the_status_and_message_type_filters_narrow_the_list(browser, sap, refused_material):
    posted = post_one(sap, packet(MATMAS05, [material("4712", "Valve")]))
    post_one(sap, packet(DEBMAS07, [customer("900", "ZPC", name="Provincial center")]))

    open_page(browser, sap, "idocs", status="51")
    refused = [d for d, _, _ in listed(browser)]
    open_page(browser, sap, "idocs", mestyp="MATMAS")
    materials = sorted(d for d, _, _ in listed(browser))

    assert refused == [refused_material]
    assert materials == sorted([refused_material, posted])


def test_a_long_list_is_shown_in_pages_that_keep_the_selection(browser, sap):
    response = sap.post_idocs(packet(DEBMAS07, [
        customer(f"{900 + n}", "ZPC", name="Provincial center") for n in range(PAGE_SIZE + 1)]))
    assert response.status_code == 200, response.text
    first = docnums(response)[0]

    open_page(browser, sap, "idocs", mestyp="DEBMAS")
    first_page = listed(browser)
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#idoc-count a[rel=next]").click)
    second_page = listed(browser)

    assert len(first_page) == PAGE_SIZE
    assert [d for d, _, _ in second_page] == [first]  # newest first: the oldest comes last
    assert "mestyp=DEBMAS" in browser.current_url
    assert "page 2 of 2" in browser.find_element(By.ID, "idoc-count").text


def test_an_idoc_shows_its_segment_tree_and_status_trail(browser, sap, refused_material,
                                                         screenshot):
    open_page(browser, sap, f"idocs/{refused_material}")
    screenshot("idoc-detail")

    segments = [e.get_attribute("data-segment") for e in
                browser.find_elements(By.CSS_SELECTOR, "#segment-tree details.segment")]
    tree = browser.find_element(By.ID, "segment-tree").text
    trail = [row.find_elements(By.TAG_NAME, "td")[1].text for row in
             browser.find_elements(By.CSS_SELECTOR, "#status-trail tbody tr")]
    texts = browser.find_element(By.ID, "status-trail").text

    assert segments[:2] == ["E1MARAM", "E1MAKTM"] and "E1MBEWM" in segments
    assert "MATNR" in tree and "4711" in tree
    assert trail == ["51", "64", "50"]  # newest first, as WE02 lists them
    assert "Valuation area 9999 does not exist" in texts
    assert shown_status(browser) == "51"


def test_reprocessing_an_idoc_changes_its_status(browser, sap):
    outlet = post_one(sap, packet(DEBMAS07, [customer("7001", "ZOUT", provincial_center="900")]))
    post_one(sap, packet(DEBMAS07, [customer("900", "ZPC", name="Provincial center")]))
    open_page(browser, sap, f"idocs/{outlet}")
    before = shown_status(browser)

    navigate(browser, browser.find_element(By.ID, "process-button").click)

    assert (before, shown_status(browser)) == ("51", "53")
    assert "processed: status 53" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    assert sap.idoc(outlet)["status"] == "53"


def test_the_test_tool_posts_an_edited_copy_as_a_new_inbound_idoc(browser, sap,
                                                                  refused_material,
                                                                  screenshot):
    open_page(browser, sap, f"idocs/{refused_material}")
    navigate(browser, browser.find_element(By.ID, "test-tool-link").click)
    valuation_area = browser.find_element(By.CSS_SELECTOR, "input[aria-label='E1MBEWM-BWKEY']")
    valuation_area.clear()
    valuation_area.send_keys("1000")
    screenshot("test-tool")

    navigate(browser, browser.find_element(By.ID, "post-inbound").click)

    new = browser.find_element(By.ID, "docnum").text
    assert new != refused_material
    assert shown_status(browser) == "53"
    stored = sap.idoc(new)
    [valuation] = [s for s in stored["segments"][0]["children"] if s["segment"] == "E1MBEWM"]
    assert valuation["fields"]["BWKEY"] == "1000"
    assert (stored["direction"], sap.idoc(refused_material)["status"]) == ("inbound", "51")


# --- the home page: business date, fault rules, recent RFC calls ------------------------------

def test_the_home_page_shows_the_business_date_the_fault_rules_and_the_rfc_calls(
        browser, sap, flow, screenshot):
    sap.set_date("2026-03-31")
    flow.order("10")
    flow.create_delivery("4711")  # refused: there is no such order
    sap.add_fault("BAPI_ACC_DOCUMENT_POST", times=2)

    open_page(browser, sap, "")
    screenshot("console-home")

    calls = [row.find_elements(By.TAG_NAME, "td") for row in
             browser.find_elements(By.CSS_SELECTOR, "#rfc-calls tbody tr")]
    assert browser.find_element(By.ID, "business-date").text.startswith("2026-03-31")
    faults = browser.find_element(By.ID, "fault-rules").text
    assert "BAPI_ACC_DOCUMENT_POST" in faults and "SYSTEM_FAILURE" in faults
    functions = [cells[1].text for cells in calls]
    assert functions[:3] == ["BAPI_OUTB_DELIVERY_CREATE_SLS", "BAPI_TRANSACTION_COMMIT",
                             "BAPI_SALESORDER_CREATEFROMDAT2"]
    assert all(cells[3].text.endswith(" ms") for cells in calls)
    refused, _, created = calls[:3]
    assert refused[4].text.startswith("E ")
    assert "S V1 311 Standard Order" in created[4].text


# --- documents and stock -----------------------------------------------------------------------

def test_the_document_flow_of_a_partially_delivered_order_shows_both_deliveries(
        browser, sap, flow, screenshot):
    order = flow.order("10")
    first = flow.deliver(order, "4")
    flow.goods_movement(first)
    second = flow.deliver(order, "3")

    open_page(browser, sap, "flow", document=order)
    screenshot("document-flow")

    nodes = {e.get_attribute("data-document"): e.get_attribute("data-category") for e in
             browser.find_elements(By.CSS_SELECTOR, "#document-flow li.flow-node")}
    quantities = {e.get_attribute("data-document"):
                  e.find_element(By.CSS_SELECTOR, ".flow-line .quantity").text
                  for e in browser.find_elements(By.CSS_SELECTOR, "li.flow-node")
                  if e.get_attribute("data-category") == "J"}
    assert (nodes[order], nodes[first], nodes[second]) == ("C", "J", "J")
    assert "R" in nodes.values()  # the goods issue of the first delivery
    assert quantities[first] == "10\u219210: 4 ST"
    assert quantities[second] == "10\u219210: 3 ST"


def test_an_inbound_order_idoc_links_to_the_document_flow_of_its_order(browser, sap, flow):
    order = flow.order("10", channel=IDOC)
    delivery = flow.deliver(order, "4")
    [received] = sap.idocs(direction="inbound", mestyp="ORDERS")
    open_page(browser, sap, f"idocs/{received['docnum']}")

    navigate(browser, browser.find_element(By.ID, "object-link").click)

    documents = [e.get_attribute("data-document") for e in
                 browser.find_elements(By.CSS_SELECTOR, "#document-flow li.flow-node")]
    assert documents == [order, delivery]


def test_the_document_flow_is_reached_from_a_delivery_too(browser, sap, flow):
    order = flow.order("10")
    delivery = flow.deliver(order, "4")

    open_page(browser, sap, "flow", document=delivery.lstrip("0"))

    root = browser.find_element(By.CSS_SELECTOR, "#document-flow > li.flow-node")
    assert root.get_attribute("data-document") == order


def test_the_stock_overview_shows_the_stock_after_a_goods_issue(browser, sap, flow,
                                                                screenshot):
    order = flow.order("10")
    flow.goods_movement(flow.deliver(order, "4"))

    # typed without the leading zeros of the internal format (conversion exit MATN1)
    open_page(browser, sap, "stock", material=flow.material.lstrip("0"), plant="1000")
    screenshot("stock-overview")

    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#stock-table tbody td")]
    assert cells[:2] == ["1000", "0001"]
    assert float(cells[2]) == 96


def test_the_partner_profiles_list_the_crm_and_its_message_types(browser, sap, flow):
    open_page(browser, sap, "partners")

    table = browser.find_element(By.ID, "partners").text

    assert CRM in table and "DESADV" in table


def test_sending_a_material_from_the_partner_page_creates_a_matmas_idoc(browser, sap, flow):
    sap.register_partner("MDMCLNT100", url=flow.receiver.url, outbound=["MATMAS"])
    open_page(browser, sap, "partners")
    form = browser.find_element(By.ID, "send-master-data")
    Select(form.find_element(By.NAME, "message_type")).select_by_value("MATMAS")
    Select(form.find_element(By.NAME, "receiver")).select_by_value("MDMCLNT100")
    form.find_element(By.NAME, "objects").send_keys(flow.material)

    navigate(browser, form.find_element(By.TAG_NAME, "button").click)

    assert "MATMAS: 1 IDocs created for MDMCLNT100" in \
        browser.find_element(By.CSS_SELECTOR, ".notice").text
    [sent] = sap.idocs(direction="outbound", mestyp="MATMAS")
    assert (sent["rcvprn"], sent["object_key"]) == ("MDMCLNT100", flow.material)


def test_the_client_switcher_changes_the_client(browser, sap, sap_server):
    other = sap_server.new_client()
    open_page(browser, sap, "idocs")

    switcher = Select(browser.find_element(By.ID, "sap-client"))
    navigate(browser, lambda: switcher.select_by_value(other.number))

    assert f"sap-client={other.number}" in browser.current_url
    assert browser.title.endswith(f"client {other.number}")
