"""A material master IDoc written the way an SAP ECC sender writes it, not the way the
emulator's own writer does: the full control record with the sender's DOCNUM and ports,
every E1MARAM field in SAP's order as a real sender fills it (document data such as BLANZ
and EKWSL included, zeros and empty values as SAP writes them), the weight unit and the
base unit as ISO codes, and the plant, warehouse, sales and tax segments a BD10 run adds.

Fast check (``unit``): the document validates against the published schema and the
emulator's own syntax check. Through a real ``fake-sap serve``: it posts with status 53,
and RFC_READ_TABLE gives back the standard fields no posting logic uses (MARA-BLANZ,
MARA-EKWSL) and the units in their internal form.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from rfc_client import RfcSession, read_table

from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import MATMAS05
from fake_sap.idoc.validation import check_control, check_segments
from fake_sap.testing.process import SapClient

ECC_MATERIAL = Path(__file__).parent / "data" / "outside_in" / "MATMAS05_ecc_sender.xml"
SCHEMA = Path(__file__).parent.parent / "contracts" / "idoc" / "MATMAS05.xsd"


@pytest.mark.unit
def test_an_ecc_written_material_idoc_validates_against_the_published_schema():
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))

    assert schema.validate(etree.parse(str(ECC_MATERIAL))), schema.error_log


@pytest.mark.unit
def test_an_ecc_written_material_idoc_passes_the_emulators_syntax_check():
    [idoc] = parse_document(ECC_MATERIAL.read_bytes())

    assert check_control(idoc) == []
    assert check_segments(MATMAS05, idoc) == []


def as_sent_to(sap: SapClient) -> bytes:
    """The document addressed to the test's client (EDI_DC40-MANDT)."""
    return re.sub(rb"<MANDT>\d+</MANDT>", f"<MANDT>{sap.number}</MANDT>".encode(),
                  ECC_MATERIAL.read_bytes())


def test_an_ecc_written_material_idoc_posts_and_its_unused_standard_fields_come_back(sap):
    response = sap.post_idocs(as_sent_to(sap))
    assert response.status_code == 200, response.text
    docnum = re.search(r'FIRST_DOCNUM="(\d+)"', response.text)[1]
    assert sap.idoc(docnum)["status"] == "53", sap.idoc(docnum)["status_records"]

    session = RfcSession(sap)
    try:
        [row] = read_table(session, "MARA", where="MATNR = 'OI-PUMP-4711'",
                           fields=["BLANZ", "EKWSL", "MEINS", "GEWEI", "MTPOS_MARA"],
                           DELIMITER="|")
    finally:
        session.close()

    # PCE and KGM are the ISO codes (T006-ISOCODE) of the internal units ST and KG
    assert [value.strip() for value in row.split("|")] == ["000", "0006", "ST", "KG", "NORM"]
