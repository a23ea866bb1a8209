"""FI services: what the accounting BAPIs and the control API's payment run call.

Each function opens its own transaction (or, for the update task, runs in the LUW's) and
works through ``fake_sap.fi.accounting``, the one writer of BKPF and BSEG. Callers pass
typed inputs and get domain results back; they never see a database connection.

Layer: service. May import ``fake_sap.db``, ``fake_sap.fi`` and ``fake_sap.errors``;
never the RFC or HTTP layers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from fake_sap.db import clients
from fake_sap.db.engine import Database
from fake_sap.errors import NotFound, SapMessage, declared_message
from fake_sap.fi import accounting
from fake_sap.fi.accounting import AccountingDocument, ClearingRun, DocumentInput

# --- posting (BAPI_ACC_DOCUMENT_CHECK / _POST) ---------------------------------------------------

def check_posting(db: Database, mandt: str, document: DocumentInput) -> list[SapMessage]:
    """Everything that would stop the posting (empty: fine)."""
    with db.read() as conn:
        return accounting.check(conn, mandt, document, clients.customizing_entries(conn, mandt))


def plan_posting(db: Database, mandt: str, document: DocumentInput, *, belnr: str,
                 today: str, now_time: str, user: str, own_system: str) -> AccountingDocument:
    """The checked document as the update task will write it, under number ``belnr``."""
    with db.read() as conn:
        return accounting.build(conn, mandt, document, belnr=belnr, today=today,
                                now_time=now_time, user=user, own_system=own_system,
                                customizing=clients.customizing_entries(conn, mandt))


def save_posting(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    """The update task of a posting: BKPF, BSEG and the customers' receivables (KNKK)."""
    accounting.save(conn, mandt, AccountingDocument.from_payload(payload))


# --- open and cleared items --------------------------------------------------------------------

@dataclass(frozen=True)
class LineItemQuery:
    """Open items at ``key_date``, or items cleared from ``date_from`` to ``date_to``."""

    bukrs: str
    account_type: str
    account: str
    cleared: bool
    key_date: str = ""
    date_from: str = ""
    date_to: str = ""


@dataclass(frozen=True)
class LineItems:
    rows: list[dict[str, Any]]
    #: the company code's currency (T001-WAERS)
    local_currency: str = ""
    #: why there can be no items (unknown company code or customer); rows are empty then
    refusal: SapMessage | None = None


def line_items(db: Database, mandt: str, query: LineItemQuery) -> LineItems:
    with db.read() as conn:
        company = accounting.company_code(clients.customizing_entries(conn, mandt),
                                          query.bukrs)
        if company is None:
            return LineItems([], refusal=declared_message("E", "FN", "510", query.bukrs))
        if query.account_type == accounting.CUSTOMER:
            refused = _customer_refused(conn, mandt, query.account, query.bukrs)
            if refused is not None:
                return LineItems([], refusal=refused)
        if query.cleared:
            rows = accounting.items(conn, mandt, query.bukrs, query.account_type,
                                    query.account, cleared=True, date_from=query.date_from,
                                    date_to=query.date_to)
        else:
            rows = accounting.items(conn, mandt, query.bukrs, query.account_type,
                                    query.account, cleared=False, key_date=query.key_date)
    return LineItems(rows, str(company.get("WAERS", "")))


def _customer_refused(conn: Connection, mandt: str, kunnr: str,
                      bukrs: str) -> SapMessage | None:
    if not accounting.customer_exists(conn, mandt, kunnr):
        return declared_message("E", "FN", "502", kunnr)
    if not accounting.customer_in_company_code(conn, mandt, kunnr, bukrs):
        return declared_message("E", "FN", "503", kunnr, bukrs)
    return None


# --- the clearing run (F-28 / F-53) ------------------------------------------------------------

@dataclass(frozen=True)
class ClearingRequest:
    bukrs: str
    account_type: str
    account: str
    clearing_date: str
    today: str
    now_time: str
    user: str
    #: only these accounting documents' items; None: every open item
    documents: tuple[str, ...] | None = None


def clearing_run(db: Database, mandt: str, request: ClearingRequest) -> ClearingRun | None:
    """Clear the account's open items with a payment document; None when nothing is open.
    An unknown company code, or a customer outside it, is :class:`NotFound`."""
    with db.write() as conn:
        customizing = clients.customizing_entries(conn, mandt)
        if accounting.company_code(customizing, request.bukrs) is None:
            raise NotFound(f"Company code {request.bukrs} does not exist")
        if request.account_type == accounting.CUSTOMER and not \
                accounting.customer_in_company_code(conn, mandt, request.account,
                                                    request.bukrs):
            raise NotFound(f"Customer {request.account} is not defined in company code "
                           f"{request.bukrs}")
        return accounting.clear(
            conn, mandt, request.bukrs, request.account_type, request.account,
            clearing_date=request.clearing_date, today=request.today,
            now_time=request.now_time, user=request.user, customizing=customizing,
            documents=list(request.documents) if request.documents is not None else None)
