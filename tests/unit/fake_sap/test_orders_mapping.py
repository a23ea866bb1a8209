"""ORDERS05 IDocs as typed sales orders (ALE inbound, no database)."""

from __future__ import annotations

import pytest

from fake_sap.ale.inbound import orders
from fake_sap.errors import ApplicationError
from fake_sap.idoc.document import Idoc, SegmentData

pytestmark = pytest.mark.unit


def order_idoc(*segments: SegmentData) -> Idoc:
    return Idoc({"MESTYP": "ORDERS"}, list(segments))


def item(posex: str, material: str, menge: str) -> SegmentData:
    return SegmentData("E1EDP01", {"POSEX": posex, "MENGE": menge, "MENEE": "PCE"}, [
        SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": material})])


def test_an_order_idoc_becomes_a_sales_order_in_internal_form() -> None:
    document = order_idoc(
        SegmentData("E1EDK01", {"BELNR": "PO-1", "CURCY": "CNY"}),
        SegmentData("E1EDK02", {"QUALF": "001", "BELNR": "PO-42"}),
        SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "1000001"}),
        item("", "4711", "3"))

    order = orders.to_order(document)

    assert orders.object_key(document) == "PO-42"
    assert (order.doc_type, order.sold_to, order.ship_to, order.purch_no_c, order.sales_org) \
        == ("TA", "0001000001", "0001000001", "PO-42", "")
    assert [(i.itm_number, i.material, i.quantity, i.quantity_field) for i in order.items] \
        == [("000010", "000000000000004711", "3", "MENGE")]


@pytest.mark.parametrize(("segments", "msgno"), [
    ((), "202"),
    ((SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "1"}),
      SegmentData("E1EDK14", {"QUALF": "008", "ORGID": "1000"})), "204"),
    ((SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "1"}),
      SegmentData("E1EDP01", {"POSEX": "10"})), "140"),
], ids=["no sold-to", "part of a sales area", "item without material"])
def test_an_order_idoc_without_what_an_order_needs_is_refused(
        segments: tuple[SegmentData, ...], msgno: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        orders.to_order(order_idoc(*segments))

    assert (refused.value.sap_message.msgid, refused.value.sap_message.msgno) == ("VG", msgno)
