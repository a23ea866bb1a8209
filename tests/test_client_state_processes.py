"""The clients, business dates and faults every SAP request checks are kept per process and
still take effect at once everywhere.

Two ``fake-sap serve`` processes share one database file. Each has read a client's state
(so it holds its own copy); a change made through the first one's control API must be
honoured by the very next request the second one answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from idoc_builders import material, packet
from rfc_client import RfcSession

from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import FakeSapProcess, SapClient

NEW_YEARS_EVE = "2024-12-31"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[FakeSapProcess, FakeSapProcess]]:
    folder: Path = tmp_path_factory.mktemp("two-processes")
    with FakeSapProcess.start(folder / "sap.db", workers=1, log=folder / "first.log") as first, \
            FakeSapProcess.start(folder / "sap.db", workers=1,
                                 log=folder / "second.log") as second:
        yield first, second


@pytest.fixture
def clients(servers: tuple[FakeSapProcess, FakeSapProcess]) -> tuple[SapClient, SapClient]:
    """One new client, as seen through the first and through the second process."""
    first, second = servers
    changed = first.new_client()
    return changed, second.client(changed.number)


def sy_datum(sap: SapClient) -> str:
    rfc = RfcSession(sap)
    try:
        text = rfc.call("STFC_CONNECTION", REQUTEXT="date?")["RESPTEXT"]
    finally:
        rfc.close()
    return str(text.split("Date: ")[1][:8])


def connection_test_status(sap: SapClient) -> int:
    rfc = RfcSession(sap)
    try:
        return rfc.post_call("STFC_CONNECTION", REQUTEXT="ping").status_code
    finally:
        rfc.close()


def test_a_business_date_set_through_one_process_is_the_next_request_s_date_in_the_other(
        clients):
    changer, other = clients
    before = sy_datum(other)  # the other process now holds the client's state

    changer.set_date(NEW_YEARS_EVE)
    moved = sy_datum(other)
    changer.reset_date()
    back = sy_datum(other)

    assert (moved, back) == ("20241231", before)


def test_a_fault_injected_through_one_process_fails_the_next_call_the_other_answers(clients):
    changer, other = clients
    assert connection_test_status(other) == 200

    changer.add_fault("STFC_CONNECTION", "SYSTEM_FAILURE", times=None)
    failing = [connection_test_status(other) for _ in range(2)]
    changer.clear_faults()

    assert (failing, connection_test_status(other)) == ([500, 500], 200)


def test_a_fault_on_idoc_posts_set_through_one_process_fails_the_other_s_next_post(clients):
    changer, other = clients
    document = packet(MATMAS05, [material("4711")])
    assert other.post_idocs(document).status_code == 200

    changer.add_fault("IDOC_XML", "http_500", times=1)

    assert [other.post_idocs(document).status_code for _ in range(2)] == [500, 200]


def test_a_client_deleted_through_one_process_refuses_the_next_logon_in_the_other(clients):
    changer, other = clients
    assert connection_test_status(other) == 200

    with changer.http() as http:
        http.delete(f"/_fake/clients/{changer.number}").raise_for_status()
    refused = connection_test_status(other)
    with changer.http() as http:
        http.post("/_fake/clients", json={"client": changer.number}).raise_for_status()

    assert (refused, connection_test_status(other)) == (401, 200)
