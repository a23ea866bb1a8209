"""fake-sap's fault kind ``locked``: the function answers with the lock error V1 042 in its
RETURN, in the RETURN's own layout, and does nothing; sap_client reads it as a BapiError."""

from __future__ import annotations

from typing import Any

import pytest

from sap_client.bapi import BapiError, call_and_commit, has_errors, messages
from sap_client.rfc import Connection


def savedata(material: str) -> dict[str, Any]:
    return {"HEADDATA": {"MATERIAL": material, "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                         "BASIC_VIEW": "X"},
            "CLIENTDATA": {"BASE_UOM": "ST"}, "CLIENTDATAX": {"BASE_UOM": "X"},
            "MATERIALDESCRIPTION": [{"LANGU": "E", "MATL_DESC": "Condenser"}]}


def test_a_locked_write_bapi_answers_v1_042_and_does_nothing(sap: Any, conn: Connection
                                                            ) -> None:
    sap.add_fault("BAPI_MATERIAL_SAVEDATA", "locked", times=1)

    with pytest.raises(BapiError) as raised:
        call_and_commit(conn, "BAPI_MATERIAL_SAVEDATA", **savedata("4741"))

    [error] = raised.value.errors
    assert (error.type, error.id, error.number) == ("E", "V1", "042")
    assert "currently being processed" in error.message
    assert has_errors(conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4741"))  # not created
    call_and_commit(conn, "BAPI_MATERIAL_SAVEDATA", **savedata("4741"))  # the fault is spent
    assert not has_errors(conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4741"))


def test_a_return_table_gets_one_row(sap: Any, conn: Connection) -> None:
    sap.add_fault("BAPI_SALESORDER_CREATEFROMDAT2", "locked", times=1)
    result = conn.call("BAPI_SALESORDER_CREATEFROMDAT2", ORDER_HEADER_IN={"DOC_TYPE": "TA"})
    assert [(m.id, m.number) for m in messages(result)] == [("V1", "042")]
    assert result["SALESDOCUMENT"] == ""
