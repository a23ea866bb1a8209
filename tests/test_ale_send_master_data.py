"""Sending master data (BD10 materials, BD12 customers) against the real server: an initial
load of a partner, without change pointers, as full MATMAS05/DEBMAS07 IDocs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from fake_sap.ale.master_data import send_master_data
from fake_sap.db import partners
from fake_sap.db.engine import Database
from fake_sap.db.schema import edidc
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.idoc.writer import to_xml
from fake_sap.idoc.xsd import validator_for
from fake_sap.seed import SeedPlan, seed_database
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

PARTNER = "CRMCLNT100"
OTHER_PARTNER = "WMSCLNT200"


# --- fixtures and helpers ---------------------------------------------------------------------

@pytest.fixture
def receiver() -> Iterator[IdocReceiver]:
    port = IdocReceiver()
    yield port
    port.stop()


@pytest.fixture
def seeded(sap: SapClient) -> dict[str, Any]:
    """Five materials, one provincial center and three of its outlets."""
    return sap.seed(materials=5, customers=4)


@pytest.fixture
def subscribed(sap: SapClient, receiver: IdocReceiver) -> IdocReceiver:
    """The receiver registered as partner PARTNER, subscribed to MATMAS and DEBMAS."""
    sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS", "DEBMAS"])
    return receiver


@pytest.fixture
def control(sap: SapClient) -> Iterator[httpx.Client]:
    with sap.http() as http:
        yield http


def send_url(sap: SapClient) -> str:
    return f"/_fake/clients/{sap.number}/ale/send-master-data"


def outbound(sap: SapClient) -> list[dict[str, Any]]:
    """The client's outbound IDocs, oldest first."""
    return sorted(sap.idocs(direction="outbound"), key=lambda i: i["docnum"])


def sent_keys(received: list[Any], path: str) -> list[str]:
    return [post.xml().findtext(f"IDOC/{path}") or "" for post in received]


# --- what is sent -----------------------------------------------------------------------------

def test_bd10_sends_every_material_of_the_client_to_the_subscribed_partner(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    result = sap.send_master_data("MATMAS")

    received = subscribed.wait_for(5)
    assert result["created"] == 5
    assert result["objects"] == 5
    assert result["receivers"] == [PARTNER]
    assert sorted(sent_keys(received, "E1MARAM/MATNR")) == seeded["materials"]
    assert {post.xml().tag for post in received} == {"MATMAS05"}


def test_a_sent_material_is_complete_with_texts_plants_valuations_and_sales_data(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    sap.send_master_data("MATMAS", objects=[seeded["materials"][0]])

    [received] = subscribed.wait_for(1)
    header = received.xml().find("IDOC/E1MARAM")
    assert header is not None
    assert header.findtext("MSGFN") == "005"
    assert {text.findtext("SPRAS_ISO") for text in header.iterfind("E1MAKTM")} == {"EN", "ZH"}
    assert header.findall("E1MARCM") and header.findall("E1MARCM/E1MARDM")
    assert header.findtext("E1MBEWM/STPRS")
    assert header.findtext("E1MVKEM/VKORG")
    validator_for(MATMAS05).assertValid(received.xml().getroottree())


def test_bd10_writes_the_general_data_in_sap_number_formats(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    # as a MATMAS05 written by SAP ECC: quantities with their decimals, NUMC zero-padded,
    # the initial date as 00000000, blank character fields left out
    sap.send_master_data("MATMAS", objects=[seeded["materials"][0]])

    [received] = subscribed.wait_for(1)
    header = received.xml().find("IDOC/E1MARAM")
    assert header is not None
    for name in ("BRGEW", "VOLUM"):
        assert re.fullmatch(r"\d+\.\d{3}", header.findtext(name) or ""), name
    assert header.findtext("BLANZ") == "000"
    assert header.findtext("MSTDE") == "00000000"
    assert header.findtext("GEWTO") == "0.0"
    assert header.find("BISMT") is None
    blank = [field.tag for field in header if len(field) == 0 and not (field.text or "")]
    assert blank == []
    validator_for(MATMAS05).assertValid(received.xml().getroottree())


def test_bd10_sends_a_material_exactly_as_a_change_of_it_is_sent(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    changed = sap.post_idocs(to_xml(MATMAS05, [Idoc(
        {"MESTYP": "MATMAS", "SNDPRN": "ERPCLNT100", "SNDPRT": "LS"},
        [SegmentData("E1MARAM", {"MATNR": "4711", "MTART": "FERT", "MEINS": "ST"}, [
            SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"}),
            SegmentData("E1MARCM", {"WERKS": "1000"}, [
                SegmentData("E1MARDM", {"LGORT": "0001"})])])])]))
    assert changed.status_code == 200, changed.text

    sap.send_master_data("MATMAS", objects=["4711"])

    subscribed.wait_for(2)
    [by_change, by_bd10] = (sap.idoc(i["docnum"]) for i in outbound(sap))
    assert by_bd10["segments"] == by_change["segments"]


def test_the_idocs_are_numbered_in_material_order_and_passed_in_that_order(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    result = sap.send_master_data("MATMAS")

    received = subscribed.wait_for(5)
    created = outbound(sap)
    assert [i["object_key"] for i in created] == seeded["materials"]
    assert [p.docnum for p in received] == [i["docnum"] for i in created]
    assert (result["first_docnum"], result["last_docnum"]) == (
        created[0]["docnum"], created[-1]["docnum"])
    serials = [i["serial"] for i in created]
    assert serials == sorted(serials) and all(len(serial) == 14 for serial in serials)


def test_a_sent_idoc_ends_in_status_03_after_01_and_30(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    sap.send_master_data("MATMAS", objects=[seeded["materials"][0]])
    subscribed.wait_for(1)
    sap.dispatch()  # waits for the background sender to record what it sent

    [idoc] = outbound(sap)

    trail = [record["status"] for record in sap.idoc(idoc["docnum"])["status_records"]]
    assert trail == ["01", "30", "03"]


def test_bd12_sends_customers_centers_first_with_the_outlets_partner_function_zp(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    result = sap.send_master_data("DEBMAS")

    received = subscribed.wait_for(4)
    [center] = seeded["provincial_centers"]
    assert result["created"] == 4
    assert sent_keys(received, "E1KNA1M/KUNNR") == [center, *seeded["outlets"]]
    outlet = received[1].xml()
    assert ("ZP", center) in {(p.findtext("PARVW"), p.findtext("KUNN2"))
                              for p in outlet.iterfind("IDOC/E1KNA1M/E1KNVVM/E1KNVPM")}
    validator_for(DEBMAS07).assertValid(outlet.getroottree())


def test_only_the_named_objects_are_sent_entered_without_leading_zeros(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    wanted = [seeded["materials"][1], seeded["materials"][3]]

    result = sap.send_master_data("MATMAS", objects=[m.lstrip("0") for m in wanted])

    assert result["created"] == 2
    assert sorted(sent_keys(subscribed.wait_for(2), "E1MARAM/MATNR")) == wanted
    assert [i["object_key"] for i in outbound(sap)] == wanted


def test_an_object_named_twice_is_sent_once(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    matnr = seeded["materials"][0]

    result = sap.send_master_data("MATMAS", objects=[matnr, matnr.lstrip("0")])

    subscribed.wait_for(1)
    sap.dispatch()
    assert result["created"] == 1
    assert len(subscribed.posts) == 1


def test_every_subscribed_partner_gets_each_object_when_no_receiver_is_named(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver,
        receiver: IdocReceiver) -> None:
    sap.register_partner(OTHER_PARTNER, url=receiver.url, outbound=["MATMAS"])

    result = sap.send_master_data("MATMAS")

    # both partners' ports are the one test receiver
    receiver.wait_for(10)
    assert result["receivers"] == [PARTNER, OTHER_PARTNER]
    assert result["created"] == 10
    by_partner = {p: [i["object_key"] for i in outbound(sap) if i["rcvprn"] == p]
                  for p in (PARTNER, OTHER_PARTNER)}
    assert by_partner == {PARTNER: seeded["materials"], OTHER_PARTNER: seeded["materials"]}


def test_a_named_receiver_alone_gets_the_idocs(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver) -> None:
    sap.register_partner(OTHER_PARTNER, url=subscribed.url, outbound=["MATMAS"])

    result = sap.send_master_data("MATMAS", receiver=OTHER_PARTNER)

    received = subscribed.wait_for(5)
    assert result["receivers"] == [OTHER_PARTNER]
    assert {post.control("RCVPRN") for post in received} == {OTHER_PARTNER}
    assert {i["rcvprn"] for i in outbound(sap)} == {OTHER_PARTNER}


def test_a_partner_with_a_pack_size_gets_the_load_in_collected_posts(
        sap: SapClient, seeded: dict[str, Any], receiver: IdocReceiver) -> None:
    sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"], pack_size=50)

    sap.send_master_data("MATMAS")

    [received] = receiver.wait_for(1)
    sap.dispatch()
    assert len(receiver.posts) == 1
    numbers = [i.findtext("EDI_DC40/DOCNUM") for i in received.xml().findall("IDOC")]
    assert numbers == [i["docnum"] for i in outbound(sap)]
    validator_for(MATMAS05).assertValid(received.xml().getroottree())


def test_a_client_without_materials_sends_nothing(
        sap: SapClient, subscribed: IdocReceiver) -> None:
    result = sap.send_master_data("MATMAS")

    assert (result["created"], result["first_docnum"], result["last_docnum"]) == (0, None, None)
    assert outbound(sap) == []


# --- packets ----------------------------------------------------------------------------------

@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A database of its own with 7 seeded materials and a subscribed partner."""
    url = f"sqlite:///{tmp_path / 'sap.db'}"
    seed_database(url, SeedPlan(client="100", materials=7, customers=0, seed=1))
    db = Database(url)
    with db.write() as conn:
        partners.upsert_partner(conn, "100", PARTNER, port_url="http://127.0.0.1:9/idoc",
                                port_user=None, port_password=None, outbound=["MATMAS"],
                                inbound=[])
    yield db
    db.dispose()


def test_each_packet_is_committed_before_the_next_one_is_created(database: Database) -> None:
    visible: list[int] = []

    def committed() -> None:
        # what a dispatcher woken now can read from another connection
        with database.read() as conn:
            visible.append(conn.execute(select(func.count()).select_from(edidc)).scalar_one())

    result = send_master_data(database, "100", "MATMAS", packet_size=3,
                              packet_committed=committed)

    assert result.created == 7
    assert visible == [3, 6, 7]


# --- refused requests -------------------------------------------------------------------------

def test_a_receiver_without_an_outbound_profile_for_the_message_type_is_refused(
        sap: SapClient, seeded: dict[str, Any], receiver: IdocReceiver,
        control: httpx.Client) -> None:
    sap.register_partner(PARTNER, url=receiver.url, outbound=["DEBMAS"])

    response = control.post(send_url(sap), json={"message_type": "MATMAS",
                                                 "receiver": PARTNER})

    assert response.status_code == 409
    assert "MATMAS" in response.json()["message"]
    assert outbound(sap) == []


def test_an_unknown_receiver_is_not_found(sap: SapClient, seeded: dict[str, Any],
                                          subscribed: IdocReceiver, control: httpx.Client) -> None:
    response = control.post(send_url(sap), json={"message_type": "MATMAS",
                                                 "receiver": "NOSUCHLS"})

    assert response.status_code == 404
    assert "NOSUCHLS" in response.json()["message"]


def test_a_message_type_nobody_receives_is_refused(
        sap: SapClient, seeded: dict[str, Any], control: httpx.Client) -> None:
    response = control.post(send_url(sap), json={"message_type": "DEBMAS"})

    assert response.status_code == 409


def test_a_message_type_that_is_no_master_data_is_refused(
        sap: SapClient, subscribed: IdocReceiver, control: httpx.Client) -> None:
    response = control.post(send_url(sap), json={"message_type": "ORDERS"})

    assert response.status_code == 400
    assert "MATMAS" in response.json()["message"]


def test_an_unknown_object_is_named_and_nothing_is_sent(
        sap: SapClient, seeded: dict[str, Any], subscribed: IdocReceiver,
        control: httpx.Client) -> None:
    response = control.post(send_url(sap), json={
        "message_type": "MATMAS", "objects": [seeded["materials"][0], "NOSUCHMATERIAL"]})

    assert response.status_code == 404
    assert "NOSUCHMATERIAL" in response.json()["message"]
    assert outbound(sap) == []


def test_a_customer_number_longer_than_ten_digits_is_refused(
        sap: SapClient, subscribed: IdocReceiver, control: httpx.Client) -> None:
    response = control.post(send_url(sap), json={"message_type": "DEBMAS",
                                                 "objects": ["12345678901"]})

    assert response.status_code == 400


@pytest.mark.parametrize("body", [
    {}, {"message_type": "matmas"}, {"message_type": 7},
    {"message_type": "MATMAS", "receiver": "crm client"},
    {"message_type": "MATMAS", "objects": "4711"},
    {"message_type": "MATMAS", "objects": [""]},
    {"message_type": "MATMAS", "objects": ["X" * 19]},
], ids=["empty", "lower-case-type", "number-type", "bad-receiver", "objects-not-a-list",
        "empty-object", "too-long-object"])
def test_a_malformed_body_is_refused(sap: SapClient, subscribed: IdocReceiver,
                                     control: httpx.Client, body: dict[str, Any]) -> None:
    response = control.post(send_url(sap), json=body)

    assert response.status_code == 400
    assert response.json()["error"] == "BAD_REQUEST"


def test_a_body_that_is_no_json_object_is_refused(sap: SapClient,
                                                  control: httpx.Client) -> None:
    response = control.post(send_url(sap), content=b"MATMAS",
                            headers={"Content-Type": "application/json"})

    assert response.status_code == 400


def test_an_unknown_client_is_not_found(control: httpx.Client) -> None:
    response = control.post("/_fake/clients/999/ale/send-master-data",
                            json={"message_type": "MATMAS"})

    assert response.status_code == 404
