"""A large IDoc-XML document is read one step ahead of its processing, in a thread of its
own: the same IDocs in the same order, the same errors where they were, no thread left.

The unit tests hold the reader to that on plain iterators; the tests through a served
emulator post the same packets once with a ``Content-Length`` (read ahead: it is above
:data:`READ_AHEAD_MIN_BYTES`) and once chunked (read in the request thread) and compare
what each stored.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from idoc_builders import SapTables, material, packet
from lxml import etree

from fake_sap.db.schema import edidc, edids, mara
from fake_sap.errors import MalformedXml
from fake_sap.http.idoc_xml import READ_AHEAD_MIN_BYTES
from fake_sap.idoc.read_ahead import read_ahead
from fake_sap.idoc.types import MATMAS05

# -- the reader on plain iterators -----------------------------------------------------------


def _live_readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "idoc-read-ahead"]


@pytest.mark.unit
def test_every_item_comes_out_in_order_across_batches():
    with read_ahead(lambda: iter(range(1_003)), batch_size=10, depth=2) as items:
        assert list(items) == list(range(1_003))
    assert _live_readers() == []


@pytest.mark.unit
def test_the_reader_opens_the_document_in_its_own_thread():
    opened_in: list[int] = []

    def open_items() -> Iterator[int]:
        opened_in.append(threading.get_ident())
        yield 1

    with read_ahead(open_items) as items:
        assert list(items) == [1]
    assert opened_in and opened_in[0] != threading.get_ident()


@pytest.mark.unit
def test_an_error_of_the_reader_is_raised_after_the_items_before_it():
    failure = MalformedXml("XML is not well-formed")

    def open_items() -> Iterator[int]:
        yield from range(25)
        raise failure

    taken: list[int] = []
    with pytest.raises(MalformedXml) as raised, \
            read_ahead(open_items, batch_size=10, depth=1) as items:
        for item in items:
            taken.append(item)
    assert raised.value is failure
    assert taken == list(range(25))
    assert _live_readers() == []


@pytest.mark.unit
def test_a_caller_that_stops_early_stops_the_reader_and_closes_the_document():
    closed = threading.Event()

    def open_items() -> Iterator[int]:
        try:
            yield from range(1_000_000)
        finally:
            closed.set()

    with read_ahead(open_items, batch_size=10, depth=2) as items:
        assert next(items) == 0
    assert closed.is_set()
    assert _live_readers() == []


@pytest.mark.unit
def test_an_error_of_the_caller_stops_the_reader_too():
    with pytest.raises(ZeroDivisionError), read_ahead(lambda: iter(range(10_000)),
                                                      batch_size=10) as items:
        for item in items:
            if item == 55:
                raise ZeroDivisionError
    assert _live_readers() == []


# -- through a served emulator ---------------------------------------------------------------

#: enough MATMAS05 IDocs for a body above the read-ahead threshold, over several chunks
PACKET_IDOCS = 600


def _big_packet(prefix: str) -> bytes:
    """Enough MATMAS05 for a body above the threshold; the IDoc at 200 repeats the sender
    DOCNUM of the IDoc at 100 (68) and the one at 300 has an MTART too long for it (60)."""
    idocs = [material(f"{prefix}-{i}", f"Pump {i}",
                      control={"DOCNUM": f"{(100 if i == 200 else i) + 1:016d}"},
                      **({"MTART": "TOO-LONG-TYPE"} if i == 300 else {}))
             for i in range(PACKET_IDOCS)]
    body = packet(MATMAS05, idocs)
    assert len(body) >= READ_AHEAD_MIN_BYTES
    return body


def _chunked(body: bytes) -> Iterator[bytes]:
    """Without a Content-Length: the emulator reads such a body in the request thread."""
    for start in range(0, len(body), 64 * 1024):
        yield body[start:start + 64 * 1024]


def _post_chunked(sap, body: bytes):  # type: ignore[no-untyped-def]
    with sap.http() as http:
        return http.post("/sap/bc/idoc_xml", params={"sap-client": sap.number},
                         content=_chunked(body), auth=sap.auth,
                         headers={"Content-Type": "application/xml"})


def _stored(sap) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """Each IDoc as stored (DOCNUMs aside: each client draws its own), its status trail and
    its document; and the materials."""
    tables = SapTables(sap.server.db_url, sap.number)
    trails: dict[str, list[str]] = {}
    for row in sorted(tables.rows(edids), key=lambda r: (r["docnum"], r["countr"])):
        trails.setdefault(row["docnum"], []).append(f"{row['status']} {row['statxt']}")
    idocs = [(row["objkey"], row["status"], row["refint"], row["xml"],
              " / ".join(trails[row["docnum"]]).replace(row["docnum"], "")) for row in
             tables.rows(edidc)]
    materials = [(row["matnr"], row["mtart"]) for row in tables.rows(mara)]
    return sorted(idocs) + sorted(materials)  # type: ignore[operator]


def test_a_packet_read_ahead_stores_what_one_read_in_the_request_thread_stores(sap_server):
    ahead, in_thread = sap_server.new_client(), sap_server.new_client()
    body = _big_packet("RA")

    first = ahead.post_idocs(body)
    second = _post_chunked(in_thread, body)

    assert first.status_code == second.status_code == 200
    assert _statuses(first.content) == _statuses(second.content) == [
        ("53", str(PACKET_IDOCS - 2)), ("60", "1"), ("68", "1")]
    stored = _stored(ahead)
    assert stored == _stored(in_thread)
    assert len(stored) == PACKET_IDOCS + PACKET_IDOCS - 2


def _statuses(answer: bytes) -> list[tuple[str, str]]:
    return [(s.get("CODE"), s.get("COUNT")) for s in etree.fromstring(answer).iter("STATUS")]


def test_a_packet_read_ahead_that_breaks_late_stores_nothing(sap):
    body = _big_packet("RB")
    cut = body.rindex(b"<IDOC ")
    broken = body[:cut] + b"<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"></IDOC></MATMAS05>"

    response = sap.post_idocs(broken)

    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in response.text
    assert sap.idocs() == []
    assert SapTables(sap.server.db_url, sap.number).rows(mara) == []
