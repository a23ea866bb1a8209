"""Malformed and hostile bodies on ``/sap/bc/idoc_xml``: refused cleanly, nothing stored.

Whatever arrives, the answer is an ICF-style HTML error page with a 4xx status (never a 500),
and a refused document leaves no IDoc, no master data and no expanded entity behind.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from idoc_builders import SapTables, material, packet

from fake_sap.ale.inbound.processor import CHUNK_SIZE
from fake_sap.db.schema import mara
from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import SapClient

GOOD = packet(MATMAS05, [material("M-1"), material("M-2")])
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
#: a MATMAS05 document whose MATNR is the entity ``&e;``, to be declared by each attack
ENTITY_BODY = (b"<MATMAS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><TABNAM>EDI_DC40</TABNAM>"
               b"<IDOCTYP>MATMAS05</IDOCTYP><MESTYP>MATMAS</MESTYP><SNDPRN>CRM</SNDPRN>"
               b"</EDI_DC40><E1MARAM SEGMENT=\"1\"><MATNR>&e;</MATNR><MTART>FERT</MTART>"
               b"<MEINS>ST</MEINS><E1MAKTM SEGMENT=\"1\"><SPRAS_ISO>EN</SPRAS_ISO>"
               b"<MAKTX>Pump</MAKTX></E1MAKTM></E1MARAM></IDOC></MATMAS05>")
BILLION_LAUGHS = DECLARATION + b"<!DOCTYPE MATMAS05 [<!ENTITY l0 \"lol\">" + b"".join(
    f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">'.encode() for i in range(1, 10)
) + b"<!ENTITY e \"&l9;\">]>" + ENTITY_BODY


#: pushes what follows beyond the first bytes of the body, where a quick prolog scan looks
LONG_COMMENT = b"<!--" + b" " * 70_000 + b"-->"


def _external_entity(path: str, prolog: bytes) -> bytes:
    return (DECLARATION + prolog
            + f'<!DOCTYPE MATMAS05 [<!ENTITY e SYSTEM "file://{path}">]>'.encode()
            + ENTITY_BODY)


def _broken_after(good_idocs: int) -> bytes:
    """A packet whose first IDocs are fine and which then stops being well-formed."""
    document = packet(MATMAS05, [material(f"M-{i}") for i in range(good_idocs + 1)])
    cut = document.rindex(b"<IDOC ")
    return document[:cut] + b"<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"></IDOC></MATMAS05>"


REFUSED_WITH_400 = {
    "not well-formed": b"<MATMAS05><IDOC BEGIN=\"1\">",
    "text, not XML": b"MATNR=4711;MAKTX=Pump",
    "undeclared entity": ENTITY_BODY,
    "breaks after the first IDocs": _broken_after(2),
    "well-formed, not IDoc-XML": DECLARATION + b"<order><item>4711</item></order>",
    "IDOC as the root": GOOD.replace(b"<MATMAS05>", b"").replace(b"</MATMAS05>", b""),
    "IDOC without EDI_DC40": DECLARATION + b"<MATMAS05><IDOC BEGIN=\"1\"><E1MARAM SEGMENT=\"1\">"
                             b"<MATNR>4711</MATNR></E1MARAM></IDOC></MATMAS05>",
    "DOCTYPE": DECLARATION + b"<!DOCTYPE MATMAS05 [<!ENTITY e \"4711\">]>" + ENTITY_BODY,
    "DOCTYPE after a long comment": DECLARATION + LONG_COMMENT
                                    + b"<!DOCTYPE MATMAS05 [<!ENTITY e \"4711\">]>"
                                    + ENTITY_BODY,
    "billion laughs": BILLION_LAUGHS,
    "empty body": b"",
}


def assert_sap_error_page(response: httpx.Response, status: int, title: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{title}</h1>" in response.text


def assert_nothing_stored(sap: SapClient) -> None:
    assert sap.idocs() == []
    assert SapTables(sap.server.db_url, sap.number).rows(mara) == []


@pytest.mark.parametrize("body", REFUSED_WITH_400.values(), ids=REFUSED_WITH_400)
def test_a_document_that_is_not_acceptable_idoc_xml_is_refused_with_400(sap, body):
    response = sap.post_idocs(body)

    assert_sap_error_page(response, 400, "Bad request")
    assert_nothing_stored(sap)


def test_a_packet_that_breaks_after_a_whole_chunk_was_processed_stores_nothing(sap):
    response = sap.post_idocs(_broken_after(CHUNK_SIZE + 1))

    assert_sap_error_page(response, 400, "Bad request")
    assert_nothing_stored(sap)


def test_entities_are_never_expanded(sap):
    response = sap.post_idocs(BILLION_LAUGHS)

    assert "lollollol" not in response.text
    assert len(response.content) < 2000


@pytest.mark.parametrize("prolog", [b"", LONG_COMMENT], ids=["at the start", "further in"])
def test_an_external_entity_never_reads_the_local_file(sap, tmp_path, prolog):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711")

    response = sap.post_idocs(_external_entity(str(secret), prolog))

    assert_sap_error_page(response, 400, "Bad request")
    assert "TOP-SECRET" not in response.text
    assert_nothing_stored(sap)


def test_a_body_over_the_size_limit_is_refused_with_413(sap):
    too_big = GOOD.replace(b"</MATMAS05>", b"<!--" + b" " * (9 * 1024 * 1024) + b"--></MATMAS05>")

    response = sap.post_idocs(too_big)

    assert_sap_error_page(response, 413, "Request entity too large")
    assert_nothing_stored(sap)


def test_a_chunked_body_over_the_size_limit_is_refused_with_413(sap):
    def chunks() -> Iterator[bytes]:
        yield GOOD.replace(b"</MATMAS05>", b"")
        for _ in range(9):
            yield b"<!--" + b" " * (1024 * 1024) + b"-->"
        yield b"</MATMAS05>"

    with sap.http() as http:
        response = http.post("/sap/bc/idoc_xml", params={"sap-client": sap.number},
                             content=chunks(), auth=sap.auth,
                             headers={"Content-Type": "application/xml"})

    assert_sap_error_page(response, 413, "Request entity too large")
    assert_nothing_stored(sap)


def test_a_json_body_is_refused_with_415(sap):
    response = sap.post_idocs(b'{"MATNR": "4711"}', content_type="application/json")

    assert_sap_error_page(response, 415, "Unsupported media type")
    assert_nothing_stored(sap)


def test_another_method_gets_an_sap_error_page(sap):
    with sap.http() as http:
        response = http.put("/sap/bc/idoc_xml", params={"sap-client": sap.number},
                            content=GOOD, auth=sap.auth)

    assert_sap_error_page(response, 405, "Method not allowed")


def test_a_document_just_under_the_size_limit_is_accepted(sap):
    padded = GOOD.replace(b"</MATMAS05>", b"<!--" + b" " * (7 * 1024 * 1024) + b"--></MATMAS05>")

    response = sap.post_idocs(padded)

    assert response.status_code == 200
    assert len(sap.idocs()) == 2
