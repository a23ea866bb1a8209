"""BAPI_MATERIAL_SAVEDATA's STORAGELOCATIONDATA against the real server: stored in MARD with
SAP's checkbox rule, readable by RFC_READ_TABLE, sent by BD10 in E1MARDM, and refused with
nothing stored when the storage location does not exist in the plant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rfc_client import RfcSession, read_table, save_material

from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

PARTNER = "CRMCLNT100"
MARD_FIELDS = ["WERKS", "LGORT", "LGPBE"]


@pytest.fixture
def rfc(sap: SapClient) -> Iterator[RfcSession]:
    session = RfcSession(sap)
    yield session
    session.close()


def storage_location(plant: str = "1000", location: str = "0001", **fields: str
                     ) -> dict[str, Any]:
    """STORAGELOCATIONDATA and its X structure, every given field flagged."""
    return {"STORAGELOCATIONDATA": {"PLANT": plant, "STGE_LOC": location, **fields},
            "STORAGELOCATIONDATAX": {"PLANT": plant, "STGE_LOC": location,
                                     **dict.fromkeys(fields, "X")}}


def test_a_storage_location_is_stored_in_mard_after_the_commit(rfc: RfcSession) -> None:
    returned = save_material(rfc, "4711", **storage_location(STGE_BIN="A-01"))["RETURN"]
    assert returned["TYPE"] == "S"
    assert read_table(rfc, "MARD", fields=MARD_FIELDS, DELIMITER="|") == []

    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    assert read_table(rfc, "MARD", fields=MARD_FIELDS, DELIMITER="|") == [
        "1000|0001|A-01"]
    # the storage location hangs below its plant view
    assert read_table(rfc, "MARC", fields=["WERKS"]) == ["1000"]


def test_a_storage_bin_without_its_checkbox_is_not_taken(rfc: RfcSession) -> None:
    save_material(rfc, "4711", **storage_location(STGE_BIN="A-01"))
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    changed = storage_location(STGE_BIN="B-02")
    changed["STORAGELOCATIONDATAX"]["STGE_BIN"] = ""
    rfc.call("BAPI_MATERIAL_SAVEDATA", HEADDATA={"MATERIAL": "4711"}, **changed)
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

    assert read_table(rfc, "MARD", fields=MARD_FIELDS, DELIMITER="|") == [
        "1000|0001|A-01"]


@pytest.mark.parametrize(("change", "parameter", "field", "number"), [
    (storage_location(location="9999"), "STORAGELOCATIONDATA", "STGE_LOC", "351"),
    (storage_location(plant="9999"), "STORAGELOCATIONDATA", "PLANT", "351"),
    ({"STORAGELOCATIONDATA": {"PLANT": "1000", "STGE_LOC": "0001"},
      "STORAGELOCATIONDATAX": {"PLANT": "1000", "STGE_LOC": ""}},
     "STORAGELOCATIONDATAX", "STGE_LOC", "344"),
])
def test_an_unknown_storage_location_is_refused_and_nothing_is_stored(
        rfc: RfcSession, change: dict[str, Any], parameter: str, field: str,
        number: str) -> None:
    returned = save_material(rfc, "4711", **change)["RETURN"]

    assert (returned["TYPE"], returned["ID"], returned["NUMBER"]) == ("E", "M3", number)
    assert (returned["PARAMETER"], returned["FIELD"]) == (parameter, field)
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert read_table(rfc, "MARA", fields=["MATNR"]) == []
    assert read_table(rfc, "MARD", fields=MARD_FIELDS) == []


def test_bd10_sends_the_stored_storage_location_in_e1mardm(
        sap: SapClient, rfc: RfcSession) -> None:
    save_material(rfc, "4711", **storage_location(STGE_BIN="A-01"))
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    receiver = IdocReceiver()
    try:
        sap.register_partner(PARTNER, url=receiver.url, outbound=["MATMAS"])
        sap.send_master_data("MATMAS", objects=["000000000000004711"])
        [received] = receiver.wait_for(1)
    finally:
        receiver.stop()

    [location] = received.xml().findall("IDOC/E1MARAM/E1MARCM/E1MARDM")
    assert (location.findtext("LGORT"), location.findtext("LGPBE")) == ("0001", "A-01")
