"""Faults injected into a client's SAP interfaces (``/_fake/clients/NNN/faults``).

A test asks for a short dump, an HTTP 500 or a timeout on a function module's SOAP-RFC calls
or on IDoc-XML posts; the next calls fail that way, as often as asked, and only in that
client. Faults live in the database, so every worker of the server sees them and a fault
meant for one call fails exactly one, however many calls race for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx
import pytest
from idoc_builders import material, packet
from rfc_client import RfcSession, parse_fault

from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import FakeSapProcess, SapClient

DOCUMENT = packet(MATMAS05, [material("4711")])
T = TypeVar("T")


@pytest.fixture
def control(sap: SapClient) -> Iterator[httpx.Client]:
    with sap.http() as http:
        yield http


@pytest.fixture
def rfc(sap: SapClient) -> Iterator[RfcSession]:
    session = RfcSession(sap)
    yield session
    session.close()


def inject(control: httpx.Client, sap: SapClient, **fault: Any) -> httpx.Response:
    return control.post(f"/_fake/clients/{sap.number}/faults", json=fault)


def faults(control: httpx.Client, sap: SapClient) -> list[dict[str, Any]]:
    return list(control.get(f"/_fake/clients/{sap.number}/faults").json()["faults"])


def ping(rfc: RfcSession) -> httpx.Response:
    return rfc.post_call("STFC_CONNECTION", REQUTEXT="ping")


def test_a_system_failure_answers_the_next_call_with_a_short_dump_fault(control, sap, rfc):
    inject(control, sap, target="STFC_CONNECTION", kind="SYSTEM_FAILURE")

    fault = parse_fault(ping(rfc))

    assert (fault.status, fault.code, fault.name) == (500, "SOAP-ENV:Server",
                                                      "SYSTEM_FAILURE")


def test_a_fault_fires_as_often_as_asked_and_then_calls_succeed(control, sap, rfc):
    inject(control, sap, target="STFC_CONNECTION", kind="SYSTEM_FAILURE", times=2)

    statuses = [ping(rfc).status_code for _ in range(3)]

    assert statuses == [500, 500, 200]


def test_a_fault_of_one_function_leaves_the_other_functions_alone(control, sap, rfc):
    inject(control, sap, target="BAPI_SALESORDER_CREATEFROMDAT2", kind="SYSTEM_FAILURE")

    assert ping(rfc).status_code == 200


def test_an_http_500_fault_answers_with_icf_s_error_page(control, sap, rfc):
    inject(control, sap, target="STFC_CONNECTION", kind="http_500")

    response = ping(rfc)

    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Internal Server Error</h1>" in response.text


def test_a_failed_idoc_post_stores_nothing(control, sap):
    inject(control, sap, target="IDOC_XML", kind="SYSTEM_FAILURE")

    response = sap.post_idocs(DOCUMENT)

    assert response.status_code == 500
    assert sap.idocs() == []


def test_a_timeout_holds_the_call_and_processes_it_after_the_caller_gave_up(control, sap):
    inject(control, sap, target="IDOC_XML", kind="timeout", seconds=1)

    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{sap.server.url}/sap/bc/idoc_xml", params={"sap-client": sap.number},
                   content=DOCUMENT, auth=sap.auth, timeout=0.2,
                   headers={"Content-Type": "application/xml"})

    assert wait_for(lambda: sap.idocs(), timeout=10.0)[0]["status"] == "53"


def test_a_fault_for_everything_fails_idoc_posts_and_rfc_calls_until_cleared(
        control, sap, rfc):
    inject(control, sap, target="*", kind="http_500", times=None)
    failed = (sap.post_idocs(DOCUMENT).status_code, ping(rfc).status_code)

    control.delete(f"/_fake/clients/{sap.number}/faults").raise_for_status()

    assert failed == (500, 500)
    assert (sap.post_idocs(DOCUMENT).status_code, ping(rfc).status_code) == (200, 200)


def test_a_fault_that_has_fired_is_listed_with_no_calls_remaining(control, sap, rfc):
    inject(control, sap, target="STFC_CONNECTION", kind="SYSTEM_FAILURE")

    ping(rfc)

    assert [(f["target"], f["remaining"]) for f in faults(control, sap)] == \
        [("STFC_CONNECTION", 0)]


def test_a_fault_for_one_call_fails_exactly_one_of_many_racing_calls(control, sap):
    inject(control, sap, target="STFC_CONNECTION", kind="SYSTEM_FAILURE", times=1)

    def call(_: int) -> int:
        session = RfcSession(sap)
        try:
            return ping(session).status_code
        finally:
            session.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(call, range(8)))

    assert sorted(statuses) == [200] * 7 + [500]


def test_faults_of_one_client_leave_another_client_alone(control, sap,
                                                        sap_server: FakeSapProcess):
    other = sap_server.new_client()

    inject(control, sap, target="IDOC_XML", kind="SYSTEM_FAILURE", times=None)

    assert other.post_idocs(DOCUMENT).status_code == 200


def test_a_client_reset_removes_its_faults(control, sap):
    inject(control, sap, target="IDOC_XML", kind="SYSTEM_FAILURE", times=None)

    control.post(f"/_fake/clients/{sap.number}/reset").raise_for_status()

    assert faults(control, sap) == []
    assert sap.post_idocs(DOCUMENT).status_code == 200


@pytest.mark.parametrize("fault", [
    {"target": "BAPI_NO_SUCH_FUNCTION", "kind": "SYSTEM_FAILURE"},
    {"target": "STFC_CONNECTION", "kind": "segfault"},
    {"target": "STFC_CONNECTION", "kind": "timeout", "seconds": 121},
    {"target": "STFC_CONNECTION", "kind": "http_500", "times": 0},
    {"target": "STFC_CONNECTION", "kind": "http_500", "times": True},
])
def test_a_fault_that_cannot_be_caused_is_refused(control, sap, fault):
    response = inject(control, sap, **fault)

    assert response.status_code == 400
    assert faults(control, sap) == []


def wait_for(probe: Callable[[], T], timeout: float) -> T:
    """Poll ``probe`` until it returns something truthy, within a bounded deadline."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not (value := probe()):
        assert time.monotonic() < deadline, f"nothing happened within {timeout} s"
        pause.wait(0.05)
    return value
