"""The code tables of the ISO conversion maintained through the control API, against real
servers: a unit added to a client's T006 (CUNI) is converted at the ALE boundary and in the
sales BAPIs and passes the material checks (M3 351); deleted, its ISO code is VII 003 again;
entries survive a restart, a second process on the same database sees a change with its next
request, and bad input is refused with 400 (or 409 for a second primary entry) with nothing
stored."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from idoc_builders import SapTables, docnums, last_status_text, material, packet, trail
from rfc_client import RfcSession, read_table

from fake_sap.db.schema import customizing, mara
from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import FakeSapProcess, SapClient

CORPUS = Path(__file__).parent / "data" / "idoc_corpus"
POSTED, REFUSED = ["50", "64", "53"], ["50", "64", "51"]
#: the carton, UN/ECE Recommendation 20 code CT; not in the baseline T006
CARTON = ("KAR", "CT")


@pytest.fixture
def tables(sap: SapClient) -> SapTables:
    return SapTables(sap.server.db_url, sap.number)


@pytest.fixture
def session(sap: SapClient) -> Iterator[RfcSession]:
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


@pytest.fixture
def second_process(sap: SapClient) -> Iterator[FakeSapProcess]:
    """Another server process on the shared server's database."""
    server = FakeSapProcess.start(sap.server.db_url, workers=1)
    yield server
    server.stop()


def post_material(sap: SapClient, matnr: str, meins: str) -> str:
    response = sap.post_idocs(packet(MATMAS05, [material(matnr, MEINS=meins)]))
    assert response.status_code == 200, response.text
    [docnum] = docnums(response)
    return docnum


def post_corpus(sap: SapClient, name: str, *replacements: tuple[str, str]) -> None:
    document = (CORPUS / f"{name}.xml").read_text(encoding="utf-8")
    document = re.sub(r"<MANDT>\d+</MANDT>", f"<MANDT>{sap.number}</MANDT>", document)
    for old, new in replacements:
        document = document.replace(old, new)
    response = sap.post_idocs(document.encode())
    assert response.status_code == 200, response.text
    docnum = re.search(r'FIRST_DOCNUM="(\d+)"', response.text)[1]  # type: ignore[index]
    assert trail(sap, docnum)[-1] == "53", sap.idoc(docnum)["status_records"][-1]


def status_of(call: Any) -> int:
    with pytest.raises(httpx.HTTPStatusError) as refused:
        call()
    return refused.value.response.status_code


# --- a unit added through the API --------------------------------------------------------------

def test_a_unit_added_through_the_api_is_converted_inbound(sap, tables):
    added = sap.add_unit(*CARTON, dimid="AAAADL", zaehl=1, nennr=1)

    docnum = post_material(sap, "M-CARTON", "CT")

    assert (added["MSEHI"], added["ISOCODE"], added["PRIMARY"]) == ("KAR", "CT", "X")
    assert trail(sap, docnum) == POSTED
    assert tables.row(mara, matnr="M-CARTON")["meins"] == "KAR"


def test_the_unit_is_known_to_the_material_checks_without_a_customizing_key(sap, tables,
                                                                             session):
    sap.add_unit(*CARTON)

    result = session.call(
        "BAPI_MATERIAL_SAVEDATA",
        HEADDATA={"MATERIAL": "M-BAPI", "MATL_TYPE": "FERT", "IND_SECTOR": "M",
                  "BASIC_VIEW": "X"},
        CLIENTDATA={"BASE_UOM": "KAR"}, CLIENTDATAX={"BASE_UOM": "X"},
        MATERIALDESCRIPTION=[{"LANGU": "E", "MATL_DESC": "Cartons"}])

    assert result["RETURN"]["TYPE"] == "S", result["RETURN"]
    assert tables.rows(customizing, tabname="T006") == []


def test_a_unit_added_through_the_api_is_accepted_in_s_unit_iso(sap, session):
    sap.add_unit(*CARTON, dimid="AAAADL")
    post_corpus(sap, "MATMAS05", ("<MEINS>ST</MEINS>", "<MEINS>CT</MEINS>"),
                ("<VRKME>ST</VRKME>", "<VRKME>CT</VRKME>"))
    post_corpus(sap, "DEBMAS07")

    result = session.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00"},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": "CORPUS0001"}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": "CORPUS-MATERIAL-01",
                         "S_UNIT_ISO": "CT"}],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": "10", "REQ_QTY": "2"}])

    assert result["SALESDOCUMENT"], result["RETURN"]
    assert session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    [line] = session.call("BAPI_SALESORDER_GETSTATUS",
                          SALESDOCUMENT=result["SALESDOCUMENT"])["STATUSINFO"]
    assert (line["SALES_UNIT"], line["S_UNIT_ISO"]) == ("KAR", "CT")


def test_a_deleted_unit_no_longer_converts(sap, tables):
    sap.add_unit(*CARTON)
    assert trail(sap, post_material(sap, "M-1", "CT")) == POSTED

    sap.delete_code_entry("units", "KAR")
    docnum = post_material(sap, "M-2", "CT")

    assert trail(sap, docnum) == REFUSED
    assert last_status_text(sap, docnum) == \
        "ISO conversion error for CT in segment 000001 (E1MARAM), field MEINS"
    assert tables.row(mara, matnr="M-2") is None
    assert status_of(lambda: sap.control_api("GET", "units/KAR")) == 404


def test_read_table_shows_added_entries_of_all_three_tables(sap, session):
    sap.add_unit(*CARTON)
    sap.put_code_entry("currencies", "GBP", {"ISOCD": "GBP", "ALTWR": "826",
                                             "XPRIMARY": "X"})
    sap.put_code_entry("countries", "GB", {"INTCA": "GB", "INTCA3": "GBR", "INTCN3": "826"})

    units = read_table(session, "T006", fields=["MSEHI", "ISOCODE"], where="MSEHI = 'KAR'",
                       DELIMITER="|")
    currencies = read_table(session, "TCURC", fields=["WAERS", "ISOCD"],
                            where="WAERS = 'GBP'", DELIMITER="|")
    countries = read_table(session, "T005", fields=["LAND1", "INTCA3"], where="LAND1 = 'GB'",
                           DELIMITER="|")

    assert [[value.strip() for value in line.split("|")]
            for line in (*units, *currencies, *countries)] == [
        ["KAR", "CT"], ["GBP", "GBP"], ["GB", "GBR"]]
    assert [e["WAERS"] for e in sap.code_entries("currencies")] == ["CNY", "EUR", "GBP", "USD"]


# --- other processes -----------------------------------------------------------------------------

def test_a_second_process_sees_a_change_with_its_next_request(sap, tables, second_process):
    other = second_process.client(sap.number)
    # the other process has read the client's codes before the change
    assert trail(other, post_material(other, "M-1", "PCE")) == POSTED

    sap.add_unit(*CARTON)
    added = post_material(other, "M-2", "CT")
    sap.delete_code_entry("units", "KAR")
    deleted = post_material(other, "M-3", "CT")

    assert (trail(other, added), trail(other, deleted)) == (POSTED, REFUSED)
    assert tables.row(mara, matnr="M-2")["meins"] == "KAR"


def test_an_entry_survives_a_restart(sap):
    sap.add_unit(*CARTON, dimid="AAAADL")

    restarted = FakeSapProcess.start(sap.server.db_url, workers=1)
    try:
        entry = restarted.client(sap.number).control_api("GET", "units/KAR")
    finally:
        restarted.stop()

    assert (entry["ISOCODE"], entry["PRIMARY"], entry["DIMID"]) == ("CT", "X", "AAAADL")


def test_a_client_reset_brings_back_the_baseline_entries_only(sap):
    sap.add_unit(*CARTON)
    sap.delete_code_entry("countries", "DE")

    sap.control_api("POST", "reset")

    assert "KAR" not in [e["MSEHI"] for e in sap.code_entries("units")]
    assert [e["LAND1"] for e in sap.code_entries("countries")] == ["CN", "DE", "US"]
    assert trail(sap, post_material(sap, "M-1", "CT")) == REFUSED


def fake_sap_codes(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fake_sap.cli", "codes", *arguments],
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_command_line_twin_writes_what_the_running_server_then_converts(sap):
    database = ("--db", sap.server.db_url, "--client", sap.number)

    put = fake_sap_codes("put", "units", "KAR", "ISOCODE=CT", "PRIMARY=X", "ZAEHL=1",
                         *database)
    posted = post_material(sap, "M-1", "CT")
    listed = fake_sap_codes("list", "units", *database)
    refused = fake_sap_codes("put", "units", "STK", "ISOCODE=PCE", "PRIMARY=X", *database)
    deleted = fake_sap_codes("delete", "units", "KAR", *database)

    assert put.returncode == 0, put.stderr
    assert json.loads(put.stdout)["ZAEHL"] == 1
    assert trail(sap, posted) == POSTED
    assert "KAR" in [entry["MSEHI"] for entry in json.loads(listed.stdout)]
    assert (refused.returncode, "already flagged primary for ST" in refused.stderr) == (1, True)
    assert deleted.returncode == 0, deleted.stderr
    assert trail(sap, post_material(sap, "M-2", "CT")) == REFUSED


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "body", "names"), [
    ("KAR", {"ISOCODE": "ct"}, "'ISOCODE'"),
    ("KAR", {"ISOCODE": "CTNS"}, "'ISOCODE'"),
    ("KAR", {"ISOCODE": "CT", "DIMID": "DIMENSION"}, "'DIMID'"),
    ("KAR", {"ISOCODE": "CT", "PRIMARY": "Y"}, "'PRIMARY'"),
    ("KAR", {"ISOCODE": "CT", "EXP10": 40000}, "'EXP10'"),
    ("KAR", {"ISOCODE": "CT", "CARTON": "X"}, "no field CARTON"),
    ("KARTON", {"ISOCODE": "CT"}, "T006-MSEHI"),
])
def test_bad_input_is_400_naming_the_field_and_nothing_is_stored(sap, key, body, names):
    with pytest.raises(httpx.HTTPStatusError) as refused:
        sap.put_code_entry("units", key, body)

    assert refused.value.response.status_code == 400
    assert refused.value.response.json()["error"] == "BAD_REQUEST"
    assert names in refused.value.response.json()["message"]
    assert key not in [e["MSEHI"] for e in sap.code_entries("units")]


def test_a_second_primary_entry_for_an_iso_code_is_409_and_nothing_is_stored(sap):
    with pytest.raises(httpx.HTTPStatusError) as refused:
        sap.add_unit("STK", "PCE")  # ST is the primary unit of PCE

    assert refused.value.response.status_code == 409
    assert "ST" in refused.value.response.json()["message"]
    assert "STK" not in [e["MSEHI"] for e in sap.code_entries("units")]
    # without the flag it may share the code, as PC does
    assert sap.add_unit("STK", "PCE", primary=False)["PRIMARY"] == ""


def test_an_unknown_client_or_entry_is_404(sap):
    assert status_of(lambda: sap.delete_code_entry("countries", "XX")) == 404
    assert status_of(lambda: sap.server.client("999").code_entries("units")) == 404


def test_the_pytest_fixture_adds_a_unit_in_one_line(fake_sap):
    fake_sap.add_unit("KAR", "CT")

    posted = fake_sap.post_idocs(fake_sap.material("M-PLUGIN", MEINS="CT"))

    [docnum] = posted.docnums
    assert fake_sap.status(docnum) == "53", fake_sap.idoc(docnum)["status_records"][-1]
