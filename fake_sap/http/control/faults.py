"""Control API: faults injected into a client's SAP interfaces (``/_fake/clients/NNN/faults``).

A test asks for trouble, the SAP edges cause it::

    POST /_fake/clients/100/faults
    {"target": "BAPI_SALESORDER_CREATEFROMDAT2", "kind": "SYSTEM_FAILURE", "times": 1}

``target`` is a function module (its SOAP-RFC calls), ``IDOC_XML`` (posts to the inbound
IDoc-XML service) or ``*`` (both, every function). ``kind``:

- ``SYSTEM_FAILURE``: a short dump. SOAP-RFC answers the SOAP fault SYSTEM_FAILURE (pyrfc's
  ABAPRuntimeError), the IDoc-XML service ICF's 500 page; nothing is processed.
- ``http_500``: ICF's 500 page ("Internal Server Error"), also on the SOAP path, as when
  the ICM or a proxy fails; nothing is processed.
- ``timeout``: the call is held for ``seconds`` (default 5) and then processed normally,
  so a caller whose timeout is shorter gives up on a call that SAP did carry out.

``times`` calls fail (default 1; ``null``: every call until the faults are deleted); the
oldest matching fault fires first. A fault that has fired stays listed with ``remaining``
0, so a test can check that it did. ``seconds`` delays the other kinds too. Faults live in the
database, so all workers share them, and each edge asks :func:`before_rfc_call` or
:func:`before_idoc_post` first thing, before it reads the request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from flask import Response, jsonify
from werkzeug.exceptions import InternalServerError

from fake_sap.basis import faults as fault_rules
from fake_sap.basis.faults import EVERYTHING, Fault, FaultRule
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp, openapi
from fake_sap.http.control.requests import existing_client, json_body, json_integer
from fake_sap.http.logon import client_state
from fake_sap.http.runtime import runtime
from fake_sap.rfc.errors import SystemFailure
from fake_sap.rfc.registry import FunctionDirectory

IDOC_XML = "IDOC_XML"
SYSTEM_FAILURE, HTTP_500, TIMEOUT = "SYSTEM_FAILURE", "http_500", "timeout"
#: the function answers with a lock (enqueue) error in RETURN and does nothing
LOCKED = "locked"
KINDS = (SYSTEM_FAILURE, HTTP_500, TIMEOUT, LOCKED)
MAX_TIMES = 1000
#: below gunicorn's worker timeout, so a held call ends as a timeout, not a killed worker
MAX_SECONDS = 120
DEFAULT_TIMEOUT_SECONDS = 5.0


# -- the edges ask first ---------------------------------------------------------------------

class InjectedLock(Exception):
    """A ``locked`` fault: the SOAP-RFC edge answers the call with a lock error in its RETURN
    (as a write BAPI does when another session holds the object's enqueue lock) and runs
    nothing."""


def before_rfc_call(mandt: str, function: str) -> None:
    """Cause the fault injected for ``function`` in the client, if any (SOAP-RFC edge)."""
    fault = _take(mandt, function.strip().upper())
    if fault is not None:
        if fault.kind == LOCKED:
            if fault.seconds:
                time.sleep(fault.seconds)
            raise InjectedLock(f"Injected fault {fault.fault_id} ({fault.kind}) on "
                               f"{fault.target}")
        _cause(fault, SystemFailure)


def before_idoc_post(mandt: str) -> None:
    """Cause the fault injected for the inbound IDoc-XML service, if any."""
    fault = _take(mandt, IDOC_XML)
    if fault is not None:
        # a short dump in ICF's IDoc-XML handler ends as its 500 page
        _cause(fault, lambda text: InternalServerError(description=text))


def _cause(fault: Fault, system_failure: Callable[[str], Exception]) -> None:
    if fault.seconds:
        time.sleep(fault.seconds)
    if fault.kind == TIMEOUT:
        return
    text = f"Injected fault {fault.fault_id} ({fault.kind}) on {fault.target}"
    if fault.kind == SYSTEM_FAILURE:
        raise system_failure(text)
    raise InternalServerError(description=text)


def _take(mandt: str, target: str) -> Fault | None:
    # the usual case, no fault for the client, is known without asking the database
    if not client_state(mandt).may_fault(target):
        return None
    return fault_rules.take(runtime().db, mandt, target)


def _view(fault: Fault) -> dict[str, Any]:
    return {"id": fault.fault_id, "target": fault.target, "kind": fault.kind,
            "remaining": fault.remaining, "seconds": fault.seconds}


# -- control endpoints -----------------------------------------------------------------------

@bp.get("/clients/<mandt>/faults")
def list_faults(mandt: str) -> Response:
    existing_client(mandt)
    return jsonify({"faults": [_view(f) for f in fault_rules.list_faults(runtime().db, mandt)]})


@bp.post("/clients/<mandt>/faults")
def inject_fault(mandt: str) -> tuple[Response, int]:
    existing_client(mandt)
    body = json_body()
    target, kind = _target(body), _kind(body)
    times, seconds = _times(body), _seconds(body, kind)
    fault = fault_rules.inject(runtime().db, mandt, FaultRule(target, kind, times, seconds))
    return jsonify(_view(fault)), 201


@bp.delete("/clients/<mandt>/faults")
def clear_faults(mandt: str) -> tuple[str, int]:
    existing_client(mandt)
    fault_rules.clear(runtime().db, mandt)
    return "", 204


def targets(functions: FunctionDirectory) -> list[str]:
    return [EVERYTHING, IDOC_XML, *functions.names()]


def _target(body: dict[str, Any]) -> str:
    value = body.get("target")
    if value not in targets(runtime().functions):
        raise BadRequest("'target' must be a function module the emulator implements, "
                         f"{IDOC_XML} (the inbound IDoc-XML service) or {EVERYTHING}")
    return str(value)


def _kind(body: dict[str, Any]) -> str:
    value = body.get("kind")
    if value not in KINDS:
        raise BadRequest(f"'kind' must be one of {', '.join(KINDS)}")
    return str(value)


def _times(body: dict[str, Any]) -> int | None:
    value = body.get("times", 1)
    if value is None:
        return None
    times = json_integer(value)
    if times is None or not 1 <= times <= MAX_TIMES:
        raise BadRequest(f"'times' must be a whole number from 1 to {MAX_TIMES}, or null for "
                         "every call")
    return times


def _seconds(body: dict[str, Any], kind: str) -> float | None:
    value = body.get("seconds")
    if value is None:
        return DEFAULT_TIMEOUT_SECONDS if kind == TIMEOUT else None
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not 0 <= value <= MAX_SECONDS:
        raise BadRequest(f"'seconds' must be a number from 0 to {MAX_SECONDS}")
    return float(value)


# -- OpenAPI ---------------------------------------------------------------------------------

def _fault_input(functions: FunctionDirectory) -> dict[str, Any]:
    return {
        "type": "object", "required": ["target", "kind"],
        "properties": {
            "target": {"type": "string", "enum": targets(functions),
                       "description": "A function module (its SOAP-RFC calls), IDOC_XML (the "
                                      "inbound IDoc-XML service) or * (both)"},
            "kind": {"type": "string", "enum": list(KINDS),
                     "description": "SYSTEM_FAILURE: a short dump (SOAP fault / 500 page); "
                                    "http_500: ICF's 500 page; timeout: the call is held for "
                                    "`seconds`, then processed; locked (SOAP-RFC): RETURN "
                                    "holds the lock error V1 042 and nothing is done"},
            "times": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_TIMES,
                      "description": "How many calls fail (default 1); null: every call"},
            "seconds": {"type": ["number", "null"], "minimum": 0, "maximum": MAX_SECONDS,
                        "description": f"Delay before the fault (timeout: default "
                                       f"{DEFAULT_TIMEOUT_SECONDS:g})"}}}


_FAULT: dict[str, Any] = {
    "type": "object", "required": ["id", "target", "kind", "remaining", "seconds"],
    "properties": {
        "id": {"type": "integer"}, "target": {"type": "string"}, "kind": {"type": "string"},
        "remaining": {"type": ["integer", "null"], "minimum": 0,
                      "description": "Calls left to fail (0: it has fired); null: every "
                                     "call"},
        "seconds": {"type": ["number", "null"]}}}
_FAULTS_PATH: dict[str, Any] = {
    "parameters": [openapi.CLIENT],
    "get": {"operationId": "listFaults",
            "summary": "Injected faults, with the calls each has left to fail",
            "responses": {"200": openapi._json(
                {"type": "object", "required": ["faults"],
                 "properties": {"faults": {"type": "array",
                                           "items": openapi._ref("Fault")}}}, "Faults"),
                "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
    "post": {"operationId": "injectFault",
             "summary": "Make SOAP-RFC calls or IDoc-XML posts of the client fail (a short "
                        "dump, an HTTP 500, a timeout)",
             "requestBody": {"required": True, "content": {
                 "application/json": {"schema": openapi._ref("FaultInput")}}},
             "responses": {"201": openapi._json(openapi._ref("Fault"), "The fault"),
                           "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
    "delete": {"operationId": "clearFaults", "summary": "Remove all injected faults",
               "responses": {"204": {"description": "Removed"},
                             "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
}


def openapi_fragment(functions: FunctionDirectory) -> openapi.ApiFragment:
    """This module's part of the control API's OpenAPI document (joined in
    fake_sap.compose): a fault's target is one of ``functions``, hence a function."""
    return openapi.ApiFragment(
        paths={"/_fake/clients/{mandt}/faults": _FAULTS_PATH},
        schemas={"FaultInput": _fault_input(functions), "Fault": _FAULT})
