"""SAP logon for ICF paths: the client (``sap-client``) and HTTP Basic credentials."""

from __future__ import annotations

import hmac
import re

from flask import request

from fake_sap.db import clients
from fake_sap.errors import LogonError
from fake_sap.http.runtime import runtime

_CLIENT = re.compile(r"^\d{3}$")


def requested_client() -> str:
    """``sap-client`` from the query string (as SAP does) or the header, else the default."""
    value = request.args.get("sap-client") or request.headers.get("sap-client")
    return value.strip() if value else runtime().settings.default_client


def logon() -> str:
    """Check client and credentials; return the client. Raises :class:`LogonError`."""
    settings = runtime().settings
    mandt = requested_client()
    auth = request.authorization
    if auth is None or auth.type != "basic":
        raise LogonError("No logon data was provided (HTTP Basic authentication required)")
    user_ok = hmac.compare_digest((auth.username or "").upper(), settings.user.upper())
    password_ok = hmac.compare_digest(auth.password or "", settings.password)
    if not (user_ok and password_ok):
        raise LogonError("Name or password is incorrect (repeat logon)")
    if not _CLIENT.match(mandt):
        raise LogonError(f"Client '{mandt[:10]}' is not a valid client number")
    with runtime().db.read() as conn:
        if not clients.exists(conn, mandt):
            raise LogonError(f"Client {mandt} is not available in this system")
    return mandt
