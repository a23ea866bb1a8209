"""Units of measure for material (MARM), against the real server: BAPI_MATERIAL_SAVEDATA
stores UNITSOFMEASURE rows as its checkboxes say (units given as ISO codes converted),
a MATMAS05 IDoc stores its E1MARMM segments, RFC_READ_TABLE reads MARM, and BD10 sends the
units back as E1MARMM with ISO codes. A unit without a conversion is refused: M3 351 from
the BAPI, VII 003 (status 51) for an IDoc, with nothing stored."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import requests
import zeep
from idoc_builders import SapTables, docnums, last_status_text, material, packet, trail
from rfc_client import RfcSession, read_table, save_material

from fake_sap.basis.iso_codes import BASELINE
from fake_sap.db.schema import marm
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import MATMAS05
from fake_sap.rfc.functions.material_structures import BAPI_MARM, BAPI_MARMX
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

POSTED = ["50", "64", "53"]
PARTNER = "CRMCLNT100"
#: MARM fields RFC_READ_TABLE is asked for
FIELDS = ["MEINH", "UMREZ", "UMREN", "EAN11", "BRGEW", "GEWEI", "MEABM"]


@pytest.fixture
def session(sap: SapClient) -> Iterator[RfcSession]:
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


@pytest.fixture
def tables(sap: SapClient) -> SapTables:
    return SapTables(sap.server.db_url, sap.number)


def units(session: RfcSession, matnr: str) -> dict[str, list[str]]:
    """The MARM rows of a material by unit, as RFC_READ_TABLE shows them (trimmed)."""
    lines = read_table(session, "MARM", where=f"MATNR = '{matnr}'", fields=FIELDS,
                       DELIMITER="|")
    rows = [[value.strip() for value in line.split("|")] for line in lines]
    return {row[0]: row[1:] for row in rows}


def with_units(idoc: Idoc, *segments: dict[str, str]) -> Idoc:
    """The MATMAS IDoc with E1MARMM segments after its E1MAKTM (SAP's segment order)."""
    header = idoc.segments[0]
    header.children.extend(SegmentData("E1MARMM", {"MSGFN": "005", **values})
                           for values in segments)
    return idoc


def post_one(sap: SapClient, idoc: Idoc) -> str:
    response = sap.post_idocs(packet(MATMAS05, [idoc]))
    assert response.status_code == 200, response.text
    [docnum] = docnums(response)
    return docnum


# --- BAPI_MATERIAL_SAVEDATA -----------------------------------------------------------------

BOX = {"ALT_UNIT_ISO": "BX", "NUMERATOR": Decimal(12), "DENOMINATR": Decimal(1),
       "EAN_UPC": "4006381333931", "GROSS_WT": Decimal("6.5"), "UNIT_OF_WT_ISO": "KGM"}
BOX_FLAGS = {"ALT_UNIT_ISO": "BX", "NUMERATOR": "X", "DENOMINATR": "X", "GROSS_WT": "X",
             "UNIT_OF_WT_ISO": "X"}


def test_savedata_stores_the_flagged_fields_of_a_unit_given_as_iso_code(session):
    saved = save_material(session, "4711", UNITSOFMEASURE=[BOX], UNITSOFMEASUREX=[BOX_FLAGS])
    assert saved["RETURN"]["TYPE"] == "S", saved["RETURN"]
    assert units(session, "000000000000004711") == {}  # nothing before the commit

    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    # EAN_UPC has no checkbox set: not taken
    assert units(session, "000000000000004711") == {
        "BOX": ["12", "1", "", "6.500", "KG", ""]}


def test_savedata_changes_only_the_flagged_fields_of_a_stored_unit(session):
    save_material(session, "4711", UNITSOFMEASURE=[BOX], UNITSOFMEASUREX=[BOX_FLAGS])
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    changed = session.call(
        "BAPI_MATERIAL_SAVEDATA", HEADDATA={"MATERIAL": "4711", "BASIC_VIEW": "X"},
        UNITSOFMEASURE=[{"ALT_UNIT": "BOX", "NUMERATOR": Decimal(24), "GROSS_WT": 1}],
        UNITSOFMEASUREX=[{"ALT_UNIT": "BOX", "NUMERATOR": "X"}])
    assert changed["RETURN"]["TYPE"] == "S", changed["RETURN"]
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    assert units(session, "000000000000004711") == {"BOX": ["24", "1", "", "6.500", "KG", ""]}


def test_savedata_removes_a_unit_whose_del_flag_is_set(session):
    save_material(session, "4711", UNITSOFMEASURE=[BOX], UNITSOFMEASUREX=[BOX_FLAGS])
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    session.call("BAPI_MATERIAL_SAVEDATA", HEADDATA={"MATERIAL": "4711", "BASIC_VIEW": "X"},
                 UNITSOFMEASURE=[{"ALT_UNIT": "BOX", "DEL_FLAG": "X"}])
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    assert units(session, "000000000000004711") == {}


@pytest.mark.parametrize(("row", "field"), [
    ({"ALT_UNIT_ISO": "XYZ", "NUMERATOR": Decimal(2)}, "ALT_UNIT"),
    ({"ALT_UNIT": "BOX", "NUMERATOR": Decimal(2), "UNIT_OF_WT_ISO": "XYZ"}, "UNIT_OF_WT"),
])
def test_savedata_refuses_a_unit_without_an_iso_conversion_and_stores_nothing(
        session, row, field):
    flags = {"ALT_UNIT": row.get("ALT_UNIT", ""), "ALT_UNIT_ISO": row.get("ALT_UNIT_ISO", ""),
             "NUMERATOR": "X", "UNIT_OF_WT_ISO": "X"}
    result = save_material(session, "4711", UNITSOFMEASURE=[row], UNITSOFMEASUREX=[flags])

    returned = result["RETURN"]
    assert (returned["TYPE"], returned["ID"], returned["NUMBER"]) == ("E", "M3", "351")
    assert (returned["PARAMETER"], returned["FIELD"]) == ("UNITSOFMEASURE", field)
    assert "XYZ" in returned["MESSAGE"]
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert session.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["RETURN"]["TYPE"] == "E"
    assert units(session, "000000000000004711") == {}


# --- MATMAS05 E1MARMM -------------------------------------------------------------------------

def test_an_e1marmm_is_stored_in_marm_with_internal_units(sap, session):
    idoc = with_units(material("M-1", MEINS="PCE"),
                      {"MEINH": "BX", "UMREZ": "12", "UMREN": "1", "BRGEW": "6.5",
                       "GEWEI": "KGM", "MEABM": "MTR"})

    docnum = post_one(sap, idoc)

    assert trail(sap, docnum) == POSTED
    assert units(session, "M-1") == {"BOX": ["12", "1", "", "6.500", "KG", "M"]}


def test_an_e1marmm_with_msgfn_003_removes_the_unit(sap, session):
    post_one(sap, with_units(material("M-1"), {"MEINH": "BX", "UMREZ": "12", "UMREN": "1"},
                             {"MEINH": "KGM", "UMREZ": "1", "UMREN": "4"}))
    removal = with_units(material("M-1"))
    removal.segments[0].children.append(SegmentData("E1MARMM", {"MSGFN": "003",
                                                                "MEINH": "BX"}))
    assert trail(sap, post_one(sap, removal)) == POSTED

    assert set(units(session, "M-1")) == {"KG"}


def test_an_e1marmm_unit_without_an_iso_conversion_is_vii_003_and_nothing_is_stored(
        sap, tables):
    idoc = with_units(material("M-1"), {"MEINH": "XYZ", "UMREZ": "12", "UMREN": "1"})

    docnum = post_one(sap, idoc)

    assert trail(sap, docnum) == ["50", "64", "51"]
    # E1MARAM 1, E1MAKTM 2, E1MARMM 3
    assert last_status_text(sap, docnum) == \
        "ISO conversion error for XYZ in segment 000003 (E1MARMM), field MEINH"
    assert tables.row(marm, matnr="M-1", meinh="XYZ") is None


def test_bd10_sends_the_units_back_as_e1marmm_with_iso_codes(sap):
    post_one(sap, with_units(material("M-1", MEINS="PCE"),
                             {"MEINH": "BX", "UMREZ": "12", "UMREN": "1",
                              "EAN11": "4006381333931", "BRGEW": "6.5", "GEWEI": "KGM"}))
    receiver = IdocReceiver()
    try:
        sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])
        assert sap.send_master_data("MATMAS", PARTNER, objects=["M-1"])["created"] == 1
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()

    [idoc] = parse_document(received.body)
    [unit] = idoc.segments[0].all("E1MARMM")
    # quantities with all their decimals, zero included, as a MATMAS05 written by SAP ECC
    # carries them (LAENG 0.000, BRGEW 1.000)
    assert unit.values == {"MSGFN": "005", "MEINH": "BX", "UMREZ": "12", "UMREN": "1",
                           "EAN11": "4006381333931", "LAENG": "0.000", "BREIT": "0.000",
                           "HOEHE": "0.000", "VOLUM": "0.000", "BRGEW": "6.500",
                           "GEWEI": "KGM", "NEST_FTR": "0", "MAX_STACK": "0",
                           "CAPAUSE": "0.000"}
    # SAP's segment order: E1MARMM after the texts, before valuation and sales
    names = [segment.name for segment in idoc.segments[0].children]
    assert names.index("E1MARMM") > names.index("E1MAKTM")


# --- the dictionary -----------------------------------------------------------------------------

def test_ddif_fieldinfo_get_describes_marm_with_its_key_and_the_fields_not_kept(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="MARM", LANGU="E")
    assert result["DDOBJTYPE"] == "TRANSP"
    fields = {row["FIELDNAME"]: row for row in result["DFIES_TAB"]}
    assert list(fields)[:5] == ["MANDT", "MATNR", "MEINH", "UMREZ", "UMREN"]
    assert [name for name, row in fields.items() if row["KEYFLAG"] == "X"] == \
        ["MANDT", "MATNR", "MEINH"]
    assert (fields["UMREZ"]["DATATYPE"], fields["UMREZ"]["LENG"]) == ("DEC", "000005")
    assert (fields["MAX_STACK"]["DATATYPE"], fields["CAPAUSE"]["DECIMALS"]) == \
        ("INT1", "000003")
    # declared but not kept: described, and read as its initial value
    assert fields["XFHDW"]["FIELDTEXT"] == "Leading batch-specific unit of measure"


def test_rfc_read_table_reads_marm_without_fields_and_filters_on_a_field_not_kept(
        sap, session):
    post_one(sap, with_units(material("M-1"), {"MEINH": "BX", "UMREZ": "12", "UMREN": "1"}))

    [line] = read_table(session, "MARM", where="MATNR = 'M-1' AND XFHDW = ' '")

    assert line.startswith(f"{sap.number}M-1")
    assert "BOX" in line


# --- zeep, through the WSDL -------------------------------------------------------------------

def test_zeep_sends_every_field_of_bapi_marm_and_the_unit_is_stored(sap, session):
    http = requests.Session()
    http.auth = sap.auth
    transport = zeep.transports.Transport(session=http)

    def service(name: str) -> zeep.Client:
        # one HTTP session for both calls: the LUW is the session's
        return zeep.Client(f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                           f"&sap-client={sap.number}", transport=transport).service

    unit = {"ALT_UNIT": "", "ALT_UNIT_ISO": "BX", "NUMERATOR": Decimal(12),
            "DENOMINATR": Decimal(1), "EAN_UPC": "4006381333931", "EAN_CAT": "HE",
            "LENGTH": Decimal("0.4"), "WIDTH": Decimal("0.3"), "HEIGHT": Decimal("0.2"),
            "UNIT_DIM": "", "UNIT_DIM_ISO": "MTR", "VOLUME": Decimal("24"),
            "VOLUMEUNIT": "L", "VOLUMEUNIT_ISO": "", "GROSS_WT": Decimal("6.5"),
            "UNIT_OF_WT": "", "UNIT_OF_WT_ISO": "KGM", "DEL_FLAG": "", "SUB_UOM": "ST",
            "SUB_UOM_ISO": "", "GTIN_VARIANT": "01", "NESTING_FACTOR": Decimal(10),
            "MAXIMUM_STACKING": 4, "CAPACITY_USAGE": Decimal("1.5"),
            "EWM_CW_UOM_TYPE": ""}
    assert set(unit) == {f.name for f in BAPI_MARM.fields}
    flags = {f.name: "X" for f in BAPI_MARMX.fields}
    flags.update(ALT_UNIT="", ALT_UNIT_ISO="BX")
    try:
        saved = service("BAPI_MATERIAL_SAVEDATA").BAPI_MATERIAL_SAVEDATA(
            HEADDATA={"MATERIAL": "4711", "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                      "BASIC_VIEW": "X"},
            CLIENTDATA={"BASE_UOM": "ST"}, CLIENTDATAX={"BASE_UOM": "X"},
            MATERIALDESCRIPTION={"item": [{"LANGU": "EN", "MATL_DESC": "Pump"}]},
            UNITSOFMEASURE={"item": [unit]}, UNITSOFMEASUREX={"item": [flags]},
            EXTENSIONIN={"item": [{"STRUCTURE": "BAPI_TE_MARA", "VALUEPART1": "4711"}]},
            NO_ROLLBACK_WORK="X")
        assert saved.RETURN.TYPE == "S", saved.RETURN.MESSAGE
        service("BAPI_TRANSACTION_COMMIT").BAPI_TRANSACTION_COMMIT(WAIT="X")
    finally:
        http.close()

    [line] = read_table(session, "MARM", where="MATNR = '000000000000004711'",
                        fields=["MEINH", "UMREZ", "MEABM", "VOLEH", "GEWEI", "MESUB",
                                "GTIN_VARIANT", "NEST_FTR", "MAX_STACK", "CAPAUSE"],
                        DELIMITER="|")
    assert [value.strip() for value in line.split("|")] == [
        "BOX", "12", "M", "L", "KG", "ST", "01", "10", "4", "1.500"]


# --- the IDoc corpus: every E1MARMM field at its maximum length ----------------------------------

CORPUS = Path(__file__).parent / "data" / "idoc_corpus" / "MATMAS05.xml"
CORPUS_MATNR = "CORPUS-MATERIAL-01"


def test_the_corpus_e1marmm_is_stored_field_by_field_and_sent_back_by_bd10(sap, tables):
    xml = re.sub(r"<MANDT>\d+</MANDT>", f"<MANDT>{sap.number}</MANDT>",
                 CORPUS.read_text(encoding="utf-8"))
    response = sap.post_idocs(xml.encode("utf-8"))
    assert response.status_code == 200, response.text
    [sent_idoc] = parse_document(xml.encode("utf-8"))
    [sent] = sent_idoc.segments[0].all("E1MARMM")
    assert len(sent.values) > 10  # the corpus fills the segment

    [row] = tables.rows(marm, matnr=CORPUS_MATNR)
    for name, value in sent.values.items():
        if name == "MSGFN":
            continue
        stored = row[name.lower()]
        assert stored == (BASELINE.units.internal(value) or value), name

    receiver = IdocReceiver()
    try:
        sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])
        assert sap.send_master_data("MATMAS", PARTNER, objects=[CORPUS_MATNR])["created"] == 1
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()
    [back] = parse_document(received.body)[0].segments[0].all("E1MARMM")
    # the same fields come back (units as ISO codes of the stored internal units)
    assert {name: BASELINE.units.internal(value) or value
            for name, value in back.values.items()} == \
        {name: BASELINE.units.internal(value) or value for name, value in sent.values.items()}
