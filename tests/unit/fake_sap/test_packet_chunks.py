"""The packet path lets an IDoc's segments go once it is posted, without changing what is
stored or the IDocs a caller handed in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from idoc_builders import material, packet
from sqlalchemy import select

from fake_sap.ale.inbound import processor
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.basis import clients as client_admin
from fake_sap.db.engine import Database
from fake_sap.db.schema import edidc
from fake_sap.idoc.document import NO_CHILDREN
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import MATMAS05

pytestmark = pytest.mark.unit


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    client_admin.create(database, "100", "first")
    yield database
    database.dispose()


def test_an_idoc_without_segments_keeps_what_the_writes_need() -> None:
    [idoc] = parse_document(packet(MATMAS05, [material("M-1")]))

    slim = processor._without_segments(idoc)

    assert slim.segments is NO_CHILDREN
    assert (slim.control, slim.xml, slim.index, slim.root) == \
        (idoc.control, idoc.xml, idoc.index, idoc.root)
    assert idoc.segments and idoc.segments[0].name == "E1MARAM"


def test_posted_idocs_are_stored_whole_and_the_callers_keep_their_segments(
        db: Database) -> None:
    # more IDocs than a chunk holds, so that the IDocs of several chunks are let go
    count = processor.CHUNK_SIZE + 2
    idocs = parse_document(packet(MATMAS05, [
        material(f"M-{n}", control={"DOCNUM": str(n)}) for n in range(1, count + 1)]))
    segments_before = [idoc.segments for idoc in idocs]

    with db.write() as conn:
        result = InboundProcessor(conn, "100", strict_partners=False).receive(idocs)
    with db.read() as conn:
        stored = conn.execute(select(edidc.c.xml).order_by(edidc.c.docnum)).scalars().all()

    assert result.statuses == {"53": count}
    assert stored == [idoc.xml.decode() for idoc in idocs]
    assert [idoc.segments for idoc in idocs] == segments_before
