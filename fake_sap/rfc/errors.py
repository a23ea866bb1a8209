"""Errors of an RFC call that do not come back as RETURN rows.

BAPIs report business errors in-band (RETURN, HTTP 200). Everything here ends the call
instead and becomes a SOAP fault at the edge::

    RfcError                      faultstring = name
    ├── AbapException             a classic exception the function raises (NOT_FOUND, ...)
    ├── FunctionNotFound          FU_NOT_FOUND: no such function module
    ├── ParameterMissing          a mandatory import parameter was not sent
    ├── ConversionError           a value does not fit its ABAP type (CX_SY_CONVERSION_*)
    ├── RequestError              not a SOAP envelope / not an RFC call
    └── SystemFailure             an error inside the emulator (a short dump in SAP terms)
"""

from __future__ import annotations


class RfcError(Exception):
    """Base: ``name`` is the exception name SAP reports, ``text`` its short text."""

    #: who is to blame, as SOAP 1.1 puts it: "Client" (the request) or "Server"
    fault_code = "Client"

    def __init__(self, name: str, text: str, msgid: str = "", msgno: str = "") -> None:
        super().__init__(f"{name}: {text}")
        self.name = name
        self.text = text
        self.msgid = msgid
        self.msgno = msgno


class AbapException(RfcError):
    """``RAISE NOT_FOUND`` in a function module: one of the exceptions it declares."""


class FunctionNotFound(RfcError):
    def __init__(self, function: str) -> None:
        # pyrfc shows this as "[FU_NOT_FOUND] ID:FL Type:E Number:046 <name>"
        super().__init__("FU_NOT_FOUND", f"Function module {function} not found", "FL", "046")


class ParameterMissing(RfcError):
    def __init__(self, function: str, parameter: str) -> None:
        super().__init__("CALL_FUNCTION_PARM_MISSING",
                         f"Mandatory parameter {parameter} of function {function} is missing")


class ConversionError(RfcError):
    """A parameter value that does not convert to its ABAP type; names the path."""

    def __init__(self, name: str, path: str, reason: str) -> None:
        super().__init__(name, f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RequestError(RfcError):
    """The body is not a SOAP envelope carrying one RFC call."""


class SystemFailure(RfcError):
    fault_code = "Server"

    def __init__(self, text: str) -> None:
        super().__init__("SYSTEM_FAILURE", text)
