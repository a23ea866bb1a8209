"""The IDoc monitor (WE02/WE05) under /_fake/clients/NNN/idocs: filters, pages, one IDoc."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from idoc_builders import SENDER, canonical, customer, docnums, material, packet

from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.testing.process import SapClient

RECEIVER = "CRMRECV"


def monitor(sap: SapClient, **params: Any) -> dict[str, Any]:
    with sap.http() as http:
        response = http.get(f"/_fake/clients/{sap.number}/idocs", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def listed(sap: SapClient, **params: Any) -> list[str]:
    return [i["docnum"] for i in sap.idocs(**params)]


def post(sap: SapClient, document: bytes) -> list[str]:
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    return docnums(response)


# --- filters ---------------------------------------------------------------------------------

def test_direction_separates_received_from_sent_idocs(sap):
    sap.register_partner(RECEIVER, url="http://127.0.0.1:9/idoc", outbound=["MATMAS"])
    [received] = post(sap, packet(MATMAS05, [material("M-1")]))

    [sent] = sap.idocs(direction="outbound")

    assert listed(sap, direction="inbound") == [received]
    assert (sent["direction"], sent["mestyp"], sent["rcvprn"]) == ("outbound", "MATMAS",
                                                                   RECEIVER)


def test_the_message_type_filter_lists_only_that_message_type(sap):
    post(sap, packet(MATMAS05, [material("M-1")]))
    [debmas] = post(sap, packet(DEBMAS07, [customer("900", "ZPC")]))

    assert listed(sap, mestyp="DEBMAS") == [debmas]


def test_the_idoc_type_filter_lists_only_that_basic_type(sap):
    [matmas] = post(sap, packet(MATMAS05, [material("M-1")]))
    post(sap, packet(DEBMAS07, [customer("900", "ZPC")]))

    assert listed(sap, idoctyp="MATMAS05") == [matmas]


def test_the_status_filter_lists_only_idocs_in_that_status(sap):
    _good, bad = post(sap, packet(MATMAS05, [material("M-1"), material("M-2", MTART="XXXX")]))

    assert listed(sap, status="51") == [bad]


def test_the_partner_filter_matches_the_sender(sap):
    post(sap, packet(MATMAS05, [material("M-1")]))
    [other] = post(sap, packet(MATMAS05, [material("M-2", control={"SNDPRN": "OTHERSYS"})]))

    assert listed(sap, partner="OTHERSYS") == [other]
    assert len(listed(sap, partner=SENDER)) == 1


def test_the_partner_filter_matches_the_receiver(sap):
    sap.register_partner(RECEIVER, url="http://127.0.0.1:9/idoc", outbound=["MATMAS"])
    post(sap, packet(MATMAS05, [material("M-1")]))

    [sent] = sap.idocs(partner=RECEIVER)

    assert sent["direction"] == "outbound"


def _two_idocs_posted_one_after_the_other(sap: SapClient) -> tuple[dict, dict]:
    [first] = post(sap, packet(MATMAS05, [material("M-1")]))
    [second] = post(sap, packet(MATMAS05, [material("M-2")]))
    return sap.idoc(first), sap.idoc(second)


def test_from_lists_idocs_created_at_or_after_the_moment(sap):
    first, second = _two_idocs_posted_one_after_the_other(sap)

    assert listed(sap, **{"from": second["created_at"]}) == [second["docnum"]]


def test_to_lists_idocs_created_at_or_before_the_moment(sap):
    first, second = _two_idocs_posted_one_after_the_other(sap)

    assert listed(sap, to=first["created_at"]) == [first["docnum"]]


def test_a_time_range_may_be_given_in_any_time_zone(sap):
    first, second = _two_idocs_posted_one_after_the_other(sap)
    china = timezone(timedelta(hours=8))
    moment = datetime.fromisoformat(second["created_at"]).astimezone(china)

    assert listed(sap, **{"from": moment.isoformat()}) == [second["docnum"]]


def test_filters_combine(sap):
    post(sap, packet(MATMAS05, [material("M-1"), material("M-2", MTART="XXXX")]))
    post(sap, packet(DEBMAS07, [customer("7001", "ZOUT", provincial_center="900")]))

    [found] = sap.idocs(mestyp="DEBMAS", status="51", direction="inbound")

    assert found["object_key"] == "0000007001"


# --- pages -----------------------------------------------------------------------------------

def test_pages_hold_limit_idocs_newest_first_and_report_the_total(sap):
    numbers = post(sap, packet(MATMAS05, [material(f"M-{i}") for i in range(5)]))

    page = monitor(sap, limit=2, offset=1)

    assert (page["total"], page["limit"], page["offset"]) == (5, 2, 1)
    assert [i["docnum"] for i in page["idocs"]] == [numbers[3], numbers[2]]


def test_pages_together_list_every_idoc_once(sap):
    numbers = post(sap, packet(MATMAS05, [material(f"M-{i}") for i in range(5)]))

    pages = [monitor(sap, limit=2, offset=offset)["idocs"] for offset in (0, 2, 4)]

    assert [i["docnum"] for page in pages for i in page] == numbers[::-1]


def test_a_page_beyond_the_end_is_empty(sap):
    post(sap, packet(MATMAS05, [material("M-1")]))

    page = monitor(sap, offset=10)

    assert (page["total"], page["idocs"]) == (1, [])


# --- one IDoc --------------------------------------------------------------------------------

@pytest.fixture
def shown(sap: SapClient) -> dict[str, Any]:
    """A MATMAS IDoc that was refused with 51, as the monitor shows it."""
    document = packet(MATMAS05, [material("4711", "Pump", valuation={"BWKEY": "9999"},
                                          control={"DOCNUM": "0000000000000815"})])
    [docnum] = post(sap, document)
    return sap.idoc(docnum) | {"sent": document}


def test_an_idoc_shows_its_control_record(shown):
    control = shown["control_record"]

    assert (control["IDOCTYP"], control["MESTYP"], control["SNDPRN"], control["DOCNUM"]) == \
        ("MATMAS05", "MATMAS", SENDER, "0000000000000815")
    assert (shown["direction"], shown["status"], shown["sender_docnum"],
            shown["object_key"]) == ("inbound", "51", "815", "000000000000004711")


def test_an_idoc_shows_its_segment_tree(shown):
    [header] = shown["segments"]

    assert header["segment"] == "E1MARAM"
    assert header["fields"]["MATNR"] == "4711"
    assert [(c["segment"], c["fields"]) for c in header["children"]] == [
        ("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"}),
        ("E1MBEWM", {"BWKEY": "9999"}),
    ]


def test_an_idoc_shows_its_status_records_with_the_sap_message(shown):
    records = shown["status_records"]

    assert [(r["counter"], r["status"]) for r in records] == [(1, "50"), (2, "64"), (3, "51")]
    error = records[-1]
    assert (error["message_type"], error["message_id"], error["message_number"],
            error["variables"][0], error["text"]) == \
        ("E", "M3", "351", "9999", "Valuation area 9999 does not exist")


def test_an_idoc_shows_the_xml_it_was_received_as(shown):
    assert canonical(shown["xml"]) == canonical(shown["sent"])


def test_an_unknown_idoc_answers_404(sap):
    with sap.http() as http:
        response = http.get(f"/_fake/clients/{sap.number}/idocs/0000000000009999")

    assert response.status_code == 404
    assert response.json()["error"] == "NOT_FOUND"


def test_the_monitor_of_an_unknown_client_answers_404(sap_server):
    client = sap_server.new_client()
    with sap_server.control() as http:
        http.delete(f"/_fake/clients/{client.number}")
        response = http.get(f"/_fake/clients/{client.number}/idocs")

    assert response.status_code == 404


BAD_PARAMETERS = {
    "limit 0": {"limit": 0},
    "limit above 500": {"limit": 501},
    "limit not a number": {"limit": "ten"},
    "negative offset": {"offset": -1},
    "unknown direction": {"direction": "sideways"},
    "from not a timestamp": {"from": "yesterday"},
    "to not a timestamp": {"to": "2024-13-45"},
}


@pytest.mark.parametrize("params", BAD_PARAMETERS.values(), ids=BAD_PARAMETERS)
def test_a_bad_parameter_answers_400(sap, params):
    with sap.http() as http:
        response = http.get(f"/_fake/clients/{sap.number}/idocs", params=params)

    assert response.status_code == 400
    assert response.json()["error"] == "BAD_REQUEST"
