"""Returns to SAP: an outlet's return becomes an SAP return order (RE) against the original
order.

Layer: flows. Creating, approving and rejecting run in the caller's CRM transaction; the
approval enqueues ``create_customer_return``, which the worker performs:
BAPI_CUSTOMERRETURN_CREATE (DOC_TYPE RE, sold-to = the outlet, PURCH_NO_C = the CRM
reference, REF_DOC = the original order, each item pointing at the order item of its
material) and BAPI_TRANSACTION_COMMIT in the same SAP session. Before creating, the handler
looks for an RE order with the same reference (VBAK-BSTNK) from an earlier attempt and
links that one instead. The returns delivery and its goods receipt come back from SAP as
IDocs (see the deliveries flow).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection

from crm_adapter import outbox
from crm_adapter.domain import returns as rules
from crm_adapter.domain.applications import (
    DISTRIBUTION_CHANNEL,
    DIVISION,
    SALES_ORGANIZATION,
    ApplicationType,
    Item,
    parse_quantity,
)
from crm_adapter.domain.applications import Status as ApplicationStatus
from crm_adapter.domain.returns import InvalidReturn, ReturnNotFound, Status
from crm_adapter.flows.applications import (
    SOLD_TO,
    integration,
    warnings_of,
    without_blanks,
)
from crm_adapter.outbox import Entry
from crm_adapter.store import applications as application_store
from crm_adapter.store import master_data
from crm_adapter.store import returns as store
from sap_client import bapi
from sap_client.conversion import alpha_input, matn1_input
from sap_client.tables import equals, read_table

log = logging.getLogger(__name__)

CREATE_CUSTOMER_RETURN = "create_customer_return"
#: applications whose SAP order exists, so that goods can be returned against it
RETURNABLE = frozenset({ApplicationStatus.IN_SAP, ApplicationStatus.PARTIALLY_DELIVERED,
                        ApplicationStatus.DELIVERED})


# --- the CRM side: use cases of the JSON API -------------------------------------------------

def create(conn: Connection, outlet: str, items: list[dict[str, Any]], *,
           application_id: int | None = None, sap_order: str | None = None) -> dict[str, Any]:
    """A new return (status ``submitted``) against an application's SAP order or an SAP
    order given by number."""
    outlet_number = _outlet(conn, outlet)
    parsed = _items(conn, items)
    if application_id is not None:
        original = _from_application(conn, application_id, outlet_number, parsed)
    elif sap_order:
        original = _order_number(sap_order)
    else:
        raise InvalidReturn("name the application or the SAP order the goods came with")
    return_id = store.create(conn, outlet_number, original, parsed, application_id)
    return show(conn, return_id)


def show(conn: Connection, return_id: int) -> dict[str, Any]:
    found = store.get(conn, return_id)
    if found is None:
        raise ReturnNotFound(f"return {return_id} does not exist")
    return {**found, "integration": integration(conn, found["crm_reference"])}


def listing(conn: Connection, *, outlet: str | None = None, status: str | None = None,
            limit: int = 100) -> list[dict[str, Any]]:
    number = _customer(outlet) if outlet else None
    return store.listing(conn, outlet=number, status=status, limit=limit)


def approve(conn: Connection, return_id: int) -> dict[str, Any]:
    """Approve the return: the worker creates the SAP return order."""
    found = _locked(conn, return_id)
    store.set_status(conn, return_id, rules.approve(Status(found["status"])))
    outbox.enqueue(conn, CREATE_CUSTOMER_RETURN, {
        "return_id": return_id, "outlet": found["outlet"],
        "original_order": found["original_order"],
        "items": [{"item_number": i["item_number"] * 10, "material": i["material_number"],
                   "quantity": str(i["expected_quantity"]),
                   "unit": master_data.base_unit(conn, i["material_number"])}
                  for i in found["items"]],
    }, found["crm_reference"])
    return show(conn, return_id)


def reject(conn: Connection, return_id: int, reason: str) -> dict[str, Any]:
    found = _locked(conn, return_id)
    status, reason = rules.reject(Status(found["status"]), reason)
    store.set_status(conn, return_id, status, reason)
    return show(conn, return_id)


def _from_application(conn: Connection, application_id: int, outlet: str,
                      items: list[Item]) -> str:
    application = application_store.get(conn, application_id)
    if application is None or application["outlet"] != outlet:
        raise InvalidReturn(f"outlet {outlet} has no application {application_id}")
    if application["application_type"] != ApplicationType.SALES_ORDER:
        raise InvalidReturn("only goods of a sales order application can be returned "
                            f"(application {application_id} is a "
                            f"{application['application_type'].replace('_', ' ')})")
    if application["status"] not in RETURNABLE or not application["sap_document_number"]:
        raise InvalidReturn(f"application {application_id} has no SAP order yet")
    applied = {i["material_number"]: i["quantity"] for i in application["items"]}
    returned = store.returned_quantities(conn, application_id, rules.ACTIVE)
    rules.check_against_application(items, applied, returned)
    return str(application["sap_document_number"])


def _items(conn: Connection, items: list[dict[str, Any]]) -> list[Item]:
    parsed = []
    for row, item in enumerate(items, start=1):
        material = item.get("material")
        if not isinstance(material, str) or not material.strip():
            raise InvalidReturn(f"items[{row}]: material must be given as text")
        try:
            number = matn1_input(material)
        except ValueError:
            raise InvalidReturn(f"items[{row}]: '{material}' is not a material "
                                "number") from None
        if master_data.get_material(conn, number) is None:
            raise InvalidReturn(f"material {number} is not in the CRM")
        parsed.append(Item(number, parse_quantity(item.get("quantity"), f"items[{row}]",
                                                  InvalidReturn)))
    rules.check_items(parsed)
    return parsed


def _customer(value: str) -> str:
    try:
        return alpha_input(value)
    except ValueError:
        raise InvalidReturn(f"'{value}' is not a customer number") from None


def _outlet(conn: Connection, outlet: str) -> str:
    number = _customer(outlet)
    if master_data.get_outlet(conn, number) is None:
        raise InvalidReturn(f"outlet {number} is not in the CRM")
    return number


def _order_number(value: str) -> str:
    try:
        number = alpha_input(value)  # VBELN has the customer's conversion exit (ALPHA, 10)
    except ValueError:
        number = ""
    if not number.isdigit():
        raise InvalidReturn(f"'{value}' is not an SAP order number")
    return number


def _locked(conn: Connection, return_id: int) -> dict[str, Any]:
    found = store.get(conn, return_id, lock=True)
    if found is None:
        raise ReturnNotFound(f"return {return_id} does not exist")
    return found


# --- SAP side: the return order (idempotent) -------------------------------------------------

def create_customer_return(sap: Any, entry: Entry) -> dict[str, Any]:
    """An RE order against the original order, unless one with this reference exists."""
    payload = entry.payload
    existing = read_table(sap, "VBAK", ["VBELN"], [
        equals("BSTNK", entry.crm_reference), equals("KUNNR", payload["outlet"]),
        equals("AUART", rules.RETURN_DOCUMENT_TYPE)])
    if existing:
        return {"document": existing[0]["VBELN"], "existing": True, "warnings": []}
    order_items = _order_items(sap, payload["original_order"])
    result = outbox.create_in_unit(sap, entry, "BAPI_CUSTOMERRETURN_CREATE", dict(
        RETURN_HEADER_IN={
            "DOC_TYPE": rules.RETURN_DOCUMENT_TYPE, "SALES_ORG": SALES_ORGANIZATION,
            "DISTR_CHAN": DISTRIBUTION_CHANNEL, "DIVISION": DIVISION,
            "PURCH_NO_C": entry.crm_reference, "REF_DOC": payload["original_order"],
            "REFDOC_CAT": rules.ORDER_CATEGORY},
        RETURN_PARTNERS=[{"PARTN_ROLE": SOLD_TO, "PARTN_NUMB": payload["outlet"]}],
        RETURN_ITEMS_IN=[without_blanks({
            "ITM_NUMBER": f"{i['item_number']:06d}", "MATERIAL": i["material"],
            "REF_DOC": payload["original_order"],
            "REF_DOC_IT": order_items.get(i["material"], ""),
            "REF_DOC_CA": rules.ORDER_CATEGORY, "SALES_UNIT": i["unit"]})
            for i in payload["items"]],
        RETURN_SCHEDULES_IN=[{"ITM_NUMBER": f"{i['item_number']:06d}", "SCHED_LINE": "0001",
                              "REQ_QTY": i["quantity"]} for i in payload["items"]]))
    if result is None:  # executed in a unit that tells no result: find it by reference
        found = read_table(sap, "VBAK", ["VBELN"], [
            equals("BSTNK", entry.crm_reference), equals("KUNNR", payload["outlet"]),
            equals("AUART", rules.RETURN_DOCUMENT_TYPE)])
        if not found:
            raise bapi.BapiError(entry.kind, [bapi.BapiMessage(
                "E", "", "", f"SAP executed unit {entry.unit_id} but holds no return order "
                             f"with reference {entry.crm_reference}")])
        return {"document": found[0]["VBELN"], "existing": False, "warnings": []}
    return {"document": outbox.document_number(result.get("SALESDOCUMENT"),
                                                "BAPI_CUSTOMERRETURN_CREATE", "SALESDOCUMENT"),
            "existing": False, "warnings": warnings_of(result)}


def _order_items(sap: Any, order: str) -> dict[str, str]:
    """Material → item number (POSNR) in the original order (its first item of the
    material); a material the order lacks is sent without an item and SAP refuses it."""
    items: dict[str, str] = {}
    for row in read_table(sap, "VBAP", ["POSNR", "MATNR"], [equals("VBELN", order)]):
        items.setdefault(row["MATNR"], row["POSNR"])
    return items


def link_return_order(conn: Connection, entry: Entry, result: dict[str, Any]) -> None:
    found = store.get_by_reference(conn, entry.crm_reference, lock=True)
    if found is None:
        log.error("SAP return order %s created for unknown return %s", result["document"],
                  entry.crm_reference)
        return
    store.link_return_order(conn, found["id"], result["document"])


def return_order_refused(conn: Connection, entry: Entry, error: str) -> None:
    found = store.get_by_reference(conn, entry.crm_reference, lock=True)
    if found is not None:
        store.set_status(conn, found["id"], Status.FAILED,
                         f"SAP refused the return order: {error}")


#: what the outbox worker does for the kinds this flow enqueues (wired in crm_adapter.compose)
OUTBOX_JOBS = (
    outbox.OutboxJob(CREATE_CUSTOMER_RETURN, perform=create_customer_return,
                     on_done=link_return_order, on_failed=return_order_refused),
)
