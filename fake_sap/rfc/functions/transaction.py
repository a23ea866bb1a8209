"""BAPI_TRANSACTION_COMMIT and BAPI_TRANSACTION_ROLLBACK: ending the SAP LUW of a session."""

from __future__ import annotations

from typing import Any

from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.model import FLAG, FunctionInterface, exporting, importing
from fake_sap.rfc.structures import BAPIRET2, bapiret2, message

BAPI_TRANSACTION_COMMIT = FunctionInterface(
    "BAPI_TRANSACTION_COMMIT", "Execute external commit when using BAPIs", (
        importing("WAIT", FLAG, "X: wait until the updates are written (COMMIT WORK AND "
                                "WAIT)", optional=True, reference="BAPITA-WAIT"),
        exporting("RETURN", BAPIRET2, "Empty on success; the update error otherwise"),
    ), group="BAPT",
    references_source="stechno.net, \"SAP Function BAPI_TRANSACTION_COMMIT\" "
                      "(https://www.stechno.net/referentiel/fonctions-sap.html"
                      "?id=BAPI_TRANSACTION_COMMIT)",
    notes="Runs the update tasks that write BAPIs of the same session registered, in "
          "order and in one database transaction; the emulator always waits, so the data "
          "is readable when the call returns. With nothing pending it does nothing.")

BAPI_TRANSACTION_ROLLBACK = FunctionInterface(
    "BAPI_TRANSACTION_ROLLBACK", "Execute external rollback when using BAPIs", (
        exporting("RETURN", BAPIRET2, "Always empty"),
    ), group="BAPT",
    notes="Discards the update tasks of the session. Numbers already drawn stay used.")


def commit(call: Call) -> dict[str, Any]:
    result = call.commit()
    if result.error is None:
        return {}
    error = result.error
    return {"RETURN": bapiret2(message("E", error.msgid, error.msgno,
                                       f"Update was terminated: {error.text}",
                                       *error.variables))}


def rollback(call: Call) -> dict[str, Any]:
    call.rollback()
    return {}


FUNCTIONS = [
    RfcFunction(BAPI_TRANSACTION_COMMIT, commit),
    RfcFunction(BAPI_TRANSACTION_ROLLBACK, rollback),
]
