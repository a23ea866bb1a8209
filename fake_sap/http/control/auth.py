"""The control API's credential: ``Authorization: Bearer <token>`` on every ``/_fake/`` path.

With ``Settings.control_token`` empty (the default) nothing is checked, as suits a server that
only its own machine reaches. With a token, every request whose path starts with ``/_fake``
(a known route or not, so that an unknown path reveals nothing either) must carry it, or gets
401 with a ``WWW-Authenticate: Bearer`` challenge and the control API's JSON error. SAP paths
(``/sap/...``) are left to their own logon.

Layer: HTTP edge (control API). Imports Flask, the standard library and the runtime settings;
never the database: an unauthenticated request must not reach it.
"""

from __future__ import annotations

import hmac

from flask import Response, jsonify, request

from fake_sap.http.runtime import runtime

CONTROL_PREFIX = "/_fake"
#: the web console checks the same token itself (a login form that sets a cookie, or the
#: same bearer header: :mod:`fake_sap.ui.access`), because a browser cannot send a header
CONSOLE_PREFIX = "/_fake/ui"
#: the challenge of RFC 6750 section 3 (realm names what the token is for)
CHALLENGE = 'Bearer realm="fake-sap control API"'


def is_control_path(path: str) -> bool:
    """A path of the control API (the console under ``/_fake/ui`` guards itself)."""
    if path == CONSOLE_PREFIX or path.startswith(CONSOLE_PREFIX + "/"):
        return False
    return path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")


def presented_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (the scheme is
    case-insensitive, RFC 7235 section 2.1); None for a missing or different scheme."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def token_matches(expected: str, authorization: str | None) -> bool:
    """Whether the header carries ``expected``; compared in constant time so that the
    answer's timing does not tell how much of a guessed token was right."""
    given = presented_token(authorization)
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_control_token() -> Response | None:
    """``before_app_request`` hook: None lets the request through, a response ends it."""
    expected = runtime().settings.control_token
    if not expected or not is_control_path(request.path):
        return None
    if token_matches(expected, request.headers.get("Authorization")):
        return None
    missing = request.headers.get("Authorization") is None
    response = jsonify({
        "error": "UNAUTHORIZED",
        "message": "The control API needs 'Authorization: Bearer <token>' with the token "
                   "the server was started with (--control-token or "
                   "FAKE_SAP_CONTROL_TOKEN)" if missing else
                   "The control API's bearer token is missing or wrong"})
    response.status_code = 401
    # RFC 6750 section 3.1: no error code when the request carried no credential at all
    response.headers["WWW-Authenticate"] = (
        CHALLENGE if missing else f'{CHALLENGE}, error="invalid_token"')
    return response
