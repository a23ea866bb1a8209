"""The IDoc corpus (tests/data/idoc_corpus/): IDoc-XML written the way an SAP system writes it,
one document per declared basic type, every declared standard field filled.

Fast checks (``unit``): each document validates against its published XML schema and the
emulator's own syntax check, and carries every declared field of every segment. Through a
real ``fake-sap serve``: each document posts with SAP's status and the monitor shows every
field as it was sent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.model import IdocType, Segment
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import DEBMAS07, DELVRY07, MATMAS05, ORDERS05
from fake_sap.idoc.validation import check_control, check_segments
from fake_sap.testing.process import SapClient

CORPUS = Path(__file__).parent / "data" / "idoc_corpus"
CONTRACTS = Path(__file__).parent.parent / "contracts" / "idoc"
TYPES = [MATMAS05, DEBMAS07, ORDERS05, DELVRY07]

#: declared fields the corpus leaves empty, because a value would change what the IDoc does
#: (deletion flags and blocks, a valuation type that needs split valuation, an order reason
#: and a rejection reason that need customizing); see the corpus README
LEFT_EMPTY = {
    "MATMAS05": {"E1MARAM": {"LVORM", "KZKFG"}, "E1MARCM": {"LVORM"}, "E1MARDM": {"LVORM"},
                 "E1MBEWM": {"LVORM", "BWTAR"}, "E1MVKEM": {"LVORM"}},
    "DEBMAS07": {"E1KNA1M": {"LOEVM", "AUFSD", "LIFSD", "FAKSD", "SPERR", "CASSD"},
                 "E1KNVVM": {"LOEVM", "AUFSD", "LIFSD", "FAKSD"},
                 "E1KNB1M": {"LOEVM", "SPERR"}, "E1KNKKM": {"CRBLB"}},
    "ORDERS05": {"E1EDK01": {"AUGRU", "AUGRU_BEZ", "LIFSK", "LIFSK_BEZ"},
                 "E1EDP01": {"ABGRU", "ABGRT"}},
    "DELVRY07": {},
}


def corpus(idoc_type: IdocType) -> bytes:
    return (CORPUS / f"{idoc_type.name}.xml").read_bytes()


def filled(segments: list[SegmentData]) -> dict[str, set[str]]:
    """Segment name -> the names of the fields filled in any of its occurrences."""
    found: dict[str, set[str]] = {}
    for segment in segments:
        found.setdefault(segment.name, set()).update(n for n, v in segment.values.items() if v)
        for name, names in filled(segment.children).items():
            found.setdefault(name, set()).update(names)
    return found


def standard_segments(idoc_type: IdocType) -> list[Segment]:
    return [s for s in idoc_type.all_segments() if not s.extension]


@pytest.mark.unit
@pytest.mark.parametrize("idoc_type", TYPES, ids=lambda t: t.name)
def test_a_corpus_document_validates_against_the_published_schema(idoc_type):
    schema = etree.XMLSchema(etree.parse(str(CONTRACTS / f"{idoc_type.name}.xsd")))
    document = etree.fromstring(corpus(idoc_type))

    assert schema.validate(document), schema.error_log


@pytest.mark.unit
@pytest.mark.parametrize("idoc_type", TYPES, ids=lambda t: t.name)
def test_a_corpus_document_passes_the_emulators_syntax_check(idoc_type):
    [idoc] = parse_document(corpus(idoc_type))

    assert check_control(idoc) == []
    assert check_segments(idoc_type, idoc) == []


@pytest.mark.unit
@pytest.mark.parametrize("idoc_type", TYPES, ids=lambda t: t.name)
def test_a_corpus_document_fills_every_declared_field_of_every_segment(idoc_type):
    [idoc] = parse_document(corpus(idoc_type))
    found = filled(idoc.segments)
    left_empty = LEFT_EMPTY[idoc_type.name]

    missing = {}
    for segment in standard_segments(idoc_type):
        declared = {f.name for f in segment.fields}
        absent = declared - found.get(segment.name, set()) - left_empty.get(segment.name, set())
        missing[segment.name] = sorted(absent)
    assert {name: fields for name, fields in missing.items() if fields} == {}


@pytest.mark.unit
def test_the_material_corpus_carries_weights_of_sap_s_14_characters():
    [idoc] = parse_document(corpus(MATMAS05))
    header = idoc.segments[0]

    assert [header.get(name) for name in ("BRGEW", "NTGEW", "VOLUM")] == ["9999999999.999"] * 3


# --- through a real fake-sap serve --------------------------------------------------------------

def as_sent_to(sap: SapClient, idoc_type: IdocType) -> bytes:
    """The corpus document addressed to the test's client: SAP refuses a control record that
    names another client (EDI_DC40-MANDT)."""
    return re.sub(rb"<MANDT>\d+</MANDT>", f"<MANDT>{sap.number}</MANDT>".encode(),
                  corpus(idoc_type))


def post(sap: SapClient, idoc_type: IdocType) -> dict:
    response = sap.post_idocs(as_sent_to(sap, idoc_type))
    assert response.status_code == 200, response.text
    [listed] = [i for i in sap.idocs(direction="inbound")
                if i["docnum"] == re.search(r'FIRST_DOCNUM="(\d+)"', response.text)[1]]
    return sap.idoc(listed["docnum"])


def test_the_corpus_master_data_and_order_post_with_status_53(sap):
    statuses = [post(sap, t)["status"] for t in (MATMAS05, DEBMAS07, ORDERS05)]

    assert statuses == ["53", "53", "53"]


def test_the_corpus_delivery_has_no_inbound_process_code_and_gets_56(sap):
    shown = post(sap, DELVRY07)

    last = shown["status_records"][-1]
    assert (shown["status"], last["message_id"], last["message_number"]) == ("56", "E0", "414")


@pytest.mark.parametrize("idoc_type", TYPES, ids=lambda t: t.name)
def test_the_monitor_shows_every_field_of_a_corpus_idoc_as_sent(sap, idoc_type):
    [sent] = parse_document(corpus(idoc_type))

    shown = post(sap, idoc_type)

    assert shown["segments"] == [segment.to_dict() for segment in sent.segments]
