"""Nothing standard is dropped from a customer: a DEBMAS07 IDoc whose E1KNA1M and E1KNVVM fill
every standard field at its maximum length (the IDoc corpus document) is stored in KNA1 and
KNVV field by field, and given back through a real ``fake-sap serve``: by RFC_READ_TABLE and
in the E1KNA1M and E1KNVVM of an outbound DEBMAS07 (BD12), which carries the language as
SPRAS and SPRAS_ISO."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from idoc_builders import customer, packet
from rfc_client import RfcSession, read_table

from fake_sap.ale.inbound import debmas
from fake_sap.ddic.tables.customer import KNA1, KNVV
from fake_sap.ddic.tables.declaration import TableDeclaration
from fake_sap.ddic.types import PACKED_TYPES, AbapType
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import DEBMAS07
from fake_sap.rfc.read_table import LINE_WIDTH
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

CORPUS = Path(__file__).parent / "data" / "idoc_corpus" / "DEBMAS07.xml"
KUNNR = "CORPUS0001"
PARTNER = "MDMCLNT100"
#: fields of the segments that are no table field of the same name
NOT_STORED = {"MSGFN", "SPRAS_ISO"}


def sent_document(number: str) -> bytes:
    xml = CORPUS.read_text(encoding="utf-8")
    return re.sub(r"<MANDT>\d+</MANDT>", f"<MANDT>{number}</MANDT>", xml).encode("utf-8")


def stored_fields(segment: SegmentData, table: TableDeclaration) -> dict[str, str]:
    """The segment's fields that the table has a field of the same name for."""
    return {name: value for name, value in segment.values.items()
            if name not in NOT_STORED and table.field(name) is not None}


@pytest.fixture(scope="module")
def posted(sap_server) -> dict[str, Any]:
    """The corpus customer posted into a client of its own, with what was sent."""
    sap: SapClient = sap_server.new_client()
    document = sent_document(sap.number)
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    [inbound] = sap.idocs(direction="inbound")
    assert sap.idoc(inbound["docnum"])["status"] == "53"
    [idoc] = parse_document(document)
    header = idoc.segments[0]
    [area] = header.all("E1KNVVM")
    return {"sap": sap, "general": stored_fields(header, KNA1),
            "sales_area": stored_fields(area, KNVV)}


def expected(table: TableDeclaration, name: str, sent: str) -> str:
    """The stored value of a sent field: NUMC digits zero-padded to the field's length."""
    declared = table.field(name)
    assert declared is not None
    if declared.type.type is AbapType.NUMC and sent.isdigit():
        return sent.zfill(declared.type.length)
    return sent


def same(table: TableDeclaration, name: str, shown: str, stored: str) -> bool:
    declared = table.field(name)
    assert declared is not None
    if declared.type.type in PACKED_TYPES:
        return Decimal(shown.strip() or "0") == Decimal(stored or "0")
    return shown.strip() == stored


def read_back(sap: SapClient, table: TableDeclaration, where: str,
              names: list[str]) -> dict[str, str]:
    """The fields of one row by RFC_READ_TABLE, as many per call as a DATA line holds."""
    session = RfcSession(sap)
    shown: dict[str, str] = {}
    names = list(names)
    try:
        while names:
            chunk: list[str] = []
            width = 0
            while names and width + 1 + table.field(names[0]).type.width <= LINE_WIDTH:
                width += 1 + table.field(names[0]).type.width  # type: ignore[union-attr]
                chunk.append(names.pop(0))
            [line] = read_table(session, table.name, where=where, fields=chunk,
                                DELIMITER="|")
            shown.update(zip(chunk, line.split("|"), strict=True))
    finally:
        session.close()
    return shown


def test_the_idoc_fills_kalks_and_the_other_standard_fields_at_their_maximum_length(posted):
    general, area = posted["general"], posted["sales_area"]
    assert {"KALKS", "KONDA", "INCO2", "AWAHR", "LPRIO", "ANTLF", "KVGR5", "BLIND"} \
        <= area.keys()
    assert {"BRSCH", "NAME3", "NAME4", "STCD1", "PFACH", "KUKLA", "BBBNR"} <= general.keys()
    assert area["INCO2"] == "INCO2" + "Z" * 23  # the 28 characters of KNVV-INCO2
    assert general["NAME3"] == "NAME3" + "Z" * 30  # the 35 characters of KNA1-NAME3
    assert all(general.values()) and all(area.values())
    # every other E1KNVVM field that KNVV has is filled, but the billing block: the corpus
    # leaves the blocks empty, so that the customer can be used
    assert set(debmas._OTHER_SALES_AREA.names) - area.keys() == {"FAKSD"}


def test_rfc_read_table_gives_back_every_kna1_field_as_it_was_sent(posted):
    sent = posted["general"]
    shown = read_back(posted["sap"], KNA1, f"KUNNR = '{KUNNR}'", list(sent))
    wrong = {name: (shown[name], sent[name]) for name in sent
             if not same(KNA1, name, shown[name], expected(KNA1, name, sent[name]))}
    assert wrong == {}


def test_rfc_read_table_gives_back_every_knvv_field_as_it_was_sent(posted):
    sent = posted["sales_area"]
    shown = read_back(posted["sap"], KNVV, f"KUNNR = '{KUNNR}'", list(sent))
    wrong = {name: (shown[name], sent[name]) for name in sent
             if not same(KNVV, name, shown[name], expected(KNVV, name, sent[name]))}
    assert wrong == {}
    assert shown["KALKS"] == "X"


def test_an_outbound_debmas_carries_every_field_back_and_the_language_as_iso_code(posted):
    sap: SapClient = posted["sap"]
    receiver = IdocReceiver()
    try:
        sap.register_partner(PARTNER, url=receiver.url, outbound=["DEBMAS"])
        assert sap.send_master_data("DEBMAS", PARTNER, objects=[KUNNR])["created"] == 1
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()
    [idoc] = parse_document(received.body)
    header = idoc.segments[0]
    [area] = header.all("E1KNVVM")
    for segment, table, sent in ((header, KNA1, posted["general"]),
                                 (area, KNVV, posted["sales_area"])):
        back = segment.values
        wrong = {name: (back.get(name, ""), value) for name, value in sent.items()
                 if not same(table, name, back.get(name, ""), expected(table, name, value))}
        assert wrong == {}, segment.name
    assert (header.get("SPRAS"), header.get("SPRAS_ISO")) == ("E", "EN")
    assert area.get("KALKS") == "X"


def test_a_later_debmas_replaces_the_other_fields_and_numc_is_zero_padded(sap):
    first = customer("4711", "0001", None, NAME3="Third line", BRSCH="RETL")
    first.segments[0].children.append(SegmentData("E1KNVVM", {
        "MSGFN": "005", "VKORG": "1000", "VTWEG": "10", "SPART": "00", "WAERS": "CNY",
        "KALKS": "1", "INCO1": "FOB", "AWAHR": "5"}))
    second = customer("4711", "0001", None, BRSCH="WHSL")
    second.segments[0].children.append(SegmentData("E1KNVVM", {
        "MSGFN": "005", "VKORG": "1000", "VTWEG": "10", "SPART": "00", "WAERS": "CNY",
        "KALKS": "2"}))
    where = "KUNNR = '0000004711'"
    assert sap.post_idocs(packet(DEBMAS07, [first])).status_code == 200
    assert stripped(read_back(sap, KNA1, where, ["NAME3", "BRSCH"])) == {
        "NAME3": "Third line", "BRSCH": "RETL"}
    assert stripped(read_back(sap, KNVV, where, ["KALKS", "INCO1", "AWAHR"])) == {
        "KALKS": "1", "INCO1": "FOB", "AWAHR": "005"}
    # a DEBMAS replaces the general data and the sales areas it carries: left out is initial
    assert sap.post_idocs(packet(DEBMAS07, [second])).status_code == 200
    assert stripped(read_back(sap, KNA1, where, ["NAME3", "BRSCH"])) == {
        "NAME3": "", "BRSCH": "WHSL"}
    # an initial NUMC field reads as zeros, as in SAP
    assert stripped(read_back(sap, KNVV, where, ["KALKS", "INCO1", "AWAHR"])) == {
        "KALKS": "2", "INCO1": "", "AWAHR": "000"}
    # the sales area's creation data are set when it is created and kept
    created = stripped(read_back(sap, KNVV, where, ["ERDAT", "ERNAM"]))
    assert re.fullmatch(r"\d{8}", created["ERDAT"]) and created["ERNAM"]


def stripped(values: dict[str, str]) -> dict[str, str]:
    return {name: value.strip() for name, value in values.items()}
