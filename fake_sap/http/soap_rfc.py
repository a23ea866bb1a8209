"""``/sap/bc/soap/rfc``: SAP's SOAP processor for RFC-enabled function modules.

Also the WSDL (``/sap/bc/soap/wsdl11?services=NAME``, ``/sap/bc/soap/wsdl``) and the
per-client RFC switches of the control API (``/_fake/clients/<mandt>/rfc``).

Errors on the SOAP path are SOAP 1.1 faults (HTTP 500, ``faultstring`` = the exception name),
rendered here rather than in ``fake_sap.http.errors`` because only this path speaks SOAP:
the SOAP routes live on their own child blueprint whose error handler turns every error
except a failed logon (401, as ICF answers it) into a fault. The WSDL and control routes
keep the application's usual error pages.

Transactional RFC units (an emulator extension, see docs/soap-rfc.md) are submitted to
``/sap/fake/rfc/unit``: a TID plus one or more calls, executed at most once per client.

A stateful SAP session is kept by the ``SAP_SESSIONID_FAK_<client>`` cookie, issued with
the first call; send it back so that BAPI_TRANSACTION_COMMIT commits the work of the
BAPIs before it (see docs/soap-rfc.md). A client switched to ``stateless`` plays a service
that keeps no session: no cookie, and each call's uncommitted work ends with the call.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from functools import partial
from typing import Any

from flask import Blueprint, Response, after_this_request, g, jsonify, request
from lxml import etree
from werkzeug.exceptions import HTTPException

from fake_sap.errors import (
    BadRequest,
    LogonError,
    NotFound,
    PayloadTooLarge,
    StorageUnavailable,
    sap_message,
)
from fake_sap.fastpath.soap_rfc import rfc_response
from fake_sap.http import errors
from fake_sap.http.body import is_xml_media_type, limited_body
from fake_sap.http.control import faults, openapi
from fake_sap.http.control.requests import existing_client, json_body, json_integer
from fake_sap.http.logon import client_state, logon
from fake_sap.http.runtime import runtime
from fake_sap.rfc import call_log, luw, soap, structures, units, wsdl
from fake_sap.rfc.call import Environment, execute
from fake_sap.rfc.errors import FunctionNotFound, RequestError, RfcError, SystemFailure
from fake_sap.rfc.functions.system import SYSTEM_ID
from fake_sap.rfc.model import LANGUAGE_KEYS, FunctionInterface, Structure

log = logging.getLogger(__name__)

bp = Blueprint("rfc", __name__)
soap_bp = Blueprint("soap", __name__)

SOAP_CONTENT_TYPE = "text/xml; charset=utf-8"
MAX_SESSION_TIMEOUT_SECONDS = 86400


def session_cookie(mandt: str) -> str:
    """ICF's session cookie name: ``SAP_SESSIONID_<SID>_<client>``."""
    return f"SAP_SESSIONID_{SYSTEM_ID}_{mandt}"


# -- SOAP ------------------------------------------------------------------------------------

@soap_bp.post("/sap/bc/soap/rfc")
def call_function() -> Response:
    mandt = logon()
    rfc_request = units.plain_request(_body())
    g.rfc_function = rfc_request.function
    entry = call_log.CallEntry(runtime().db, mandt, rfc_request.function, _user(),
                               time.perf_counter())
    env: Environment | None = None
    try:
        try:
            faults.before_rfc_call(mandt, rfc_request.function)
            locked = False
        except faults.InjectedLock:
            locked = True
        function = runtime().functions.lookup(rfc_request.function)
        entry.values = dict(soap.decode_parameters(function.interface,
                                                   rfc_request.parameters))
        if locked:
            outputs = _lock_error(function.interface, entry.values)
        else:
            env = _environment(mandt, commit_log=entry)
            try:
                outputs = execute(function, env, entry.values)
            finally:
                if env.session.settings.stateless:
                    # the call was its session: what it left uncommitted ends with it
                    luw.rollback(runtime().db, env.session)
            if not env.session.stored:
                _store_session_with_log(env, entry, outputs)
    except Exception as error:
        if env is not None and not env.session.stored:
            _store_session_after_failure(env)
        entry.log(None, _error_text(error))
        raise
    entry.log(outputs)
    return Response(rfc_response(function.interface, outputs),
                    content_type=SOAP_CONTENT_TYPE)


def _store_session_with_log(env: Environment, entry: call_log.CallEntry,
                            outputs: dict[str, Any]) -> None:
    """A new session the call wrote nothing into (RFC_PING, a call that reads): its row
    and the call's log row in one transaction, so that a logon is one commit."""
    db = runtime().db
    try:
        if luw.store_new_session(db, env.session,
                                 finish=lambda conn: entry.write(conn, outputs)):
            entry.committed()
    except Exception:
        # the call must not fail for its log row: the session alone, which answers a storage
        # failure as its own transaction before the call did; the row is written after
        luw.store_new_session(db, env.session)


def _store_session_after_failure(env: Environment) -> None:
    """A call that failed still keeps the session it began (its cookie is issued); the
    call's error, not a failure to keep the session, is what it answers."""
    try:
        luw.store_new_session(runtime().db, env.session)
    except Exception:
        log.warning("could not keep the new SAP session of a failed call", exc_info=True)


#: the holder the injected lock names (SAP names the user holding the enqueue lock)
_LOCK_HOLDER = "FAULT"


def _lock_error(interface: FunctionInterface, values: dict[str, Any]) -> dict[str, Any]:
    """The answer of a ``locked`` fault: RETURN holds the lock error V1 042 (the message the
    SAP reference names for a sales document another session holds), nothing else is done."""
    parameter = interface.parameter("RETURN")
    if parameter is None or not isinstance(parameter.type, Structure):
        raise SystemFailure(f"{interface.name} has no RETURN for an injected lock error")
    message = sap_message("E", "V1", "042", "Sales document &1 is currently being processed "
                          "by &2", "", _LOCK_HOLDER)
    names = {f.name for f in parameter.type.fields}
    row = structures.bapireturn(message) if "CODE" in names else (
        structures.bapiret2(message) if "PARAMETER" in names else structures.bapiret1(message))
    row = {name: value for name, value in row.items() if name in names}
    return interface.complete(interface.bind(values),
                              {"RETURN": [row] if parameter.is_table else row})


def _error_text(error: Exception) -> str:
    if isinstance(error, RfcError):
        return f"{error.name}: {error.text}"
    return type(error).__name__


def _body() -> bytes:
    """The envelope, after the checks ICF makes before the SOAP processor sees it."""
    mimetype = request.mimetype or ""
    if not is_xml_media_type(mimetype):
        raise RequestError("UNSUPPORTED_MEDIA_TYPE", f"Content type {mimetype} is not a SOAP "
                           "envelope; send text/xml")
    limit = runtime().settings.max_body_bytes
    try:
        with limited_body(limit, "The request") as stream:
            # read to the end rather than read(limit + 1): a raw stream's read(n) sets
            # aside n bytes first, a quarter of a gigabyte with the default limit
            body = stream.read()
    except PayloadTooLarge:
        raise RequestError("PAYLOAD_TOO_LARGE", f"The request exceeds {limit} bytes") from None
    if len(body) > limit:  # a Content-Length smaller than the body is not trusted
        raise RequestError("PAYLOAD_TOO_LARGE", f"The request exceeds {limit} bytes")
    return body


def _environment(mandt: str, fresh: bool = False,
                 commit_log: call_log.CallEntry | None = None) -> Environment:
    """The call's environment; ``fresh``: a session of its own (a unit's LUW), whose work is
    committed only by the unit's own commit, whatever the client's switches say;
    ``commit_log``: the call's log entry, written in the transaction of its commit."""
    rt = runtime()
    user = _user()
    cookie = session_cookie(mandt)
    version = client_state(mandt).version
    if fresh:
        session = luw.open_session(rt.db, mandt, user, None)
    else:
        # a new session is written with the call's first write (its log row at the latest)
        session = luw.open_session(rt.db, mandt, user, request.cookies.get(cookie),
                                   known=rt.sessions, version=version, store_later=True)
    if fresh:
        session = dataclasses.replace(session, settings=dataclasses.replace(
            session.settings, commit_every_call=False, stateless=False))
    elif session.settings.stateless:
        if not session.is_new:  # the caller's cookie names no session on such a service
            session = luw.open_session(rt.db, mandt, user, None, known=rt.sessions,
                                       version=version, store_later=True)
    elif session.is_new:
        @after_this_request
        def issue_cookie(response: Response) -> Response:
            response.set_cookie(cookie, session.id, path="/", httponly=True, samesite="Lax")
            return response
    return Environment(rt.db, mandt, user, session, rt.update_functions, language=_language(),
                       outbound_created=rt.dispatcher.wake, numbers=rt.numbers,
                       known=rt.sessions, version=version,
                       codes=partial(rt.client_states.codes, version=version),
                       commit_log=commit_log)


# -- transactional RFC units (emulator extension) -----------------------------------------------

@soap_bp.post(units.UNIT_PATH)
def submit_unit() -> Response:
    """Execute a unit once; a resend of a known TID answers its state (and stored answer)."""
    mandt = logon()
    unit = units.parse_request(_body())
    g.rfc_function = unit.calls[0].function
    rt = runtime()
    # everything that can be refused without executing is refused before the TID is recorded
    functions = [rt.functions.lookup(call.function) for call in unit.calls]
    values = [soap.decode_parameters(function.interface, call.parameters)
              for function, call in zip(functions, unit.calls, strict=True)]
    claim = units.claim(rt.db, mandt, unit.tid, _user(), functions[0].name)
    if not claim.ours:
        return _unit_answer(unit.tid, claim)
    assert claim.owner is not None
    env: Environment | None = None
    try:
        env = _environment(mandt, fresh=True)
        responses = etree.Element("responses")
        for function, function_values in zip(functions, values, strict=True):
            g.rfc_function = function.name
            try:
                faults.before_rfc_call(mandt, function.name)
                outputs = execute(function, env, function_values)
            except faults.InjectedLock:
                outputs = _lock_error(function.interface, function_values)
            soap.write_response(responses, function.interface, outputs)
        # the unit ends with COMMIT WORK; faults injected for BAPI_TRANSACTION_COMMIT hold or
        # break this commit too, so a slow commit can be simulated for units as for BAPIs
        g.rfc_function = "BAPI_TRANSACTION_COMMIT"
        faults.before_rfc_call(mandt, "BAPI_TRANSACTION_COMMIT")
        answer = units.answer(unit.tid, units.DONE, list(responses))
        result = luw.commit(rt.db, env.session, rt.update_functions,
                            finish=lambda conn: units.finish(conn, mandt, unit.tid,
                                                             claim.owner or "", answer),
                            codes=env.codes)
        if result.error is not None:
            # an update termination: the unit ran and is done (SAP shows it in SM13), but
            # nothing of it was written; the answer says so
            answer = units.answer(unit.tid, units.DONE, list(responses), result.error.text)
            with rt.db.write() as conn:
                units.finish(conn, mandt, unit.tid, claim.owner, answer)
    except units.LostClaim:
        # taken over after its lease ran out: the other execution's outcome counts
        if env is not None:
            luw.rollback(rt.db, env.session)
        return _unit_answer(unit.tid, units.Claim(units.state(rt.db, mandt, unit.tid)))
    except BaseException:
        # nothing of the unit was committed: forget it, so that it may be sent again
        if env is not None:
            luw.rollback(rt.db, env.session)
        units.release(rt.db, mandt, unit.tid, claim.owner)
        raise
    if result.idocs:
        env.outbound_created()
    return Response(answer, content_type=SOAP_CONTENT_TYPE)


def _unit_answer(tid: str, claim: units.Claim) -> Response:
    if claim.answer is not None:
        return Response(units.replayed(claim.answer), content_type=SOAP_CONTENT_TYPE)
    return Response(units.answer(tid, claim.state), content_type=SOAP_CONTENT_TYPE)


@soap_bp.get(f"{units.UNIT_PATH}/<tid>")
def unit_state(tid: str) -> Response:
    """The unit's state: ``executing``, ``executed`` or ``not_found`` (unknown, confirmed)."""
    mandt = logon()
    tid = units.valid_tid(tid)
    return Response(units.answer(tid, units.state(runtime().db, mandt, tid)),
                    content_type=SOAP_CONTENT_TYPE)


@soap_bp.delete(f"{units.UNIT_PATH}/<tid>")
def confirm_unit(tid: str) -> Response:
    """Confirm the unit: its TID is forgotten (the caller will not send it again)."""
    mandt = logon()
    tid = units.valid_tid(tid)
    units.confirm(runtime().db, mandt, tid)
    return Response(units.answer(tid, units.NOT_FOUND), content_type=SOAP_CONTENT_TYPE)


def _user() -> str:
    """SY-UNAME: the logon user."""
    return (request.authorization.username or "").upper() if request.authorization else ""


def _language() -> str:
    """SY-LANGU from ``sap-language`` (a key like ``E`` or an ISO code like ``EN``)."""
    value = (request.args.get("sap-language") or request.headers.get("sap-language")
             or "E").strip().upper()
    if len(value) == 1:
        return value
    return LANGUAGE_KEYS.get(value, "E")


@soap_bp.errorhandler(Exception)
def _soap_fault(error: Exception) -> Response:
    if isinstance(error, LogonError):
        log.info("logon failed: %s", error.message)
        return errors.error_response(error.http_status, error.code, error.message)
    if isinstance(error, HTTPException):
        return errors.error_response(error.code or 500, (error.name or "ERROR").upper(),
                                     error.description or "")
    if isinstance(error, StorageUnavailable):
        # a temporary outage, not a short dump: 503 and Retry-After say "send it again"
        errors.log_storage_failure(error)
        return Response(soap.fault(SystemFailure(error.message), g.get("rfc_function")),
                        status=503, headers=errors.storage_headers(error),
                        content_type=SOAP_CONTENT_TYPE)
    if not isinstance(error, RfcError):
        log.exception("unexpected error in %s", g.get("rfc_function", "a SOAP-RFC call"))
        error = SystemFailure(f"An internal error occurred ({type(error).__name__})")
    status = {"PAYLOAD_TOO_LARGE": 413, "UNSUPPORTED_MEDIA_TYPE": 415}.get(error.name, 500)
    return Response(soap.fault(error, g.get("rfc_function")), status=status,
                    content_type=SOAP_CONTENT_TYPE)


# -- WSDL ------------------------------------------------------------------------------------

@bp.get("/sap/bc/soap/wsdl11")
@bp.get("/sap/bc/soap/wsdl")
def service_description() -> Response:
    mandt = logon()
    names = [n.strip() for n in request.args.get("services", "").split(",") if n.strip()]
    if not names:
        raise BadRequest("Name the function modules: ?services=<FUNCTION MODULE>")
    try:
        interfaces = [runtime().functions.lookup(name).interface for name in names]
    except FunctionNotFound as error:
        raise NotFound(error.text) from None
    location = f"{request.host_url}sap/bc/soap/rfc?sap-client={mandt}"
    return Response(wsdl.definitions(interfaces, location), content_type=SOAP_CONTENT_TYPE)


# -- control API: per-client RFC switches ----------------------------------------------------

def _settings_view(mandt: str, settings: luw.RfcSettings) -> dict[str, Any]:
    view = {"client": mandt, "commit_every_call": settings.commit_every_call,
            "session_timeout_seconds": settings.session_timeout_seconds}
    if settings.stateless:  # shown while on: the view of a client with sessions is unchanged
        view["stateless"] = True
    return view


@bp.get("/_fake/clients/<mandt>/rfc")
def show_rfc_settings(mandt: str) -> Response:
    existing_client(mandt)
    with runtime().db.read() as conn:
        return jsonify(_settings_view(mandt, luw.client_settings(conn, mandt)))


@bp.patch("/_fake/clients/<mandt>/rfc")
def change_rfc_settings(mandt: str) -> Response:
    existing_client(mandt)
    body = json_body()
    changes: dict[str, Any] = {}
    if "commit_every_call" in body:
        if not isinstance(body["commit_every_call"], bool):
            raise BadRequest("'commit_every_call' must be true or false")
        changes["commit_every_call"] = body["commit_every_call"]
    if "stateless" in body:
        if not isinstance(body["stateless"], bool):
            raise BadRequest("'stateless' must be true or false")
        changes["stateless"] = body["stateless"]
    if "session_timeout_seconds" in body:
        timeout = json_integer(body["session_timeout_seconds"])
        if timeout is None or not 1 <= timeout <= MAX_SESSION_TIMEOUT_SECONDS:
            raise BadRequest("'session_timeout_seconds' must be an integer from 1 to "
                             f"{MAX_SESSION_TIMEOUT_SECONDS}")
        changes["session_timeout_seconds"] = timeout
    with runtime().db.write() as conn:
        settings = luw.change_client_settings(conn, mandt, **changes)
    return jsonify(_settings_view(mandt, settings))


bp.register_blueprint(soap_bp)

_RFC_SETTINGS: dict[str, Any] = {
    "type": "object",
    "required": ["client", "commit_every_call", "session_timeout_seconds"],
    "properties": {
        "client": {"type": "string", "pattern": "^[0-9]{3}$"},
        "commit_every_call": {"type": "boolean"},
        "session_timeout_seconds": {"type": "integer", "minimum": 1,
                                    "maximum": MAX_SESSION_TIMEOUT_SECONDS},
        "stateless": {"type": "boolean", "description": "present (true) while the client "
                                                        "plays a service without sessions"}}}
_RFC_SETTINGS_CHANGE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "commit_every_call": {"type": "boolean"},
        "session_timeout_seconds": {"type": "integer", "minimum": 1,
                                    "maximum": MAX_SESSION_TIMEOUT_SECONDS},
        "stateless": {"type": "boolean", "description": "play a SOAP-RFC service that "
                      "keeps no session: no session cookie, and each call's uncommitted "
                      "work is discarded when the call ends"}}}
_RFC_SETTINGS_PATH: dict[str, Any] = {
    "parameters": [openapi.CLIENT],
    "get": {"operationId": "getRfcSettings", "summary": "SOAP-RFC switches of a client",
            "responses": {"200": openapi._json(openapi._ref("RfcSettings"), "The switches"),
                          "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
    "patch": {"operationId": "changeRfcSettings",
              "summary": "Change SOAP-RFC switches: commit every call (legacy clients), "
                         "session idle timeout, no sessions (stateless service)",
              "requestBody": {"required": True, "content": {
                  "application/json": {"schema": openapi._ref("RfcSettingsChange")}}},
              "responses": {"200": openapi._json(openapi._ref("RfcSettings"),
                                                 "The changed switches"),
                            "400": openapi.BAD_REQUEST, "404": openapi.NOT_FOUND}},
}

#: this module's part of the control API's OpenAPI document (joined in fake_sap.compose)
OPENAPI = openapi.ApiFragment(
    paths={"/_fake/clients/{mandt}/rfc": _RFC_SETTINGS_PATH},
    schemas={"RfcSettings": _RFC_SETTINGS, "RfcSettingsChange": _RFC_SETTINGS_CHANGE})
