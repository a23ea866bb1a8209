"""ISO codes at the ALE boundary, against the real server: inbound IDocs carry ISO units and
currencies that are posted as internal codes, an ISO code with no internal code is VII 003
with nothing stored, outbound IDocs carry ISO codes, and the code tables T006, TCURC and T005
are readable with RFC_READ_TABLE in every client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from idoc_builders import SapTables, customer, docnums, last_status_text, material, packet, trail
from logistics_flow import BAPI, seeded_flow
from rfc_client import RfcSession, read_table

from fake_sap.db.schema import kna1, knvv, mara, mvke
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import DEBMAS07, MATMAS05, ORDERS05
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

POSTED = ["50", "64", "53"]
PARTNER = "CRMCLNT100"


@pytest.fixture
def tables(sap: SapClient) -> SapTables:
    return SapTables(sap.server.db_url, sap.number)


@pytest.fixture
def session(sap: SapClient) -> Iterator[RfcSession]:
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def post_one(sap: SapClient, document: bytes) -> str:
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    [docnum] = docnums(response)
    return docnum


# --- inbound ---------------------------------------------------------------------------------

def test_a_material_sent_with_iso_units_is_posted_with_internal_units(sap, tables):
    idoc = material("M-1", MEINS="PCE", GEWEI="KGM", BRGEW="2.5")
    idoc.segments[0].children.append(SegmentData("E1MVKEM", {
        "VKORG": "1000", "VTWEG": "10", "VRKME": "PCE"}))

    docnum = post_one(sap, packet(MATMAS05, [idoc]))

    assert trail(sap, docnum) == POSTED
    row = tables.row(mara, matnr="M-1")
    assert (row["meins"], row["gewei"]) == ("ST", "KG")
    assert tables.row(mvke, matnr="M-1", vkorg="1000", vtweg="10")["vrkme"] == "ST"


def test_an_internal_unit_is_still_accepted_as_sent(sap, tables):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1", MEINS="KG")]))

    assert trail(sap, docnum) == POSTED
    assert tables.row(mara, matnr="M-1")["meins"] == "KG"


def test_an_iso_unit_without_an_internal_unit_is_vii_003_and_nothing_is_stored(sap, tables):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1", MEINS="XYZ")]))

    assert trail(sap, docnum) == ["50", "64", "51"]
    assert last_status_text(sap, docnum) == \
        "ISO conversion error for XYZ in segment 000001 (E1MARAM), field MEINS"
    record = sap.idoc(docnum)["status_records"][-1]
    assert (record["message_id"], record["message_number"]) == ("VII", "003")
    assert record["variables"] == ["XYZ", "000001", "E1MARAM", "MEINS"]
    assert tables.row(mara, matnr="M-1") is None


def test_the_segment_number_names_the_segment_with_the_wrong_unit(sap, tables):
    idoc = material("M-1", MEINS="PCE")  # E1MARAM 1, E1MAKTM 2, E1MVKEM 3
    idoc.segments[0].children.append(SegmentData("E1MVKEM", {
        "VKORG": "1000", "VTWEG": "10", "VRKME": "QQQ"}))

    docnum = post_one(sap, packet(MATMAS05, [idoc]))

    assert last_status_text(sap, docnum) == \
        "ISO conversion error for QQQ in segment 000003 (E1MVKEM), field VRKME"
    assert tables.row(mara, matnr="M-1") is None


def test_a_customer_sent_with_an_iso_currency_is_posted_with_the_internal_currency(
        sap, tables):
    post_one(sap, packet(DEBMAS07, [customer("900", "ZPC", name="Provincial center")]))
    docnum = post_one(sap, packet(DEBMAS07, [customer("901", "ZOUT", "900")]))

    assert trail(sap, docnum) == POSTED
    assert tables.row(knvv, kunnr="0000000901")["waers"] == "CNY"
    assert tables.row(kna1, kunnr="0000000901")["land1"] == "CN"


def test_a_customer_with_an_unknown_iso_currency_is_vii_003_and_nothing_is_stored(
        sap, tables):
    post_one(sap, packet(DEBMAS07, [customer("900", "ZPC", name="Provincial center")]))
    idoc = customer("901", "ZOUT", "900")
    idoc.segments[0].children[0].values["WAERS"] = "XXX"

    docnum = post_one(sap, packet(DEBMAS07, [idoc]))

    assert last_status_text(sap, docnum) == \
        "ISO conversion error for XXX in segment 000002 (E1KNVVM), field WAERS"
    assert tables.row(kna1, kunnr="0000000901") is None


def _order(unit: str, currency: str = "CNY") -> Idoc:
    return Idoc({"MESTYP": "ORDERS", "SNDPOR": "SAPCRM", "SNDPRT": "KU", "SNDPRN": "100001",
                 "RCVPRT": "LS", "RCVPRN": "FAKESAP"}, [
        SegmentData("E1EDK01", {"CURCY": currency}),
        SegmentData("E1EDK14", {"QUALF": "008", "ORGID": "1000"}),
        SegmentData("E1EDK14", {"QUALF": "007", "ORGID": "10"}),
        SegmentData("E1EDK14", {"QUALF": "006", "ORGID": "00"}),
        SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "100001"}),
        SegmentData("E1EDK02", {"QUALF": "001", "BELNR": "PO-ISO-1"}),
        SegmentData("E1EDP01", {"POSEX": "000010", "MENGE": "1", "MENEE": unit}, [
            SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": "4711"})]),
    ])


def test_an_order_item_with_an_unknown_iso_unit_is_vii_003(sap):
    docnum = post_one(sap, packet(ORDERS05, [_order("XYZ")]))

    assert trail(sap, docnum)[-1] == "51"
    assert last_status_text(sap, docnum) == \
        "ISO conversion error for XYZ in segment 000007 (E1EDP01), field MENEE"


def test_an_order_with_an_unknown_iso_currency_is_vii_003(sap):
    docnum = post_one(sap, packet(ORDERS05, [_order("PCE", currency="ZZZ")]))

    assert last_status_text(sap, docnum) == \
        "ISO conversion error for ZZZ in segment 000001 (E1EDK01), field CURCY"


# --- outbound --------------------------------------------------------------------------------

@pytest.fixture
def receiver() -> Iterator[IdocReceiver]:
    port = IdocReceiver()
    yield port
    port.stop()


def test_a_sent_material_carries_iso_units(sap, receiver):
    idoc = material("4711", MEINS="ST", GEWEI="KG", BRGEW="1")
    idoc.segments[0].children.append(SegmentData("E1MVKEM", {
        "VKORG": "1000", "VTWEG": "10", "VRKME": "ST"}))
    post_one(sap, packet(MATMAS05, [idoc]))
    # subscribed only after the post, for the reason given in the next test
    sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])

    sap.send_master_data("MATMAS", objects=["4711"])

    [received] = receiver.wait_for(1)
    header = received.xml().find("IDOC/E1MARAM")
    assert header is not None
    assert (header.findtext("MEINS"), header.findtext("GEWEI"),
            header.findtext("E1MVKEM/VRKME")) == ("PCE", "KGM", "PCE")


def test_a_unit_without_a_primary_flag_still_leaves_as_its_iso_code(sap, receiver, tables):
    post_one(sap, packet(MATMAS05, [material("4711", MEINS="PC")]))
    assert tables.row(mara, matnr=f"{4711:018d}")["meins"] == "PC"
    # subscribed only now: a partner subscribed before the post would also get the change
    # the post made, racing the initial load below for the first place at the receiver
    sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])

    sap.send_master_data("MATMAS", objects=["4711"])

    [received] = receiver.wait_for(1)
    assert received.xml().findtext("IDOC/E1MARAM/MEINS") == "PCE"


def test_a_delivery_idoc_carries_the_iso_units_of_its_items(sap):
    with seeded_flow(sap) as flow:
        order = flow.order("10", channel=BAPI)
        delivery = flow.deliver(order, "4")

        [created] = flow.desadv(delivery)

    [item] = created.items
    assert (item.get("VRKME"), item.get("MEINS")) == ("PCE", "PCE")


# --- the code tables -------------------------------------------------------------------------

def _fields(line: str, widths: list[int]) -> list[str]:
    values, offset = [], 0
    for width in widths:
        values.append(line[offset:offset + width].strip())
        offset += width
    return values


def test_t006_gives_each_unit_its_iso_code_and_primary_flag(session):
    lines = read_table(session, "T006", fields=["MSEHI", "ISOCODE", "PRIMARY"],
                       where="ISOCODE = 'PCE'")

    assert [_fields(line, [3, 3, 1]) for line in lines] == [["PC", "PCE", ""],
                                                            ["ST", "PCE", "X"]]


def test_t006_holds_every_unit_of_the_baseline(session):
    units = [line.strip() for line in read_table(session, "T006", fields=["MSEHI"])]

    assert units == sorted(["ST", "PC", "EA", "KG", "G", "L", "M", "BOX", "SET", "PAK"])


def test_tcurc_gives_each_currency_its_iso_code(session):
    lines = read_table(session, "TCURC", fields=["WAERS", "ISOCD", "XPRIMARY"])

    assert [_fields(line, [5, 3, 1]) for line in lines] == [
        ["CNY", "CNY", "X"], ["EUR", "EUR", "X"], ["USD", "USD", "X"]]


def test_t005_gives_each_country_its_iso_codes(session):
    lines = read_table(session, "T005", fields=["LAND1", "INTCA", "INTCA3", "INTCN3"])

    assert [_fields(line, [3, 2, 3, 3]) for line in lines] == [
        ["CN", "CN", "CHN", "156"], ["DE", "DE", "DEU", "276"], ["US", "US", "USA", "840"]]


def test_a_reset_client_has_its_code_tables_again(sap, session):
    with sap.http() as http:
        assert http.post(f"/_fake/clients/{sap.number}/reset").status_code == 200

    assert len(read_table(session, "T006", fields=["MSEHI"])) == 10
