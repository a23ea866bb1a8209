"""Fuzzing ``/sap/bc/soap/rfc`` with calls generated from the declared function interfaces.

Well-typed calls of every implemented function (``fake_sap.testing.fuzz.soap_calls``), broken ones
(``broken_soap_calls``: values ABAP cannot convert, structures sent as text, unknown and
missing parameters, unknown functions) and garbage bodies go to the session's real server,
each in a new SAP session. Whatever arrives:

- the answer is the function's response (HTTP 200; business errors are RETURN rows) or a
  SOAP fault blaming the request (``SOAP-ENV:Client``), never a crash (an HTML page, or a
  ``SOAP-ENV:Server`` fault: an error inside the emulator);
- a call that is not followed by BAPI_TRANSACTION_COMMIT changes nothing in the client.

Reproducible: in CI the examples are derandomized; a failure prints the falsifying example
and a reproduction blob.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import httpx
import pytest
from hypothesis import event, given, note
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, select

from fake_sap.db.schema import client_tables
from fake_sap.rfc.model import char
from fake_sap.testing import fuzz
from fake_sap.testing.process import FakeSapProcess, SapClient

#: what a call may change without a commit: its SAP session, the update task it registers,
#: the number ranges (a number drawn for a document that is never saved stays drawn), and
#: the emulator's log of recent calls (every call records itself there)
SESSION_TABLES = {"rfc_sessions", "rfc_update_tasks", "number_ranges", "rfc_call_log"}
#: parameters that make a function commit its own work: never sent by the fuzzer
NO_IMMEDIATE_COMMIT = {"WS_DELIVERY_UPDATE": {"COMMIT": ""}}
CLIENT_FAULT = "SOAP-ENV:Client"
#: MAKT-MAKTX, the material text of BAPI_MATERIAL_SAVEDATA
MATERIAL_TEXT = char(40)

Post = Callable[[bytes], httpx.Response]
Snapshot = Callable[[], dict[str, list[tuple[Any, ...]]]]


@pytest.fixture
def soap(sap: SapClient) -> Iterator[Post]:
    """POST a body to the SOAP processor, each time without a session cookie."""
    with httpx.Client(base_url=sap.server.url, auth=sap.auth, timeout=60.0,
                      params={"sap-client": sap.number}) as http:
        def post(body: bytes) -> httpx.Response:
            http.cookies.clear()
            response = http.post("/sap/bc/soap/rfc", content=body, headers={
                "Content-Type": "text/xml; charset=utf-8"})
            note(f"HTTP {response.status_code}: {response.text[:600]}")
            return response
        yield post


@cache
def _engine(db_url: str) -> Engine:
    return create_engine(db_url)


@pytest.fixture
def snapshot(sap: SapClient, sap_server: FakeSapProcess) -> Snapshot:
    """Every row the client has, table by table (but the session tables), read from the
    server's database."""
    tables = [t for t in client_tables() if t.name not in SESSION_TABLES]

    def read() -> dict[str, list[tuple[Any, ...]]]:
        with _engine(sap_server.db_url).connect() as conn:
            return {t.name: sorted(tuple(map(str, row)) for row in conn.execute(
                select(t).where(t.c.mandt == sap.number))) for t in tables}
    return read


@pytest.fixture
def master_data(sap: SapClient) -> dict[str, Any]:
    return sap.seed(materials=3, customers=3, initial_stock="50")


@pytest.fixture
def hints(master_data: dict[str, Any]) -> fuzz.Hints:
    """Known keys for fields that business checks look up, so that some calls succeed."""
    outlets = st.sampled_from([k.lstrip("0") for k in master_data["outlets"]])
    return {
        "MATERIAL": st.sampled_from([m.lstrip("0") for m in master_data["materials"]]),
        "PARTN_NUMB": outlets, "CUSTOMER": outlets, "CUSTOMERNO": outlets,
        "PARTN_ROLE": st.sampled_from(["AG", "WE"]), "PLANT": st.sampled_from(["1000", "1100"]),
        "STGE_LOC": st.just("0001"), "SALES_ORG": st.just("1000"),
        "DISTR_CHAN": st.just("10"), "DIVISION": st.just("00"),
        "DOC_TYPE": st.sampled_from(["TA", "RE"]), "COMP_CODE": st.just("1000"),
        "ITM_NUMBER": st.sampled_from(["10", "20"]),
        "REQ_QTY": st.sampled_from(["1", "2.5"]), "ENTRY_QNT": st.sampled_from(["1", "3"]),
    }


def is_response(response: httpx.Response, function: str) -> bool:
    return response.status_code == 200 and fuzz.soap_response(response.content, function)


def client_fault(response: httpx.Response) -> dict[str, str] | None:
    """The SOAP fault of an answer that blames the request, or None."""
    fault = fuzz.soap_fault(response.content)
    if response.status_code != 500 or fault is None or fault["faultcode"] != CLIENT_FAULT:
        return None
    return fault


@fuzz.fuzz_settings(max_examples=45)
@given(call=fuzz.soap_calls(fixed=NO_IMMEDIATE_COMMIT))
def test_a_well_typed_call_gets_its_response_or_a_declared_exception(
        soap: Post, call: fuzz.SoapCall) -> None:
    response = soap(call.body)

    event(f"HTTP {response.status_code}")
    fault = client_fault(response)
    assert is_response(response, call.function) or (
        fault is not None and not fault["faultstring"].startswith("CX_SY_CONVERSION")
        and fault["faultstring"] != "CALL_FUNCTION_PARM_MISSING")


def write_calls(master_data: dict[str, Any]) -> st.SearchStrategy[fuzz.SoapCall]:
    """Calls of write BAPIs that pass their checks (random quantities, texts, material
    types), so that the property below also covers work that reaches the update task."""
    lines = st.lists(st.tuples(st.sampled_from(master_data["materials"]),
                               st.decimals("0.001", "60", places=3).map(str)),
                     min_size=1, max_size=3)
    customers = st.sampled_from(master_data["outlets"] + master_data["provincial_centers"])
    orders = st.builds(lambda customer, items: {
        "ORDER_HEADER_IN": {"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                            "DIVISION": "00"},
        "ORDER_PARTNERS": [{"PARTN_ROLE": "AG", "PARTN_NUMB": customer}],
        "ORDER_ITEMS_IN": [{"ITM_NUMBER": f"{10 * i}", "MATERIAL": material}
                           for i, (material, _) in enumerate(items, start=1)],
        "ORDER_SCHEDULES_IN": [{"ITM_NUMBER": f"{10 * i}", "REQ_QTY": quantity}
                               for i, (_, quantity) in enumerate(items, start=1)]},
        customers, lines).map(lambda p: fuzz.SoapCall(
            "BAPI_SALESORDER_CREATEFROMDAT2", "valid", p,
            fuzz.soap_envelope("BAPI_SALESORDER_CREATEFROMDAT2", p)))
    texts = fuzz.abap_values(MATERIAL_TEXT)
    materials = st.builds(lambda kind, text: {
        "HEADDATA": {"MATERIAL": "", "IND_SECTOR": "M", "MATL_TYPE": kind, "BASIC_VIEW": "X"},
        "CLIENTDATA": {"BASE_UOM": "ST"}, "CLIENTDATAX": {"BASE_UOM": "X"},
        "MATERIALDESCRIPTION": [{"LANGU": "EN", "MATL_DESC": text}]},
        st.sampled_from(["FERT", "HAWA", "ERSA"]), texts).map(lambda p: fuzz.SoapCall(
            "BAPI_MATERIAL_SAVEDATA", "valid", p,
            fuzz.soap_envelope("BAPI_MATERIAL_SAVEDATA", p)))
    return st.one_of(orders, materials)


@fuzz.fuzz_settings(max_examples=25)
@given(data=st.data())
def test_a_call_without_commit_changes_nothing_in_the_client(
        soap: Post, snapshot: Snapshot, hints: fuzz.Hints, master_data: dict[str, Any],
        data: st.DataObject) -> None:
    call = data.draw(st.one_of(fuzz.soap_calls(hints=hints, fixed=NO_IMMEDIATE_COMMIT),
                               write_calls(master_data)), label="call")
    before = snapshot()

    response = soap(call.body)

    event(f"{call.function}: HTTP {response.status_code}")
    assert snapshot() == before


@fuzz.fuzz_settings(max_examples=45)
@given(call=fuzz.broken_soap_calls())
def test_a_broken_call_is_processed_or_refused_as_the_caller_s_fault(
        soap: Post, call: fuzz.SoapCall) -> None:
    response = soap(call.body)

    event(f"{call.kind}: HTTP {response.status_code}")
    assert is_response(response, call.function) or client_fault(response) is not None


@fuzz.fuzz_settings(max_examples=30)
@given(body=fuzz.garbage_bodies())
def test_garbage_is_refused_with_a_soap_fault_blaming_the_caller(
        soap: Post, body: bytes) -> None:
    response = soap(body)

    # SAP reads leniently: whatever names a function module in a SOAP body is called
    assert client_fault(response) is not None or fuzz.soap_response(response.content)


# -- the snapshot sees what a commit changes (so the property above can fail) ----------------

def sales_order(master_data: dict[str, Any]) -> bytes:
    return fuzz.soap_envelope("BAPI_SALESORDER_CREATEFROMDAT2", {
        "ORDER_HEADER_IN": {"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                            "DIVISION": "00"},
        "ORDER_PARTNERS": [{"PARTN_ROLE": "AG", "PARTN_NUMB": master_data["outlets"][0]}],
        "ORDER_ITEMS_IN": [{"ITM_NUMBER": "10", "MATERIAL": master_data["materials"][0]}],
        "ORDER_SCHEDULES_IN": [{"ITM_NUMBER": "10", "REQ_QTY": "1"}]})


def test_a_sales_order_changes_the_client_once_it_is_committed(
        sap: SapClient, snapshot: Snapshot, master_data: dict[str, Any]) -> None:
    before = snapshot()
    with httpx.Client(base_url=sap.server.url, auth=sap.auth,
                      params={"sap-client": sap.number}) as session:
        created = session.post("/sap/bc/soap/rfc", content=sales_order(master_data))
        uncommitted = snapshot()
        session.post("/sap/bc/soap/rfc", content=fuzz.soap_envelope(
            "BAPI_TRANSACTION_COMMIT", {"WAIT": "X"})).raise_for_status()

    assert b"<SALESDOCUMENT>" in created.content
    assert uncommitted == before
    assert snapshot()["vbak"] != before["vbak"]


# -- the generator itself ------------------------------------------------------------------------

def test_the_generator_counts_the_places_of_a_wide_packed_value_once_rounded():
    # DEC 28.9: 19 nines with a fraction rounding up make 20 places, and more digits than
    # Python's default decimal context (28) can round
    assert fuzz._rounded_places("9" * 19 + ".9999999995", 9) == 20


def test_the_generator_counts_the_places_of_a_short_packed_value_with_many_decimals():
    assert fuzz._rounded_places("1", 4) == 1
