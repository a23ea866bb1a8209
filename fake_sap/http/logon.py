"""SAP logon for ICF paths: the client (``sap-client``) and HTTP Basic credentials.

Also the request's :func:`client_state`: the client's existence, business date and faults,
read once per request from the process's copy (see :mod:`fake_sap.basis.client_state`)."""

from __future__ import annotations

import hmac
import re

from flask import g, request

from fake_sap.basis.client_state import ClientState
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
    if not client_state(mandt).exists:
        raise LogonError(f"Client {mandt} is not available in this system")
    return mandt


def client_state(mandt: str) -> ClientState:
    """The client's state for this request: read at its first use, then the same for the
    rest of the request (the business date hook, the logon and the fault check share it)."""
    states: dict[str, ClientState] = g.setdefault("fake_sap_client_states", {})
    state = states.get(mandt)
    if state is None:
        state = states[mandt] = runtime().client_states.get(mandt)
    return state
