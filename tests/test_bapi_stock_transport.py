"""Stock transport orders between plant 1000 (supplying) and plant 1100 (receiving) over
SOAP-RFC: BAPI_PO_CREATE1 (type UB), BAPI_OUTB_DELIVERY_CREATE_STO (delivery type NL),
WS_DELIVERY_UPDATE (goods issue 641 into stock in transit at 1100) and
BAPI_GOODSMVT_CREATE (goods receipt 101 at 1100 out of stock in transit).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests
import zeep
from logistics_flow import CENTRAL, PROVINCIAL, Flow, quantity, seeded_flow
from zeep.transports import Transport

from fake_sap.db.documents import ekko


@pytest.fixture
def flow(sap):
    with seeded_flow(sap) as running:
        yield running


def kinds(result) -> list[tuple[str, str, str]]:
    return [(row["TYPE"], row["ID"], row["NUMBER"]) for row in result["RETURN"]]


def flagged(row: dict, *keys: str) -> dict:
    """The X row of ``row``: its key fields as they are, every other field flagged X."""
    return {name: value if name in keys else "X" for name, value in row.items()}


def po_params(flow: Flow, amount: str = "30", **header) -> dict:
    """POHEADER and POITEM with the X structures that flag every field sent, as SAP needs:
    BAPI_PO_CREATE1 takes only flagged fields."""
    params = {
        "POHEADER": {"COMP_CODE": "1000", "DOC_TYPE": "UB", "SUPPL_PLNT": CENTRAL,
                     "PURCH_ORG": "1000", "PUR_GROUP": "001", **header},
        "POITEM": [{"PO_ITEM": "00010", "MATERIAL": flow.material, "PLANT": PROVINCIAL,
                    "STGE_LOC": "0001", "QUANTITY": amount, "PO_UNIT": "ST"}],
    }
    params["POHEADERX"] = flagged(params["POHEADER"])
    params["POITEMX"] = [flagged(params["POITEM"][0], "PO_ITEM")]
    return params


def stock_transport_order(flow: Flow, amount: str = "30") -> str:
    result = flow.rfc.call("BAPI_PO_CREATE1", **po_params(flow, amount))
    assert result["EXPPURCHASEORDER"], result["RETURN"]
    assert flow.commit()["TYPE"] == ""
    return str(result["EXPPURCHASEORDER"])


def replenishment_delivery(flow: Flow, ebeln: str, amount: str = "0") -> str:
    result = flow.rfc.call("BAPI_OUTB_DELIVERY_CREATE_STO", STOCK_TRANS_ITEMS=[
        {"REF_DOC": ebeln, "REF_ITEM": "00010", "DLV_QTY": amount}])
    assert result["DELIVERY"], result["RETURN"]
    assert flow.commit()["TYPE"] == ""
    return str(result["DELIVERY"])


def receive(flow: Flow, ebeln: str, amount: str, **item) -> dict:
    return flow.rfc.call(
        "BAPI_GOODSMVT_CREATE", GOODSMVT_HEADER={"PSTNG_DATE": "2030-02-01"},
        GOODSMVT_CODE={"GM_CODE": "01"},
        GOODSMVT_ITEM=[{"MOVE_TYPE": "101", "PO_NUMBER": ebeln, "PO_ITEM": "00010",
                        "MVT_IND": "B", "PLANT": PROVINCIAL, "STGE_LOC": "0001",
                        "ENTRY_QNT": amount, **item}])


def available(flow: Flow, plant: str) -> Decimal:
    result = flow.rfc.call("BAPI_MATERIAL_AVAILABILITY", PLANT=plant,
                           MATERIAL=flow.material, UNIT="ST")
    assert result["RETURN"]["TYPE"] == "", result["RETURN"]
    return quantity(result["AV_QTY_PLT"])


# --- the stock transport order --------------------------------------------------------------

def test_a_stock_transport_order_is_created_with_s_06_017(flow):
    result = flow.rfc.call("BAPI_PO_CREATE1", **po_params(flow))
    assert flow.commit()["TYPE"] == ""

    assert result["EXPPURCHASEORDER"] == "4500000000"
    assert kinds(result) == [("S", "06", "017")]
    header = result["EXPHEADER"]
    assert (header["PO_NUMBER"], header["DOC_TYPE"], header["SUPPL_PLNT"]) == (
        "4500000000", "UB", CENTRAL)
    item = flow.purchase_order_item("4500000000")
    assert (item["matnr"], item["werks"], quantity(item["menge"]), item["meins"]) == (
        flow.material, PROVINCIAL, 30, "ST")


def test_the_success_message_carries_the_order_number_in_message_v2(flow):
    # SAP's 06 017 is "& created under the number &": the document type's text, then the
    # number, which callers read from MESSAGE_V2
    result = flow.rfc.call("BAPI_PO_CREATE1", **po_params(flow))
    assert flow.commit()["TYPE"] == ""

    [created] = result["RETURN"]
    assert (created["MESSAGE_V1"], created["MESSAGE_V2"]) == (
        "Stock Transp. Order", result["EXPPURCHASEORDER"])
    assert created["MESSAGE"] == (
        f"Stock Transp. Order created under the number {result['EXPPURCHASEORDER']}")


def test_the_callers_reference_is_kept_in_the_order_header(flow):
    result = flow.rfc.call("BAPI_PO_CREATE1", **po_params(flow, OUR_REF="MA0000000042",
                                                          REF_1="0000900001"))
    assert flow.commit()["TYPE"] == ""

    [header] = flow.tables.rows(ekko)
    assert (header["unsez"], header["ihrez"]) == ("MA0000000042", "0000900001")
    assert result["EXPHEADER"]["OUR_REF"] == "MA0000000042"


def test_the_order_can_be_found_by_its_reference_with_rfc_read_table(flow):
    number = flow.rfc.call("BAPI_PO_CREATE1", **po_params(flow, OUR_REF="MA0000000043"))[
        "EXPPURCHASEORDER"]
    flow.commit()

    found = flow.rfc.call("RFC_READ_TABLE", QUERY_TABLE="EKKO", DELIMITER="|",
                          FIELDS=[{"FIELDNAME": "EBELN"}],
                          OPTIONS=[{"TEXT": "UNSEZ = 'MA0000000043' AND BSART = 'UB'"}])

    assert [row["WA"] for row in found["DATA"]] == [number]


def test_the_items_standard_fields_the_emulator_does_not_keep_read_as_initial_values(flow):
    number = stock_transport_order(flow, "30")

    result = flow.rfc.call("RFC_READ_TABLE", QUERY_TABLE="EKPO", DELIMITER="|",
                           FIELDS=[{"FIELDNAME": name} for name in
                                   ("EBELP", "MENGE", "KZWI1", "LEWED", "BANFN")],
                           OPTIONS=[{"TEXT": f"EBELN = '{number}'"}])

    # SAP's ECC 6.0 EKPO: KZWI1 CURR 13,2, LEWED a date, BANFN CHAR 10 (not kept here)
    assert [(f["FIELDNAME"], f["TYPE"]) for f in result["FIELDS"]] == \
        [("EBELP", "N"), ("MENGE", "P"), ("KZWI1", "P"), ("LEWED", "D"), ("BANFN", "C")]
    [[ebelp, menge, kzwi1, lewed, banfn]] = [row["WA"].split("|") for row in result["DATA"]]
    assert (ebelp, Decimal(menge), Decimal(kzwi1), lewed, banfn.strip()) == \
        ("00010", Decimal("30"), Decimal("0"), "00000000", "")


def test_the_order_is_invisible_until_the_commit(flow):
    result = flow.rfc.call("BAPI_PO_CREATE1", **po_params(flow))

    assert flow.tables.rows(ekko) == []
    flow.rfc.call("BAPI_TRANSACTION_ROLLBACK")
    assert result["EXPPURCHASEORDER"] == "4500000000"


def test_a_testrun_checks_without_a_number(flow):
    result = flow.rfc.call("BAPI_PO_CREATE1", TESTRUN="X", **po_params(flow))

    assert result["EXPPURCHASEORDER"] == ""
    assert kinds(result) == [("S", "06", "017")]
    assert stock_transport_order(flow) == "4500000000"


def test_the_quantity_may_come_from_the_schedule_lines(flow):
    params = po_params(flow)
    params["POITEM"][0]["QUANTITY"] = "0"
    params["POSCHEDULE"] = [{"PO_ITEM": "00010", "SCHED_LINE": "0001", "QUANTITY": "12"},
                            {"PO_ITEM": "00010", "SCHED_LINE": "0002", "QUANTITY": "8"}]
    params["POSCHEDULEX"] = [flagged(line, "PO_ITEM", "SCHED_LINE")
                             for line in params["POSCHEDULE"]]

    ebeln = flow.rfc.call("BAPI_PO_CREATE1", **params)["EXPPURCHASEORDER"]
    flow.commit()

    assert quantity(flow.purchase_order_item(ebeln)["menge"]) == 20


def test_with_x_structures_only_flagged_fields_are_taken(flow):
    params = po_params(flow)
    params["POHEADERX"] = {"COMP_CODE": "X", "DOC_TYPE": "X"}  # SUPPL_PLNT not flagged

    result = flow.rfc.call("BAPI_PO_CREATE1", **params)

    assert result["EXPPURCHASEORDER"] == ""
    assert result["RETURN"][0]["FIELD"] == "SUPPL_PLNT"
    assert "(none)" in result["RETURN"][0]["MESSAGE"]


def test_without_x_structures_nothing_but_the_item_number_is_taken(flow):
    params = po_params(flow, OUR_REF="MA0000000044")
    del params["POHEADERX"], params["POITEMX"]

    result = flow.rfc.call("BAPI_PO_CREATE1", **params)

    assert result["EXPPURCHASEORDER"] == ""
    assert [(row["PARAMETER"], row["FIELD"]) for row in result["RETURN"][:-1]] == [
        ("POHEADER", "DOC_TYPE"), ("POHEADER", "COMP_CODE"), ("POHEADER", "SUPPL_PLNT"),
        ("POITEM", "QUANTITY")]
    assert kinds(result)[-1] == ("E", "BAPI", "001")


def test_an_item_without_its_x_row_has_no_material_and_no_quantity(flow):
    params = po_params(flow)
    params["POITEMX"] = [{"PO_ITEM": "00020", "MATERIAL": "X", "QUANTITY": "X"}]

    result = flow.rfc.call("BAPI_PO_CREATE1", **params)

    assert result["EXPPURCHASEORDER"] == ""
    assert (result["RETURN"][0]["FIELD"], result["RETURN"][0]["ROW"]) == ("QUANTITY", "1")


def test_an_unflagged_reference_is_not_kept(flow):
    params = po_params(flow, OUR_REF="MA0000000045")
    del params["POHEADERX"]["OUR_REF"]

    flow.rfc.call("BAPI_PO_CREATE1", **params)
    assert flow.commit()["TYPE"] == ""

    [header] = flow.tables.rows(ekko)
    assert header["unsez"] == ""


def test_an_unflagged_schedule_quantity_is_not_taken(flow):
    params = po_params(flow)
    params["POITEMX"][0]["QUANTITY"] = ""
    params["POSCHEDULE"] = [{"PO_ITEM": "00010", "SCHED_LINE": "0001", "QUANTITY": "12"}]
    params["POSCHEDULEX"] = [{"PO_ITEM": "00010", "SCHED_LINE": "0001"}]

    result = flow.rfc.call("BAPI_PO_CREATE1", **params)

    assert result["EXPPURCHASEORDER"] == ""
    assert result["RETURN"][0]["FIELD"] == "QUANTITY"


@pytest.mark.parametrize(("change", "field"), [
    ({"POHEADER": {"DOC_TYPE": "NB"}}, "DOC_TYPE"),
    ({"POHEADER": {"SUPPL_PLNT": "9999"}}, "SUPPL_PLNT"),
    ({"POITEM": {"PLANT": CENTRAL}}, "PLANT"),
    ({"POITEM": {"MATERIAL": "4711"}}, "MATERIAL"),
    ({"POITEM": {"QUANTITY": "0"}}, "QUANTITY"),
])
def test_a_wrong_order_is_refused_with_bapi_001(flow, change, field):
    params = po_params(flow)
    params["POHEADER"].update(change.get("POHEADER", {}))
    params["POITEM"][0].update(change.get("POITEM", {}))

    result = flow.rfc.call("BAPI_PO_CREATE1", **params)

    assert result["EXPPURCHASEORDER"] == ""
    assert [row["FIELD"] for row in result["RETURN"]][0] == field
    assert kinds(result)[-1] == ("E", "BAPI", "001")


def test_an_item_number_given_twice_is_refused(flow):
    params = po_params(flow)
    params["POITEM"].append(dict(params["POITEM"][0]))

    result = flow.rfc.call("BAPI_PO_CREATE1", **params)

    assert result["EXPPURCHASEORDER"] == ""
    assert (result["RETURN"][0]["FIELD"], result["RETURN"][0]["ROW"]) == ("PO_ITEM", "1")


# --- delivery, goods issue, goods receipt ------------------------------------------------------

def test_a_replenishment_delivery_references_the_order(flow):
    ebeln = stock_transport_order(flow)

    delivery = replenishment_delivery(flow, ebeln)

    header = flow.delivery(delivery)
    assert (header["lfart"], header["vbtyp"], header["werks"]) == ("NL", "J", CENTRAL)
    [item] = flow.delivery_items(delivery)
    assert (item["pstyv"], item["vgbel"], item["vgpos"], quantity(item["lfimg"])) == (
        "NLN", ebeln, "000010", 30)
    assert [(r["vbeln"], r["vbtyp_v"], r["vbtyp_n"]) for r in flow.flow_from(ebeln)] == [
        (delivery, "V", "J")]
    [created] = flow.desadv(delivery)
    assert created.extension.get("ZORDTYP") == "V"


def test_the_goods_issue_moves_the_stock_into_transit_at_the_receiving_plant(flow):
    delivery = replenishment_delivery(flow, stock_transport_order(flow))

    flow.goods_movement(delivery)

    [document] = flow.material_documents()
    [movement] = flow.movements(document["mblnr"])
    assert (movement["bwart"], movement["werks"], movement["umwrk"]) == (
        "641", CENTRAL, PROVINCIAL)
    assert flow.stock(flow.material, CENTRAL) == 70
    assert flow.in_transit(flow.material, PROVINCIAL) == 30
    assert flow.stock(flow.material, PROVINCIAL) == 0
    assert [r["bwart"] for r in flow.flow_from(delivery)] == ["641"]
    assert flow.events(delivery) == ["CRE", "PGI"]


def test_the_goods_receipt_moves_the_stock_from_transit_to_unrestricted(flow):
    ebeln = stock_transport_order(flow)
    flow.goods_movement(replenishment_delivery(flow, ebeln))

    result = receive(flow, ebeln, "30")
    assert flow.commit()["TYPE"] == ""

    assert result["MATERIALDOCUMENT"] and not result["RETURN"]
    assert result["MATDOCUMENTYEAR"] == "2030"
    assert result["GOODSMVT_HEADRET"] == {"MAT_DOC": result["MATERIALDOCUMENT"],
                                          "DOC_YEAR": "2030"}
    [movement] = flow.movements(result["MATERIALDOCUMENT"])
    assert (movement["bwart"], movement["ebeln"], movement["ebelp"]) == ("101", ebeln,
                                                                         "00010")
    assert flow.in_transit(flow.material, PROVINCIAL) == 0
    assert flow.stock(flow.material, PROVINCIAL) == 30
    assert available(flow, PROVINCIAL) == 30
    assert available(flow, CENTRAL) == 70
    assert flow.purchase_order_item(ebeln)["elikz"] == "X"


def test_a_partial_receipt_leaves_the_rest_in_transit(flow):
    ebeln = stock_transport_order(flow)
    flow.goods_movement(replenishment_delivery(flow, ebeln))

    receive(flow, ebeln, "10")
    flow.commit()

    assert flow.in_transit(flow.material, PROVINCIAL) == 20
    assert flow.stock(flow.material, PROVINCIAL) == 10
    assert flow.purchase_order_item(ebeln)["elikz"] == ""


def test_more_than_was_issued_cannot_be_received(flow):
    ebeln = stock_transport_order(flow)
    flow.goods_movement(replenishment_delivery(flow, ebeln, "20"))

    result = receive(flow, ebeln, "25")

    assert kinds(result) == [("E", "M7", "022")]
    assert result["MATERIALDOCUMENT"] == ""


def test_nothing_can_be_received_before_the_goods_issue(flow):
    ebeln = stock_transport_order(flow)
    replenishment_delivery(flow, ebeln)

    result = receive(flow, ebeln, "1")

    assert kinds(result) == [("E", "M7", "022")]


def test_an_open_stock_transport_order_reserves_stock_of_the_supplying_plant(flow):
    stock_transport_order(flow, "30")

    assert available(flow, CENTRAL) == 70
    assert flow.stock(flow.material, CENTRAL) == 100


def test_a_sales_order_is_not_a_stock_transport_order(flow):
    order = flow.order("5")

    result = flow.rfc.call("BAPI_OUTB_DELIVERY_CREATE_STO", STOCK_TRANS_ITEMS=[
        {"REF_DOC": order, "REF_ITEM": "00010", "DLV_QTY": "5"}])

    assert kinds(result) == [("E", "VL", "001")]


def test_a_stock_transport_order_is_not_a_sales_document(flow):
    ebeln = stock_transport_order(flow)

    result = flow.create_delivery(ebeln, {"10": "5"})

    assert kinds(result) == [("E", "VL", "001")]


# --- zeep, through the WSDL --------------------------------------------------------------------

def test_order_and_delivery_through_zeep(flow, sap):
    http = requests.Session()
    http.auth = sap.auth
    transport = Transport(session=http)

    def service(name: str):
        wsdl = (f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                f"&sap-client={sap.number}")
        return getattr(zeep.Client(wsdl, transport=transport).service, name)

    created = service("BAPI_PO_CREATE1")(
        POHEADER={"COMP_CODE": "1000", "DOC_TYPE": "UB", "SUPPL_PLNT": CENTRAL},
        POHEADERX={"COMP_CODE": "X", "DOC_TYPE": "X", "SUPPL_PLNT": "X"},
        POITEM={"item": [{"PO_ITEM": "00010", "MATERIAL": flow.material,
                          "PLANT": PROVINCIAL, "QUANTITY": Decimal("7")}]},
        POITEMX={"item": [{"PO_ITEM": "00010", "PO_ITEMX": "X", "MATERIAL": "X",
                           "PLANT": "X", "QUANTITY": "X"}]})
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    delivered = service("BAPI_OUTB_DELIVERY_CREATE_STO")(STOCK_TRANS_ITEMS={"item": [
        {"REF_DOC": created.EXPPURCHASEORDER, "REF_ITEM": "00010"}]})
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    http.close()

    assert created.EXPPURCHASEORDER == "4500000000"
    assert created.EXPHEADER.DOC_TYPE == "UB"
    assert delivered.NUM_DELIVERIES == 1
    assert quantity(flow.delivery_items(delivered.DELIVERY)[0]["lfimg"]) == 7
