"""RFC_READ_TABLE and DDIF_FIELDINFO_GET over the customizing tables (T001W, TVKO, TVTA ...)
against a running ``fake-sap serve``: a client reads its plants, sales areas and company
codes as it reads them in a real SAP, and a change of the client's customizing shows at
once (the tables are a read-only view over the customizing entries, not a copy).

The change is written to the client's customizing directly, as a customizing transport
would (SAP maintains T001W with transaction OX10; the emulator has no route for it).
"""

from __future__ import annotations

from typing import Any

import pytest
from rfc_client import RfcSession, read_table
from sqlalchemy import create_engine, insert, update

from fake_sap.db.schema import customizing
from fake_sap.testing.process import SapClient


@pytest.fixture
def session(sap: SapClient) -> Any:
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def test_t001w_with_fields_and_options(session):
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="T001W",
                          FIELDS=[{"FIELDNAME": "WERKS"}, {"FIELDNAME": "NAME1"},
                                  {"FIELDNAME": "VKORG"}],
                          OPTIONS=[{"TEXT": "WERKS = '1100'"}])
    assert [(f["FIELDNAME"], f["OFFSET"], f["LENGTH"], f["TYPE"]) for f in result["FIELDS"]] \
        == [("WERKS", "000000", "000004", "C"), ("NAME1", "000004", "000030", "C"),
            ("VKORG", "000034", "000004", "C")]
    assert [row["WA"] for row in result["DATA"]] == [
        "1100" + "Provincial warehouse".ljust(30) + "1000"]


def test_t001w_without_fields_gives_every_declared_field(session, sap):
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="T001W")
    fields = {f["FIELDNAME"]: f for f in result["FIELDS"]}
    assert list(fields)[:4] == ["MANDT", "WERKS", "NAME1", "BWKEY"]
    assert (fields["CHAZV_OLD"]["OFFSET"], fields["CHAZV_OLD"]["LENGTH"]) == ("000234",
                                                                              "000001")
    lines = [row["WA"] for row in result["DATA"]]
    assert [line[3:7] for line in lines] == ["1000", "1100"]  # in key order
    assert all(line[:3] == sap.number for line in lines)
    vkorg = int(fields["VKORG"]["OFFSET"])
    assert [line[vkorg:vkorg + 4] for line in lines] == ["1000", "1000"]
    # a field the baseline does not fill reads as its initial value
    land1 = int(fields["LAND1"]["OFFSET"])
    assert [line[land1:land1 + 3].strip() for line in lines] == ["", ""]


def test_a_multi_part_key_reads_as_its_fields(session):
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="TVTA", DELIMITER="|",
                          FIELDS=[{"FIELDNAME": n} for n in ("VKORG", "VTWEG", "SPART")],
                          OPTIONS=[{"TEXT": "VTWEG = '10' AND SPART = '00'"}])
    assert [row["WA"] for row in result["DATA"]] == ["1000|10|00"]
    assert read_table(session, "T001L", fields=["WERKS", "LGORT"],
                      where="LGORT = '0001' AND WERKS LIKE '11%'") == ["11000001"]


def test_a_field_that_is_not_one_of_the_table_is_refused(session):
    # the name of a sales organization is TVKOT-VTEXT, a field of the text table
    fault = session.fault("RFC_READ_TABLE", QUERY_TABLE="TVKO",
                          FIELDS=[{"FIELDNAME": "VKORG"}, {"FIELDNAME": "VTEXT"}])
    assert fault.name == "FIELD_NOT_VALID"


def test_a_change_of_the_clients_customizing_shows_at_once(session, sap):
    assert read_table(session, "T001W", fields=["WERKS", "NAME1"]) == [
        "1000Central warehouse", "1100Provincial warehouse"]
    engine = create_engine(sap.server.db_url)
    try:
        with engine.begin() as conn:
            conn.execute(update(customizing).where(
                customizing.c.mandt == sap.number, customizing.c.tabname == "T001W",
                customizing.c.tabkey == "1000").values(
                data={"NAME1": "Central warehouse Shanghai", "BWKEY": "1000",
                      "VKORG": "1000"}))
            conn.execute(insert(customizing), [{
                "mandt": sap.number, "tabname": "T001W", "tabkey": "1200",
                "data": {"NAME1": "Coastal warehouse", "BWKEY": "1200"}}])
    finally:
        engine.dispose()
    assert read_table(session, "T001W", fields=["WERKS", "NAME1", "VKORG"]) == [
        "1000Central warehouse Shanghai    1000", "1100Provincial warehouse          1000",
        "1200Coastal warehouse"]
    assert read_table(session, "T001W", fields=["WERKS"], where="BWKEY = '1200'") == ["1200"]


def test_another_clients_customizing_is_not_read(session, sap_server):
    other = sap_server.new_client()
    other_session = RfcSession(other)
    try:
        assert read_table(other_session, "T134", fields=["MANDT"]) == [other.number] * 8
        assert read_table(session, "TPAR", fields=["PARVW"]) == ["AG", "RE", "RG", "WE",
                                                                 "ZP"]
    finally:
        other_session.close()


def test_ddif_fieldinfo_get_describes_a_customizing_table(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="TVTA")
    assert result["DDOBJTYPE"] == "TRANSP"
    rows = {row["FIELDNAME"]: row for row in result["DFIES_TAB"]}
    assert [name for name, row in rows.items() if row["KEYFLAG"] == "X"] == [
        "MANDT", "VKORG", "VTWEG", "SPART"]
    kkber = rows["KKBER"]
    assert (kkber["DATATYPE"], kkber["LENG"], kkber["CHECKTABLE"]) == ("CHAR", "000004",
                                                                       "T014")


def test_ddif_fieldinfo_get_with_all_types_describes_a_data_element(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="WERKS_D", ALL_TYPES="X")
    wa = result["DFIES_WA"]
    assert (wa["TABNAME"], wa["ROLLNAME"], wa["DATATYPE"], wa["LENG"]) == (
        "WERKS_D", "WERKS_D", "CHAR", "000004")
    assert session.fault("DDIF_FIELDINFO_GET", TABNAME="WERKS_D").name == "NOT_FOUND"


def test_storage_locations_read_with_their_descriptions(session):
    # LGOBE is the baseline's description of the storage location, kept; SPART and the
    # other fields of T001L are blank, as the baseline does not fill them
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="T001L", DELIMITER="|",
                          FIELDS=[{"FIELDNAME": n} for n in ("WERKS", "LGORT", "LGOBE",
                                                             "SPART", "OIB_TNKASSIGN")],
                          OPTIONS=[{"TEXT": "WERKS = '1100' AND LGOBE = 'Main store'"}])
    assert [(f["FIELDNAME"], f["OFFSET"], f["LENGTH"], f["TYPE"]) for f in result["FIELDS"]] \
        == [("WERKS", "000000", "000004", "C"), ("LGORT", "000005", "000004", "C"),
            ("LGOBE", "000010", "000016", "C"), ("SPART", "000027", "000002", "C"),
            ("OIB_TNKASSIGN", "000030", "000001", "C")]
    assert [row["WA"] for row in result["DATA"]] == ["1100|0001|Main store      |  |"]


def test_company_codes_read_with_their_credit_control_area(session):
    # KKBER, a field after FMHRDATE, is kept from the baseline customizing; a field the
    # baseline does not fill reads as its initial value (OFFSACCT: NUMC, so zeros)
    assert read_table(session, "T001", fields=["BUKRS", "KKBER", "OFFSACCT", "DTAXR"],
                      where="KKBER = '1000'") == ["100010000"]
    assert read_table(session, "T001", fields=["BUKRS"], where="XNEGP = 'X'") == []


def test_plants_read_with_the_fields_after_chazv_old(session):
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="T001W",
                          FIELDS=[{"FIELDNAME": n} for n in ("WERKS", "LET01", "BETOL",
                                                             "DEP_STORE")],
                          OPTIONS=[{"TEXT": "WERKS = '1000'"}])
    assert [(f["FIELDNAME"], f["LENGTH"], f["TYPE"]) for f in result["FIELDS"]] == [
        ("WERKS", "000004", "C"), ("LET01", "000003", "P"), ("BETOL", "000003", "N"),
        ("DEP_STORE", "000004", "C")]
    assert [row["WA"] for row in result["DATA"]] == ["1000  0000"]


def test_ddif_fieldinfo_get_describes_the_storage_locations(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="T001L")
    rows = {row["FIELDNAME"]: row for row in result["DFIES_TAB"]}
    assert list(rows)[:5] == ["MANDT", "WERKS", "LGORT", "LGOBE", "SPART"]
    assert list(rows)[-1] == "OIB_TNKASSIGN"
    spart = rows["SPART"]
    assert (spart["DATATYPE"], spart["LENG"], spart["CHECKTABLE"]) == ("CHAR", "000002",
                                                                       "TSPA")


def test_customer_account_groups_read_with_their_field_status_fields(session):
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="T077D", DELIMITER="|",
                          FIELDS=[{"FIELDNAME": n} for n in ("KTOKD", "NUMKR", "XCPDS")],
                          OPTIONS=[{"TEXT": "KTOKD LIKE 'Z%'"}])
    assert [(f["FIELDNAME"], f["LENGTH"]) for f in result["FIELDS"]] == [
        ("KTOKD", "000004"), ("NUMKR", "000002"), ("XCPDS", "000001")]
    # the baseline keeps no number range or one-time flag: blank, as initial values
    assert [row["WA"] for row in result["DATA"]] == ["ZOUT|  |", "ZPC |  |"]
