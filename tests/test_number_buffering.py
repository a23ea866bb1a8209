"""Buffered number ranges on a real server: ``FAKE_SAP_NUMBER_BUFFERS`` makes each of the two
worker processes draw sales document numbers in blocks. Orders sent at once from several SAP
sessions all get different numbers and are all stored; a transactional RFC unit sent twice
still creates (and numbers) its order once."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rfc_client import RfcSession, read_table

from fake_sap.db.numbers import RANGE_STARTS
from fake_sap.testing.process import FakeSapProcess, SapClient
from sap_client.rfc import Connection

BLOCK = 5
FIRST_ORDER = RANGE_STARTS["RV_BELEG"]
SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}
SESSIONS, ORDERS_PER_SESSION = 4, 4


@pytest.fixture(scope="module")
def buffered_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    folder = tmp_path_factory.mktemp("buffered")
    # the suite's PostgreSQL when it runs on one: blocks must work across processes there too
    db = os.environ.get("FAKE_SAP_TEST_DB_URL") or f"sqlite:///{Path(folder) / 'sap.db'}"
    with FakeSapProcess.start(db, workers=2, log=folder / "fake-sap.log",
                              env={"FAKE_SAP_NUMBER_BUFFERS": f"RV_BELEG={BLOCK}"}) as server:
        yield server


@pytest.fixture
def sap(buffered_server: FakeSapProcess) -> SapClient:
    return buffered_server.new_client()


@pytest.fixture
def master(sap: SapClient) -> dict[str, Any]:
    return sap.seed(materials=2, customers=2, initial_stock="1000")


def order(master: dict[str, Any]) -> dict[str, Any]:
    return {"ORDER_HEADER_IN": {"DOC_TYPE": "TA", **SALES_AREA},
            "ORDER_PARTNERS": [{"PARTN_ROLE": "AG", "PARTN_NUMB": master["outlets"][0]}],
            "ORDER_ITEMS_IN": [{"ITM_NUMBER": "10", "MATERIAL": master["materials"][0]}],
            "ORDER_SCHEDULES_IN": [{"ITM_NUMBER": "10", "REQ_QTY": "1"}]}


def stored_orders(sap: SapClient) -> list[str]:
    session = RfcSession(sap)
    try:
        return [line.strip() for line in read_table(session, "VBAK", fields=["VBELN"])]
    finally:
        session.close()


def test_orders_from_several_sessions_at_once_get_different_numbers(sap, master):
    committed: list[str] = []
    failures: list[str] = []

    def client() -> None:
        session = RfcSession(sap)
        try:
            for _ in range(ORDERS_PER_SESSION):
                created = session.call("BAPI_SALESORDER_CREATEFROMDAT2", **order(master))
                done = session.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
                if not created["SALESDOCUMENT"] or done["RETURN"]["TYPE"]:
                    failures.append(f"{created['RETURN']} {done['RETURN']}")
                committed.append(created["SALESDOCUMENT"])
        finally:
            session.close()

    threads = [threading.Thread(target=client) for _ in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(set(committed)) == SESSIONS * ORDERS_PER_SESSION
    assert sorted(stored_orders(sap)) == sorted(committed)
    # every number comes from a block of the range: at most one block per worker is open
    numbers = sorted(int(vbeln) for vbeln in committed)
    assert numbers[0] >= FIRST_ORDER
    assert numbers[-1] < FIRST_ORDER + SESSIONS * ORDERS_PER_SESSION + 2 * BLOCK


def connect(sap: SapClient) -> Connection:
    user, password = sap.auth
    return Connection(url=sap.server.url, client=sap.number, user=user, passwd=password,
                      timeout=60)


def test_a_unit_sent_twice_creates_and_numbers_its_order_once(sap, master):
    with connect(sap) as conn:
        unit = conn.initialize_unit(background=False)
        first = dict(conn.fill_and_submit_unit(
            unit, [("BAPI_SALESORDER_CREATEFROMDAT2", order(master))]))
        conn.destroy_unit(unit)
    with connect(sap) as other:  # another connection, as after a lost answer
        again = other.fill_and_submit_unit(
            dict(unit), [("BAPI_SALESORDER_CREATEFROMDAT2", order(master))])

    [result] = first["results"]
    assert again["state"] == "executed"
    assert again["results"] == first["results"]
    assert stored_orders(sap) == [result["SALESDOCUMENT"]]
