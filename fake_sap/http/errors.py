"""The one place where exceptions become HTTP responses.

SAP paths answer like ICF does (an HTML page whose ``<h1>`` names the problem, e.g.
"Logon failed"); the control API answers with JSON ``{"error": ..., "message": ...}``.
Anything unexpected is logged and answered with an SAP-style 500 page, never a traceback.

A storage failure (:class:`~fake_sap.errors.StorageUnavailable`: disk full, database
read-only or unreachable) is no bug: it answers 503 with ``Retry-After`` and a message that
names the cause, so that a sender can tell a temporary outage from an error of its own.
The SOAP path turns the same error into a ``SYSTEM_FAILURE`` fault with that text
(``fake_sap.http.soap_rfc``) and uses :func:`storage_headers` for the same headers.
"""

from __future__ import annotations

import html
import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from fake_sap.errors import FakeSapError, LogonError, StorageUnavailable

log = logging.getLogger(__name__)

_TITLES = {
    400: "Bad request",
    401: "Logon failed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request entity too large",
    415: "Unsupported media type",
    422: "Unprocessable entity",
    500: "Internal Server Error",
    503: "Service unavailable",
}


def _is_control_path() -> bool:
    return request.path.startswith("/_fake/")


def error_response(status: int, code: str, message: str) -> Response:
    if _is_control_path():
        response = jsonify({"error": code, "message": message})
        response.status_code = status
        return response
    title = _TITLES.get(status, "Error")
    body = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>{html.escape(message)}</p><p>Error code: {code}</p></body></html>")
    response = Response(body, status=status, content_type="text/html; charset=utf-8")
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="SAP NetWeaver Application Server"'
    return response


def storage_headers(error: StorageUnavailable) -> dict[str, str]:
    """The headers of every answer to a storage failure, on any path."""
    return {"Retry-After": str(error.retry_after_seconds)}


def log_storage_failure(error: StorageUnavailable) -> None:
    # an operator's problem, not a bug: one line with the driver's own words, no traceback
    log.warning("storage failure on %s %s: %s (%s)", request.method, request.path,
                error.code, error.__cause__ or error.message)


def register(app: Flask) -> None:
    @app.errorhandler(FakeSapError)
    def _fake_sap_error(error: FakeSapError) -> Response:
        if isinstance(error, LogonError):
            log.info("logon failed: %s", error.message)
        response = error_response(error.http_status, error.code, error.message)
        if isinstance(error, StorageUnavailable):
            log_storage_failure(error)
            response.headers.update(storage_headers(error))
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        status = error.code or 500
        code = (error.name or "ERROR").upper().replace(" ", "_")
        response = error_response(status, code, error.description or error.name or "")
        # keep protocol headers such as Allow on 405
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "INTERNAL_ERROR",
                              f"An internal error occurred ({type(error).__name__})")
