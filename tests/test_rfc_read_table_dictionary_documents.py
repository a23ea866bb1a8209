"""RFC_READ_TABLE and DDIF_FIELDINFO_GET over the document, code and IDoc tables declared in
the data dictionary (BKPF, BSEG, S001, MKPF ... T006, EDIDC): SAP's fields the emulator keeps
and those it does not keep (read as their initial value) in SAP's layout, a row wider than a
DATA line, and the description of every field.

One client per module: seeded master data, one order that arrives as an ORDERS05 IDoc, and
one committed labour-fee settlement. The tests only read.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from finance_builders import labour_fee_settlement, orders_idoc
from logistics_flow import PROVINCIAL, seeded_flow
from rfc_client import RfcSession, read_table

from fake_sap.ddic.tables import codes
from fake_sap.rfc.document_tables import TABLES
from fake_sap.rfc.read_table import LINE_WIDTH

WIDE_TABLES = sorted(t.name for t in TABLES if sum(f.type.width for f in t.fields) > LINE_WIDTH)


@pytest.fixture(scope="module")
def world(sap_server):
    sap = sap_server.new_client()
    seeded = sap.seed(materials=1, customers=2, initial_stock="100")
    outlet, center = seeded["outlets"][0], seeded["provincial_centers"][0]
    [material] = seeded["materials"]
    response = sap.post_idocs(orders_idoc("PO-5150", outlet, [(material, "4")]))
    assert response.status_code == 200, response.text
    session = RfcSession(sap)
    settlement = labour_fee_settlement(session, center, "980.00")
    assert settlement["RETURN"][0]["TYPE"] == "S", settlement["RETURN"]
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    yield {"session": session, "outlet": outlet, "center": center, "material": material,
           "document": settlement["OBJ_KEY"][:10]}
    session.close()


def layout(result) -> list[tuple[str, int, int, str]]:
    return [(f["FIELDNAME"], int(f["OFFSET"]), int(f["LENGTH"]), f["TYPE"])
            for f in result["FIELDS"]]


# --- kept and not kept fields in one selection ---------------------------------------------

def test_bkpf_reads_kept_and_not_kept_fields_in_saps_layout(world):
    fields = ["BELNR", "TCODE", "BLART", "KURSF", "AWKEY", "PSOTY"]
    result = world["session"].call(
        "RFC_READ_TABLE", QUERY_TABLE="BKPF", FIELDS=[{"FIELDNAME": f} for f in fields],
        OPTIONS=[{"TEXT": f"BELNR = '{world['document']}'"}])

    # TCODE CHAR 20, KURSF DEC 9,5 (an exchange rate), PSOTY CHAR 2: the dictionary lengths
    assert layout(result) == [("BELNR", 0, 10, "C"), ("TCODE", 10, 20, "C"),
                              ("BLART", 30, 2, "C"), ("KURSF", 32, 9, "P"),
                              ("AWKEY", 41, 20, "C"), ("PSOTY", 61, 2, "C")]
    [line] = [row["WA"] for row in result["DATA"]]
    assert line[0:10] == world["document"]
    assert line[10:30].strip() == ""  # not kept: its initial value
    assert line[30:32] == "SA"
    assert line[32:41] == "0.00000".rjust(9)
    assert line[41:61].startswith(world["document"])


def test_a_condition_on_a_field_that_is_not_kept_compares_its_initial_value(world):
    assert read_table(world["session"], "BKPF", fields=["BELNR"],
                      where=f"BELNR = '{world['document']}' AND TCODE = ''") == \
        [world["document"]]
    assert read_table(world["session"], "BKPF", fields=["BELNR"],
                      where="TCODE = 'FB01'") == []


def test_s001_reads_kept_and_not_kept_key_figures(world):
    lines = read_table(world["session"], "S001",
                       fields=["KUNNR", "PERIV", "AEMENGE", "GUMENGE", "ANZAUPOS"],
                       where=f"KUNNR = '{world['outlet']}' AND PERIV = ''", DELIMITER="|")

    [[kunnr, periv, ordered, credited, items]] = [line.split("|") for line in lines]
    assert (kunnr, periv.strip()) == (world["outlet"], "")
    assert (Decimal(ordered), Decimal(credited), Decimal(items)) == (4, 0, 1)
    # QUAN 15,3 and DEC 9: right-aligned at the dictionary lengths
    assert (len(ordered), len(credited), len(items)) == (15, 15, 9)


def test_s001_has_no_field_for_the_emulators_delivered_quantity(world):
    fault = world["session"].fault("RFC_READ_TABLE", QUERY_TABLE="S001",
                                   FIELDS=[{"FIELDNAME": "LFMENGE"}])

    assert fault.name == "FIELD_NOT_VALID"


# --- rows wider than a DATA line -------------------------------------------------------------

def test_bkpf_is_wider_than_a_data_line():
    assert "BKPF" in WIDE_TABLES


@pytest.mark.parametrize("table", WIDE_TABLES)
def test_a_wide_table_read_without_fields_is_data_buffer_exceeded(world, table):
    fault = world["session"].fault("RFC_READ_TABLE", QUERY_TABLE=table)

    assert fault.name == "DATA_BUFFER_EXCEEDED"


@pytest.mark.parametrize("table", WIDE_TABLES)
def test_a_wide_table_gives_its_layout_with_no_data(world, table):
    result = world["session"].call("RFC_READ_TABLE", QUERY_TABLE=table, NO_DATA="X")

    last = result["FIELDS"][-1]
    assert result["FIELDS"][0]["FIELDNAME"] == "MANDT"
    assert int(last["OFFSET"]) + int(last["LENGTH"]) > LINE_WIDTH


# --- DDIF_FIELDINFO_GET ----------------------------------------------------------------------

def test_ddif_fieldinfo_get_of_t006_lists_every_field(world):
    result = world["session"].call("DDIF_FIELDINFO_GET", TABNAME="T006", LANGU="E")

    fields = {row["FIELDNAME"]: row for row in result["DFIES_TAB"]}
    assert list(fields) == [f.name for f in codes.T006.fields]
    assert [fields[name]["KEYFLAG"] for name in ("MANDT", "MSEHI", "ISOCODE")] == \
        ["X", "X", ""]
    assert (fields["ZAEHL"]["DATATYPE"], fields["ZAEHL"]["INTTYPE"]) == ("INT4", "I")
    assert (fields["ADDKO"]["DATATYPE"], fields["ADDKO"]["LENG"],
            fields["ADDKO"]["DECIMALS"]) == ("DEC", "000009", "000006")
    assert fields["PRESS_VAL"]["DATATYPE"] == "FLTP"


def test_ddif_fieldinfo_get_describes_a_field_the_emulator_does_not_keep(world):
    result = world["session"].call("DDIF_FIELDINFO_GET", TABNAME="EDIDS",
                                   FIELDNAME="APPL_LOG")

    [row] = result["DFIES_TAB"]
    assert (row["FIELDNAME"], row["DATATYPE"], row["LENG"], row["FIELDTEXT"]) == \
        ("APPL_LOG", "CHAR", "000020", "Application Log")


def test_t006_rows_read_with_their_number_fields(world):
    [line] = read_table(world["session"], "T006",
                        fields=["MSEHI", "ISOCODE", "EXP10", "DIMID"], where="MSEHI = 'G'",
                        DELIMITER="|")

    msehi, isocode, exp10, dimid = (value.strip() for value in line.split("|"))
    assert (msehi, isocode, int(exp10), dimid) == ("G", "GRM", -3, "MASS")


# --- NUMC fields of the material document ---------------------------------------------------

def test_material_document_numc_fields_read_as_n_with_their_leading_zeros(sap):
    with seeded_flow(sap) as flow:
        result = flow.rfc.call(
            "BAPI_GOODSMVT_CREATE", GOODSMVT_CODE={"GM_CODE": "05"},
            GOODSMVT_HEADER={"PSTNG_DATE": "2030-03-04", "DOC_DATE": "2030-03-01"},
            GOODSMVT_ITEM=[{"MATERIAL": flow.material.lstrip("0"), "PLANT": PROVINCIAL,
                            "STGE_LOC": "0001", "MOVE_TYPE": "561", "ENTRY_QNT": "3"}])
        assert flow.commit()["TYPE"] == ""
        document = result["MATERIALDOCUMENT"]
        read = flow.rfc.call(
            "RFC_READ_TABLE", QUERY_TABLE="MSEG", DELIMITER="|",
            FIELDS=[{"FIELDNAME": n} for n in ("MBLNR", "MJAHR", "ZEILE", "GJAHR", "BUZEI")],
            OPTIONS=[{"TEXT": f"MBLNR = '{document}' AND ZEILE = '0001'"}])
    # MJAHR and ZEILE are SAP's NUMC 4; GJAHR and BUZEI, the accounting document's year and
    # line (not kept here), NUMC 4 and 3: initial NUMC values are zeros
    assert layout(read) == [("MBLNR", 0, 10, "C"), ("MJAHR", 11, 4, "N"),
                            ("ZEILE", 16, 4, "N"), ("GJAHR", 21, 4, "N"),
                            ("BUZEI", 26, 3, "N")]
    assert [row["WA"] for row in read["DATA"]] == [f"{document}|2030|0001|0000|000"]
