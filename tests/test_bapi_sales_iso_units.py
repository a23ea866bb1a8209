"""The sales BAPIs convert units given as ISO codes (S_UNIT_ISO, T_UNIT_ISO) with the client's
T006, the same conversion the IDoc side uses: a unit the client's T006 holds is accepted by
its ISO code, and GETSTATUS gives each item's unit back with the ISO code T006 assigns.

The test adds the unit to the client's tables directly, as a customizing transport would
(SAP maintains T006 with transaction CUNI; the control API's route for it is tested in
test_code_tables_api.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rfc_client import RfcSession
from sqlalchemy import create_engine, insert

from fake_sap.db.iso_codes import baseline_rows, t006
from fake_sap.db.schema import customizing
from fake_sap.testing.process import SapClient

CORPUS = Path(__file__).parent / "data" / "idoc_corpus"
MATERIAL, CUSTOMER = "CORPUS-MATERIAL-01", "CORPUS0001"
#: a unit the baseline has not: the carton, UN/ECE Recommendation 20 code CT
CARTON = {"msehi": "KAR", "isocode": "CT", "primary": "X", "dimid": "AAAADL"}


def add_unit(sap: SapClient, **fields: str) -> None:
    row = {**baseline_rows(sap.number)["t006"][0], **fields}
    engine = create_engine(sap.server.db_url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(t006), [row])
            conn.execute(insert(customizing), [{
                "mandt": sap.number, "tabname": "T006", "tabkey": fields["msehi"],
                "data": {name.upper(): value for name, value in fields.items()
                         if name != "msehi"}}])
    finally:
        engine.dispose()


def post_corpus(sap: SapClient, name: str, *replacements: tuple[str, str]) -> None:
    document = (CORPUS / f"{name}.xml").read_text(encoding="utf-8")
    document = re.sub(r"<MANDT>\d+</MANDT>", f"<MANDT>{sap.number}</MANDT>", document)
    for old, new in replacements:
        document = document.replace(old, new)
    response = sap.post_idocs(document.encode())
    assert response.status_code == 200, response.text
    docnum = re.search(r'FIRST_DOCNUM="(\d+)"', response.text)[1]  # type: ignore[index]
    shown = sap.idoc(docnum)
    assert shown["status"] == "53", shown["status_records"][-1]


@pytest.fixture
def session(sap: SapClient) -> Any:
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


@pytest.fixture
def carton_material(sap: SapClient) -> str:
    """The corpus customer, and the corpus material kept in cartons (base and sales unit),
    with the carton added to T006 first."""
    add_unit(sap, **CARTON)
    post_corpus(sap, "MATMAS05", ("<MEINS>ST</MEINS>", "<MEINS>CT</MEINS>"),
                ("<VRKME>ST</VRKME>", "<VRKME>CT</VRKME>"))
    post_corpus(sap, "DEBMAS07")
    return MATERIAL


def create(session: RfcSession, material: str, unit_iso: str) -> dict[str, Any]:
    return session.call(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00"},
        ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": CUSTOMER}],
        ORDER_ITEMS_IN=[{"ITM_NUMBER": "10", "MATERIAL": material, "S_UNIT_ISO": unit_iso}],
        ORDER_SCHEDULES_IN=[{"ITM_NUMBER": "10", "REQ_QTY": "2"}])


def test_an_iso_unit_added_to_t006_is_accepted_in_s_unit_iso(session, carton_material):
    result = create(session, carton_material, "CT")

    assert result["SALESDOCUMENT"], result["RETURN"]
    assert session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    [line] = session.call("BAPI_SALESORDER_GETSTATUS",
                          SALESDOCUMENT=result["SALESDOCUMENT"])["STATUSINFO"]
    assert (line["SALES_UNIT"], line["S_UNIT_ISO"], line["CD_UNT_ISO"]) == ("KAR", "CT", "CT")


def test_an_iso_unit_t006_does_not_hold_is_refused_naming_it(session, carton_material):
    result = create(session, carton_material, "ZZZ")

    assert result["SALESDOCUMENT"] == ""
    [error] = [row for row in result["RETURN"] if row["TYPE"] == "E" and row["ID"] == "V1"]
    # no public source confirms SAP's message for an ISO code without a unit in a sales
    # BAPI: the unit check names the code as sent (see docs/iso-codes.md)
    assert (error["NUMBER"], error["FIELD"], error["ROW"]) == ("394", "SALES_UNIT", "1")
    assert "ZZZ" in error["MESSAGE"]
