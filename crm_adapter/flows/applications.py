"""Material applications: from an outlet's request to the SAP document that supplies it.

Layer: flows. The CRM side (create, approve, reject, re-apply, show) runs in the caller's
CRM transaction; everything that talks to SAP is an outbox entry performed by the worker
(:mod:`crm_adapter.worker`), so that no request ever waits for SAP and nothing is lost or
done twice when SAP or the adapter is down:

1. **approve** (a user) → status ``approval_pending`` and an outbox entry
   ``check_material_application``. Its handler *reads* SAP: the outlet's credit (KNKK,
   open orders from VBAK/VBUK) and the availability of each material in the delivering
   plant (BAPI_MATERIAL_AVAILABILITY). Reading is repeatable, so the entry is safe to
   retry while SAP is down; the approval completes when SAP answers, once.
2. In the transaction that marks that entry done, the domain rules
   (:func:`crm_adapter.domain.applications.decide`) decide with SAP's facts and the CRM's
   prices: **rejected** with the reasons, or **approved**, and then (same transaction) an
   outbox entry that creates the SAP document.
3. ``create_sales_order`` (TA sales order or KB consignment fill-up, sold-to = the outlet,
   PURCH_NO_C = the CRM reference) or ``create_stock_transport_order`` (UB from plant 1000
   to 1100), each followed by BAPI_TRANSACTION_COMMIT in the same SAP session. Before
   creating, the handler looks for the document of an earlier attempt (VBAK-BSTNK = the
   reference; for a purchase order, the number it recorded before committing) and links
   that one instead. Done → ``in_sap`` with the SAP number; refused by SAP → ``failed``
   with SAP's message (not retried; the outlet may re-apply after a change).
"""

from __future__ import annotations

import contextlib
import logging
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crm_adapter import outbox
from crm_adapter.domain import applications as rules
from crm_adapter.domain.applications import (
    ApplicationNotFound,
    ApplicationType,
    Availability,
    CreditFacts,
    Facts,
    InvalidApplication,
    Item,
    Status,
)
from crm_adapter.outbox import Entry
from crm_adapter.store import applications as store
from crm_adapter.store import master_data
from sap_client import bapi
from sap_client.conversion import alpha_input, matn1_input, sap_number
from sap_client.tables import equals, read_table, read_table_in

log = logging.getLogger(__name__)

CHECK = "check_material_application"
CREATE_SALES_ORDER = "create_sales_order"
CREATE_STOCK_TRANSPORT_ORDER = "create_stock_transport_order"
#: the SAP partner function of the sold-to party (internal code)
SOLD_TO = "AG"
#: VBAK-VBTYP of orders (TA, KB ...), whose open value is credit exposure
ORDER_CATEGORY = "C"
#: VBUK-LFGSK: completely delivered
COMPLETELY_PROCESSED = "C"


# --- the CRM side: use cases of the JSON API -------------------------------------------------

def create(conn: Connection, outlet: str, application_type: str,
           items: list[dict[str, Any]]) -> dict[str, Any]:
    """A new application of an outlet (status ``submitted``); the application after."""
    kind = _application_type(application_type)
    outlet_number = _outlet(conn, outlet, kind)
    parsed = parse_items(conn, items)
    application_id = store.create(conn, kind.value, outlet_number, parsed)
    return show(conn, application_id)


def show(conn: Connection, application_id: int) -> dict[str, Any]:
    """The application with its items, its value and its integration with SAP."""
    application = store.get(conn, application_id)
    if application is None:
        raise ApplicationNotFound(f"application {application_id} does not exist")
    return _presented(conn, application)


def listing(conn: Connection, *, outlet: str | None = None, status: str | None = None,
            limit: int = 100) -> list[dict[str, Any]]:
    number = _customer_number(outlet) if outlet else None
    return [_presented(conn, a, with_integration=False)
            for a in store.listing(conn, outlet=number, status=status, limit=limit)]


def approve(conn: Connection, application_id: int) -> dict[str, Any]:
    """Accept the approval and ask the worker to check it against SAP's credit and stock."""
    application = _locked(conn, application_id)
    store.set_status(conn, application_id, rules.approve(Status(application["status"])))
    outbox.enqueue(conn, CHECK, {
        "application_id": application_id, "outlet": application["outlet"],
        "plant": rules.DELIVERING_PLANT,
        "materials": [{"material": m, "unit": master_data.base_unit(conn, m)}
                      for m in sorted({i["material_number"] for i in application["items"]})],
    }, application["crm_reference"])
    return show(conn, application_id)


def reject(conn: Connection, application_id: int, reason: str) -> dict[str, Any]:
    application = _locked(conn, application_id)
    status, reason = rules.reject(Status(application["status"]), reason)
    store.set_status(conn, application_id, status, reason)
    return show(conn, application_id)


def reapply(conn: Connection, application_id: int,
            items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Submit a rejected or failed application again, with new items if given."""
    application = _locked(conn, application_id)
    status = rules.reapply(Status(application["status"]))
    if items is not None:
        store.replace_items(conn, application_id, parse_items(conn, items))
    store.set_status(conn, application_id, status)
    return show(conn, application_id)


def parse_items(conn: Connection, items: list[dict[str, Any]]) -> list[Item]:
    """Items as given by the API: known materials (not deleted, with an outlet purchase
    price), positive quantities."""
    parsed = []
    for row, given in enumerate(items, start=1):
        number = _material_number(given.get("material"), f"items[{row}]")
        parsed.append(Item(number, rules.parse_quantity(given.get("quantity"),
                                                        f"items[{row}]")))
    rules.check_items(parsed)
    known = store.materials_of(conn, [i.material_number for i in parsed])
    for item in parsed:
        material = known.get(item.material_number)
        if material is None:
            raise InvalidApplication(f"material {item.material_number} is not in the CRM")
        if material["deleted"]:
            raise InvalidApplication(f"material {item.material_number} is flagged for "
                                     "deletion")
        if material["outlet_purchase_price"] is None:
            raise InvalidApplication(f"material {item.material_number} has no outlet "
                                     "purchase price")
    return parsed


def _application_type(value: str) -> ApplicationType:
    try:
        return ApplicationType(value)
    except ValueError:
        raise InvalidApplication(f"type must be one of "
                                 f"{', '.join(t.value for t in ApplicationType)}") from None


def _customer_number(value: str) -> str:
    try:
        return alpha_input(value)
    except ValueError:
        raise InvalidApplication(f"'{value}' is not a customer number") from None


def _material_number(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidApplication(f"{where}: material must be given as text")
    try:
        return matn1_input(value)
    except ValueError:
        raise InvalidApplication(f"{where}: '{value}' is not a material number") from None


def _outlet(conn: Connection, outlet: str, kind: ApplicationType) -> str:
    number = _customer_number(outlet)
    found = master_data.get_outlet(conn, number)
    if found is None:
        raise InvalidApplication(f"outlet {number} is not in the CRM")
    if found["deleted"]:
        raise InvalidApplication(f"outlet {number} is flagged for deletion")
    if kind is ApplicationType.STOCK_TRANSPORT and not found["provincial_center"]:
        raise InvalidApplication(f"outlet {number} belongs to no provincial center; a stock "
                                 "transport goes to its center's warehouse")
    return number


def _locked(conn: Connection, application_id: int) -> dict[str, Any]:
    application = store.get(conn, application_id, lock=True)
    if application is None:
        raise ApplicationNotFound(f"application {application_id} does not exist")
    return application


def _items_of(application: dict[str, Any]) -> list[Item]:
    return [Item(i["material_number"], i["quantity"]) for i in application["items"]]


def _presented(conn: Connection, application: dict[str, Any], *,
               with_integration: bool = True) -> dict[str, Any]:
    items = _items_of(application)
    prices = store.prices(conn, [i.material_number for i in items])
    try:
        value: Decimal | None = rules.value_of(items, prices)
    except InvalidApplication:
        value = None  # a material lost its price since: nothing to show
    outlet = master_data.get_outlet(conn, application["outlet"]) or {}
    reason = application.pop("rejection_reason")
    shown = {**application, "reason": reason, "value": value, "currency": rules.CURRENCY,
             "provincial_center": outlet.get("provincial_center")}
    if with_integration:
        shown["integration"] = integration(conn, application["crm_reference"])
    return shown


def integration(conn: Connection, crm_reference: str) -> list[dict[str, Any]]:
    """The outbox entries of a CRM document: what was asked of SAP and how it went."""
    return store.outbox_entries(conn, crm_reference)


# --- SAP side 1: the facts an approval needs (a read; safe to repeat) ------------------------

def read_approval_facts(sap: Any, entry: Entry) -> dict[str, Any]:
    """The outlet's credit and the availability of each material, as SAP has them."""
    payload = entry.payload
    return {
        "credit": credit_facts(sap, payload["outlet"]),
        "availability": {m["material"]: availability(sap, payload["plant"], m["material"],
                                                     m["unit"])
                         for m in payload["materials"]},
    }


def credit_facts(sap: Any, customer: str) -> dict[str, str] | None:
    """KNKK of credit control area 1000 and the open order value; None without KNKK."""
    credit = read_table(sap, "KNKK", ["KLIMK", "SKFOR", "SSOBL"],
                        [equals("KUNNR", customer),
                         equals("KKBER", rules.CREDIT_CONTROL_AREA)])
    if not credit:
        return None
    return {"limit": str(_sap_amount(credit[0]["KLIMK"])),
            "receivables": str(_sap_amount(credit[0]["SKFOR"])),
            "special_liabilities": str(_sap_amount(credit[0]["SSOBL"])),
            "open_orders": str(open_order_value(sap, customer))}


def open_order_value(sap: Any, customer: str) -> Decimal:
    """Net value of the customer's orders that are not completely delivered."""
    orders = read_table(sap, "VBAK", ["VBELN", "NETWR"],
                        [equals("KUNNR", customer), equals("VBTYP", ORDER_CATEGORY)])
    if not orders:
        return Decimal(0)
    statuses = {row["VBELN"]: row["LFGSK"] for row in read_table_in(
        sap, "VBUK", ["VBELN", "LFGSK"], "VBELN", [o["VBELN"] for o in orders])}
    return sum((_sap_amount(o["NETWR"]) for o in orders
                if statuses.get(o["VBELN"]) != COMPLETELY_PROCESSED), Decimal(0))


def availability(sap: Any, plant: str, material: str, unit: str) -> dict[str, str]:
    """What the plant can still promise of the material (SAP's ATP), or SAP's reason why
    it cannot tell (a business answer, kept as a fact: the decision rejects on it)."""
    result = sap.call("BAPI_MATERIAL_AVAILABILITY", PLANT=plant, MATERIAL=material,
                      UNIT=unit)
    errors = [m for m in bapi.messages(result) if m.is_error]
    if errors:
        return {"available": "0", "problem": "; ".join(m.message or str(m) for m in errors)}
    return {"available": str(_sap_amount(str(result.get("AV_QTY_PLT") or "0"))),
            "problem": ""}


def _sap_amount(text: str) -> Decimal:
    """An amount as RFC_READ_TABLE shows it (``1234.50``, SAP's trailing minus ``5.00-``)."""
    try:
        return sap_number(text)
    except ValueError:
        raise ValueError(f"SAP sent '{text}' where an amount was expected") from None


# --- the decision, in the transaction that completes the read --------------------------------

def decide_with_sap_facts(conn: Connection, entry: Entry, result: dict[str, Any]) -> None:
    application = store.get_by_reference(conn, entry.crm_reference, lock=True)
    if application is None or application["status"] != Status.APPROVAL_PENDING:
        log.warning("approval facts for %s arrived, but the application is %s; ignored",
                    entry.crm_reference, application and application["status"])
        return
    items = _items_of(application)
    prices = store.prices(conn, [i.material_number for i in items])
    try:
        decision = rules.decide(items, prices, _facts(conn, application, result))
    except InvalidApplication as refused:  # e.g. a price removed since the application
        store.set_status(conn, application["id"], Status.REJECTED, str(refused))
        return
    if not decision.approved:
        store.set_status(conn, application["id"], Status.REJECTED, decision.reason)
        return
    store.set_status(conn, application["id"], Status.APPROVED)
    kind = ApplicationType(application["application_type"])
    outbox.enqueue(conn, CREATE_STOCK_TRANSPORT_ORDER if kind is ApplicationType.STOCK_TRANSPORT
                   else CREATE_SALES_ORDER, _document_payload(conn, application, kind),
                   application["crm_reference"])


def _facts(conn: Connection, application: dict[str, Any], result: dict[str, Any]) -> Facts:
    credit = result.get("credit")
    awaiting = store.items_awaiting_sap(conn, rules.AWAITING_SAP, excluding=application["id"])
    same_outlet = [item for item, outlet in awaiting if outlet == application["outlet"]]
    prices = store.prices(conn, [i.material_number for i in same_outlet])
    return Facts(
        credit=None if credit is None else CreditFacts(
            limit=Decimal(credit["limit"]), receivables=Decimal(credit["receivables"]),
            special_liabilities=Decimal(credit["special_liabilities"]),
            open_orders=Decimal(credit["open_orders"])),
        availability={material: Availability(Decimal(a["available"]), a["problem"])
                      for material, a in result["availability"].items()},
        # an approved application whose material lost its price since counts without it
        approved_value_not_in_sap=rules.value_of(
            [i for i in same_outlet if i.material_number in prices], prices),
        approved_quantities_not_in_sap=rules.quantities(item for item, _ in awaiting))


def _document_payload(conn: Connection, application: dict[str, Any],
                      kind: ApplicationType) -> dict[str, Any]:
    """Everything the SAP call needs, so that the entry does not depend on later changes."""
    outlet = master_data.get_outlet(conn, application["outlet"]) or {}
    return {
        "application_id": application["id"], "document_type": kind.sap_document_type,
        "outlet": application["outlet"], "provincial_center": outlet.get("provincial_center"),
        "items": [{"item_number": i["item_number"] * 10, "material": i["material_number"],
                   "quantity": str(i["quantity"]),
                   "unit": master_data.base_unit(conn, i["material_number"])}
                  for i in application["items"]],
    }


def approval_facts_refused(conn: Connection, entry: Entry, error: str) -> None:
    _mark_failed(conn, entry, f"SAP refused to give the approval facts: {error}")


# --- SAP side 2: create the document (idempotent) --------------------------------------------

def create_sales_order(sap: Any, entry: Entry) -> dict[str, Any]:
    """A TA sales order or KB consignment fill-up for the outlet, unless SAP has one with
    this reference already (an earlier attempt that committed)."""
    payload = entry.payload
    existing = sales_documents_by_reference(sap, entry.crm_reference, payload["outlet"])
    if existing:
        return {"document": existing[0], "existing": True, "warnings": []}
    result = outbox.create_in_unit(sap, entry, "BAPI_SALESORDER_CREATEFROMDAT2", dict(
        ORDER_HEADER_IN={
            "DOC_TYPE": payload["document_type"], "SALES_ORG": rules.SALES_ORGANIZATION,
            "DISTR_CHAN": rules.DISTRIBUTION_CHANNEL, "DIVISION": rules.DIVISION,
            "PURCH_NO_C": entry.crm_reference},
        ORDER_PARTNERS=[{"PARTN_ROLE": SOLD_TO, "PARTN_NUMB": payload["outlet"]}],
        ORDER_ITEMS_IN=[without_blanks({
            "ITM_NUMBER": f"{i['item_number']:06d}", "MATERIAL": i["material"],
            "PLANT": rules.DELIVERING_PLANT, "SALES_UNIT": i["unit"]})
            for i in payload["items"]],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": f"{i['item_number']:06d}", "SCHED_LINE": "0001",
                             "REQ_QTY": i["quantity"]} for i in payload["items"]]))
    if result is None:  # executed in a unit that tells no result: find it by reference
        found = sales_documents_by_reference(sap, entry.crm_reference, payload["outlet"])
        return {"document": _created_by_unit(found, entry), "existing": False, "warnings": []}
    return {"document": outbox.document_number(result.get("SALESDOCUMENT"),
                                                "BAPI_SALESORDER_CREATEFROMDAT2",
                                                "SALESDOCUMENT"),
            "existing": False, "warnings": warnings_of(result)}


def _created_by_unit(found: list[str], entry: Entry) -> str:
    """The document an executed unit created; none means SAP refused it (tRFC brings back
    no RETURN, so the reason is only in SAP's application log)."""
    if not found:
        raise bapi.BapiError(entry.kind, [bapi.BapiMessage(
            "E", "", "", f"SAP executed unit {entry.unit_id} but holds no document with "
                         f"reference {entry.crm_reference}")])
    return found[0]


def sales_documents_by_reference(sap: Any, crm_reference: str, customer: str) -> list[str]:
    """Numbers of the customer's sales documents whose PO number (BSTNK) is the reference."""
    rows = read_table(sap, "VBAK", ["VBELN"],
                      [equals("BSTNK", crm_reference), equals("KUNNR", customer)])
    return [row["VBELN"] for row in rows]


def create_stock_transport_order(sap: Any, entry: Entry) -> dict[str, Any]:
    """A UB stock transport order from the central warehouse (plant 1000, supplying) to the
    provincial warehouse (plant 1100, receiving).

    The CRM reference travels as POHEADER-OUR_REF (EKKO-UNSEZ) and the provincial center
    the outlet belongs to as REF_1 (EKKO-IHREZ); a retry first looks for an order with that
    reference. The order is created inside the entry's transactional unit where SAP has
    units. Without them, as a second line of defence, the number SAP draws at
    BAPI_PO_CREATE1 is recorded in the outbox *before* BAPI_TRANSACTION_COMMIT and looked up
    too (for SAP systems whose PO interface does not keep OUR_REF).
    """
    payload = entry.payload
    existing = read_table(sap, "EKKO", ["EBELN"], [equals("UNSEZ", entry.crm_reference),
                                                   equals("BSART", payload["document_type"])])
    if existing:
        return {"document": existing[0]["EBELN"], "existing": True, "warnings": []}
    drawn = entry.progress.get("purchase_order")
    if drawn and read_table(sap, "EKKO", ["EBELN"], [equals("EBELN", drawn)]):
        return {"document": drawn, "existing": True, "warnings": []}
    parameters = _purchase_order_parameters(entry)
    in_unit, created = outbox.submit_in_unit(sap, entry, "BAPI_PO_CREATE1", parameters)
    if in_unit and created is None:  # executed in a unit that tells no result
        found = [row["EBELN"] for row in read_table(sap, "EKKO", ["EBELN"], [
            equals("UNSEZ", entry.crm_reference), equals("BSART", payload["document_type"])])]
        return {"document": _created_by_unit(found, entry), "existing": False, "warnings": []}
    if created is not None:
        return {"document": outbox.document_number(created.get("EXPPURCHASEORDER"),
                                                    "BAPI_PO_CREATE1", "EXPPURCHASEORDER"),
                "existing": False, "warnings": warnings_of(created)}
    # without units: the drawn number is recorded before the commit (see above)
    entry.check_in_doubt()
    try:
        result = sap.call("BAPI_PO_CREATE1", **parameters)
        bapi.check(result, "BAPI_PO_CREATE1")
        # a blank number is refused before the commit: nothing to record or link
        number = outbox.document_number(result.get("EXPPURCHASEORDER"), "BAPI_PO_CREATE1",
                                        "EXPPURCHASEORDER")
    except Exception:
        _rollback_quietly(sap)
        raise
    entry.checkpoint({"purchase_order": number})
    outbox.commit_in_doubt(sap, entry, "BAPI_PO_CREATE1")  # any failure: in doubt
    return {"document": number, "existing": False, "warnings": warnings_of(result)}


def _purchase_order_parameters(entry: Entry) -> dict[str, Any]:
    """POHEADER and POITEM with their X structures: BAPI_PO_CREATE1 takes only the fields
    flagged X in POHEADERX / POITEMX (SAP's documentation of the function, "Controlling
    adoption of field values via X parameter"), so every field sent is flagged."""
    payload = entry.payload
    header = without_blanks({
        "DOC_TYPE": payload["document_type"], "COMP_CODE": rules.COMPANY_CODE,
        "PURCH_ORG": rules.PURCHASING_ORGANIZATION, "PUR_GROUP": rules.PURCHASING_GROUP,
        "SUPPL_PLNT": rules.DELIVERING_PLANT, "OUR_REF": entry.crm_reference,
        "REF_1": payload.get("provincial_center") or ""})
    items = [without_blanks({
        "PO_ITEM": f"{i['item_number']:05d}", "MATERIAL": i["material"],
        "PLANT": rules.PROVINCIAL_WAREHOUSE_PLANT, "QUANTITY": i["quantity"],
        "PO_UNIT": i["unit"]}) for i in payload["items"]]
    return dict(POHEADER=header, POHEADERX=change_flags(header),
                POITEM=items, POITEMX=[change_flags(item, keys=("PO_ITEM",)) for item in items])


def change_flags(values: dict[str, Any], keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """The X structure of a BAPI structure: every field sent flagged ``X``; the key fields
    (``keys``, e.g. PO_ITEM) carry their value and their own flag (PO_ITEMX)."""
    flags = {name: "X" for name in values if name not in keys}
    for key in keys:
        if key in values:
            flags[key] = values[key]
            flags[f"{key}X"] = "X"
    return flags


def _rollback_quietly(sap: Any) -> None:
    # only tidies the SAP session; its failure must not hide the original error
    with contextlib.suppress(Exception):
        sap.call("BAPI_TRANSACTION_ROLLBACK")


def without_blanks(values: dict[str, Any]) -> dict[str, Any]:
    """A BAPI structure without the fields left empty (SAP then takes its defaults)."""
    return {key: value for key, value in values.items() if value not in ("", None)}


def warnings_of(result: dict[str, Any]) -> list[str]:
    """The W messages of a BAPI's RETURN (kept with the result, e.g. a credit block)."""
    return [str(m) for m in bapi.messages(result) if m.type == bapi.MessageType.WARNING]


def link_sap_document(conn: Connection, entry: Entry, result: dict[str, Any]) -> None:
    application = store.get_by_reference(conn, entry.crm_reference, lock=True)
    if application is None:
        log.error("SAP document %s created for unknown application %s", result["document"],
                  entry.crm_reference)
        return
    store.link_sap_document(conn, application["id"], result["document"])


def sap_document_refused(conn: Connection, entry: Entry, error: str) -> None:
    _mark_failed(conn, entry, f"SAP refused the document: {error}")


def _mark_failed(conn: Connection, entry: Entry, reason: str) -> None:
    application = store.get_by_reference(conn, entry.crm_reference, lock=True)
    if application is not None:
        store.set_status(conn, application["id"], Status.FAILED, reason)


#: what the outbox worker does for the kinds this flow enqueues (wired in crm_adapter.compose)
OUTBOX_JOBS = (
    outbox.OutboxJob(CHECK, perform=read_approval_facts, on_done=decide_with_sap_facts,
                     on_failed=approval_facts_refused),
    outbox.OutboxJob(CREATE_SALES_ORDER, perform=create_sales_order,
                     on_done=link_sap_document, on_failed=sap_document_refused),
    outbox.OutboxJob(CREATE_STOCK_TRANSPORT_ORDER, perform=create_stock_transport_order,
                     on_done=link_sap_document, on_failed=sap_document_refused),
)
