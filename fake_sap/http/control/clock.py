"""Control API: a client's business date (``/_fake/clients/NNN/date``).

``PUT {"date": "2024-12-31"}`` makes that date "today" for the client: SY-DATUM of its
BAPIs, the creation date of its IDocs and status records, default posting dates. The date is
stored as a whole-day offset from the system date (so the time of day keeps running and the
next real day is the next business day too); each request for the client applies it through
``fake_sap.clock`` before anything else runs. ``DELETE`` returns the client to the system
date. What keeps real time: the background dispatcher's status records of outbound IDocs
(03/02), RFC session timeouts and retry schedules.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask import Response, g, jsonify, request

from fake_sap import clock
from fake_sap.basis import business_date
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp, openapi
from fake_sap.http.control.requests import CLIENT_PATTERN, existing_client, json_body
from fake_sap.http.logon import client_state, requested_client
from fake_sap.http.runtime import runtime

#: business dates a test may choose: SAP's DATS range without its "infinite" 9999-12-31, and
#: far enough from it that date arithmetic (due dates, delivery dates) cannot overflow
ISO_DATE = re.compile(r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_TOKEN = "fake_sap_business_date"


# -- every request: the client's business date -----------------------------------------------

@bp.before_app_request
def use_business_date() -> None:
    """Shift ``clock.now()`` for this request when its client has a business date."""
    mandt = _request_client()
    if mandt is None:
        return
    days = client_state(mandt).offset_days
    if days:
        setattr(g, _TOKEN, clock.shift_days(days))


@bp.teardown_app_request
def back_to_system_date(_error: BaseException | None) -> None:
    token = g.pop(_TOKEN, None)
    if token is not None:
        clock.unshift(token)


def _request_client() -> str | None:
    """The client a request works in: the ``<mandt>`` of a control path, ``sap-client`` of
    an SAP path (logon checks it later; an invalid one simply has no business date)."""
    if request.view_args and "mandt" in request.view_args:
        mandt = str(request.view_args["mandt"])
    elif request.path.startswith("/sap/"):
        mandt = requested_client()
    else:
        return None
    return mandt if CLIENT_PATTERN.fullmatch(mandt) else None


# -- the control endpoints -------------------------------------------------------------------

@bp.get("/clients/<mandt>/date")
def show_business_date(mandt: str) -> Response:
    existing_client(mandt)
    return jsonify(_view(mandt, business_date.offset_days(runtime().db, mandt)))


@bp.put("/clients/<mandt>/date")
def set_business_date(mandt: str) -> Response:
    """Make ``date`` today's date for the client."""
    existing_client(mandt)
    days = business_date.set_today(runtime().db, mandt, _date(json_body()))
    return jsonify(_view(mandt, days))


@bp.delete("/clients/<mandt>/date")
def reset_business_date(mandt: str) -> Response:
    """Back to the system date."""
    existing_client(mandt)
    business_date.reset(runtime().db, mandt)
    return jsonify(_view(mandt, 0))


def _date(body: dict[str, Any]) -> date:
    value = body.get("date")
    try:
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest("'date' must be a date YYYY-MM-DD between 1900 and 2999") from None


def _view(mandt: str, days: int) -> dict[str, Any]:
    today = clock.system_now().date()
    return {"client": mandt, "date": (today + timedelta(days=days)).isoformat(),
            "offset_days": days, "system_date": today.isoformat()}


# -- OpenAPI ---------------------------------------------------------------------------------

_BUSINESS_DATE: dict[str, Any] = {
    "type": "object", "required": ["client", "date", "offset_days", "system_date"],
    "properties": {
        "client": {"type": "string", "pattern": "^[0-9]{3}$"},
        "date": {"type": "string", "format": "date",
                 "description": "Today for the client (SY-DATUM)"},
        "offset_days": {"type": "integer",
                        "description": "Days between the system date and the client's date"},
        "system_date": {"type": "string", "format": "date"}}}
_BUSINESS_DATE_INPUT: dict[str, Any] = {
    "type": "object", "required": ["date"],
    "properties": {"date": {"type": "string", "format": "date", "pattern": ISO_DATE.pattern,
                            "description": "The date that is to be today"}}}
_DATE_PATH: dict[str, Any] = {
    "parameters": [openapi.CLIENT],
    "get": {"operationId": "getBusinessDate", "summary": "The client's business date",
            "responses": {"200": openapi._json(openapi._ref("BusinessDate"), "The date"),
                          "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
    "put": {"operationId": "setBusinessDate",
            "summary": "Set the client's business date: SY-DATUM of its BAPIs, IDoc creation "
                       "and posting dates (the time of day keeps running)",
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": openapi._ref("BusinessDateInput")}}},
            "responses": {"200": openapi._json(openapi._ref("BusinessDate"), "The new date"),
                          "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
    "delete": {"operationId": "resetBusinessDate",
               "summary": "Back to the system date",
               "responses": {"200": openapi._json(openapi._ref("BusinessDate"),
                                                  "The client on the system date"),
                             "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
}

#: this module's part of the control API's OpenAPI document (joined in fake_sap.compose)
OPENAPI = openapi.ApiFragment(
    paths={"/_fake/clients/{mandt}/date": _DATE_PATH},
    schemas={"BusinessDate": _BUSINESS_DATE, "BusinessDateInput": _BUSINESS_DATE_INPUT})
