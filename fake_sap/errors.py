"""The emulator's exception hierarchy.

Business code raises these; ``fake_sap.http.errors`` maps them to HTTP responses in one place.
An :class:`SapMessage` carries SAP's message triple (class, number, variables) so the same
error can become an IDoc status record, a BAPIRET2 row or an HTTP body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fake_sap.ddic.messages import t100


@dataclass(frozen=True)
class SapMessage:
    """A T100-style message: ``ID NUMBER`` with up to four variables and a rendered text."""

    msgid: str
    msgno: str
    text: str
    msgty: str = "E"
    variables: tuple[str, ...] = field(default_factory=tuple)
    #: where the problem is, as BAPIRET2 names it: parameter, row (1-based), field
    parameter: str = ""
    row: int = 0
    field: str = ""

    def __str__(self) -> str:
        return f"{self.msgid} {self.msgno}: {self.text}"


class FakeSapError(Exception):
    """Base of every error the emulator raises on purpose."""

    http_status = 500
    code = "INTERNAL_ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LogonError(FakeSapError):
    """Missing or wrong credentials, or an unknown client (ICF answers 'Logon failed')."""

    http_status = 401
    code = "LOGON_FAILED"


class BadRequest(FakeSapError):
    http_status = 400
    code = "BAD_REQUEST"


class MalformedXml(BadRequest):
    """The body is not well-formed XML, or it is hostile (DTD, entities)."""

    code = "XML_NOT_WELL_FORMED"


class NotIdocXml(BadRequest):
    """Well-formed XML that is not an IDoc-XML document."""

    code = "NOT_IDOC_XML"


class PayloadTooLarge(FakeSapError):
    http_status = 413
    code = "PAYLOAD_TOO_LARGE"


class NotFound(FakeSapError):
    http_status = 404
    code = "NOT_FOUND"


class Conflict(FakeSapError):
    http_status = 409
    code = "CONFLICT"


class StorageUnavailable(FakeSapError):
    """The database cannot take the request now; nothing of it was stored.

    Temporary by nature (space freed, the file made writable again, the server back), so
    every answer says when to try again: ``retry_after_seconds`` becomes ``Retry-After``.
    """

    http_status = 503
    code = "STORAGE_UNAVAILABLE"
    retry_after_seconds = 30


class StorageFull(StorageUnavailable):
    """The disk or the database is full (SQLite ``SQLITE_FULL``, PostgreSQL class 53)."""

    code = "DATABASE_FULL"


class StorageReadOnly(StorageUnavailable):
    """The database refuses writes (a read-only file or file system, a read-only
    PostgreSQL transaction or standby)."""

    code = "DATABASE_READ_ONLY"


class StorageBusy(StorageUnavailable):
    """The database stayed locked beyond the busy timeout, or cannot be reached."""

    code = "DATABASE_UNAVAILABLE"
    retry_after_seconds = 5


class ApplicationError(FakeSapError):
    """A business rule refused a posting; becomes IDoc status 51 or RETURN rows."""

    http_status = 422
    code = "APPLICATION_ERROR"

    def __init__(self, message: SapMessage, *more: SapMessage) -> None:
        super().__init__(str(message))
        self.sap_message = message
        self.messages = (message, *more)


def sap_message(msgty: str, msgid: str, msgno: str, text: str, *variables: object,
                parameter: str = "", row: int = 0, field: str = "") -> SapMessage:
    """Build a :class:`SapMessage`; ``&1``..``&4`` in ``text`` are filled from variables.

    ``msgid msgno`` must be declared in T100 (``fake_sap.ddic.messages``): a message the
    catalogue does not know fails here, at the first call, not in a client's hands."""
    t100(msgid, msgno)
    values = tuple(str(v) for v in variables)
    rendered = text
    for index, value in enumerate(values, start=1):
        rendered = rendered.replace(f"&{index}", value)
    return SapMessage(msgid, msgno, rendered, msgty, values, parameter, row, field)


def sap_error(msgid: str, msgno: str, text: str, *variables: object, parameter: str = "",
              row: int = 0, field: str = "") -> ApplicationError:
    """An :class:`ApplicationError` carrying one error message (see :func:`sap_message`)."""
    return ApplicationError(sap_message("E", msgid, msgno, text, *variables,
                                        parameter=parameter, row=row, field=field))


def declared_message(msgty: str, msgid: str, msgno: str, *variables: object,
                     parameter: str = "", row: int = 0, field: str = "") -> SapMessage:
    """The T100 message ``msgid msgno`` with its declared text, ``&1``..``&4`` filled in."""
    return sap_message(msgty, msgid, msgno, t100(msgid, msgno).text, *variables,
                       parameter=parameter, row=row, field=field)


def declared_error(msgid: str, msgno: str, *variables: object, parameter: str = "",
                   row: int = 0, field: str = "") -> ApplicationError:
    """An :class:`ApplicationError` carrying the declared T100 error ``msgid msgno``."""
    return ApplicationError(declared_message("E", msgid, msgno, *variables,
                                             parameter=parameter, row=row, field=field))
