"""The customer's language from E1KNA1M SPRAS_ISO: a sender that fills only the ISO code
(SPRAS_ISO ``DE``) gets SAP's one-character key in KNA1-SPRAS, as for the material texts
(E1MAKTM); an ISO code without a language key is refused with the ALE layer's ISO conversion
message (VII 003) and status 51. Through a real ``fake-sap serve``; the mapping itself also
has fast checks (``unit``)."""

from __future__ import annotations

import pytest
from idoc_builders import SapTables, customer, docnums, last_status_text, packet, trail

from fake_sap.ale.inbound import debmas
from fake_sap.db.schema import kna1
from fake_sap.errors import ApplicationError
from fake_sap.idoc.types import DEBMAS07
from fake_sap.testing.process import SapClient


@pytest.fixture
def tables(sap: SapClient) -> SapTables:
    return SapTables(sap.server.db_url, sap.number)


def post_one(sap: SapClient, document: bytes) -> str:
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    [docnum] = docnums(response)
    return docnum


def test_a_customer_sent_with_spras_iso_only_is_stored_with_the_language_key(sap, tables):
    docnum = post_one(sap, packet(DEBMAS07, [customer("4712", "0001", SPRAS_ISO="DE")]))

    assert trail(sap, docnum)[-1] == "53"
    assert tables.row(kna1, kunnr="0000004712")["spras"] == "D"


def test_spras_wins_over_spras_iso_when_both_are_sent(sap, tables):
    post_one(sap, packet(DEBMAS07, [customer("4713", "0001", SPRAS="E", SPRAS_ISO="DE")]))

    assert tables.row(kna1, kunnr="0000004713")["spras"] == "E"


def test_an_iso_language_without_a_language_key_gets_51_and_stores_nothing(sap, tables):
    docnum = post_one(sap, packet(DEBMAS07, [customer("4714", "0001", SPRAS_ISO="QQ")]))

    assert trail(sap, docnum)[-1] == "51"
    assert last_status_text(sap, docnum) == (
        "ISO conversion error for QQ in segment 000001 (E1KNA1M), field SPRAS_ISO")
    assert tables.row(kna1, kunnr="0000004714") is None


@pytest.mark.unit
@pytest.mark.parametrize(("fields", "language"), [
    ({"SPRAS_ISO": "DE"}, "D"),
    ({"SPRAS_ISO": "zh"}, "1"),
    ({"SPRAS": "E", "SPRAS_ISO": "DE"}, "E"),
    ({}, ""),
], ids=["iso-only", "iso-lower-case", "spras-first", "neither"])
def test_the_mapping_takes_spras_or_converts_spras_iso(fields, language):
    command = debmas.to_command(customer("4715", "0001", **fields))

    assert command.language == language  # type: ignore[union-attr]


@pytest.mark.unit
def test_the_mapping_refuses_an_unknown_iso_language_with_vii_003():
    with pytest.raises(ApplicationError) as refused:
        debmas.to_command(customer("4716", "0001", SPRAS_ISO="QQ"))

    message = refused.value.sap_message
    assert (message.msgid, message.msgno, message.field) == ("VII", "003", "SPRAS_ISO")
