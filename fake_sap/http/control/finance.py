"""Control API: the finance clerk's payment run (F-28 / F-53), which SAP offers no BAPI for.

``POST /_fake/clients/NNN/fi/clearing`` clears the open items of one customer or vendor in
a company code with a payment document, so that a test can move an invoice or a labour-fee
settlement from "open" to "cleared" and watch the AR/AP BAPIs report it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask import Response, jsonify

from fake_sap import clock
from fake_sap.conversion import alpha_input
from fake_sap.errors import BadRequest
from fake_sap.fi import accounting
from fake_sap.fi.accounting import ClearingRun
from fake_sap.fi.services import ClearingRequest
from fake_sap.fi.services import clearing_run as run_clearing
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, json_body
from fake_sap.http.runtime import runtime

COMPANY_CODE = re.compile(r"^[A-Z0-9]{1,4}$")
ACCOUNT = re.compile(r"^[A-Za-z0-9]{1,10}$")
DOCUMENT = re.compile(r"^[0-9]{1,10}$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MAX_DOCUMENTS = 1000
ACCOUNT_TYPES = {"customer": accounting.CUSTOMER, "vendor": accounting.VENDOR}


@bp.post("/clients/<mandt>/fi/clearing")
def clearing_run(mandt: str) -> Response:
    """Clear the open items of a customer or vendor; answers what was cleared."""
    existing_client(mandt)
    body = json_body()
    bukrs = _text(body, "company_code", COMPANY_CODE, "a company code, e.g. \"1000\"")
    kind, account = _account(body)
    documents = _documents(body)
    clearing_date = _clearing_date(body)
    now = clock.now()
    run = run_clearing(runtime().db, mandt, ClearingRequest(
        bukrs, ACCOUNT_TYPES[kind], account, clearing_date=clearing_date,
        today=clock.dats(now), now_time=clock.tims(now), user="FI_CLERK",
        documents=tuple(documents) if documents is not None else None))
    return jsonify(_view(bukrs, kind, account, clearing_date, run))


def _text(body: dict[str, Any], name: str, pattern: re.Pattern[str], what: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise BadRequest(f"'{name}' must be {what}")
    return value


def _account(body: dict[str, Any]) -> tuple[str, str]:
    given = [kind for kind in ACCOUNT_TYPES if kind in body]
    if len(given) != 1:
        raise BadRequest("Give either 'customer' or 'vendor' (one of them)")
    kind = given[0]
    number = _text(body, kind, ACCOUNT, f"a {kind} number of at most 10 letters or digits")
    return kind, alpha_input(number, 10)


def _documents(body: dict[str, Any]) -> list[str] | None:
    value = body.get("documents")
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > MAX_DOCUMENTS or not all(
            isinstance(v, str) and DOCUMENT.fullmatch(v) for v in value):
        raise BadRequest(f"'documents' must be a list of at most {MAX_DOCUMENTS} accounting "
                         f"document numbers (up to 10 digits)")
    return [number.zfill(10) for number in value]


def _clearing_date(body: dict[str, Any]) -> str:
    value = body.get("date")
    if value is None:
        return clock.dats(clock.now())
    try:
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value).strftime("%Y%m%d")
    except ValueError:
        raise BadRequest("'date' must be a date YYYY-MM-DD") from None


def _view(bukrs: str, kind: str, account: str, clearing_date: str,
          run: ClearingRun | None) -> dict[str, Any]:
    return {
        "company_code": bukrs, "account_type": kind, "account": account,
        "clearing_date": _iso(clearing_date),
        "clearing_document": run.document.belnr if run else None,
        "fiscal_year": run.document.gjahr if run else None,
        "balance": f"{run.balance:.2f}" if run else "0.00",
        "cleared": [_item(item) for item in run.cleared] if run else [],
    }


def _item(item: dict[str, Any]) -> dict[str, Any]:
    return {"document": item["belnr"], "fiscal_year": item["gjahr"], "item": item["buzei"],
            "posting_date": _iso(item["budat"]), "debit_credit": item["shkzg"],
            "amount": item["wrbtr"], "currency": item["waers"], "text": item["sgtxt"]}


def _iso(dats: str) -> str:
    return f"{dats[:4]}-{dats[4:6]}-{dats[6:8]}"
