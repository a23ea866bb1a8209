"""The peer measured in the same run: mock-sap (the PyPI package ``mock-sap``, pinned in the
``bench`` extra), a stateful SAP mock on SQLite in one process.

What it serves that the benchmarks use (from its README and source, version 0.22.0):

- ``POST /sap/bc/idoc``: an inbound IDoc (XML or flat file). It parses the IDoc, draws a
  16-digit IDoc number, stores the IDoc and answers its status record. A MATMAS05 is filed
  in status 53 but posts nothing: mock-sap has no material master to update (it posts only
  INVOIC, DELVRY and FINSTA IDocs into documents).
- ``POST /sap/bc/srt/rfc/sap/<service>/<client>/<name>/<binding>``: its BAPIs over SOAP; the
  function is the body element's name, the path's parts only route. The same functions are
  served over JSON at ``POST /sap/bc/rfc/<FUNCTION>``.
- ``GET /_mock/state``: row counts per entity set, and ``idoc``, the stored IDocs.

It runs as one ``ThreadingHTTPServer`` process (a thread per connection, HTTP/1.1
keep-alive) whose handlers share one SQLite connection under one lock. It is started with
the same Basic logon as fake-sap, without its CSRF check (``--no-csrf``: fake-sap's
SOAP-RFC and IDoc endpoints have none either) and without its access log on stdout
(``--quiet``); everything else is its default, its request log included, and so is its
database: in memory (``--db :memory:``, with ``synchronous=OFF``). On a file it would keep
SQLite's ``synchronous=FULL`` and wait for the disk at every commit, where fake-sap's SQLite
runs WAL with ``synchronous=NORMAL``; the default is its faster setting.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.processes import AUTH, CLIENT
from fake_sap.testing.process import free_port

PACKAGE = "mock-sap"
VERSION = "0.22.0"
IDOC_PATH = f"/sap/bc/idoc?sap-client={CLIENT}"
#: any service path under /sap/bc/srt/ reaches the BAPIs; this one names what is called
BAPI_SOAP_PATH = f"/sap/bc/srt/rfc/sap/bapi_salesorder/{CLIENT}/bapi_salesorder/binding"
SOAP_HEADERS = {"Content-Type": "text/xml; charset=utf-8"}


@dataclass(frozen=True)
class MockSapServer:
    url: str
    #: the one process that serves every request
    pid: int


def installed() -> bool:
    return importlib.util.find_spec("mocksap") is not None


def not_installed_note() -> str:
    return (f"{PACKAGE} is not installed, so it was not measured: `make bench` installs it "
            f"(pip install -e '.[bench]', {PACKAGE}=={VERSION})")


@contextmanager
def running(db: Path | None = None, ready_timeout: float = 30.0) -> Iterator[MockSapServer]:
    """``mock-sap`` on a free port until the block ends; its data in memory (its default)
    unless ``db`` names a SQLite file."""
    port = free_port()
    command = [sys.executable, "-m", "mocksap", "--host", "127.0.0.1", "--port", str(port),
               "--db", str(db) if db is not None else ":memory:", "--client", CLIENT,
               "--auth", ":".join(AUTH), "--no-csrf", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(url, process, ready_timeout)
        yield MockSapServer(url, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mock-sap exited with {process.returncode}")
        try:
            httpx.get(f"{url}/_mock/health", auth=AUTH, timeout=1.0).raise_for_status()
            return
        except httpx.TransportError:
            threading.Event().wait(0.05)
    raise RuntimeError(f"mock-sap did not answer within {timeout} s")


def state(url: str) -> dict[str, object]:
    response = httpx.get(f"{url}/_mock/state", auth=AUTH, timeout=60.0)
    response.raise_for_status()
    counts: dict[str, object] = response.json()
    return counts


def idoc_count(url: str) -> int:
    """IDocs mock-sap has stored (it files every MATMAS05 in status 53)."""
    return int(state(url)["idoc"])  # type: ignore[call-overload]


def sales_order_count(url: str) -> int:
    return int(state(url)["A_SalesOrder"])  # type: ignore[call-overload]


def master_data(url: str) -> tuple[list[str], list[str]]:
    """The customers (business partners of category 2, organisations) and products of
    mock-sap's generated demo data, for sales orders it accepts."""
    odata = "/sap/opu/odata/sap"
    with httpx.Client(base_url=url, auth=AUTH, timeout=60.0) as http:
        partners = http.get(f"{odata}/API_BUSINESS_PARTNER_SRV/A_BusinessPartner", params={
            "$format": "json", "$select": "BusinessPartner,BusinessPartnerCategory"})
        products = http.get(f"{odata}/API_PRODUCT_SRV/A_Product",
                            params={"$format": "json", "$select": "Product"})
    partners.raise_for_status()
    products.raise_for_status()
    customers = [row["BusinessPartner"] for row in partners.json()["d"]["results"]
                 if row["BusinessPartnerCategory"] == "2"]
    return customers, [row["Product"] for row in products.json()["d"]["results"]]
