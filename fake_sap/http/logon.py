"""SAP logon for ICF paths: the client (``sap-client``) and HTTP Basic credentials.

Also the request's :func:`client_state`: the client's existence, business date and faults,
read once per request from the process's copy (see :mod:`fake_sap.basis.client_state`).

Wrong passwords of the logon user are counted per client; at ``login/fails_to_user_lock``
(the setting ``login_fails_to_user_lock``) the user is locked in that client and gets 401
even with the right password, until it is unlocked through the control API. The count and
the lock come with the client's state, so the logon of a valid user without failed logons
reads and writes nothing more than before; a user name that is not the logon user has no
user master to count in, as in SAP.
"""

from __future__ import annotations

import hmac
import re

from flask import g, request

from fake_sap.basis import clients
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
        if user_ok:
            _wrong_password(mandt, settings.user, settings.login_fails_to_user_lock)
        raise LogonError("Name or password is incorrect (repeat logon)")
    if not _CLIENT.match(mandt):
        raise LogonError(f"Client '{mandt[:10]}' is not a valid client number")
    state = client_state(mandt)
    if not state.exists:
        raise LogonError(f"Client {mandt} is not available in this system")
    failed = state.failed_logons_of(settings.user)
    if failed.locked:
        raise _locked(settings.user)
    if failed.count:
        # rare: only the first good logon after wrong ones writes
        clients.clear_failed_logons(runtime().db, mandt, settings.user)
    return mandt


def _wrong_password(mandt: str, user: str, fails_to_user_lock: int) -> None:
    """Count the wrong password in an existing client; raise if the user is locked there."""
    if not _CLIENT.match(mandt):
        return
    state = client_state(mandt)
    if not state.exists:
        return
    if state.failed_logons_of(user).locked:
        raise _locked(user)
    clients.record_failed_logon(runtime().db, mandt, user, fails_to_user_lock)


def _locked(user: str) -> LogonError:
    # SAP's ICF answers a locked user with its 401 "Logon failed" page like any failed
    # logon; the text in the page is the emulator's own
    return LogonError(f"User {user.upper()} is locked after too many failed logons "
                      "(an administrator must unlock it)")


def client_state(mandt: str) -> ClientState:
    """The client's state for this request: read at its first use, then the same for the
    rest of the request (the business date hook, the logon and the fault check share it)."""
    states: dict[str, ClientState] = g.setdefault("fake_sap_client_states", {})
    state = states.get(mandt)
    if state is None:
        state = states[mandt] = runtime().client_states.get(mandt)
    return state
