"""ORDERS05 inbound over /sap/bc/idoc_xml (process code ORDE): a customer's order becomes a
sales order with the checks and messages of BAPI_SALESORDER_CREATEFROMDAT2, or status 51
with the BAPI's first error; BD87 posts it once the master data is fixed."""

from __future__ import annotations

from typing import Any

import pytest
from idoc_builders import SENDER, customer, docnums, last_status_text, packet, trail
from rfc_client import RfcSession

from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import DEBMAS07, ORDERS05
from fake_sap.testing.process import SapClient

POSTED = ["50", "64", "53"]
FAILED = ["50", "64", "51"]
FIRST_NUMBER = "0000010000"
ORG_DATA = {"008": "1000", "007": "10", "006": "00"}


@pytest.fixture
def master(sap) -> dict[str, Any]:
    loaded = sap.seed(materials=2, customers=3, initial_stock="100")
    return {"outlet": loaded["outlets"][0].lstrip("0"),
            "center": loaded["provincial_centers"][0].lstrip("0"),
            "material": loaded["materials"][0].lstrip("0")}


@pytest.fixture
def session(sap):
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def order_idoc(sold_to: str, lines: list[tuple[str, str]], *, po_number: str = "PO-1",
               org: dict[str, str] | None = None, unit: str = "PCE") -> Idoc:
    """An ORDERS05 IDoc: sales area (E1EDK14), sold-to (E1EDKA1 AG), the customer's PO
    number (E1EDK02 001) and one E1EDP01 per (material, quantity)."""
    segments = [SegmentData("E1EDK01", {"CURCY": "CNY", "BELNR": po_number})]
    segments += [SegmentData("E1EDK14", {"QUALF": qualifier, "ORGID": value})
                 for qualifier, value in (ORG_DATA if org is None else org).items()]
    segments.append(SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": sold_to}))
    segments.append(SegmentData("E1EDK02", {"QUALF": "001", "BELNR": po_number}))
    for index, (material, quantity) in enumerate(lines, start=1):
        item = SegmentData("E1EDP01", {"POSEX": f"{index * 10:06d}", "MENGE": quantity,
                                       "MENEE": unit})
        item.children.append(SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": material}))
        segments.append(item)
    control = {"MESTYP": "ORDERS", "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": SENDER,
               "RCVPRT": "LS", "RCVPRN": "FAKESAP"}
    return Idoc(control, segments)


def post_order(sap: SapClient, idoc: Idoc) -> str:
    response = sap.post_idocs(packet(ORDERS05, [idoc]))
    assert response.status_code == 200, response.text
    [docnum] = docnums(response)
    return docnum


def last_status(sap: SapClient, docnum: str) -> dict[str, Any]:
    return dict(sap.idoc(docnum)["status_records"][-1])


def order_status(session: RfcSession, vbeln: str) -> dict[str, Any]:
    return session.call("BAPI_SALESORDER_GETSTATUS", SALESDOCUMENT=vbeln)


def bapi_first_error(session: RfcSession, sold_to: str, material: str) -> dict[str, Any]:
    """The first RETURN row of CREATEFROMDAT2 for the same order as an IDoc."""
    result = session.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00"},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": sold_to}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": material, "TARGET_QTY": "1"}])
    return dict(result["RETURN"][0])


def test_an_orders_idoc_is_posted_as_a_standard_order(sap, master):
    docnum = post_order(sap, order_idoc(master["outlet"], [(master["material"], "5")]))

    assert trail(sap, docnum) == POSTED
    assert last_status_text(sap, docnum) == f"Standard Order {FIRST_NUMBER} has been saved"
    assert (last_status(sap, docnum)["message_id"],
            last_status(sap, docnum)["message_number"]) == ("V1", "311")


def test_the_order_from_the_idoc_is_visible_through_getstatus(sap, session, master):
    post_order(sap, order_idoc(master["outlet"], [(master["material"], "5")],
                               po_number="CRM-PO-77"))

    [row] = order_status(session, FIRST_NUMBER)["STATUSINFO"]
    assert (row["PURCH_NO_C"], row["MATERIAL"], row["REQ_QTY"], row["SALES_UNIT"]) == (
        "CRM-PO-77", f"{master['material']:0>18}", "5.000", "ST")


def test_without_org_data_the_sales_area_comes_from_the_sold_to_party(sap, master):
    docnum = post_order(sap, order_idoc(master["outlet"], [(master["material"], "1")],
                                        org={}))

    assert trail(sap, docnum) == POSTED


def test_an_unknown_material_gives_51_with_the_bapis_first_error(sap, session, master):
    docnum = post_order(sap, order_idoc(master["outlet"], [("99999999", "1")]))

    expected = bapi_first_error(session, master["outlet"], "99999999")
    status = last_status(sap, docnum)
    assert trail(sap, docnum) == FAILED
    assert (status["message_id"], status["message_number"], status["text"]) == (
        expected["ID"], expected["NUMBER"], expected["MESSAGE"])
    assert status["text"] == "Material 99999999 does not exist or is flagged for deletion"


def test_an_unknown_sold_to_party_gives_51_with_the_bapis_first_error(sap, session, master):
    docnum = post_order(sap, order_idoc("7777777", [(master["material"], "1")]))

    expected = bapi_first_error(session, "7777777", master["material"])
    status = last_status(sap, docnum)
    assert trail(sap, docnum) == FAILED
    assert (status["message_id"], status["message_number"], status["text"]) == (
        "VP", "112", expected["MESSAGE"])


def test_a_sold_to_without_a_sales_area_and_no_org_data_gives_vg_204(sap, master):
    response = sap.post_idocs(packet(DEBMAS07, [customer("2000001", "ZOUT")]))
    assert 'CODE="53"' in response.text, response.text

    docnum = post_order(sap, order_idoc("2000001", [(master["material"], "1")], org={}))

    status = last_status(sap, docnum)
    assert (status["status"], status["message_id"], status["message_number"]) == (
        "51", "VG", "204")
    assert status["text"] == "Sales area could not be determined for sold-to party 2000001"


def test_incomplete_org_data_gives_vg_204(sap, master):
    docnum = post_order(sap, order_idoc(master["outlet"], [(master["material"], "1")],
                                        org={"008": "1000"}))

    assert (last_status(sap, docnum)["message_id"],
            last_status(sap, docnum)["message_number"]) == ("VG", "204")


def test_a_failed_orders_idoc_takes_no_order_number(sap, master):
    post_order(sap, order_idoc(master["outlet"], [("99999999", "1")]))

    docnum = post_order(sap, order_idoc(master["outlet"], [(master["material"], "1")]))

    assert last_status_text(sap, docnum) == f"Standard Order {FIRST_NUMBER} has been saved"


def test_reprocessing_after_the_sold_to_arrived_posts_the_order(sap, session, master):
    docnum = post_order(sap, order_idoc("2000002", [(master["material"], "2")]))
    assert trail(sap, docnum) == FAILED
    arrived = sap.post_idocs(packet(DEBMAS07, [customer("2000002", "ZOUT", master["center"])]))
    assert 'CODE="53"' in arrived.text, arrived.text

    response = sap.process(docnum)

    assert response.status_code == 200, response.text
    assert trail(sap, docnum) == FAILED + ["64", "53"]
    assert order_status(session, FIRST_NUMBER)["STATUSINFO"][0]["CUM_CF_QTY"] == "2.000"


def test_an_iso_unit_that_the_material_does_not_have_is_refused(sap, master):
    docnum = post_order(sap, order_idoc(master["outlet"], [(master["material"], "1")],
                                        unit="KGM"))

    assert trail(sap, docnum) == FAILED
    assert last_status_text(sap, docnum).startswith("Unit KG is not defined for material")
