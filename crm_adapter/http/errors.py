"""The one place where exceptions become HTTP responses.

Layer: HTTP edge. Every error is JSON ``{"error": CODE, "message": text}``; views contain
no ``try/except`` for the errors of other layers: those are mapped here, in
:data:`STATUS_BY_EXCEPTION` and in the API areas' ``ERROR_STATUSES``, which
:mod:`crm_adapter.compose` hands to :func:`register` (Flask looks handlers up along the
exception's MRO, so a subclass may get its own entry). Anything unexpected is logged and
answered with a 500 that shows no traceback.

Failures that are not bugs say what happened: the CRM store full, read-only or unreachable
is 503 with ``Retry-After`` (:class:`~crm_adapter.store.errors.StoreUnavailable`); SAP
unreachable or not answering in time is 503 with ``Retry-After``, SAP refusing the
adapter's logon or ending the call in a short dump is 502 (:data:`SAP_ERRORS`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from flask import Flask, Response, jsonify, request
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers.response import Response as PageResponse

from crm_adapter.domain.errors import DomainError
from crm_adapter.flows.master_data import InvalidMaintenance, MaterialNotFound
from crm_adapter.inbox import DocumentTooLarge, NotRetryable, UnknownEntry, UnreadableDocument
from crm_adapter.store.errors import StoreUnavailable
from sap_client.errors import ABAPRuntimeError, CommunicationError, LogonError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error a view raises on purpose; ``status`` and ``code`` say how to answer."""

    status = 400
    code = "BAD_REQUEST"

    def __init__(self, message: str, *, status: int | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status or self.status
        self.code = code or self.code


class LogonRequired(ApiError):
    status = 401
    code = "LOGON_FAILED"


#: exceptions → (HTTP status, error code)
ErrorStatuses = Mapping[type[Exception], tuple[int, str]]
#: URL prefix -> the page that answers an HTTP error under it (the console's pages are HTML)
ErrorPages = Mapping[str, Callable[[HTTPException], PageResponse]]

#: exceptions of other layers → (HTTP status, error code)
STATUS_BY_EXCEPTION: ErrorStatuses = {
    UnreadableDocument: (400, "UNREADABLE_IDOC_XML"),
    DocumentTooLarge: (413, "IDOC_XML_TOO_LARGE"),
    UnknownEntry: (404, "NOT_FOUND"),
    NotRetryable: (409, "NOT_RETRYABLE"),
    MaterialNotFound: (404, "NOT_FOUND"),
    InvalidMaintenance: (400, "INVALID_FIELDS"),
    DomainError: (422, "REFUSED"),
}


#: how long a caller should wait when SAP cannot be reached (``Retry-After``)
SAP_RETRY_AFTER_SECONDS = 30

#: errors of the SAP connection → (HTTP status, error code, what the answer says)
SAP_ERRORS: Mapping[type[Exception], tuple[int, str, str]] = {
    CommunicationError: (503, "SAP_UNREACHABLE",
                         "SAP cannot be reached or did not answer in time"),
    LogonError: (502, "SAP_LOGON_REFUSED",
                 "SAP refused the adapter's logon (check sap_user, sap_password and "
                 "sap_client)"),
    ABAPRuntimeError: (502, "SAP_FAILURE", "SAP ended the call with a runtime error"),
}


def error_response(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": code, "message": message})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="CRM IDoc receiver"'
    return response


def register(app: Flask, area_statuses: ErrorStatuses, pages: ErrorPages | None = None
             ) -> None:
    """The error handlers: :data:`STATUS_BY_EXCEPTION` and the API areas' own; HTTP errors
    under a prefix of ``pages`` (a URL no route matches, a method not allowed) answered
    with that page instead of JSON."""
    error_pages = dict(pages or {})
    @app.errorhandler(ApiError)
    def _api_error(error: ApiError) -> Response:
        return error_response(error.status, error.code, error.message)

    for exception, (status, code) in {**STATUS_BY_EXCEPTION, **area_statuses}.items():
        app.register_error_handler(exception, _mapped(status, code))

    @app.errorhandler(StoreUnavailable)
    def _store_unavailable(error: StoreUnavailable) -> Response:
        # an operator's problem, not a bug: one line with the driver's words, no traceback
        log.warning("store failure on %s %s: %s (%s)", request.method, request.path,
                    error.code, error.__cause__ or error.message)
        response = error_response(503, error.code, error.message)
        response.headers["Retry-After"] = str(error.retry_after_seconds)
        return response

    for sap_exception, (status, code, what) in SAP_ERRORS.items():
        app.register_error_handler(sap_exception, _sap_error(status, code, what))

    @app.errorhandler(IntegrityError)
    def _concurrent_change(error: IntegrityError) -> Response:
        # two requests raced for the same unique row (e.g. two settlement runs for one
        # month on PostgreSQL): the loser's transaction was rolled back, nothing half-stored
        log.info("concurrent change refused: %s", error.orig)
        return error_response(409, "CONCURRENT_CHANGE", "A concurrent request changed the "
                              "same data first; nothing was stored. Look again and retry.")

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> PageResponse:
        for prefix, page in error_pages.items():
            if request.path == prefix or request.path.startswith(prefix + "/"):
                return page(error)
        status = error.code or 500
        code = (error.name or "ERROR").upper().replace(" ", "_")
        response = error_response(status, code, error.description or error.name or "")
        for name, value in error.get_headers():  # keep protocol headers such as Allow
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "INTERNAL_ERROR",
                              f"An internal error occurred ({type(error).__name__})")


def _sap_error(status: int, code: str, what: str) -> Callable[[Exception], Response]:
    def handler(error: Exception) -> Response:
        log.warning("SAP call failed on %s %s: %s", request.method, request.path, error)
        response = error_response(status, code, f"{what}: {getattr(error, 'message', error)}")
        if status == 503:
            response.headers["Retry-After"] = str(SAP_RETRY_AFTER_SECONDS)
        return response

    return handler


def _mapped(status: int, code: str) -> Callable[[Exception], Response]:
    def handler(error: Exception) -> Response:
        return error_response(status, code, str(error))

    return handler
