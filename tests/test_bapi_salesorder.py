"""Sales-document BAPIs over SOAP-RFC: BAPI_SALESORDER_CREATEFROMDAT2,
BAPI_CUSTOMERRETURN_CREATE and BAPI_SALESORDER_GETSTATUS against the real server.

Every test seeds a fresh client with three materials (100 pieces each in plant 1000) and one
provincial center with two outlets (sales area 1000/10/00, a credit limit of at least 50,000
CNY). Document tables are read with RFC_READ_TABLE; VBPA, which it does not expose, is read
from the server's database with ``SapTables``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import requests
import zeep
from idoc_builders import SapTables, customer, packet
from rfc_client import RfcSession, read_table
from zeep.transports import Transport

from fake_sap.db.documents import vbap, vbpa
from fake_sap.db.schema import knvp
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.types import DEBMAS07

FIRST_NUMBER = "0000010000"
SECOND_NUMBER = "0000010001"
SUCCESS = [("S", "V4", "233"), ("S", "V4", "233"), ("S", "V1", "311")]
SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}


@pytest.fixture
def master(sap) -> dict[str, Any]:
    """Seeded master data; numbers without leading zeros, as a CRM holds them."""
    loaded = sap.seed(materials=3, customers=3, initial_stock="100")
    return {"outlet": loaded["outlets"][0].lstrip("0"),
            "other_outlet": loaded["outlets"][1].lstrip("0"),
            "materials": [m.lstrip("0") for m in loaded["materials"]]}


@pytest.fixture
def material(master) -> str:
    return master["materials"][0]


@pytest.fixture
def outlet(master) -> str:
    return master["outlet"]


@pytest.fixture
def session(sap):
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


@pytest.fixture
def other_session(sap):
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


@pytest.fixture
def tables(sap) -> SapTables:
    return SapTables(sap.server.db_url, sap.number)


# --- helpers ------------------------------------------------------------------------------------

def order_params(sold_to: str, lines: list[tuple[str, str]], *, doc_type: str = "TA",
                 **header: Any) -> dict[str, Any]:
    """CREATEFROMDAT2 parameters: one item per (material, quantity), quantities as schedule
    lines, the sold-to party as only partner."""
    return {
        "ORDER_HEADER_IN": {"DOC_TYPE": doc_type, **SALES_AREA, **header},
        "ORDER_PARTNERS": [{"PARTN_ROLE": "AG", "PARTN_NUMB": sold_to}],
        "ORDER_ITEMS_IN": [{"ITM_NUMBER": f"{10 * i}", "MATERIAL": matnr}
                           for i, (matnr, _) in enumerate(lines, start=1)],
        "ORDER_SCHEDULES_IN": [{"ITM_NUMBER": f"{10 * i}", "REQ_QTY": quantity}
                               for i, (_, quantity) in enumerate(lines, start=1)],
    }


def create(session: RfcSession, sold_to: str, lines: list[tuple[str, str]],
           **extra: Any) -> dict[str, Any]:
    params = order_params(sold_to, lines)
    for name, value in extra.items():
        if isinstance(value, dict) and isinstance(params.get(name), dict):
            params[name] = {**params[name], **value}
        else:
            params[name] = value
    return session.call("BAPI_SALESORDER_CREATEFROMDAT2", **params)


def create_committed(session: RfcSession, sold_to: str, lines: list[tuple[str, str]],
                     **extra: Any) -> str:
    result = create(session, sold_to, lines, **extra)
    assert result["SALESDOCUMENT"], result["RETURN"]
    commit(session)
    return str(result["SALESDOCUMENT"])


def create_return(session: RfcSession, sold_to: str, items: list[dict[str, Any]],
                  quantities: list[str], **header: Any) -> dict[str, Any]:
    return session.call(
        "BAPI_CUSTOMERRETURN_CREATE",
        RETURN_HEADER_IN={"DOC_TYPE": "RE", **SALES_AREA, **header},
        RETURN_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": sold_to}],
        RETURN_ITEMS_IN=[{"ITM_NUMBER": f"{10 * i}", **item}
                         for i, item in enumerate(items, start=1)],
        RETURN_SCHEDULES_IN=[{"ITM_NUMBER": f"{10 * i}", "REQ_QTY": quantity}
                             for i, quantity in enumerate(quantities, start=1)])


def commit(session: RfcSession) -> None:
    result = session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert result["RETURN"]["TYPE"] == "", result["RETURN"]


def kinds(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(row["TYPE"], row["ID"], row["NUMBER"]) for row in result["RETURN"]]


def errors(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for row in result["RETURN"] if row["TYPE"] in ("E", "A")]


def status(session: RfcSession, vbeln: str) -> dict[str, Any]:
    return session.call("BAPI_SALESORDER_GETSTATUS", SALESDOCUMENT=vbeln)


def status_rows(session: RfcSession, vbeln: str) -> list[dict[str, Any]]:
    result = status(session, vbeln)
    assert result["RETURN"]["TYPE"] == "", result["RETURN"]
    return list(result["STATUSINFO"])


def table_rows(session: RfcSession, table: str, fields: list[str], *where: str
               ) -> list[dict[str, str]]:
    """RFC_READ_TABLE rows as {field: value}; ``where`` lines are ANDed."""
    lines = [f"{'AND ' if i else ''}{w}" for i, w in enumerate(where)]
    data = read_table(session, table, where=lines, fields=fields, DELIMITER="|")
    return [dict(zip(fields, (v.strip() for v in line.split("|")), strict=True))
            for line in data]


def table_row(session: RfcSession, table: str, fields: list[str], *where: str
              ) -> dict[str, str]:
    [row] = table_rows(session, table, fields, *where)
    return row


def exists(session: RfcSession, vbeln: str) -> bool:
    return status(session, vbeln)["RETURN"]["TYPE"] != "E"


def set_credit_limit(sap, kunnr: str, limit: str) -> None:
    """Change an outlet's credit limit (KNKK-KLIMK, control area 1000) with a DEBMAS IDoc."""
    idoc = customer(kunnr, "ZOUT", name="Outlet")
    idoc.segments[0].children.append(SegmentData("E1KNKKM", {
        "MSGFN": "005", "KKBER": "1000", "KLIMK": limit}))
    response = sap.post_idocs(packet(DEBMAS07, [idoc]))
    assert response.status_code == 200 and 'CODE="53"' in response.text, response.text


def assert_refused(result: dict[str, Any]) -> None:
    assert result["SALESDOCUMENT"] == ""
    assert kinds(result)[-1] == ("E", "V4", "219")


# --- creating an order ---------------------------------------------------------------------------

def test_an_order_gets_the_first_number_and_sap_success_messages(session, outlet, material):
    result = create(session, outlet, [(material, "5")])

    assert result["SALESDOCUMENT"] == FIRST_NUMBER
    assert kinds(result) == SUCCESS
    assert result["RETURN"][0]["MESSAGE"] == "SALES_HEADER_IN has been processed successfully"
    assert result["RETURN"][1]["MESSAGE"] == \
        "SALES_ITEM_IN 000010 has been processed successfully"
    assert result["RETURN"][-1]["MESSAGE"] == f"Standard Order {FIRST_NUMBER} has been saved"


def test_a_second_order_gets_the_next_number(session, outlet, material):
    create(session, outlet, [(material, "1")])

    assert create(session, outlet, [(material, "1")])["SALESDOCUMENT"] == SECOND_NUMBER


def test_getstatus_shows_the_committed_order_item_by_item(session, outlet, material):
    second = "10000002"
    vbeln = create_committed(session, outlet, [(material, "5"), (second, "2")],
                             ORDER_HEADER_IN={"PURCH_NO_C": "CRM-4711"})

    rows = status_rows(session, vbeln)

    assert [(r["ITM_NUMBER"], r["MATERIAL"], r["REQ_QTY"], r["CUM_CF_QTY"], r["SALES_UNIT"])
            for r in rows] == [
        ("000010", f"{material:0>18}", "5.000", "5.000", "ST"),
        ("000020", f"{second:0>18}", "2.000", "2.000", "ST")]
    assert {(r["DOC_NUMBER"], r["PURCH_NO_C"], r["PRC_STAT_H"], r["DLV_STAT_H"],
             r["DLV_STAT_I"], r["CURRENCY"]) for r in rows} == {
        (FIRST_NUMBER, "CRM-4711", "A", "A", "A", "CNY")}


def test_the_net_value_of_an_item_is_its_price_times_its_quantity(session, outlet, material):
    vbeln = create_committed(session, outlet, [(material, "3")])

    [row] = status_rows(session, vbeln)

    assert Decimal(row["NET_PRICE"]) > 0
    assert Decimal(row["NET_VALUE"]) == Decimal(row["NET_PRICE"]) * 3


def test_a_pr00_condition_sets_the_price_per_unit(session, outlet, material):
    vbeln = create_committed(session, outlet, [(material, "4")], ORDER_CONDITIONS_IN=[
        {"ITM_NUMBER": "10", "COND_TYPE": "PR00", "COND_VALUE": "12.5", "CURRENCY": "CNY"}])

    [row] = status_rows(session, vbeln)

    assert (row["NET_PRICE"], row["NET_VALUE"]) == ("12.50", "50.00")


def test_target_qty_is_the_quantity_when_no_schedule_line_is_sent(session, outlet, material):
    vbeln = create_committed(session, outlet, [], ORDER_ITEMS_IN=[
        {"ITM_NUMBER": "10", "MATERIAL": material, "TARGET_QTY": "7"}])

    assert status_rows(session, vbeln)[0]["REQ_QTY"] == "7.000"


def test_items_without_numbers_are_numbered_10_20(session, outlet, master):
    first, second = master["materials"][:2]
    vbeln = create_committed(session, outlet, [], ORDER_ITEMS_IN=[
        {"MATERIAL": first, "TARGET_QTY": "1"}, {"MATERIAL": second, "TARGET_QTY": "1"}])

    assert [r["ITM_NUMBER"] for r in status_rows(session, vbeln)] == ["000010", "000020"]


def test_numbers_without_leading_zeros_are_stored_in_internal_format(session, outlet,
                                                                       material):
    vbeln = create_committed(session, outlet, [(material, "1")])

    assert table_row(session, "VBAK", ["KUNNR"], f"VBELN = '{vbeln}'") == {
        "KUNNR": f"{outlet:0>10}"}
    assert status_rows(session, vbeln)[0]["MATERIAL"] == f"{material:0>18}"


def test_the_crm_purchase_order_number_finds_the_order_in_vbak_bstnk(session, outlet,
                                                                      material):
    vbeln = create_committed(session, outlet, [(material, "1")],
                             ORDER_HEADER_IN={"PURCH_NO_C": "CRM-ORDER-0042"})

    assert table_row(session, "VBAK", ["VBELN"], "BSTNK = 'CRM-ORDER-0042'") == {
        "VBELN": vbeln}


def test_the_ship_to_party_defaults_to_the_sold_to_party(session, tables, outlet, material):
    vbeln = create_committed(session, outlet, [(material, "1")])

    partners = {r["parvw"]: r["kunnr"] for r in tables.rows(vbpa, vbeln=vbeln)}
    assert partners["AG"] == partners["WE"] == f"{outlet:0>10}"


def test_a_ship_to_party_that_is_sent_is_kept(session, tables, master, material):
    outlet, other = master["outlet"], master["other_outlet"]
    vbeln = create_committed(session, outlet, [(material, "1")], ORDER_PARTNERS=[
        {"PARTN_ROLE": "AG", "PARTN_NUMB": outlet}, {"PARTN_ROLE": "WE", "PARTN_NUMB": other}])

    partners = {r["parvw"]: r["kunnr"] for r in tables.rows(vbpa, vbeln=vbeln)}
    assert (partners["AG"], partners["WE"]) == (f"{outlet:0>10}", f"{other:0>10}")


def test_partners_not_sent_are_determined_from_the_sold_to_partys_functions(
        session, tables, outlet, material):
    vbeln = create_committed(session, outlet, [(material, "1")])

    determined = {r["parvw"]: r["kunn2"] for r in tables.rows(knvp, kunnr=f"{outlet:0>10}")
                  if r["parza"] == "000"}
    partners = {r["parvw"]: r["kunnr"] for r in tables.rows(vbpa, vbeln=vbeln)}
    assert determined["ZP"] != f"{outlet:0>10}"  # the outlet's provincial center
    assert {parvw: partners[parvw] for parvw in ("WE", "RE", "RG", "ZP")} == {
        "WE": determined["WE"], "RE": f"{outlet:0>10}", "RG": determined["RG"],
        "ZP": determined["ZP"]}


def test_an_item_is_for_the_plant_it_names_or_else_the_delivering_plant(
        session, tables, master):
    first, second = master["materials"][:2]
    vbeln = create_committed(session, master["outlet"], [(first, "1"), (second, "1")],
                             ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": first,
                                              "PLANT": "1100"},
                                             {"ITM_NUMBER": "20", "MATERIAL": second}])

    assert {r["posnr"]: r["werks"] for r in tables.rows(vbap, vbeln=vbeln)} == {
        "000010": "1100", "000020": "1000"}


def test_an_item_for_a_plant_the_material_is_not_maintained_in_is_refused(session, outlet,
                                                                          material):
    result = create(session, outlet, [(material, "1")], ORDER_ITEMS_IN=[
        {"ITM_NUMBER": "10", "MATERIAL": material, "PLANT": "1200"}])

    assert [(r["ID"], r["NUMBER"], r["MESSAGE"]) for r in errors(result)][0] == (
        "V1", "392", f"Material {material} is not maintained in plant 1200")
    assert result["SALESDOCUMENT"] == ""


def test_a_consignment_fill_up_is_saved_without_value(session, outlet, material):
    result = create(session, outlet, [(material, "5")], ORDER_HEADER_IN={"DOC_TYPE": "KB"})
    commit(session)

    assert result["RETURN"][-1]["MESSAGE"] == \
        f"Consignment Fill-up {FIRST_NUMBER} has been saved"
    assert status_rows(session, FIRST_NUMBER)[0]["NET_VALUE"] == "0.00"


def test_an_external_document_number_is_used(session, outlet, material):
    result = create(session, outlet, [(material, "1")], SALESDOCUMENTIN="4711")

    assert result["SALESDOCUMENT"] == "0000004711"


def test_an_external_number_that_exists_is_refused(session, outlet, material):
    create_committed(session, outlet, [(material, "1")], SALESDOCUMENTIN="4711")

    result = create(session, outlet, [(material, "1")], SALESDOCUMENTIN="4711")

    assert_refused(result)
    assert errors(result)[0]["MESSAGE"] == "Sales document 0000004711 already exists"


# --- TESTRUN --------------------------------------------------------------------------------------

def test_testrun_simulates_without_a_number_and_says_so_last(session, outlet, material):
    result = create(session, outlet, [(material, "5")], TESTRUN="X")

    assert result["SALESDOCUMENT"] == ""
    assert kinds(result) == [("S", "V4", "233"), ("S", "V4", "233"), ("S", "V4", "009")]
    assert result["RETURN"][-1]["MESSAGE"] == \
        "Test run: Standard Order would have been saved (no document was created)"


def test_testrun_saves_nothing_and_takes_no_number(session, outlet, material):
    create(session, outlet, [(material, "5")], TESTRUN="X")
    commit(session)

    assert not exists(session, FIRST_NUMBER)
    assert create(session, outlet, [(material, "5")])["SALESDOCUMENT"] == FIRST_NUMBER


def test_testrun_reports_the_errors_a_real_run_would(session, outlet):
    result = create(session, outlet, [("99999999", "5")], TESTRUN="X")

    assert_refused(result)
    assert (errors(result)[0]["ID"], errors(result)[0]["NUMBER"]) == ("V1", "391")


# --- CONVERT: external codes --------------------------------------------------------------------

def test_the_external_document_type_or_is_refused_without_convert(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_HEADER_IN={"DOC_TYPE": "OR"})

    assert_refused(result)
    first = errors(result)[0]
    assert (first["ID"], first["NUMBER"], first["MESSAGE"]) == (
        "V1", "801", "Sales document type OR is not defined")
    assert (first["PARAMETER"], first["FIELD"]) == ("SALES_HEADER_IN", "DOC_TYPE")


def test_external_partner_functions_are_refused_without_convert(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_PARTNERS=[
        {"PARTN_ROLE": "SP", "PARTN_NUMB": outlet}])

    assert_refused(result)
    first = errors(result)[0]
    assert (first["ID"], first["NUMBER"], first["MESSAGE"]) == (
        "VP", "200", "Partner function SP is not defined")


def test_the_external_unit_pc_is_refused_without_convert(session, outlet, material):
    result = create(session, outlet, [], ORDER_ITEMS_IN=[
        {"ITM_NUMBER": "10", "MATERIAL": material, "TARGET_QTY": "1", "SALES_UNIT": "PC"}])

    assert_refused(result)
    assert errors(result)[0]["FIELD"] == "SALES_UNIT"
    assert errors(result)[0]["MESSAGE"].startswith("Unit PC is not defined for material")


def test_with_convert_external_codes_become_internal_ones(session, tables, outlet,
                                                          material):
    result = create(session, outlet, [], CONVERT="X",
                    ORDER_HEADER_IN={"DOC_TYPE": "OR"},
                    ORDER_PARTNERS=[{"PARTN_ROLE": "SP", "PARTN_NUMB": outlet},
                                    {"PARTN_ROLE": "SH", "PARTN_NUMB": outlet}],
                    ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": material,
                                     "TARGET_QTY": "2", "SALES_UNIT": "PC"}])
    commit(session)

    assert kinds(result) == SUCCESS
    assert table_row(session, "VBAK", ["AUART"], f"VBELN = '{FIRST_NUMBER}'") == {
        "AUART": "TA"}
    assert {r["parvw"] for r in tables.rows(vbpa, vbeln=FIRST_NUMBER)} >= {"AG", "WE"}
    assert status_rows(session, FIRST_NUMBER)[0]["SALES_UNIT"] == "ST"


# --- refused orders ------------------------------------------------------------------------------

def test_an_unknown_material_is_refused_with_its_item_row(session, outlet, material):
    result = create(session, outlet, [(material, "1"), ("99999999", "1")])

    assert_refused(result)
    first = errors(result)[0]
    assert (first["ID"], first["NUMBER"]) == ("V1", "391")
    assert first["MESSAGE"] == "Material 99999999 does not exist or is flagged for deletion"
    assert (first["PARAMETER"], first["ROW"], first["FIELD"]) == (
        "SALES_ITEM_IN", "2", "MATERIAL")


def test_every_bad_item_is_reported(session, outlet):
    result = create(session, outlet, [("99999998", "1"), ("99999999", "1")])

    assert [(e["NUMBER"], e["ROW"]) for e in errors(result)] == [
        ("391", "1"), ("391", "2"), ("219", "0")]


def test_an_unknown_sold_to_party_is_refused(session, material):
    result = create(session, "7777777", [(material, "1")])

    assert_refused(result)
    first = errors(result)[0]
    assert (first["ID"], first["NUMBER"], first["MESSAGE"]) == (
        "VP", "112", "Partner 7777777 (function AG) does not exist")


def test_an_order_without_a_sold_to_party_is_refused(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_PARTNERS=[
        {"PARTN_ROLE": "WE", "PARTN_NUMB": outlet}])

    assert_refused(result)
    assert (errors(result)[0]["ID"], errors(result)[0]["NUMBER"]) == ("VP", "202")


def test_an_undefined_sales_area_is_refused(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_HEADER_IN={"SALES_ORG": "9999"})

    assert_refused(result)
    assert errors(result)[0]["MESSAGE"] == "Sales area 9999/10/00 is not defined"


def test_a_zero_quantity_is_refused(session, outlet, material):
    result = create(session, outlet, [(material, "0")])

    assert_refused(result)
    assert (errors(result)[0]["NUMBER"], errors(result)[0]["FIELD"]) == ("405", "REQ_QTY")


def test_a_schedule_line_for_an_unknown_item_is_refused(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_SCHEDULES_IN=[
        {"ITM_NUMBER": "10", "REQ_QTY": "1"}, {"ITM_NUMBER": "30", "REQ_QTY": "1"}])

    assert_refused(result)
    assert (errors(result)[0]["PARAMETER"], errors(result)[0]["ROW"]) == (
        "SALES_SCHEDULES_IN", "2")


def test_a_condition_type_other_than_pr00_is_refused(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_CONDITIONS_IN=[
        {"ITM_NUMBER": "10", "COND_TYPE": "ZDIS", "COND_VALUE": "5"}])

    assert_refused(result)
    assert errors(result)[0]["FIELD"] == "COND_TYPE"


def test_a_price_too_large_for_the_document_is_refused(session, outlet, material):
    result = create(session, outlet, [(material, "1")], ORDER_CONDITIONS_IN=[
        {"ITM_NUMBER": "10", "COND_TYPE": "PR00", "COND_VALUE": "1" + "0" * 15}])

    assert_refused(result)
    assert errors(result)[0]["NUMBER"] == "396"


def test_a_refused_order_registers_nothing_and_takes_no_number(session, outlet, material):
    create(session, outlet, [("99999999", "1")])
    commit(session)

    assert create(session, outlet, [(material, "1")])["SALESDOCUMENT"] == FIRST_NUMBER


def test_fields_not_flagged_in_the_x_structure_are_not_taken(session, outlet, material):
    result = create(session, outlet, [], ORDER_ITEMS_IN=[
        {"ITM_NUMBER": "10", "MATERIAL": material, "TARGET_QTY": "3"}],
        ORDER_ITEMS_INX=[{"ITM_NUMBER": "10", "UPDATEFLAG": "I", "MATERIAL": "X"}])

    assert_refused(result)
    assert (errors(result)[0]["NUMBER"], errors(result)[0]["FIELD"]) == ("405", "TARGET_QTY")


def test_an_order_without_its_header_is_a_soap_fault(session):
    fault = session.fault("BAPI_SALESORDER_CREATEFROMDAT2", ORDER_PARTNERS=[])

    assert (fault.status, fault.name) == (500, "CALL_FUNCTION_PARM_MISSING")


def test_a_quantity_that_is_not_a_number_is_a_soap_fault(session, outlet, material):
    params = order_params(outlet, [(material, "many")])

    fault = session.fault("BAPI_SALESORDER_CREATEFROMDAT2", **params)

    assert (fault.status, fault.name) == (500, "CX_SY_CONVERSION_NO_NUMBER")


# --- the SAP LUW ----------------------------------------------------------------------------------

def test_the_order_is_invisible_before_the_commit(session, outlet, material):
    vbeln = create(session, outlet, [(material, "1")])["SALESDOCUMENT"]

    assert not exists(session, vbeln)


def test_rollback_discards_the_order_and_leaves_a_gap_in_the_numbers(session, outlet,
                                                                     material):
    rolled_back = create(session, outlet, [(material, "1")])["SALESDOCUMENT"]
    session.call("BAPI_TRANSACTION_ROLLBACK")
    kept = create_committed(session, outlet, [(material, "1")])

    assert (rolled_back, kept) == (FIRST_NUMBER, SECOND_NUMBER)
    assert not exists(session, rolled_back)
    assert exists(session, kept)


def test_another_sessions_commit_does_not_save_my_order(session, other_session, outlet,
                                                        material):
    vbeln = create(session, outlet, [(material, "1")])["SALESDOCUMENT"]
    commit(other_session)

    assert not exists(other_session, vbeln)
    commit(session)
    assert exists(other_session, vbeln)


# --- credit check ----------------------------------------------------------------------------

def test_an_order_above_the_credit_limit_is_saved_with_a_credit_block(sap, session, outlet,
                                                                      material):
    set_credit_limit(sap, outlet, "100.00")

    result = create(session, outlet, [(material, "5")])
    commit(session)

    assert ("W", "V1", "154") in kinds(result)
    assert kinds(result)[-1] == ("S", "V1", "311")
    assert table_row(session, "VBUK", ["CMGST"], f"VBELN = '{result['SALESDOCUMENT']}'") == {
        "CMGST": "B"}


def test_an_order_within_the_credit_limit_is_not_blocked(session, outlet, material):
    result = create(session, outlet, [(material, "1")])
    commit(session)

    assert [k for k in kinds(result) if k[0] == "W"] == []
    assert table_row(session, "VBUK", ["CMGST"], f"VBELN = '{result['SALESDOCUMENT']}'") == {
        "CMGST": "A"}


def test_open_orders_count_towards_the_credit_exposure(sap, session, outlet, material):
    create_committed(session, outlet, [(material, "1")])
    [first] = status_rows(session, FIRST_NUMBER)
    set_credit_limit(sap, outlet, str(Decimal(first["NET_VALUE"]) * 2 - 1))

    result = create(session, outlet, [(material, "1")])

    assert ("W", "V1", "154") in kinds(result)


# --- availability check ----------------------------------------------------------------------

def test_only_the_available_stock_is_confirmed_with_a_warning(session, outlet, material):
    result = create(session, outlet, [(material, "150")])
    commit(session)

    warning = next(r for r in result["RETURN"] if r["TYPE"] == "W")
    assert (warning["ID"], warning["NUMBER"], warning["ROW"]) == ("V1", "501", "1")
    assert warning["MESSAGE"] == \
        f"Item 000010: only 100 of 150 ST can be confirmed for material {material}"
    [row] = status_rows(session, result["SALESDOCUMENT"])
    assert (row["REQ_QTY"], row["CUM_CF_QTY"]) == ("150.000", "100.000")


def test_confirmed_quantities_of_open_orders_are_not_available_again(session, outlet,
                                                                     material):
    create_committed(session, outlet, [(material, "80")])

    vbeln = create_committed(session, outlet, [(material, "30")])

    assert status_rows(session, vbeln)[0]["CUM_CF_QTY"] == "20.000"


def test_items_of_one_material_share_its_stock_within_the_order(session, outlet, master):
    first, second = master["materials"][:2]
    result = create(session, outlet, [(first, "60"), (second, "30"), (first, "60")])
    commit(session)

    warnings = [r for r in result["RETURN"] if r["TYPE"] == "W"]
    assert [(w["NUMBER"], w["ROW"]) for w in warnings] == [("501", "3")]
    assert [row["CUM_CF_QTY"] for row in status_rows(session, result["SALESDOCUMENT"])] == [
        "60.000", "30.000", "40.000"]


def test_an_unknown_sold_to_party_with_an_unknown_material_is_refused_for_the_party(session,
                                                                                   master):
    result = create(session, "7777777", [("NO-SUCH-MATERIAL", "1")])

    assert [(e["ID"], e["NUMBER"]) for e in errors(result)] == [("VP", "112"), ("V4", "219")]


# --- returns ---------------------------------------------------------------------------------

@pytest.fixture
def order(session, outlet, material) -> str:
    """A committed order of 5 pieces of the first material (item 000010)."""
    return create_committed(session, outlet, [(material, "5")])


def test_a_return_referencing_an_order_is_saved(session, outlet, order):
    result = create_return(session, outlet, [
        {"REF_DOC": order, "REF_DOC_IT": "10", "REF_DOC_CA": "C"}], ["2"])

    assert result["SALESDOCUMENT"] == SECOND_NUMBER
    assert kinds(result) == SUCCESS
    assert result["RETURN"][-1]["MESSAGE"] == f"Returns {SECOND_NUMBER} has been saved"


def test_a_return_takes_the_material_of_the_reference_item(session, outlet, material,
                                                           order):
    vbeln = create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}],
                          ["2"])["SALESDOCUMENT"]
    commit(session)

    assert status_rows(session, vbeln)[0]["MATERIAL"] == f"{material:0>18}"


def test_a_return_is_linked_to_the_order_in_the_document_flow(session, outlet, order):
    vbeln = create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}],
                          ["2"])["SALESDOCUMENT"]
    commit(session)

    flow = table_row(session, "VBFA", ["POSNV", "VBELN", "POSNN", "VBTYP_V", "VBTYP_N",
                                       "RFMNG"], f"VBELV = '{order}'")
    assert flow == {"POSNV": "000010", "VBELN": vbeln, "POSNN": "000010", "VBTYP_V": "C",
                    "VBTYP_N": "H", "RFMNG": "2.000"}


def test_a_return_is_credited_at_the_price_of_the_order_item(session, outlet, material):
    order = create_committed(session, outlet, [(material, "5")], ORDER_CONDITIONS_IN=[
        {"ITM_NUMBER": "10", "COND_TYPE": "PR00", "COND_VALUE": "12.5"}])
    vbeln = create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}],
                          ["2"])["SALESDOCUMENT"]
    commit(session)

    [row] = status_rows(session, vbeln)
    assert (row["NET_PRICE"], row["NET_VALUE"]) == ("12.50", "25.00")


def test_returning_more_than_was_ordered_is_refused(session, outlet, order):
    create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}], ["4"])
    commit(session)

    result = create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}], ["2"])

    assert_refused(result)
    assert errors(result)[0]["MESSAGE"] == \
        f"Item 000010: only 1 ST of order {order} item 000010 can still be returned"


def test_a_return_referencing_an_unknown_order_is_refused(session, outlet, material):
    result = create_return(session, outlet, [
        {"MATERIAL": material, "REF_DOC": "55555", "REF_DOC_IT": "10"}], ["1"])

    assert_refused(result)
    assert errors(result)[0]["MESSAGE"] == \
        "SD document 0000055555 is not in the database or has been archived"


def test_a_return_of_another_customers_order_is_refused(session, master, order):
    result = create_return(session, master["other_outlet"], [
        {"REF_DOC": order, "REF_DOC_IT": "10"}], ["1"])

    assert_refused(result)
    assert (errors(result)[0]["ID"], errors(result)[0]["NUMBER"]) == ("V1", "303")


def test_customerreturn_create_refuses_a_standard_order_type(session, outlet, order):
    result = create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}], ["1"],
                           DOC_TYPE="TA")

    assert_refused(result)
    assert errors(result)[0]["MESSAGE"] == \
        "Sales document type TA is not a returns document type"


def test_a_return_is_not_checked_against_the_credit_limit(sap, session, outlet, order):
    set_credit_limit(sap, outlet, "1.00")

    result = create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}], ["1"])

    assert kinds(result) == SUCCESS


# --- GETSTATUS ------------------------------------------------------------------------------

def test_getstatus_of_an_unknown_document_is_a_return_error(session, master):
    result = status(session, "4242")

    assert (result["RETURN"]["TYPE"], result["RETURN"]["CODE"]) == ("E", "V1302")
    assert result["RETURN"]["MESSAGE"] == \
        "SD document 4242 is not in the database or has been archived"
    assert result["STATUSINFO"] in ("", [])


def test_getstatus_accepts_the_number_with_or_without_leading_zeros(session, order):
    assert status_rows(session, order) == status_rows(session, order.lstrip("0"))


def deliver(session: RfcSession, vbeln: str, quantity: str) -> str:
    """Deliver part of item 000010 (BAPI_OUTB_DELIVERY_CREATE_SLS) and commit."""
    result = session.call("BAPI_OUTB_DELIVERY_CREATE_SLS", SALES_ORDER_ITEMS=[
        {"REF_DOC": vbeln, "REF_ITEM": "10", "DLV_QTY": quantity}])
    assert result["DELIVERY"], result["RETURN"]
    commit(session)
    return str(result["DELIVERY"])


def test_getstatus_shows_a_partial_delivery_of_an_item(session, order):
    delivery = deliver(session, order, "2")

    [row] = status_rows(session, order)

    assert (row["DELIV_NUMB"], row["DELIV_ITEM"], row["DLV_QTY"]) == (
        delivery, "000010", "2.000")
    assert (row["DLV_STAT_I"], row["DLV_STAT_H"]) == ("B", "B")


def test_getstatus_has_one_row_per_delivery_of_an_item(session, order):
    first = deliver(session, order, "2")
    second = deliver(session, order, "3")

    rows = status_rows(session, order)

    assert [(r["ITM_NUMBER"], r["DELIV_NUMB"], r["DLV_QTY"]) for r in rows] == [
        ("000010", first, "2.000"), ("000010", second, "3.000")]
    assert {(r["DLV_STAT_I"], r["DLV_STAT_H"]) for r in rows} == {("C", "C")}


# --- sales statistics (S001) --------------------------------------------------------------------

S001_FIGURES = ["VRSIO", "VKORG", "VTWEG", "SPART", "AEMENGE", "AENETWR", "ANZAUPOS",
                "REMENGE", "RENETWR", "ANZREPOS"]


def statistics(session: RfcSession, kunnr: str, matnr: str) -> list[dict[str, str]]:
    return table_rows(session, "S001", S001_FIGURES, f"KUNNR = '{kunnr:0>10}'",
                      f"MATNR = '{matnr:0>18}'")


def test_a_committed_order_adds_to_the_incoming_orders_of_s001(session, outlet, material,
                                                              order):
    [row] = statistics(session, outlet, material)
    [item] = status_rows(session, order)

    assert (row["VRSIO"], row["VKORG"], row["VTWEG"], row["SPART"]) == (
        "000", "1000", "10", "00")
    assert (Decimal(row["AEMENGE"]), Decimal(row["AENETWR"]), Decimal(row["ANZAUPOS"])) == (
        5, Decimal(item["NET_VALUE"]), 1)


def test_an_uncommitted_order_is_not_in_s001(session, outlet, material):
    create(session, outlet, [(material, "5")])

    assert statistics(session, outlet, material) == []


def test_a_committed_return_adds_to_the_returns_of_s001(session, outlet, material, order):
    create_return(session, outlet, [{"REF_DOC": order, "REF_DOC_IT": "10"}], ["2"])
    commit(session)

    [row] = statistics(session, outlet, material)
    assert (Decimal(row["REMENGE"]), Decimal(row["ANZREPOS"]), Decimal(row["AEMENGE"])) == (
        2, 1, 5)


# --- zeep, through the WSDL ----------------------------------------------------------------------

@pytest.fixture
def service(sap):
    """``service("NAME")``: zeep's proxy for one function module, all on one HTTP session."""
    http = requests.Session()
    http.auth = sap.auth
    transport = Transport(session=http)

    def proxy(name: str):
        wsdl = (f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                f"&sap-client={sap.number}")
        return getattr(zeep.Client(wsdl, transport=transport).service, name)

    yield proxy
    http.close()


def zeep_order(service, outlet: str, material: str):
    return service("BAPI_SALESORDER_CREATEFROMDAT2")(
        ORDER_HEADER_IN={"DOC_TYPE": "TA", **SALES_AREA, "PURCH_NO_C": "CRM-ZEEP"},
        ORDER_PARTNERS={"item": [{"PARTN_ROLE": "AG", "PARTN_NUMB": outlet}]},
        ORDER_ITEMS_IN={"item": [{"ITM_NUMBER": "000010", "MATERIAL": material}]},
        ORDER_SCHEDULES_IN={"item": [{"ITM_NUMBER": "000010", "REQ_QTY": Decimal("3")}]})


def test_zeep_createfromdat2(service, outlet, material):
    result = zeep_order(service, outlet, material)

    assert result.SALESDOCUMENT == FIRST_NUMBER
    assert [(r.TYPE, r.ID, r.NUMBER) for r in result.RETURN.item] == SUCCESS


def test_zeep_getstatus_after_commit(service, outlet, material):
    zeep_order(service, outlet, material)
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")

    result = service("BAPI_SALESORDER_GETSTATUS")(SALESDOCUMENT=FIRST_NUMBER)

    [row] = result.STATUSINFO.item
    assert (row.PURCH_NO_C, row.REQ_QTY, row.MATERIAL) == (
        "CRM-ZEEP", Decimal("3.000"), f"{material:0>18}")


def test_zeep_customerreturn_create(service, outlet, material):
    zeep_order(service, outlet, material)
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")

    result = service("BAPI_CUSTOMERRETURN_CREATE")(
        RETURN_HEADER_IN={"DOC_TYPE": "RE", **SALES_AREA},
        RETURN_PARTNERS={"item": [{"PARTN_ROLE": "AG", "PARTN_NUMB": outlet}]},
        RETURN_ITEMS_IN={"item": [{"ITM_NUMBER": "000010", "REF_DOC": FIRST_NUMBER,
                                   "REF_DOC_IT": "000010", "REF_DOC_CA": "C"}]},
        RETURN_SCHEDULES_IN={"item": [{"ITM_NUMBER": "000010", "REQ_QTY": Decimal("1")}]})

    assert result.SALESDOCUMENT == SECOND_NUMBER
    assert result.RETURN.item[-1].MESSAGE == f"Returns {SECOND_NUMBER} has been saved"
