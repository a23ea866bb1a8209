"""Evaluating a BAPI's RETURN, and the call–check–commit sequence of write BAPIs.

Layer: ``sap_client`` (the SAP caller's side; imports only the standard library, never
``fake_sap`` or ``crm_adapter``). Works with any pyrfc-shaped connection (this package's or
pyrfc's).

BAPIs report business errors in-band: HTTP 200 / RFC_OK with rows of TYPE ``E`` (error) or
``A`` (abort) in RETURN, and change nothing. RETURN comes in four layouts, all read here:
BAPIRET2 and BAPIRET1 (ID + NUMBER), the old BAPIRETURN (CODE = message class + number),
as a structure or as a table. A row whose TYPE, message class, number and text are all
empty means "no message" (BAPI_MATERIAL_GET_DETAIL returns one on success).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final, Protocol

from .errors import SessionLost, SessionNotKept

RETURN = "RETURN"
COMMIT = "BAPI_TRANSACTION_COMMIT"


class _OwnSession:
    """A connection that is one SAP session by itself (pyrfc's binary RFC connection)."""

    def __repr__(self) -> str:
        return "<a connection that is its own session>"


#: what :func:`session_before_commit` returns for a connection without ``session_id``
OWN_SESSION: Final = _OwnSession()


class MessageType(StrEnum):
    """BAPIRET2-TYPE."""

    SUCCESS = "S"
    INFO = "I"
    WARNING = "W"
    ERROR = "E"
    ABORT = "A"


ERROR_TYPES = frozenset({MessageType.ERROR, MessageType.ABORT})


@dataclass(frozen=True, slots=True)
class BapiMessage:
    """One RETURN row, whatever its layout."""

    type: str
    id: str  # message class (BAPIRET2-ID; BAPIRETURN: CODE without the number)
    number: str
    message: str
    message_v1: str = ""
    message_v2: str = ""
    message_v3: str = ""
    message_v4: str = ""
    parameter: str = ""  # BAPIRET2 only: the parameter in error, e.g. ORDER_ITEMS_IN
    row: int = 0
    field: str = ""
    log_no: str = ""
    log_msg_no: str = ""
    system: str = ""

    @property
    def is_error(self) -> bool:
        return self.type in ERROR_TYPES

    def __str__(self) -> str:
        head = " ".join(part for part in (self.type, self.id, self.number) if part)
        where = f" ({self.parameter}[{self.row}]-{self.field})" if self.parameter else ""
        return f"{head}: {self.message}{where}"


class BapiError(Exception):
    """A BAPI answered with an E or A message in RETURN; nothing was written.

    ``messages`` holds every message of the call (so warnings and the success rows before
    the error are not lost), ``errors`` the E/A ones. This is a business outcome, not a
    transport failure: it is not an :class:`~sap_client.errors.RFCError`, and retrying
    the same call will fail the same way.
    """

    def __init__(self, function: str, messages: Iterable[BapiMessage]) -> None:
        self.function = function
        self.messages = tuple(messages)
        self.errors = tuple(m for m in self.messages if m.is_error)
        summary = "; ".join(str(m) for m in self.errors) or "no error message"
        super().__init__(f"{function}: {summary}")


class RfcConnection(Protocol):
    """What this module needs of a connection: pyrfc's ``call``."""

    def call(self, func_name: str, options: Mapping[str, Any] | None = None,
             **params: Any) -> dict[str, Any]: ...


def messages(result: Mapping[str, Any], parameter: str = RETURN) -> list[BapiMessage]:
    """The messages in ``result[parameter]`` (a structure or a table), empty rows left out."""
    value = result.get(parameter)
    if value is None:
        return []
    rows = [value] if isinstance(value, Mapping) else list(value)
    found = (_message(row) for row in rows if isinstance(row, Mapping))
    # NUMBER is NUMC: "000" is its initial value, not a message number
    return [m for m in found if m.type or m.id or m.number.strip("0") or m.message]


def _message(row: Mapping[str, Any]) -> BapiMessage:
    def text(name: str) -> str:
        value = row.get(name)
        return "" if value is None else str(value).strip()

    message_class, number = text("ID"), text("NUMBER")
    if not message_class and not number and text("CODE"):
        # BAPIRETURN-CODE: message class followed by the three-digit number, e.g. "M3897"
        code = text("CODE")
        message_class, number = (code[:-3], code[-3:]) if len(code) > 3 else (code, "")
    row_number = row.get("ROW") or 0
    return BapiMessage(
        type=text("TYPE"), id=message_class, number=number, message=text("MESSAGE"),
        message_v1=text("MESSAGE_V1"), message_v2=text("MESSAGE_V2"),
        message_v3=text("MESSAGE_V3"), message_v4=text("MESSAGE_V4"),
        parameter=text("PARAMETER"), row=int(row_number) if str(row_number).strip() else 0,
        field=text("FIELD"), log_no=text("LOG_NO"), log_msg_no=text("LOG_MSG_NO"),
        system=text("SYSTEM"))


def has_errors(result: Mapping[str, Any], parameter: str = RETURN) -> bool:
    """True when RETURN holds an E or A message."""
    return any(m.is_error for m in messages(result, parameter))


def check(result: Mapping[str, Any], function: str = "BAPI",
          parameter: str = RETURN) -> list[BapiMessage]:
    """Raise :class:`BapiError` on an E or A message in RETURN; else return the warnings."""
    found = messages(result, parameter)
    if any(m.is_error for m in found):
        raise BapiError(function, found)
    return [m for m in found if m.type == MessageType.WARNING]


def call_and_commit(conn: RfcConnection, name: str, *, wait: bool = True,
                    **params: Any) -> dict[str, Any]:
    """Call a write BAPI and commit its LUW, or roll it back.

    E/A in RETURN → ``BAPI_TRANSACTION_ROLLBACK`` and :class:`BapiError`. Otherwise
    ``BAPI_TRANSACTION_COMMIT`` (``WAIT='X'`` unless ``wait=False``) in the same session,
    whose own RETURN is checked too: an update that fails at commit raises
    :class:`BapiError` naming BAPI_TRANSACTION_COMMIT. Returns the BAPI's result.

    The session is checked on a connection that tells it (``session_id``, as
    :class:`sap_client.rfc.Connection` does): a BAPI answered without a session raises
    :class:`~sap_client.errors.SessionNotKept` and no commit is sent (it would commit
    nothing and answer success); a commit answered from another session raises
    :class:`~sap_client.errors.SessionLost` (the outcome is in doubt).

    When the call itself raises (an exception, a dump, a lost connection) a rollback is
    attempted so that nothing the BAPI registered can be committed later in this session.
    """
    try:
        result = conn.call(name, **params)
    except Exception:  # this client's RFCError or pyrfc's: both end the same way
        _rollback_quietly(conn)
        raise
    found = messages(result)
    if any(m.is_error for m in found):
        _rollback_quietly(conn)
        raise BapiError(name, found)
    session = session_before_commit(conn, name)
    commit = conn.call(COMMIT, WAIT="X" if wait else "")
    check_commit_session(conn, session, name)
    check(commit, COMMIT)
    return result


def session_before_commit(conn: object, function: str) -> object:
    """The session ``function``'s work waits in for its commit; raises
    :class:`~sap_client.errors.SessionNotKept` when SAP answered ``function`` without one.

    A connection without ``session_id`` (pyrfc's) is one session by itself:
    :data:`OWN_SESSION`."""
    if not hasattr(conn, "session_id"):
        return OWN_SESSION
    session = conn.session_id
    if session:
        return session
    url = getattr(conn, "url", "SAP")
    raise SessionNotKept(
        f"{url}/sap/bc/soap/rfc answered {function} without an SAP session (no "
        f"SAP_SESSIONID cookie): each call is a session of its own there, so {function}'s "
        f"work was discarded when its call ended and {COMMIT} would commit nothing while "
        f"answering success. Nothing was committed. Make the SOAP-RFC service keep a "
        f"stateful session (ICF), or, for a legacy system, have SAP commit every call "
        f"(fake-sap: PATCH /_fake/clients/<client>/rfc {{\"commit_every_call\": true}}), "
        f"which needs no commit")


def check_commit_session(conn: object, session: object, function: str) -> None:
    """Raise :class:`~sap_client.errors.SessionLost` when the commit was answered from
    another session than ``session`` (from :func:`session_before_commit`): the session of
    ``function``'s work ended in between, and what was committed is in doubt."""
    if session is OWN_SESSION:
        return
    now = getattr(conn, "session_id", None)
    if now != session:
        raise SessionLost(
            f"{COMMIT} after {function} was answered from a new SAP session: the session "
            f"holding {function}'s work had ended, so whether it was committed is in doubt")


def _rollback_quietly(conn: RfcConnection) -> None:
    # the rollback only tidies the session; its failure must not hide the original error
    with contextlib.suppress(Exception):
        conn.call("BAPI_TRANSACTION_ROLLBACK")
