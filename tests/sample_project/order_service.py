"""The sample project's application code: sales orders placed in SAP over RFC.

It takes any pyrfc-shaped connection (``pyrfc.Connection`` in production; in the tests the
``sap_connection`` fixture of the fake_sap plugin).
"""

from __future__ import annotations

from typing import Any

SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}


class OrderRejected(Exception):
    """SAP refused the order; the message is SAP's first error message."""


def place_order(connection: Any, customer: str, lines: list[tuple[str, int]]) -> str:
    """Create and commit a standard order (TA); returns its number."""
    result = connection.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", **SALES_AREA},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": customer}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": f"{10 * i:06d}", "MATERIAL": material}
                        for i, (material, _) in enumerate(lines, start=1)],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": f"{10 * i:06d}", "REQ_QTY": quantity}
                            for i, (_, quantity) in enumerate(lines, start=1)])
    errors = [row["MESSAGE"] for row in result["RETURN"] if row["TYPE"] in ("E", "A")]
    if errors or not result["SALESDOCUMENT"]:
        connection.call("BAPI_TRANSACTION_ROLLBACK")
        raise OrderRejected(errors[0] if errors else "SAP created no order")
    connection.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    return str(result["SALESDOCUMENT"])


def order_date(connection: Any, order: str) -> str:
    """The document date (VBAK-AUDAT) of an order, ``YYYYMMDD``."""
    status = connection.call("BAPI_SALESORDER_GETSTATUS", SALESDOCUMENT=order)
    return str(status["STATUSINFO"][0]["DOC_DATE"])
