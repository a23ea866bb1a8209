"""Exceptions of the RFC client, named and shaped like pyrfc's (``pyrfc._exception``).

Layer: ``sap_client``, no imports at all (the root of the package's error tree). Callers
(the CRM adapter's flows, other projects) catch these names, so a real ``pyrfc.Connection``
can replace :class:`sap_client.rfc.Connection` without touching them::

    RFCError                        base class, also raised for misuse (call on a closed connection)
    └── RFCLibError                 message, code, key, msg_class, msg_type, msg_number, msg_v1..v4
        ├── ABAPApplicationError    an exception of the function (FU_NOT_FOUND, NOT_FOUND)
        ├── ABAPRuntimeError        a short dump or an A/X message (SYSTEM_FAILURE, PARM_MISSING)
        ├── LogonError              wrong user, password or client (HTTP 401/403)
        ├── CommunicationError      SAP unreachable, timeout, 5xx without a SOAP fault, broken XML
        │   └── SessionLost         the commit ran in a new session: the BAPI's work is in doubt
        ├── SessionNotKept          the SOAP-RFC service keeps no session: nothing to commit in
        ├── ExternalRuntimeError    this side got it wrong: unknown parameter, refused envelope
        ├── ExternalApplicationError
        ├── ExternalAuthorizationError
        └── RFCTypeError            a value does not fit its ABAP type (here or on the server)

``SessionNotKept`` and ``SessionLost`` have no pyrfc counterpart (a binary RFC connection is
always one session); :func:`sap_client.bapi.call_and_commit` raises them.

``code`` is the NW RFC SDK return code (``RFC_RC``), ``key`` the exception or error name.
Business errors of BAPIs are *not* exceptions here: they come back in RETURN (see
:mod:`sap_client.bapi`).
"""

from __future__ import annotations

#: RFC_RC values of the NW RFC SDK that this client produces
RFC_COMMUNICATION_FAILURE = 1
RFC_LOGON_FAILURE = 2
RFC_ABAP_RUNTIME_FAILURE = 3
RFC_ABAP_EXCEPTION = 5
RFC_TIMEOUT = 8
RFC_INVALID_PROTOCOL = 11
RFC_INVALID_PARAMETER = 20
RFC_CONVERSION_FAILURE = 22

_RC_NAMES = {
    0: "RFC_OK", RFC_COMMUNICATION_FAILURE: "RFC_COMMUNICATION_FAILURE",
    RFC_LOGON_FAILURE: "RFC_LOGON_FAILURE", RFC_ABAP_RUNTIME_FAILURE: "RFC_ABAP_RUNTIME_FAILURE",
    4: "RFC_ABAP_MESSAGE", RFC_ABAP_EXCEPTION: "RFC_ABAP_EXCEPTION", 6: "RFC_CLOSED",
    RFC_TIMEOUT: "RFC_TIMEOUT", RFC_INVALID_PROTOCOL: "RFC_INVALID_PROTOCOL",
    RFC_INVALID_PARAMETER: "RFC_INVALID_PARAMETER",
    RFC_CONVERSION_FAILURE: "RFC_CONVERSION_FAILURE",
}


class RFCError(Exception):
    """Base class of every error of the RFC client."""


class RFCLibError(RFCError):
    """An RFC call failed; the attributes are those of pyrfc's ``RFCLibError``."""

    def __init__(self, message: str | None = None, code: int | None = None,
                 key: str | None = None, msg_class: str | None = None,
                 msg_type: str | None = None, msg_number: str | None = None,
                 msg_v1: str | None = None, msg_v2: str | None = None,
                 msg_v3: str | None = None, msg_v4: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.key = key
        self.msg_class = msg_class
        self.msg_type = msg_type
        self.msg_number = msg_number
        self.msg_v1 = msg_v1
        self.msg_v2 = msg_v2
        self.msg_v3 = msg_v3
        self.msg_v4 = msg_v4

    def __str__(self) -> str:
        rc = _RC_NAMES.get(self.code, "???") if self.code is not None else "???"
        message = f"{rc} (rc={self.code}): key={self.key}, message={self.message}"
        if self.msg_class or self.msg_number:
            message += (f" [MSG: class={self.msg_class}, type={self.msg_type}, "
                        f"number={self.msg_number}, v1-4:={self.msg_v1};{self.msg_v2};"
                        f"{self.msg_v3};{self.msg_v4}]")
        return message


class ABAPApplicationError(RFCLibError):
    """The function module raised one of its classic exceptions; ``key`` is its name."""


class ABAPRuntimeError(RFCLibError):
    """The call ended in a short dump (or an A/X message): the SAP session is gone."""


class LogonError(RFCLibError):
    """Logon refused: user, password or client."""

    def __init__(self, message: str | None = None, code: int | None = RFC_LOGON_FAILURE,
                 key: str | None = "RFC_LOGON_FAILURE", **kwargs: str | None) -> None:
        super().__init__(message, code, key, **kwargs)


class CommunicationError(RFCLibError):
    """SAP could not be reached or did not answer usably; retrying later may help."""


class ExternalRuntimeError(RFCLibError):
    """An error on this side of the connection (e.g. a parameter the function lacks)."""


class ExternalApplicationError(RFCLibError):
    """Kept for name parity with pyrfc (raised by RFC servers, not by this client)."""


class ExternalAuthorizationError(RFCLibError):
    """Kept for name parity with pyrfc (raised by RFC servers, not by this client)."""


class RFCTypeError(RFCLibError):
    """A value that does not convert to the ABAP type of its parameter or field."""


class SessionLost(CommunicationError):
    """BAPI_TRANSACTION_COMMIT answered from a new SAP session (ICF set a new session cookie):
    the session holding the write BAPI's work ended in between, so the commit committed
    nothing of it, unless the session ended after a commit of its own. Whether the document
    exists is *in doubt*: look for it (by its reference) before creating it again."""

    def __init__(self, message: str | None = None, code: int | None = RFC_COMMUNICATION_FAILURE,
                 key: str | None = "SESSION_LOST", **kwargs: str | None) -> None:
        super().__init__(message, code, key, **kwargs)


class SessionNotKept(RFCLibError):
    """The SOAP-RFC service answered a write BAPI without an SAP session (no session cookie):
    each call is a session of its own, the BAPI's work was discarded when its call ended, and
    a BAPI_TRANSACTION_COMMIT would commit nothing yet answer success. A configuration error
    of the SAP side, not of the call: retrying changes nothing until the service is
    stateful (or the system commits every call by itself)."""

    def __init__(self, message: str | None = None, code: int | None = None,
                 key: str | None = "SESSION_NOT_KEPT", **kwargs: str | None) -> None:
        super().__init__(message, code, key, **kwargs)
