"""RFC_READ_TABLE over the document tables: sales orders (VBAK/VBAP/VBEP/VBUK/VBUP), document
flow (VBFA), sales statistics (S001), accounting documents (BKPF/BSEG), and the layout of
every document table.

One client per module: seeded master data, two orders of one outlet that arrive as ORDERS05
IDocs over ``/sap/bc/idoc_xml`` (three items in all), and one committed labour-fee
settlement. The tests only read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from finance_builders import labour_fee_settlement, orders_idoc
from rfc_client import RfcSession, read_table

from fake_sap.ddic.tables.sales import VBAP
from fake_sap.rfc.document_tables import TABLES
from fake_sap.rfc.read_table import LINE_WIDTH

DOCUMENT_TABLES = sorted(t.name for t in TABLES)
#: tables whose SAP rows are wider than a DATA line: read without FIELDS they are
#: DATA_BUFFER_EXCEEDED, as in SAP (see the tests below)
WIDER_THAN_A_LINE = {"BKPF", "EKKO", "EKPO", "LIKP", "LIPS", "MSEG", "S001", "VBAK", "VBAP"}


@pytest.fixture(scope="module")
def world(sap_server):
    sap = sap_server.new_client()
    seeded = sap.seed(materials=2, customers=2, initial_stock="100")
    outlet, center = seeded["outlets"][0], seeded["provincial_centers"][0]
    first, second = seeded["materials"]
    for po, items in (("PO-4711", [(first, "3"), (second, "1")]), ("PO-4712", [(first, "2")])):
        response = sap.post_idocs(orders_idoc(po, outlet, items))
        assert response.status_code == 200, response.text
    session = RfcSession(sap)
    settlement = labour_fee_settlement(session, center, "1250.00")
    assert settlement["RETURN"][0]["TYPE"] == "S", settlement["RETURN"]
    session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    yield {"session": session, "outlet": outlet, "center": center, "materials": (first, second),
           "document": settlement["OBJ_KEY"][:10]}
    session.close()


def rows(world, table: str, fields: list[str], where: str | list[str] = "") -> list[list[str]]:
    lines = read_table(world["session"], table, where=where, fields=fields, DELIMITER="|")
    return [[value.strip() for value in line.split("|")] for line in lines]


def order_number(world, po: str) -> str:
    [[vbeln]] = rows(world, "VBAK", ["VBELN"], f"BSTNK = '{po}'")
    return vbeln


# --- sales documents ---------------------------------------------------------------------------

def test_vbak_holds_the_orders_that_came_as_orders_idocs(world):
    orders = rows(world, "VBAK", ["BSTNK", "AUART", "VBTYP", "KUNNR", "VKORG", "WAERK"],
                  f"KUNNR = '{world['outlet']}'")

    assert orders == [["PO-4711", "TA", "C", world["outlet"], "1000", "CNY"],
                      ["PO-4712", "TA", "C", world["outlet"], "1000", "CNY"]]


def test_vbap_holds_the_items_of_an_order_with_their_quantities(world):
    vbeln = order_number(world, "PO-4711")

    items = rows(world, "VBAP", ["POSNR", "MATNR", "KWMENG", "VRKME"], f"VBELN = '{vbeln}'")

    first, second = world["materials"]
    assert items == [["000010", first, "3.000", "ST"], ["000020", second, "1.000", "ST"]]


def test_vbap_netwr_adds_up_to_the_order_value_in_vbak(world):
    vbeln = order_number(world, "PO-4711")

    [[header_value]] = rows(world, "VBAK", ["NETWR"], f"VBELN = '{vbeln}'")
    item_values = rows(world, "VBAP", ["NETWR"], f"VBELN = '{vbeln}'")

    assert Decimal(header_value) == sum(Decimal(value) for [value] in item_values)
    assert Decimal(header_value) > 0


def test_vbep_confirms_the_ordered_quantity_when_stock_is_there(world):
    vbeln = order_number(world, "PO-4712")

    assert rows(world, "VBEP", ["POSNR", "ETENR", "WMENG", "BMENG"], f"VBELN = '{vbeln}'") == \
        [["000010", "0001", "2.000", "2.000"]]


def test_vbuk_and_vbup_show_a_new_order_as_not_yet_delivered(world):
    vbeln = order_number(world, "PO-4712")

    assert rows(world, "VBUK", ["GBSTK", "LFSTK"], f"VBELN = '{vbeln}'") == [["A", "A"]]
    assert rows(world, "VBUP", ["POSNR", "LFSTA"], f"VBELN = '{vbeln}'") == [["000010", "A"]]


def test_vbfa_has_no_flow_for_an_order_without_predecessor_or_successor(world):
    vbeln = order_number(world, "PO-4711")

    assert rows(world, "VBFA", ["VBELV", "VBELN"],
                f"VBELV = '{vbeln}' OR VBELN = '{vbeln}'") == []


# --- sales statistics --------------------------------------------------------------------------

def test_s001_adds_up_the_incoming_orders_per_customer_and_material(world):
    first, _second = world["materials"]

    [[quantity, items]] = rows(world, "S001", ["AEMENGE", "ANZAUPOS"],
                               [f"KUNNR = '{world['outlet']}' AND MATNR = '{first}'",
                                "AND VRSIO = '000'"])

    assert (Decimal(quantity), Decimal(items)) == (Decimal(5), Decimal(2))


def test_s001_incoming_order_value_matches_the_order_items(world):
    first, _second = world["materials"]
    item_values = rows(world, "VBAP", ["NETWR"], f"MATNR = '{first}'")

    [[value]] = rows(world, "S001", ["AENETWR"],
                     f"KUNNR = '{world['outlet']}' AND MATNR = '{first}'")

    assert Decimal(value) == sum(Decimal(v) for [v] in item_values)


def test_s001_keeps_its_figures_per_month_in_the_actual_version(world):
    keys = rows(world, "S001", ["SPMON", "VRSIO", "VKORG", "VTWEG", "SPART", "STWAE"],
                f"KUNNR = '{world['outlet']}'")

    assert len(keys) == 2  # one row per material: both orders are of this month
    assert {tuple(key[1:]) for key in keys} == {("000", "1000", "10", "00", "CNY")}
    assert {key[0] for key in keys} == {datetime.now(UTC).strftime("%Y%m")}


# --- accounting documents ------------------------------------------------------------------------

def test_bkpf_holds_the_posted_document_with_its_reference(world):
    [[belnr, awtyp, awkey, blart]] = rows(world, "BKPF", ["BELNR", "AWTYP", "AWKEY", "BLART"],
                                          "BUKRS = '1000'")

    assert (belnr, awtyp, blart) == (world["document"], "BKPFF", "SA")
    assert awkey == f"{belnr}10002024"  # number + company code + fiscal year


def test_bseg_can_select_the_open_items_of_a_customer(world):
    open_items = rows(world, "BSEG", ["BELNR", "BUZEI", "BSCHL", "SHKZG", "WRBTR"],
                      [f"KUNNR = '{world['center']}'", "AND AUGBL = ''"])

    assert open_items == [[world["document"], "001", "11", "H", "1250.00"]]


def test_bseg_amounts_compare_as_numbers(world):
    lines = rows(world, "BSEG", ["BUZEI"], "WRBTR > 999 AND KOART = 'S'")

    assert lines == [["002"]]


# --- layout --------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", sorted(set(DOCUMENT_TABLES) - WIDER_THAN_A_LINE))
def test_every_document_table_can_be_read_with_all_its_fields(world, table):
    result = world["session"].call("RFC_READ_TABLE", QUERY_TABLE=table, NO_DATA="X")

    last = result["FIELDS"][-1]
    assert result["FIELDS"][0]["FIELDNAME"] == "MANDT"
    assert int(last["OFFSET"]) + int(last["LENGTH"]) <= LINE_WIDTH


def test_amounts_are_right_aligned_with_the_currency_decimals(world):
    [line] = read_table(world["session"], "BSEG", fields=["WRBTR"],
                        where=f"KUNNR = '{world['center']}'")

    assert line == "1250.00".rjust(13)  # CURR 13.2: the dictionary length, 13


def test_a_selection_wider_than_a_data_line_is_data_buffer_exceeded(world):
    too_wide = ["SGTXT"] * 12  # 12 x 50 characters

    fault = world["session"].fault("RFC_READ_TABLE", QUERY_TABLE="BSEG",
                                   FIELDS=[{"FIELDNAME": name} for name in too_wide])

    assert fault.name == "DATA_BUFFER_EXCEEDED"


# --- SAP's full field lists (VBAK, VBAP) ------------------------------------------------------

def test_vbak_answers_fields_the_emulator_does_not_keep_with_their_initial_values(world):
    """ANGDT, KVGR1 and KTEXT are VBAK fields no process here fills: SAP's layout all the
    same, and their initial values, beside the kept VBELN, NETWR, WAERK and BSTNK."""
    vbeln = order_number(world, "PO-4711")
    names = ["VBELN", "ANGDT", "KVGR1", "KTEXT", "NETWR", "WAERK", "BSTNK"]

    result = world["session"].call(
        "RFC_READ_TABLE", QUERY_TABLE="VBAK", DELIMITER="|",
        OPTIONS=[{"TEXT": f"VBELN = '{vbeln}'"}],
        FIELDS=[{"FIELDNAME": name} for name in names])

    layout = [(f["FIELDNAME"], int(f["OFFSET"]), int(f["LENGTH"]), f["TYPE"])
              for f in result["FIELDS"]]
    # offsets count the one-character delimiter between fields
    assert layout == [("VBELN", 0, 10, "C"), ("ANGDT", 11, 8, "D"), ("KVGR1", 20, 3, "C"),
                      ("KTEXT", 24, 40, "C"), ("NETWR", 65, 15, "P"), ("WAERK", 81, 5, "C"),
                      ("BSTNK", 87, 20, "C")]
    [line] = [row["WA"] for row in result["DATA"]]
    values = line.split("|")
    assert values[0] == vbeln
    assert values[1:4] == ["00000000", " " * 3, " " * 40]
    assert Decimal(values[4]) > 0 and values[5].strip() and values[6].strip() == "PO-4711"


def test_vbak_filters_on_a_field_it_does_not_keep(world):
    """An unkept field holds its initial value in every row: a condition on it selects
    all rows or none."""
    all_orders = rows(world, "VBAK", ["VBELN"], "KVGR1 = ' '")
    assert len(all_orders) >= 2
    assert rows(world, "VBAK", ["VBELN"], "KVGR1 = 'X01'") == []


@pytest.mark.parametrize("table", sorted(WIDER_THAN_A_LINE))
def test_a_table_wider_than_a_data_line_read_without_fields_is_data_buffer_exceeded(
        world, table):
    fault = world["session"].fault("RFC_READ_TABLE", QUERY_TABLE=table)

    assert fault.name == "DATA_BUFFER_EXCEEDED"


@pytest.mark.parametrize("table", sorted(WIDER_THAN_A_LINE))
def test_a_wide_table_describes_all_its_fields_when_no_data_is_asked(world, table):
    """With NO_DATA, SAP answers FIELDS without checking the line width."""
    result = world["session"].call("RFC_READ_TABLE", QUERY_TABLE=table, NO_DATA="X")

    last = result["FIELDS"][-1]
    assert result["FIELDS"][0]["FIELDNAME"] == "MANDT"
    assert int(last["OFFSET"]) + int(last["LENGTH"]) > LINE_WIDTH
    assert not result["DATA"]


def test_ddif_fieldinfo_get_lists_every_declared_field_of_vbap(world):
    result = world["session"].call("DDIF_FIELDINFO_GET", TABNAME="VBAP", LANGU="E")

    fields = [row["FIELDNAME"] for row in result["DFIES_TAB"]]
    assert fields == [f.name for f in VBAP.fields]
    assert len(fields) > 200
    described = {row["FIELDNAME"]: row for row in result["DFIES_TAB"]}
    kwmeng, uebto = described["KWMENG"], described["UEBTO"]
    assert (kwmeng["DATATYPE"], kwmeng["LENG"], kwmeng["DECIMALS"]) == ("QUAN", "000015",
                                                                        "000003")
    assert (uebto["DATATYPE"], uebto["LENG"], uebto["DECIMALS"]) == ("DEC", "000003", "000001")
    assert described["POSNR"]["KEYFLAG"] == "X" and described["MATWA"]["KEYFLAG"] == ""
