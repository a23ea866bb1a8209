"""BAPI_GOODSMVT_CREATE (initial entry of stock, 561) and BAPI_MATERIAL_AVAILABILITY (ATP)
over SOAP-RFC against the real server. Goods receipts for stock transport orders (101) are
in test_bapi_stock_transport.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests
import zeep
from logistics_flow import CENTRAL, PROVINCIAL, Flow, quantity, seeded_flow
from zeep.transports import Transport


@pytest.fixture
def flow(sap):
    with seeded_flow(sap) as running:
        yield running


def kinds(result) -> list[tuple[str, str, str]]:
    return [(row["TYPE"], row["ID"], row["NUMBER"]) for row in result["RETURN"]]


def initial_entry(flow: Flow, amount: str = "25", *, code: str = "05", testrun: str = "",
                  **item) -> dict:
    return flow.rfc.call(
        "BAPI_GOODSMVT_CREATE",
        GOODSMVT_HEADER={"PSTNG_DATE": "2030-03-04", "DOC_DATE": "2030-03-01",
                         "HEADER_TXT": "Initial load"},
        GOODSMVT_CODE={"GM_CODE": code}, TESTRUN=testrun,
        GOODSMVT_ITEM=[{"MATERIAL": flow.material.lstrip("0"), "PLANT": PROVINCIAL,
                        "STGE_LOC": "0001", "MOVE_TYPE": "561", "ENTRY_QNT": amount,
                        **item}])


def availability(flow: Flow, plant: str = CENTRAL, **params) -> dict:
    return flow.rfc.call("BAPI_MATERIAL_AVAILABILITY", PLANT=plant, MATERIAL=flow.material,
                         UNIT="ST", **params)


# --- BAPI_GOODSMVT_CREATE: 561 -------------------------------------------------------------

def test_an_initial_entry_adds_unrestricted_stock(flow):
    result = initial_entry(flow, "25")
    assert flow.commit()["TYPE"] == ""

    assert not result["RETURN"]
    document = result["MATERIALDOCUMENT"]
    assert (document, result["MATDOCUMENTYEAR"]) == ("4900000000", "2030")
    assert flow.stock(flow.material, PROVINCIAL) == 25
    [header] = flow.material_documents()
    assert (header["mblnr"], header["budat"], header["bldat"], header["bktxt"]) == (
        document, "20300304", "20300301", "Initial load")
    [movement] = flow.movements(document)
    assert (movement["bwart"], movement["werks"], movement["lgort"], movement["shkzg"],
            quantity(movement["menge"]), movement["meins"]) == (
        "561", PROVINCIAL, "0001", "S", 25, "ST")


def test_stock_type_x_enters_quality_inspection_stock(flow):
    initial_entry(flow, "5", STCK_TYPE="X")
    flow.commit()

    assert flow.stock(flow.material, PROVINCIAL, column="insme") == 5
    assert flow.stock(flow.material, PROVINCIAL) == 0


def test_stock_type_s_enters_blocked_stock(flow):
    initial_entry(flow, "5", STCK_TYPE="S")
    flow.commit()

    assert flow.stock(flow.material, PROVINCIAL, column="speme") == 5


def test_nothing_moves_before_the_commit(flow):
    result = initial_entry(flow, "25")

    assert result["MATERIALDOCUMENT"]
    assert flow.stock(flow.material, PROVINCIAL) == 0
    flow.rfc.call("BAPI_TRANSACTION_ROLLBACK")
    assert flow.material_documents() == []


def test_a_testrun_checks_without_a_document(flow):
    result = initial_entry(flow, "25", testrun="X")
    flow.commit()

    assert (result["MATERIALDOCUMENT"], result["RETURN"]) == ("", "")
    assert flow.material_documents() == []
    assert flow.stock(flow.material, PROVINCIAL) == 0


def test_a_testrun_reports_the_errors_a_real_run_would(flow):
    result = initial_entry(flow, "25", testrun="X", STGE_LOC="0099")

    assert kinds(result) == [("E", "M7", "001")]


@pytest.mark.parametrize(("item", "field"), [
    ({"MATERIAL": "4711"}, "MATERIAL"),
    ({"PLANT": "9999"}, "PLANT"),
    ({"STGE_LOC": "0099"}, "STGE_LOC"),
    ({"MOVE_TYPE": "601"}, "MOVE_TYPE"),
    ({"ENTRY_QNT": "0"}, "ENTRY_QNT"),
    ({"ENTRY_UOM": "KG"}, "ENTRY_UOM"),
    ({"STCK_TYPE": "Q"}, "STCK_TYPE"),
])
def test_a_wrong_item_is_refused_with_its_row_and_field(flow, item, field):
    result = initial_entry(flow, **item)

    [error] = result["RETURN"]
    assert (error["TYPE"], error["PARAMETER"], error["ROW"], error["FIELD"]) == (
        "E", "GOODSMVT_ITEM", "1", field)
    assert result["MATERIALDOCUMENT"] == ""


@pytest.mark.parametrize("code", ["03", "99", ""])
def test_an_unsupported_goods_movement_code_is_refused(flow, code):
    result = initial_entry(flow, code=code)

    assert kinds(result) == [("E", "M7", "427")]


def test_without_items_nothing_is_posted(flow):
    result = flow.rfc.call("BAPI_GOODSMVT_CREATE", GOODSMVT_HEADER={},
                           GOODSMVT_CODE={"GM_CODE": "05"}, GOODSMVT_ITEM=[])

    assert kinds(result) == [("E", "M7", "096")]


def test_several_items_make_one_material_document(flow):
    result = flow.rfc.call(
        "BAPI_GOODSMVT_CREATE", GOODSMVT_HEADER={"PSTNG_DATE": "2030-03-04"},
        GOODSMVT_CODE={"GM_CODE": "05"},
        GOODSMVT_ITEM=[{"MATERIAL": m, "PLANT": PROVINCIAL, "STGE_LOC": "0001",
                        "MOVE_TYPE": "561", "ENTRY_QNT": "3"} for m in flow.materials])
    flow.commit()

    assert [m["zeile"] for m in flow.movements(result["MATERIALDOCUMENT"])] == ["0001",
                                                                                 "0002"]
    assert [flow.stock(m, PROVINCIAL) for m in flow.materials] == [3, 3]


def test_a_101_without_a_purchase_order_is_refused(flow):
    result = initial_entry(flow, code="01", MOVE_TYPE="101", MVT_IND="B",
                           PO_NUMBER="4500000099", PO_ITEM="00010")

    assert kinds(result) == [("E", "M7", "002")]


def test_a_101_without_mvt_ind_b_is_refused(flow):
    result = initial_entry(flow, code="01", MOVE_TYPE="101")

    assert kinds(result) == [("E", "M7", "116")]


# --- BAPI_MATERIAL_AVAILABILITY -------------------------------------------------------------

def test_availability_is_the_unrestricted_stock_without_demand(flow):
    result = availability(flow)

    assert quantity(result["AV_QTY_PLT"]) == 100
    assert result["DIALOGFLAG"] == ""
    assert result["RETURN"]["TYPE"] == ""
    [line] = result["WMDVEX"]
    assert quantity(line["COM_QTY"]) == 100
    assert result["ENDLEADTME"] == line["COM_DATE"]


def test_confirmed_order_quantities_are_not_available_any_more(flow):
    flow.order("30")

    assert quantity(availability(flow)["AV_QTY_PLT"]) == 70


def test_after_the_goods_issue_the_stock_is_lower_and_the_demand_gone(flow):
    order = flow.order("30")
    flow.goods_movement(flow.deliver(order, "30"))

    assert flow.stock(flow.material) == 70
    assert quantity(availability(flow)["AV_QTY_PLT"]) == 70


def test_a_requirement_is_confirmed_up_to_the_available_quantity(flow):
    flow.order("30")

    result = availability(flow, WMDVSX=[{"REQ_DATE": "2030-01-01", "REQ_QTY": "80"}])

    [line] = result["WMDVEX"]
    assert (line["COM_DATE"], quantity(line["COM_QTY"])) == ("2030-01-01", 70)
    assert result["DIALOGFLAG"] == "X"


def test_requirements_are_confirmed_in_date_order(flow):
    result = availability(flow, WMDVSX=[{"REQ_DATE": "2030-02-01", "REQ_QTY": "50"},
                                        {"REQ_DATE": "2030-01-01", "REQ_QTY": "60"}])

    assert [(line["COM_DATE"], quantity(line["COM_QTY"])) for line in result["WMDVEX"]] == [
        ("2030-01-01", 60), ("2030-02-01", 40)]


def test_a_storage_location_limits_the_check_to_its_stock(flow):
    result = availability(flow, STGE_LOC="0002")

    assert quantity(result["AV_QTY_PLT"]) == 0


def test_an_unknown_material_is_an_error_in_return(flow):
    result = flow.rfc.call("BAPI_MATERIAL_AVAILABILITY", PLANT=CENTRAL, MATERIAL="4711",
                           UNIT="ST")

    assert (result["RETURN"]["TYPE"], result["RETURN"]["CODE"]) == ("E", "M3305")
    assert result["DIALOGFLAG"] == "N"


def test_a_plant_without_the_material_is_an_error_in_return(flow):
    result = availability(flow, plant="9999")

    assert (result["RETURN"]["TYPE"], result["RETURN"]["CODE"]) == ("E", "M3732")


def test_another_unit_than_the_base_unit_is_an_error_in_return(flow):
    result = flow.rfc.call("BAPI_MATERIAL_AVAILABILITY", PLANT=CENTRAL,
                           MATERIAL=flow.material, UNIT="KG")

    assert result["RETURN"]["TYPE"] == "E"


def test_leading_zeros_of_the_material_may_be_omitted(flow):
    result = flow.rfc.call("BAPI_MATERIAL_AVAILABILITY", PLANT=CENTRAL,
                           MATERIAL=flow.material.lstrip("0"), UNIT="ST")

    assert quantity(result["AV_QTY_PLT"]) == 100


# --- zeep, through the WSDL --------------------------------------------------------------------

def test_goods_movement_and_availability_through_zeep(flow, sap):
    http = requests.Session()
    http.auth = sap.auth
    transport = Transport(session=http)

    def service(name: str):
        wsdl = (f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                f"&sap-client={sap.number}")
        return getattr(zeep.Client(wsdl, transport=transport).service, name)

    posted = service("BAPI_GOODSMVT_CREATE")(
        GOODSMVT_HEADER={"PSTNG_DATE": "2030-03-04"}, GOODSMVT_CODE={"GM_CODE": "05"},
        GOODSMVT_ITEM={"item": [{"MATERIAL": flow.material, "PLANT": CENTRAL,
                                 "STGE_LOC": "0001", "MOVE_TYPE": "561",
                                 "ENTRY_QNT": Decimal("15")}]})
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    checked = service("BAPI_MATERIAL_AVAILABILITY")(PLANT=CENTRAL, MATERIAL=flow.material,
                                                    UNIT="ST")
    http.close()

    assert posted.MATERIALDOCUMENT == "4900000000"
    assert posted.GOODSMVT_HEADRET.DOC_YEAR == "2030"
    assert checked.AV_QTY_PLT == Decimal("115.000")
    assert checked.WMDVEX.item[0].COM_QTY == Decimal("115.000")
