"""Who may open the console: when the emulator has a control token, the console asks for
it (a login form that sets a cookie, or ``Authorization: Bearer <token>``); without one the
console is open, like the control API.

Layer: HTTP edge (the console).
"""

from __future__ import annotations

import hmac

from flask import Request

from fake_sap.config import Settings

#: the cookie the login form sets; scoped to the console's path
COOKIE = "fake_sap_console"


def required_token(settings: Settings) -> str:
    """The control token, or "" when none is configured (read defensively: a settings object
    without the field means no token)."""
    return str(getattr(settings, "control_token", None) or "")


def presented_token(request: Request) -> str:
    """The token the request carries, in the Authorization header or the console cookie."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[len("bearer "):].strip()
    return request.cookies.get(COOKIE, "")


def matches(settings: Settings, given: str) -> bool:
    """Whether ``given`` is the control token (compared in constant time); always true
    when no token is configured."""
    token = required_token(settings)
    if not token:
        return True
    return hmac.compare_digest(given.encode(), token.encode())


def allowed(settings: Settings, request: Request) -> bool:
    return matches(settings, presented_token(request))
