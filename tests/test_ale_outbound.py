"""Outbound ALE against the real server: change pointers become MATMAS05/DEBMAS07 IDocs for
subscribed partners, passed to the partner's XML-HTTP port (03) or not (02, retried)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx
import pytest
from lxml import etree

from fake_sap.ale.dispatcher import Dispatcher
from fake_sap.config import Settings
from fake_sap.db.engine import Database
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.idoc.writer import to_xml
from fake_sap.idoc.xsd import validator_for
from fake_sap.testing.idoc_receiver import IdocReceiver, ReceivedPost
from fake_sap.testing.process import FakeSapProcess, SapClient

PARTNER = "CRMCLNT100"
SENDER = "ERPCLNT100"
PORT_USER, PORT_PASSWORD = "crm-inbound", "s3cret"
PARTNER_BODY = {"description": "CRM", "outbound": ["MATMAS", "DEBMAS"], "inbound": ["MATMAS"],
                "port": {"url": "http://crm.example:8080/idoc", "user": "crm",
                         "password": "secret"}}

T = TypeVar("T")


# --- fixtures and helpers ---------------------------------------------------------------------

@pytest.fixture
def receiver() -> Iterator[IdocReceiver]:
    """A partner's XML-HTTP port on a free loopback port, insisting on Basic auth."""
    port = IdocReceiver()
    port.require_basic_auth(PORT_USER, PORT_PASSWORD)
    yield port
    port.stop()


@pytest.fixture
def subscribed(sap: SapClient, receiver: IdocReceiver) -> IdocReceiver:
    """The receiver registered as partner PARTNER, subscribed to MATMAS and DEBMAS."""
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password=PORT_PASSWORD,
                         outbound=["MATMAS", "DEBMAS"])
    return receiver


@pytest.fixture
def control(sap: SapClient) -> Iterator[httpx.Client]:
    with sap.http() as http:
        yield http


def eventually(probe: Callable[[], T], accept: Callable[[T], bool], timeout: float = 10.0,
               what: str = "condition") -> T:
    """Poll ``probe`` until ``accept`` holds for its result, within a bounded deadline."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        value = probe()
        if accept(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached within {timeout} s; last: {value!r}")
        pause.wait(0.05)


def outbound(sap: SapClient) -> list[dict[str, Any]]:
    """The client's outbound IDocs, oldest first."""
    return sorted(sap.idocs(direction="outbound"), key=lambda i: i["docnum"])


def wait_for_status(sap: SapClient, docnum: str, status: str,
                    timeout: float = 10.0) -> dict[str, Any]:
    return eventually(lambda: sap.idoc(docnum), lambda i: i["status"] == status, timeout,
                      f"IDoc {docnum} in status {status}")


def material(matnr: str, description: str = "Pump") -> Idoc:
    return Idoc({"MESTYP": "MATMAS", "SNDPRN": SENDER, "SNDPRT": "LS"}, [
        SegmentData("E1MARAM", {"MATNR": matnr, "MTART": "FERT", "MEINS": "ST"},
                    [SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": description})])])


def post(sap: SapClient, idoc_type: Any, *idocs: Idoc) -> None:
    response = sap.post_idocs(to_xml(idoc_type, list(idocs)))
    assert response.status_code == 200, response.text
    assert "CODE=\"53\"" in response.text, response.text


def post_material(sap: SapClient, matnr: str, description: str = "Pump") -> None:
    post(sap, MATMAS05, material(matnr, description))


def segment_text(post_: ReceivedPost, path: str) -> str:
    return post_.xml().findtext(f"IDOC/{path}") or ""


def partners_url(sap: SapClient, logsys: str = "") -> str:
    base = f"/_fake/clients/{sap.number}/partners"
    return f"{base}/{logsys}" if logsys else base



def trail(idoc: dict[str, Any]) -> list[str]:
    return [record["status"] for record in idoc["status_records"]]


# --- passing an IDoc to the port --------------------------------------------------------------

def test_a_subscribed_partner_receives_a_changed_material_as_one_matmas05_post(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    post_material(sap, "4711", "Centrifugal pump")

    [received] = subscribed.wait_for(1)

    assert received.credentials == (PORT_USER, PORT_PASSWORD)
    assert received.xml().tag == "MATMAS05"
    assert len(received.xml().findall("IDOC")) == 1
    assert segment_text(received, "E1MARAM/MATNR") == "000000000000004711"
    assert segment_text(received, "E1MARAM/MSGFN") == "005"
    assert segment_text(received, "E1MARAM/MTART") == "FERT"
    assert segment_text(received, "E1MARAM/E1MAKTM/MAKTX") == "Centrifugal pump"
    assert len(subscribed.posts) == 1


def test_the_control_record_names_the_emulator_as_sender_and_the_partner_as_receiver(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    post_material(sap, "4711")

    [received] = subscribed.wait_for(1)

    assert received.control("DIRECT") == "1"
    assert received.control("MESTYP") == "MATMAS"
    assert received.control("IDOCTYP") == "MATMAS05"
    assert received.control("RCVPRN") == PARTNER
    assert received.control("RCVPRT") == "LS"
    assert received.control("SNDPRN") == f"FAKCLNT{sap.number}"
    assert received.control("SNDPRT") == "LS"
    assert received.control("MANDT") == sap.number
    assert received.control("SERIAL")


def test_a_passed_idoc_ends_in_status_03_after_01_and_30(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    post_material(sap, "4711")
    [received] = subscribed.wait_for(1)

    idoc = wait_for_status(sap, received.docnum, "03")

    assert trail(idoc) == ["01", "30", "03"]
    assert idoc["direction"] == "outbound"
    assert idoc["rcvprn"] == PARTNER
    assert idoc["object_key"] == "000000000000004711"
    assert idoc["attempts"] == 1


def test_a_material_change_without_any_subscription_creates_no_outbound_idoc(
        sap: SapClient, receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password=PORT_PASSWORD)

    post_material(sap, "4711")
    sap.dispatch()

    assert outbound(sap) == []
    assert receiver.posts == []


def test_a_partner_subscribed_to_debmas_only_gets_nothing_for_a_material_change(
        sap: SapClient, receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password=PORT_PASSWORD,
                         outbound=["DEBMAS"])

    post_material(sap, "4711")
    sap.dispatch()

    assert outbound(sap) == []
    assert receiver.posts == []


def test_two_subscribed_partners_each_get_their_own_idoc(sap: SapClient) -> None:
    first, second = IdocReceiver(), IdocReceiver()
    try:
        sap.register_partner("CRMCLNT100", url=first.url, outbound=["MATMAS"])
        sap.register_partner("WMSCLNT200", url=second.url, outbound=["MATMAS"])

        post_material(sap, "4711")

        [to_first] = first.wait_for(1)
        [to_second] = second.wait_for(1)
    finally:
        first.stop()
        second.stop()
    assert to_first.control("RCVPRN") == "CRMCLNT100"
    assert to_second.control("RCVPRN") == "WMSCLNT200"
    assert to_first.docnum != to_second.docnum
    assert {i["rcvprn"] for i in outbound(sap)} == {"CRMCLNT100", "WMSCLNT200"}


def test_an_outlet_is_sent_with_its_provincial_center_as_partner_function_zp(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    center = Idoc({"MESTYP": "DEBMAS", "SNDPRN": SENDER, "SNDPRT": "LS"}, [
        SegmentData("E1KNA1M", {"KUNNR": "2000", "KTOKD": "ZPC", "NAME1": "Hubei center"})])
    outlet = Idoc({"MESTYP": "DEBMAS", "SNDPRN": SENDER, "SNDPRT": "LS"}, [
        SegmentData("E1KNA1M", {"KUNNR": "3001", "KTOKD": "ZOUT", "NAME1": "Wuhan outlet"}, [
            SegmentData("E1KNVVM", {"VKORG": "1000", "VTWEG": "10", "SPART": "00"}, [
                SegmentData("E1KNVPM", {"PARVW": "ZP", "KUNN2": "2000"})])])])
    post(sap, DEBMAS07, center)
    post(sap, DEBMAS07, outlet)

    received = subscribed.wait_for(2)

    by_customer = {segment_text(p, "E1KNA1M/KUNNR"): p for p in received}
    sent_outlet = by_customer["0000003001"]
    assert sent_outlet.xml().tag == "DEBMAS07"
    partner_functions = {
        (p.findtext("PARVW"), p.findtext("KUNN2"))
        for p in sent_outlet.xml().iterfind("IDOC/E1KNA1M/E1KNVVM/E1KNVPM")}
    assert ("ZP", "0000002000") in partner_functions


# --- failures and retries ---------------------------------------------------------------------

def test_a_port_answering_500_leaves_the_idoc_in_status_02_with_the_http_error(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.fail_always(500)
    post_material(sap, "4711")
    [docnum] = [i["docnum"] for i in outbound(sap)]

    idoc = wait_for_status(sap, docnum, "02")

    assert "500" in idoc["status_records"][-1]["text"]
    assert trail(idoc)[:3] == ["01", "30", "02"]


def test_an_unreachable_port_leaves_the_idoc_in_status_02_with_the_connection_error(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.go_down()
    post_material(sap, "4711")
    [docnum] = [i["docnum"] for i in outbound(sap)]

    idoc = wait_for_status(sap, docnum, "02")

    assert "connect" in idoc["status_records"][-1]["text"].lower()


def test_a_port_refusing_the_credentials_leaves_the_idoc_in_status_02(
        sap: SapClient, receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password="wrong",
                         outbound=["MATMAS"])
    post_material(sap, "4711")
    [docnum] = [i["docnum"] for i in outbound(sap)]

    idoc = wait_for_status(sap, docnum, "02")

    assert "401" in idoc["status_records"][-1]["text"]


def test_the_automatic_retry_passes_the_idoc_once_the_port_recovers(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.fail_next(2, 503)
    post_material(sap, "4711")
    [docnum] = [i["docnum"] for i in outbound(sap)]

    idoc = wait_for_status(sap, docnum, "03")

    assert trail(idoc) == ["01", "30", "02", "02", "03"]
    assert idoc["attempts"] == 3
    assert [p.answered for p in subscribed.posts] == [503, 503, 200]


def test_the_automatic_retry_passes_the_idoc_once_an_unreachable_port_comes_back(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.go_down()
    post_material(sap, "4711")
    [docnum] = [i["docnum"] for i in outbound(sap)]
    wait_for_status(sap, docnum, "02")

    subscribed.come_back()

    idoc = wait_for_status(sap, docnum, "03")
    assert idoc["attempts"] >= 2
    assert [p.docnum for p in subscribed.accepted] == [docnum]


def test_a_manual_resend_passes_an_idoc_in_status_02_at_once(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.fail_always(500)
    post_material(sap, "4711")
    [docnum] = [i["docnum"] for i in outbound(sap)]
    wait_for_status(sap, docnum, "02")
    subscribed.recover()

    response = sap.process(docnum)

    assert response.status_code == 200
    assert response.json()["status"] == "03"
    assert [p.docnum for p in subscribed.accepted] == [docnum]


def test_a_passed_idoc_cannot_be_resent(sap: SapClient, subscribed: IdocReceiver) -> None:
    post_material(sap, "4711")
    [received] = subscribed.wait_for(1)
    wait_for_status(sap, received.docnum, "03")

    response = sap.process(received.docnum)

    assert response.status_code == 409
    assert len(subscribed.posts) == 1


def test_the_synchronous_dispatch_leaves_no_due_idoc_behind(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    for number in range(5):
        post_material(sap, f"47{number}")

    sap.dispatch()

    assert [i["status"] for i in outbound(sap)] == ["03"] * 5


def test_the_synchronous_dispatch_does_not_count_idocs_the_port_refused(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.fail_always(500)
    post_material(sap, "4711")

    assert sap.dispatch() == 0


# --- order ------------------------------------------------------------------------------------

def test_a_failing_idoc_holds_back_the_partners_later_idocs(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.fail_always(500)
    post_material(sap, "4711")
    post_material(sap, "4712")
    first, second = (i["docnum"] for i in outbound(sap))

    eventually(lambda: subscribed.posts, lambda posts: len(posts) >= 2, what="two attempts")

    assert {p.docnum for p in subscribed.posts} == {first}
    assert sap.idoc(second)["status"] == "30"


def test_after_an_outage_the_partner_gets_every_idoc_once_in_docnum_and_serial_order(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    subscribed.fail_always(500)
    changes = [("4711", "v1"), ("4712", "v1"), ("4711", "v2"), ("4713", "v1"),
               ("4711", "v3"), ("4712", "v2")]
    for matnr, description in changes:
        post_material(sap, matnr, description)
    created = [i["docnum"] for i in outbound(sap)]
    assert len(created) == len(changes)
    wait_for_status(sap, created[0], "02")

    subscribed.recover()
    received = subscribed.wait_for(len(changes))

    assert [p.docnum for p in received] == created
    serials = [p.control("SERIAL") for p in received]
    assert serials == sorted(serials)
    versions_of_4711 = [segment_text(p, "E1MARAM/E1MAKTM/MAKTX") for p in received
                        if segment_text(p, "E1MARAM/MATNR").endswith("4711")]
    assert versions_of_4711 == ["v1", "v2", "v3"]
    eventually(lambda: [i["status"] for i in outbound(sap)],
               lambda statuses: statuses == ["03"] * len(changes), what="all IDocs in 03")
    assert len(subscribed.accepted) == len(changes)


def test_a_burst_of_changes_is_sent_exactly_once_although_two_workers_dispatch(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    """The session server runs two workers; both dispatch, the partner lease decides."""
    count = 40
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda n: post_material(sap, f"5{n:03d}"), range(count)))
        # extra synchronous passes, so that request threads race the background threads too
        list(pool.map(lambda _: sap.dispatch(), range(8)))

    received = subscribed.wait_for(count, timeout=30)
    created = [i["docnum"] for i in outbound(sap)]

    assert len(subscribed.posts) == count
    assert [p.docnum for p in received] == created
    assert len(set(created)) == count


# --- contracts --------------------------------------------------------------------------------

def test_every_emitted_idoc_validates_against_the_xsd_of_its_type(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    post(sap, MATMAS05, Idoc({"MESTYP": "MATMAS", "SNDPRN": SENDER, "SNDPRT": "LS"}, [
        SegmentData("E1MARAM", {"MATNR": "4711", "MTART": "FERT", "MEINS": "ST",
                                "MATKL": "PUMPS", "BRGEW": "12.5", "NTGEW": "11",
                                "GEWEI": "KG", "SPART": "00"}, [
            SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"}),
            SegmentData("E1MAKTM", {"SPRAS_ISO": "ZH", "MAKTX": "泵"}),
            SegmentData("E1MARCM", {"WERKS": "1000", "DISMM": "PD", "MTVFP": "02"}, [
                SegmentData("E1MARDM", {"LGORT": "0001", "LGPBE": "A-01"})]),
            SegmentData("E1MBEWM", {"BWKEY": "1000", "VPRSV": "S", "STPRS": "99.90",
                                    "PEINH": "1"}),
            SegmentData("E1MVKEM", {"VKORG": "1000", "VTWEG": "10", "DWERK": "1000",
                                    "VRKME": "ST"})])]))
    post(sap, DEBMAS07, Idoc({"MESTYP": "DEBMAS", "SNDPRN": SENDER, "SNDPRT": "LS"}, [
        SegmentData("E1KNA1M", {"KUNNR": "2000", "KTOKD": "ZPC", "NAME1": "Hubei center",
                                "LAND1": "CN", "ORT01": "Wuhan", "SPRAS": "1"}, [
            SegmentData("E1KNVVM", {"VKORG": "1000", "VTWEG": "10", "SPART": "00",
                                    "WAERS": "CNY"}, [
                SegmentData("E1KNVPM", {"PARVW": "AG", "KUNN2": "2000"})]),
            SegmentData("E1KNB1M", {"BUKRS": "1000", "AKONT": "140000"}),
            SegmentData("E1KNKKM", {"KKBER": "1000", "KLIMK": "50000.00"})])]))

    received = subscribed.wait_for(2)

    schemas = {"MATMAS05": validator_for(MATMAS05), "DEBMAS07": validator_for(DEBMAS07)}
    for sent in received:
        schema = schemas[sent.xml().tag]
        assert schema.validate(etree.ElementTree(sent.xml())), schema.error_log


# --- the partner control API ------------------------------------------------------------------

def test_a_registered_partner_is_shown_with_its_port_but_never_its_password(
        sap: SapClient, control: httpx.Client) -> None:
    put = control.put(partners_url(sap, PARTNER), json=PARTNER_BODY)
    shown = control.get(partners_url(sap, PARTNER))

    assert put.status_code == 200
    assert shown.status_code == 200
    assert shown.json() == put.json() == {
        "logical_system": PARTNER, "description": "CRM",
        "port": {"url": "http://crm.example:8080/idoc", "user": "crm"},
        "outbound": ["DEBMAS", "MATMAS"], "inbound": ["MATMAS"], "pack_size": 1,
        "parallel_packets": 1}
    assert "secret" not in shown.text


def test_registering_a_partner_again_replaces_its_profile(
        sap: SapClient, control: httpx.Client) -> None:
    control.put(partners_url(sap, PARTNER), json=PARTNER_BODY)

    control.put(partners_url(sap, PARTNER), json={"inbound": ["DEBMAS"]})

    shown = control.get(partners_url(sap, PARTNER)).json()
    assert shown["outbound"] == []
    assert shown["inbound"] == ["DEBMAS"]
    assert shown["port"] is None


def test_a_partner_receiving_outbound_messages_needs_a_port(
        sap: SapClient, control: httpx.Client) -> None:
    response = control.put(partners_url(sap, PARTNER), json={"outbound": ["MATMAS"]})

    assert response.status_code == 400
    assert "port" in response.json()["message"]


def test_the_partner_list_holds_every_partner_of_the_client_only(
        sap: SapClient, sap_server: FakeSapProcess, control: httpx.Client) -> None:
    other = sap_server.new_client()
    other.register_partner("OTHERSYS")
    control.put(partners_url(sap, "WMSCLNT200"), json={"inbound": ["MATMAS"]})
    control.put(partners_url(sap, PARTNER), json={"inbound": ["DEBMAS"]})

    listed = control.get(partners_url(sap))

    assert listed.status_code == 200
    assert [p["logical_system"] for p in listed.json()["partners"]] == [PARTNER, "WMSCLNT200"]


def test_a_deleted_partner_is_gone(sap: SapClient, control: httpx.Client) -> None:
    control.put(partners_url(sap, PARTNER), json=PARTNER_BODY)

    deleted = control.delete(partners_url(sap, PARTNER))

    assert deleted.status_code == 204
    assert control.get(partners_url(sap, PARTNER)).status_code == 404
    assert control.get(partners_url(sap)).json()["partners"] == []


def test_a_deleted_partner_gets_no_more_idocs(
        sap: SapClient, subscribed: IdocReceiver, control: httpx.Client) -> None:
    control.delete(partners_url(sap, PARTNER))

    post_material(sap, "4711")
    sap.dispatch()

    assert outbound(sap) == []
    assert subscribed.posts == []


@pytest.mark.parametrize("logsys", ["crmclnt100", "CRMCLNT1000X", "CRM-100", "CRM%20100"])
def test_a_malformed_logical_system_name_is_refused(
        sap: SapClient, control: httpx.Client, logsys: str) -> None:
    response = control.put(partners_url(sap, logsys), json=PARTNER_BODY)

    assert response.status_code == 400


@pytest.mark.parametrize("url", ["ftp://crm.example/idoc", "crm.example:8080/idoc", "http://",
                                 "http:///idoc", "http://crm example/idoc", 42])
def test_a_port_url_that_is_no_http_url_is_refused(
        sap: SapClient, control: httpx.Client, url: Any) -> None:
    response = control.put(partners_url(sap, PARTNER), json={"port": {"url": url}})

    assert response.status_code == 400
    assert control.get(partners_url(sap, PARTNER)).status_code == 404


@pytest.mark.parametrize("body", [
    {"outbound": "MATMAS"}, {"outbound": ["matmas"]}, {"outbound": [""]},
    {"port": "http://crm.example/idoc"}, []])
def test_a_malformed_partner_body_is_refused(
        sap: SapClient, control: httpx.Client, body: Any) -> None:
    response = control.put(partners_url(sap, PARTNER), json=body)

    assert response.status_code == 400


def test_an_unknown_partner_is_not_found(sap: SapClient, control: httpx.Client) -> None:
    assert control.get(partners_url(sap, "NOSUCHSYS")).status_code == 404
    assert control.delete(partners_url(sap, "NOSUCHSYS")).status_code == 404


def test_partners_of_an_unknown_client_are_not_found(control: httpx.Client) -> None:
    assert control.get("/_fake/clients/999/partners").status_code == 404
    assert control.put(f"/_fake/clients/999/partners/{PARTNER}",
                       json=PARTNER_BODY).status_code == 404


# --- collected output (WE20 pack size) ----------------------------------------------------------

def test_a_partner_with_a_pack_size_gets_several_idocs_in_one_post_in_order(
        sap: SapClient, receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password=PORT_PASSWORD,
                         outbound=["MATMAS"], pack_size=50)

    # one inbound packet: its five outbound IDocs are committed together, then dispatched
    post(sap, MATMAS05, *[material(str(4700 + n)) for n in range(5)])

    accepted = receiver.wait_for(1)
    sap.dispatch()
    assert len(receiver.posts) == 1
    numbers = [i.findtext("EDI_DC40/DOCNUM") for i in accepted[0].xml().findall("IDOC")]
    assert len(numbers) == 5
    assert numbers == sorted(numbers)
    validator_for(MATMAS05).assertValid(accepted[0].xml().getroottree())


def test_the_default_pack_size_passes_each_idoc_in_its_own_post(
        sap: SapClient, control: httpx.Client, subscribed: IdocReceiver) -> None:
    shown = control.get(partners_url(sap, PARTNER)).json()

    assert shown["pack_size"] == 1


def test_a_pack_size_out_of_range_is_refused(sap: SapClient, control: httpx.Client,
                                             receiver: IdocReceiver) -> None:
    response = control.put(partners_url(sap, PARTNER), json={
        "port": {"url": receiver.url}, "outbound": ["MATMAS"], "pack_size": 0})

    assert response.status_code == 400


# --- parallel processing (RSEOUT00) -------------------------------------------------------------

def test_a_partner_takes_one_packet_at_a_time_by_default(
        sap: SapClient, control: httpx.Client, subscribed: IdocReceiver) -> None:
    post(sap, MATMAS05, *[material(str(4700 + n)) for n in range(4)])

    subscribed.wait_for(4)

    assert control.get(partners_url(sap, PARTNER)).json()["parallel_packets"] == 1
    assert subscribed.most_at_once == 1


def test_parallel_packets_are_on_their_way_at_once_and_each_idoc_arrives_once(
        sap: SapClient, receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password=PORT_PASSWORD,
                         outbound=["MATMAS"], parallel_packets=2)
    receiver.hold_answers()
    post(sap, MATMAS05, *[material(str(4700 + n)) for n in range(5)])

    receiver.wait_for_waiting(2)
    receiver.release_answers()
    received = receiver.wait_for(5)

    assert receiver.most_at_once == 2
    assert sorted(p.docnum for p in received) == [i["docnum"] for i in outbound(sap)]
    eventually(lambda: [i["status"] for i in outbound(sap)],
               lambda statuses: statuses == ["03"] * 5, what="all IDocs in 03")


def test_after_a_failed_parallel_packet_no_later_packet_is_started(
        sap: SapClient, receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, user=PORT_USER, password=PORT_PASSWORD,
                         outbound=["MATMAS"], parallel_packets=2)
    receiver.fail_always(500)
    post(sap, MATMAS05, *[material(str(4700 + n)) for n in range(5)])
    first, second, *later = (i["docnum"] for i in outbound(sap))

    eventually(lambda: receiver.posts, lambda posts: len(posts) >= 4, what="retries")

    assert {p.docnum for p in receiver.posts} <= {first, second}
    assert [sap.idoc(docnum)["status"] for docnum in later] == ["30"] * len(later)


@pytest.mark.parametrize("parallel_packets", [0, 9, "2", True])
def test_parallel_packets_out_of_range_are_refused(
        sap: SapClient, control: httpx.Client, receiver: IdocReceiver,
        parallel_packets: object) -> None:
    response = control.put(partners_url(sap, PARTNER), json={
        "port": {"url": receiver.url}, "outbound": ["MATMAS"],
        "parallel_packets": parallel_packets})

    assert response.status_code == 400
    assert "parallel_packets" in response.json()["message"]


# --- mass creation (BD10/BD12) ------------------------------------------------------------------

def _dispatcher(server_workers: int) -> Dispatcher:
    return Dispatcher(Database("sqlite://"), Settings(server_workers=server_workers,
                                                      dispatcher=False))


def test_during_a_mass_creation_a_worker_leaves_sending_to_the_others() -> None:
    dispatcher = _dispatcher(server_workers=2)

    with dispatcher.bulk_creation() as packet_committed:
        assert dispatcher.standing_back
        assert packet_committed != dispatcher.wake

    assert not dispatcher.standing_back


def test_a_single_worker_sends_each_packet_of_a_mass_creation_itself() -> None:
    dispatcher = _dispatcher(server_workers=1)

    with dispatcher.bulk_creation() as packet_committed:
        assert not dispatcher.standing_back
        assert packet_committed == dispatcher.wake
