"""Test data for the FI tests: accounting documents as BAPI_ACC_DOCUMENT_POST takes them, and
customer orders as ORDERS05 IDocs (orders arrive from the CRM as IDocs)."""

from __future__ import annotations

from typing import Any

from idoc_builders import SENDER, packet
from rfc_client import RfcSession

from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import ORDERS05

COMPANY_CODE = "1000"
#: the G/L expense account labour fees are booked to
LABOUR_FEE_EXPENSE = "0000470000"
POSTING_DATE = "2024-05-31"


def header(**fields: str) -> dict[str, str]:
    return {"COMP_CODE": COMPANY_CODE, "DOC_DATE": POSTING_DATE, "PSTNG_DATE": POSTING_DATE,
            "DOC_TYPE": "SA", "HEADER_TXT": "Labour fee settlement", "USERNAME": "CRM",
            **fields}


def amounts(*values: str, currency: str = "CNY") -> list[dict[str, str]]:
    """CURRENCYAMOUNT rows for items 1, 2, ... (signed: debit positive, credit negative)."""
    return [{"ITEMNO_ACC": f"{item:010d}", "CURR_TYPE": "00", "CURRENCY": currency,
             "AMT_DOCCUR": value} for item, value in enumerate(values, start=1)]


def settlement_params(customer: str, amount: str = "1000.00", *,
                      expense: str | None = None, **header_fields: str) -> dict[str, Any]:
    """A labour-fee settlement: the provincial center's customer account is credited, the
    expense account debited. ``expense`` unbalances it on purpose."""
    return {
        "DOCUMENTHEADER": header(**header_fields),
        "ACCOUNTRECEIVABLE": [{"ITEMNO_ACC": "0000000001", "CUSTOMER": customer,
                               "ITEM_TEXT": "Labour fee May", "ALLOC_NMBR": "LF-2024-05"}],
        "ACCOUNTGL": [{"ITEMNO_ACC": "0000000002", "GL_ACCOUNT": LABOUR_FEE_EXPENSE,
                       "ITEM_TEXT": "Labour fee expense"}],
        "CURRENCYAMOUNT": amounts(f"-{amount}", expense or amount),
    }


def labour_fee_settlement(session: RfcSession, customer: str, amount: str = "1000.00",
                          **kwargs: Any) -> dict[str, Any]:
    return session.call("BAPI_ACC_DOCUMENT_POST", **settlement_params(customer, amount,
                                                                      **kwargs))


def vendor_invoice(session: RfcSession, vendor: str, amount: str = "300.00") -> dict[str, Any]:
    """A vendor invoice: the vendor is credited, the expense account debited."""
    return session.call(
        "BAPI_ACC_DOCUMENT_POST", DOCUMENTHEADER=header(DOC_TYPE="KR", HEADER_TXT="Freight"),
        ACCOUNTPAYABLE=[{"ITEMNO_ACC": "0000000001", "VENDOR_NO": vendor,
                         "ITEM_TEXT": "Freight May"}],
        ACCOUNTGL=[{"ITEMNO_ACC": "0000000002", "GL_ACCOUNT": LABOUR_FEE_EXPENSE}],
        CURRENCYAMOUNT=amounts(f"-{amount}", amount))


def orders_idoc(purchase_order: str, sold_to: str, items: list[tuple[str, str]]) -> bytes:
    """An ORDERS05 IDoc-XML document: one order of ``sold_to`` in sales area 1000/10/00;
    ``items`` are (material, quantity in pieces)."""
    segments = [
        SegmentData("E1EDK01", {"CURCY": "CNY", "BELNR": purchase_order}),
        SegmentData("E1EDK14", {"QUALF": "008", "ORGID": "1000"}),
        SegmentData("E1EDK14", {"QUALF": "007", "ORGID": "10"}),
        SegmentData("E1EDK14", {"QUALF": "006", "ORGID": "00"}),
        SegmentData("E1EDK14", {"QUALF": "012", "ORGID": "TA"}),
        SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": sold_to}),
        SegmentData("E1EDKA1", {"PARVW": "WE", "PARTN": sold_to}),
        SegmentData("E1EDK02", {"QUALF": "001", "BELNR": purchase_order}),
    ]
    for number, (material, quantity) in enumerate(items, start=1):
        item = SegmentData("E1EDP01", {"POSEX": f"{number * 10:06d}", "MENGE": quantity,
                                       "MENEE": "PCE", "WERKS": "1000"})
        item.children.append(SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": material}))
        segments.append(item)
    control = {"MESTYP": "ORDERS", "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": SENDER,
               "RCVPRT": "LS", "RCVPRN": "FAKESAP"}
    return packet(ORDERS05, [Idoc(control, segments)])
