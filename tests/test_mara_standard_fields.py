"""Nothing standard is dropped: a MATMAS05 IDoc whose E1MARAM fills every standard field at
its maximum length (the IDoc corpus document, some units as ISO codes) is stored in MARA
field by field, and given back three ways through a real ``fake-sap serve``: by
RFC_READ_TABLE, by BAPI_MATERIAL_GET_DETAIL, and in the E1MARAM of an outbound MATMAS05
(BD10)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from idoc_builders import material, packet
from rfc_client import RfcSession, read_table

from fake_sap.ale.inbound import matmas
from fake_sap.basis.iso_codes import BASELINE
from fake_sap.ddic.tables.material import MARA
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import MATMAS05
from fake_sap.rfc.functions import material as material_functions
from fake_sap.rfc.read_table import LINE_WIDTH
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

CORPUS = Path(__file__).parent / "data" / "idoc_corpus" / "MATMAS05.xml"
MATNR = "CORPUS-MATERIAL-01"
#: unit fields sent as ISO codes (T006-ISOCODE) instead of the corpus's internal codes
ISO_UNITS = {"BSTME": ("ST", "PCE"), "MEABM": ("M", "MTR"), "ERGEI": ("KG", "KGM")}
PACKED = {"QUAN", "DEC", "CURR"}
PARTNER = "MDMCLNT100"


def sent_document(number: str) -> bytes:
    xml = CORPUS.read_text(encoding="utf-8")
    xml = re.sub(r"<MANDT>\d+</MANDT>", f"<MANDT>{number}</MANDT>", xml)
    header_end = xml.index("<E1MAKTM")  # the units of E1MARAM only
    head, rest = xml[:header_end], xml[header_end:]
    for field, (internal, iso) in ISO_UNITS.items():
        head = head.replace(f"<{field}>{internal}</{field}>", f"<{field}>{iso}</{field}>")
    return (head + rest).encode("utf-8")


@pytest.fixture(scope="module")
def posted(sap_server) -> dict[str, Any]:
    """The corpus material posted into a client of its own, with what was sent."""
    sap: SapClient = sap_server.new_client()
    document = sent_document(sap.number)
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    [inbound] = sap.idocs(direction="inbound")
    assert sap.idoc(inbound["docnum"])["status"] == "53"
    [idoc] = parse_document(document)
    header = idoc.segments[0]
    return {"sap": sap, "sent": {name: header.get(name) for name in matmas._OTHER_FIELDS},
            "header": dict(header.values)}


def internal_unit(code: str) -> str:
    return BASELINE.units.internal(code) or code


def expected(name: str, sent: str) -> str:
    """The MARA value of a sent E1MARAM field: units as internal codes, NUMC zero-padded."""
    declared = MARA.field(name)
    assert declared is not None
    if declared.type.type.value == "UNIT":
        return internal_unit(sent)
    if declared.type.type.value == "NUMC":
        return sent.zfill(declared.type.length)
    return sent


def same(name: str, shown: str, stored: str) -> bool:
    declared = MARA.field(name)
    assert declared is not None
    if declared.type.type.value in PACKED:
        return Decimal(shown.strip() or "0") == Decimal(stored or "0")
    return shown.strip() == stored


def in_data_line(name: str, value: str) -> str:
    """How RFC_READ_TABLE shows a stored value in DATA: a packed number with its decimals
    in the field's dictionary length, ``*`` and the rest when the point makes it too long
    (SAP's behaviour: a DEC 3.1 of 99.0 comes back as ``*.0``)."""
    declared = MARA.field(name)
    assert declared is not None
    if declared.type.type.value not in PACKED:
        return value
    text = f"{Decimal(value or '0').quantize(Decimal(1).scaleb(-declared.type.decimals)):f}"
    length = declared.type.length
    return text if len(text) <= length else "*" + text[len(text) - length + 1:]


def test_the_idoc_fills_the_other_standard_fields_of_mara_at_their_maximum_length(posted):
    sent = posted["sent"]
    assert {"BLANZ", "EKWSL", "GROES", "LAENG", "BREIT", "HOEHE", "VOLUM", "MSTDE",
            "RMATP"} <= sent.keys()
    assert sent["GROES"] == "GROES" + "Z" * 27  # the 32 characters of MARA-GROES
    assert all(sent[name] for name in sent if name != "KZKFG"), \
        [name for name in sent if not sent[name]]


def test_rfc_read_table_gives_back_every_field_as_it_was_sent(posted):
    session = RfcSession(posted["sap"])
    sent = posted["sent"]
    names = list(sent)
    shown: dict[str, str] = {}
    try:
        while names:  # as many fields per call as a DATA line holds
            chunk, width = [], len(MATNR)
            while names and width + 1 + MARA.field(names[0]).type.width <= LINE_WIDTH:
                width += 1 + MARA.field(names[0]).type.width  # type: ignore[union-attr]
                chunk.append(names.pop(0))
            [line] = read_table(session, "MARA", where=f"MATNR = '{MATNR}'",
                                fields=["MATNR", *chunk], DELIMITER="|")
            shown.update(zip(chunk, line.split("|")[1:], strict=False))
    finally:
        session.close()
    assert set(shown) == set(sent)
    wrong = {name: (shown[name], expected(name, sent[name])) for name in sent
             if shown[name].strip() != in_data_line(name, expected(name, sent[name]))}
    assert wrong == {}
    assert shown["BSTME"].strip() == "ST" and shown["MEABM"].strip() == "M"
    # all 13 digits of a QUAN 13.3 and the point are one more than its length
    assert shown["LAENG"] == "*99999999.999"


def test_bapi_material_get_detail_gives_back_the_fields_its_structure_declares(posted):
    session = RfcSession(posted["sap"])
    try:
        detail = session.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=MATNR)
    finally:
        session.close()
    general = detail["MATERIAL_GENERAL_DATA"]
    header = posted["header"]
    for bapi_field, column in material_functions.GENERAL_COLUMNS.items():
        name = column.upper()
        assert same(name, str(general[bapi_field]), expected(name, header.get(name, ""))), \
            bapi_field
    assert Decimal(str(general["NET_WEIGHT"])) == Decimal("9999999999.999")


def test_an_outbound_matmas_carries_every_field_back(posted):
    sap: SapClient = posted["sap"]
    receiver = IdocReceiver()
    try:
        sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])
        assert sap.send_master_data("MATMAS", PARTNER, objects=[MATNR])["created"] == 1
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()
    [idoc] = parse_document(received.body)
    fields = idoc.segments[0].values
    sent = posted["sent"]
    wrong = {}
    for name, value in sent.items():
        if not value:
            continue
        back = fields.get(name, "")
        declared = MARA.field(name)
        assert declared is not None
        if declared.type.type.value == "UNIT":
            ok = internal_unit(back) == expected(name, value)
        else:
            ok = same(name, back, expected(name, value))
        if not ok:
            wrong[name] = (back, value)
    assert wrong == {}
    # units leave as ISO codes, as they came
    assert (fields["BSTME"], fields["MEABM"], fields["ERGEI"]) == ("PCE", "MTR", "KGM")


def test_a_later_matmas_replaces_the_other_fields_and_a_bapi_change_keeps_them(sap):
    # the second IDoc leaves GROES out: a MATMAS replaces the general data, so it is initial
    first = material("4800", "Frame", GROES="10x20", EKWSL="EKWS", BLANZ="7", MEABM="MTR")
    second = material("4800", "Frame", EKWSL="EK2")
    session = RfcSession(sap)
    try:
        assert sap.post_idocs(packet(MATMAS05, [first])).status_code == 200
        assert general_fields(session) == ["10x20", "EKWS", "007", "M"]
        assert sap.post_idocs(packet(MATMAS05, [second])).status_code == 200
        assert general_fields(session) == ["", "EK2", "000", ""]
        # BAPI_MATERIAL_SAVEDATA changes only what its checkboxes name
        saved = session.call("BAPI_MATERIAL_SAVEDATA",
                             HEADDATA={"MATERIAL": "4800", "BASIC_VIEW": "X"},
                             CLIENTDATA={"MATL_GROUP": "NEWGROUP"},
                             CLIENTDATAX={"MATL_GROUP": "X"})
        assert saved["RETURN"]["TYPE"] == "S", saved["RETURN"]
        session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
        assert general_fields(session) == ["", "EK2", "000", ""]
    finally:
        session.close()


def general_fields(session: RfcSession) -> list[str]:
    [line] = read_table(session, "MARA", where="MATNR = '000000000000004800'",
                        fields=["GROES", "EKWSL", "BLANZ", "MEABM"], DELIMITER="|")
    return [value.strip() for value in line.split("|")]


def test_the_plant_fields_of_an_e1marcm_are_stored_in_marc_and_sent_back(sap):
    idoc = material("4900", "Valve")
    [header] = idoc.segments
    header.children.append(SegmentData("E1MARCM", {
        "MSGFN": "005", "WERKS": "1000", "DISPO": "001", "PLIFZ": "12", "MINBE": "25.000",
        "BESKZ": "F", "AUSME": "PCE"}))
    session = RfcSession(sap)
    try:
        assert sap.post_idocs(packet(MATMAS05, [idoc])).status_code == 200
        [line] = read_table(session, "MARC", where="MATNR = '000000000000004900'",
                            fields=["DISPO", "PLIFZ", "MINBE", "BESKZ", "AUSME", "MAABC"],
                            DELIMITER="|")
    finally:
        session.close()
    dispo, plifz, minbe, beskz, ausme, maabc = (value.strip() for value in line.split("|"))
    assert (dispo, int(plifz), Decimal(minbe), beskz, ausme, maabc) == (
        "001", 12, Decimal(25), "F", "ST", "")  # the unit as its internal code

    receiver = IdocReceiver()
    try:
        sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])
        sap.send_master_data("MATMAS", PARTNER, objects=["4900"])
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()
    [sent] = parse_document(received.body)
    plant = sent.segments[0].first("E1MARCM")
    assert plant is not None
    assert (plant.get("DISPO"), plant.get("BESKZ"), plant.get("AUSME")) == ("001", "F", "PCE")
    assert Decimal(plant.get("MINBE")) == Decimal(25)
