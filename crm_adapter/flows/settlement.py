"""Labour-fee flow: repair orders, the fee rules, the monthly settlement per provincial
center, its FI posting in SAP and the reconciliation with SAP's clearing.

Layer: flows. The rules are in :mod:`crm_adapter.domain.labour_fees`.

- :func:`record_repair`: a repair order with its level and fee; the materials used leave the
  outlet's online inventory.
- :func:`run_settlement`: one settlement per center for the month, status ``posting``, and an
  outbox entry that posts it (in the same transaction).
- The outbox handler :func:`post_settlement` posts the FI document with
  BAPI_ACC_DOCUMENT_POST (credit the center's customer account, debit the expense account,
  REF_DOC_NO = HEADER_TXT = the settlement number) and commits it; before posting it looks
  for a document with that reference (BKPF-XBLNR via RFC_READ_TABLE), so a repeated attempt
  never posts twice. Done → ``posted`` with the document number and OBJ_KEY; SAP's refusal →
  ``failed`` (:func:`retry_settlement` tries again).
- :func:`reconcile`: the cleared items of each center with posted settlements
  (BAPI_AR_ACC_GETBALANCEDITEMS); a settlement whose customer item SAP cleared (the finance
  clerk's payment run) becomes ``settled`` with the clearing date.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crm_adapter import outbox
from crm_adapter.domain import labour_fees as rules
from crm_adapter.domain.errors import DomainError
from crm_adapter.domain.labour_fees import (
    InvalidRepair,
    MaterialUse,
    SettlementStatus,
)
from crm_adapter.store import deliveries as inventory
from crm_adapter.store import repairs as repair_store
from crm_adapter.store import settlements as store
from crm_adapter.store.engine import Database
from crm_adapter.store.repairs import NewRepair
from sap_client import bapi, tables
from sap_client.bapi import BapiError
from sap_client.conversion import alpha_input, matn1_input

log = logging.getLogger(__name__)

#: the outbox entry posting a settlement's FI document
POST_SETTLEMENT = "post_labour_fee_settlement"


# --- fee rules -------------------------------------------------------------------------------

def fee_rules(conn: Connection) -> list[dict[str, Any]]:
    return repair_store.fee_rules(conn)


def set_fee_rule(conn: Connection, level: object, fee: object) -> dict[str, Any]:
    number = rules.parse_level(level)
    amount = rules.parse_fee(fee)
    repair_store.set_fee_rule(conn, str(number), amount, rules.CURRENCY)
    return {"repair_level": str(number), "fee": amount, "currency": rules.CURRENCY}


def delete_fee_rule(conn: Connection, level: str) -> bool:
    return repair_store.delete_fee_rule(conn, level)


# --- repair orders ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RepairInput:
    outlet: str
    repair_date: date
    repair_method: str
    #: (material number, quantity) of the materials used
    materials: tuple[tuple[str, Decimal], ...]
    crm_reference: str | None = None
    repaired_material: str | None = None


def _internal(convert: Any, value: str, what: str) -> str:
    try:
        return str(convert(value.strip()))
    except ValueError as error:
        raise InvalidRepair(f"{what}: {error}") from None


def record_repair(conn: Connection, today: date, repair: RepairInput) -> dict[str, Any]:
    """Record a repair order: level and fee by the rules, materials out of the inventory."""
    outlet = _internal(alpha_input, repair.outlet, "outlet")
    if not inventory.outlet_exists(conn, outlet):
        raise InvalidRepair(f"outlet {outlet} is not a CRM outlet")
    rules.check_repair_date(repair.repair_date, today)
    if repair.crm_reference and repair_store.reference_taken(conn, repair.crm_reference):
        raise InvalidRepair(f"repair order {repair.crm_reference} is recorded already")
    used = _materials_used(conn, repair.materials)
    level = rules.repair_level(repair.repair_method, used)
    fee = rules.labour_fee(level, repair_store.fee_table(conn))
    repaired = _internal(matn1_input, repair.repaired_material, "repaired_material") \
        if repair.repaired_material else None
    _take_from_inventory(conn, outlet, used)
    repair_id = repair_store.create_repair(conn, NewRepair(
        crm_reference=repair.crm_reference, outlet=outlet, repair_date=repair.repair_date,
        repair_method=repair.repair_method, repaired_material=repaired, repair_level=level,
        fee=fee, materials=tuple((u.material_number, u.quantity) for u in used)))
    found = repair_store.get_repair(conn, repair_id)
    assert found is not None
    return found


def _materials_used(conn: Connection, given: tuple[tuple[str, Decimal], ...]
                    ) -> list[MaterialUse]:
    if len(given) > rules.MAX_MATERIALS:
        raise InvalidRepair(f"a repair lists at most {rules.MAX_MATERIALS} materials")
    numbers = [_internal(matn1_input, number, "material_number") for number, _ in given]
    if len(set(numbers)) != len(numbers):
        raise InvalidRepair("each material may be listed once; give its total quantity")
    known = repair_store.material_levels(conn, numbers)
    unknown = [number for number in numbers if number not in known]
    if unknown:
        raise InvalidRepair(f"material(s) {', '.join(unknown)} not in the CRM")
    return [MaterialUse(number, quantity, known[number]["repair_level"])
            for number, (_, quantity) in zip(numbers, given, strict=True)]


def _take_from_inventory(conn: Connection, outlet: str, used: list[MaterialUse]) -> None:
    for use in used:
        available = inventory.inventory_quantity(conn, outlet, use.material_number,
                                                 lock=True) or Decimal(0)
        if available < use.quantity:
            raise InvalidRepair(f"outlet {outlet} has {available.normalize():f} of material "
                                f"{use.material_number} in its online inventory, "
                                f"{use.quantity.normalize():f} used")
        inventory.change_inventory(conn, outlet, use.material_number, -use.quantity)


def repair_view(conn: Connection, repair_id: int) -> dict[str, Any] | None:
    return repair_store.get_repair(conn, repair_id)


def repairs(conn: Connection, *, outlet: str | None = None, month: str | None = None,
            settled: bool | None = None) -> list[dict[str, Any]]:
    date_from = date_to = None
    if month is not None:
        date_to = rules.month_end(month)
        date_from = date_to.replace(day=1)
    return repair_store.listing(conn, outlet=alpha_input(outlet) if outlet else None,
                                date_from=date_from, date_to=date_to, settled=settled)


# --- the monthly settlement ------------------------------------------------------------------

def run_settlement(conn: Connection, today: date, month: str | None = None, *,
                   forced: bool = False) -> dict[str, Any]:
    """Settle a month: one settlement per provincial center with unsettled repairs dated up
    to the month's end, each with its FI posting in the outbox. Running it again for the
    same month creates only what is missing."""
    month = rules.month_to_settle(today, month, forced=forced)
    grouped = repair_store.unsettled_by_center(conn, rules.month_end(month))
    known = store.known_centers(conn, list(grouped))
    already = store.centers_settled(conn, month)
    created: list[dict[str, Any]] = []
    skipped: list[str] = []
    for center, due in grouped.items():
        if center in already:
            skipped.append(f"{center}: settled for {month} already; its {len(due)} later "
                           "repair(s) go into the next settlement")
        elif center not in known:
            skipped.append(f"{center}: provincial center not in the CRM yet")
        else:
            created.append(_settle(conn, today, month, center, due))
    return {"month": month, "today": today, "settlements": created, "skipped": skipped}


def _settle(conn: Connection, today: date, month: str, center: str,
            due: list[dict[str, Any]]) -> dict[str, Any]:
    total = rules.total_of(r["fee"] for r in due)
    # nothing to pay cannot be posted (FI refuses a zero amount): settled at once
    status = SettlementStatus.POSTING if total else SettlementStatus.SETTLED
    settlement_id = store.create(conn, center, month, total, rules.CURRENCY, status)
    repair_store.assign_to_settlement(conn, [r["id"] for r in due], settlement_id)
    if total:
        _enqueue_posting(conn, settlement_id, center, month, total, today, len(due))
    else:
        store.set_settled(conn, settlement_id, status, today)
    return _settlement(conn, settlement_id)


def _enqueue_posting(conn: Connection, settlement_id: int, center: str, month: str,
                     total: Decimal, today: date, repairs_count: int) -> None:
    number = rules.settlement_number(center, month)
    outbox.enqueue(conn, POST_SETTLEMENT, {
        "settlement_id": settlement_id, "settlement_number": number,
        "provincial_center": center, "month": month, "total": str(total),
        "currency": rules.CURRENCY, "posting_date": today.isoformat(),
        "document_date": rules.month_end(month).isoformat(), "repairs": repairs_count,
    }, crm_reference=number)


def retry_settlement(conn: Connection, today: date,
                     settlement_id: int) -> dict[str, Any] | None:
    """Post a failed settlement again (after the cause in SAP was fixed); None when there is
    no such settlement."""
    found = store.get(conn, settlement_id, lock=True)
    if found is None:
        return None
    if found["status"] != SettlementStatus.FAILED:
        raise DomainError(f"settlement {settlement_id} is {found['status']}; only a failed "
                          "settlement is posted again")
    count = len(repair_store.listing(conn, settlement_id=settlement_id, limit=100_000))
    store.set_status(conn, settlement_id, SettlementStatus.POSTING)
    _enqueue_posting(conn, settlement_id, found["provincial_center"], found["month"],
                     found["total"], today, count)
    return _settlement(conn, settlement_id)


def _settlement(conn: Connection, settlement_id: int) -> dict[str, Any]:
    found = store.get(conn, settlement_id)
    assert found is not None
    return {**found, "settlement_number": rules.settlement_number(found["provincial_center"],
                                                                  found["month"])}


def settlement_view(conn: Connection, settlement_id: int) -> dict[str, Any] | None:
    """A settlement with its repairs; None when there is no such settlement."""
    if store.get(conn, settlement_id) is None:
        return None
    return {**_settlement(conn, settlement_id),
            "repairs": repair_store.listing(conn, settlement_id=settlement_id, limit=100_000)}


def settlements(conn: Connection, *, status: str | None = None, month: str | None = None,
                provincial_center: str | None = None) -> list[dict[str, Any]]:
    center = alpha_input(provincial_center) if provincial_center else None
    return [{**s, "settlement_number": rules.settlement_number(s["provincial_center"],
                                                               s["month"])}
            for s in store.listing(conn, status=status, month=month,
                                   provincial_center=center)]


# --- posting in SAP FI (outbox) --------------------------------------------------------------

def post_settlement(sap: Any, entry: outbox.Entry) -> dict[str, Any]:
    """The settlement's FI document: found by its reference if an earlier attempt posted it,
    else posted and committed now."""
    payload = entry.payload
    earlier = find_posting(sap, payload["settlement_number"])
    if earlier is not None:
        return {**earlier, "posted_before": True}
    result = outbox.create_in_unit(sap, entry, "BAPI_ACC_DOCUMENT_POST",
                                   posting_parameters(payload, logon_user(sap)))
    if result is None:  # executed in a unit that tells no result: find it by reference
        found = find_posting(sap, payload["settlement_number"])
        if found is None:
            raise bapi.BapiError(entry.kind, [bapi.BapiMessage(
                "E", "", "", f"SAP executed unit {entry.unit_id} but holds no document with "
                             f"reference {payload['settlement_number']}")])
        return {**found, "posted_before": False}
    key = str(result.get("OBJ_KEY") or "")
    outbox.document_number(key[:10], "BAPI_ACC_DOCUMENT_POST", "OBJ_KEY")
    return {"document_number": key[:10], "company_code": key[10:14], "fiscal_year": key[14:18],
            "object_key": key, "posted_before": False}


def find_posting(sap: Any, settlement_number: str) -> dict[str, Any] | None:
    """A document of the settlement in SAP (BKPF-XBLNR), not reversed, if there is one."""
    rows = tables.read_table(sap, "BKPF", ["BUKRS", "BELNR", "GJAHR", "STBLG"], [
        tables.equals("BUKRS", rules.COMPANY_CODE),
        tables.equals("XBLNR", settlement_number),
        tables.equals("BLART", rules.DOCUMENT_TYPE)])
    live = [row for row in rows if not row["STBLG"]]
    if not live:
        return None
    row = live[0]
    return {"document_number": row["BELNR"], "company_code": row["BUKRS"],
            "fiscal_year": row["GJAHR"], "object_key": row["BELNR"] + row["BUKRS"] + row["GJAHR"]}


def logon_user(sap: Any) -> str:
    """The RFC logon user (pyrfc's connection attribute ``user``), at most 12 characters."""
    return str(sap.get_connection_attributes().get("user", ""))[:12]


def posting_parameters(payload: dict[str, Any], username: str = "") -> dict[str, Any]:
    """BAPI_ACC_DOCUMENT_POST: credit the center (customer item), debit the expense account.

    DOCUMENTHEADER-USERNAME carries the logon user. No public source found says that SAP
    refuses a header without it (SAP's documentation of the CO posting BAPIs calls their
    USERNAME required), so sending it is a precaution that costs nothing."""
    number, total = payload["settlement_number"], Decimal(payload["total"])
    text = f"Repair labour fees {payload['month']}, {payload['repairs']} repairs"
    return {
        "DOCUMENTHEADER": {
            "BUS_ACT": "RFBU", "USERNAME": username, "COMP_CODE": rules.COMPANY_CODE,
            "DOC_TYPE": rules.DOCUMENT_TYPE,
            "DOC_DATE": date.fromisoformat(payload["document_date"]),
            "PSTNG_DATE": date.fromisoformat(payload["posting_date"]),
            "REF_DOC_NO": number, "HEADER_TXT": number},
        "ACCOUNTGL": [{"ITEMNO_ACC": "0000000001", "GL_ACCOUNT": rules.EXPENSE_ACCOUNT,
                       "ITEM_TEXT": text, "ALLOC_NMBR": number}],
        "ACCOUNTRECEIVABLE": [{"ITEMNO_ACC": "0000000002",
                               "CUSTOMER": payload["provincial_center"],
                               "ITEM_TEXT": text, "ALLOC_NMBR": number}],
        "CURRENCYAMOUNT": [
            {"ITEMNO_ACC": "0000000001", "CURRENCY": payload["currency"], "AMT_DOCCUR": total},
            {"ITEMNO_ACC": "0000000002", "CURRENCY": payload["currency"],
             "AMT_DOCCUR": -total}],
    }


def _posted(conn: Connection, entry: outbox.Entry, result: dict[str, Any]) -> None:
    store.set_posted(conn, entry.payload["settlement_id"], SettlementStatus.POSTED,
                     result["document_number"], result["object_key"])


def _refused(conn: Connection, entry: outbox.Entry, error: str) -> None:
    log.warning("settlement %s: SAP refused the posting: %s",
                entry.payload["settlement_number"], error)
    store.set_status(conn, entry.payload["settlement_id"], SettlementStatus.FAILED)


# --- reconciliation with SAP's clearing --------------------------------------------------------

#: DATE_TO of the cleared-items query: every clearing, also one dated ahead of SAP's today
_NO_END = date(9999, 12, 31)


def reconcile(db: Database, sap: Any) -> dict[str, Any]:
    """Mark posted settlements ``settled`` once SAP cleared their customer item."""
    with db.read() as conn:
        posted = store.listing(conn, status=SettlementStatus.POSTED)
    by_center: dict[str, list[dict[str, Any]]] = {}
    for settlement in posted:
        by_center.setdefault(settlement["provincial_center"], []).append(settlement)
    cleared: dict[int, date] = {}
    problems: list[str] = []
    for center, waiting in by_center.items():
        try:
            clearings = cleared_documents(sap, center, _month_start(waiting))
        except BapiError as error:
            problems.append(f"{center}: {error}")
            continue
        for settlement in waiting:
            key = (settlement["fi_document_number"], (settlement["fi_object_key"] or "")[14:18])
            if key in clearings:
                cleared[settlement["id"]] = clearings[key]
    with db.write() as conn:
        for settlement_id, cleared_on in cleared.items():
            store.set_settled(conn, settlement_id, SettlementStatus.SETTLED, cleared_on)
    return {"checked": len(posted), "settled": sorted(cleared), "problems": problems}


def _month_start(settlements: list[dict[str, Any]]) -> date:
    """The first day of the earliest settled month: no settlement's document can be
    posted, let alone cleared, before it."""
    earliest = min(str(settlement["month"]) for settlement in settlements)
    return date(int(earliest[:4]), int(earliest[5:7]), 1)


def cleared_documents(sap: Any, center: str, cleared_from: date
                      ) -> dict[tuple[str, str], date]:
    """(document number, fiscal year) → clearing date of a center's items cleared from
    ``cleared_from`` on. SAP's module is BAPI_AR_ACC_GETBALANCEDITEMS ("Customer account
    clearing transactions in a given time period"); DATE_FROM and DATE_TO are mandatory."""
    result = sap.call("BAPI_AR_ACC_GETBALANCEDITEMS", COMPANYCODE=rules.COMPANY_CODE,
                      CUSTOMER=center, DATE_FROM=cleared_from, DATE_TO=_NO_END)
    bapi.check(result, "BAPI_AR_ACC_GETBALANCEDITEMS")
    found: dict[tuple[str, str], date] = {}
    for item in result.get("LINEITEMS") or []:
        if isinstance(item, dict) and item.get("CLEAR_DATE"):
            found[(str(item["DOC_NO"]), str(item["FISC_YEAR"]))] = _dats(item["CLEAR_DATE"])
    return found


def _dats(value: Any) -> date:
    if isinstance(value, date):
        return value
    text = str(value)
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


#: what the outbox worker does for the kinds this flow enqueues (wired in crm_adapter.compose)
OUTBOX_JOBS = (
    outbox.OutboxJob(POST_SETTLEMENT, perform=post_settlement, on_done=_posted,
                     on_failed=_refused),
)
