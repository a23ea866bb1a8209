"""Fixtures of the CRM adapter suite.

The adapter talks to SAP through its own client (``sap_client.rfc.Connection``). Here it
is pointed at the emulator either over real HTTP (the session's ``fake-sap serve`` process)
or in-process through ``httpx.WSGITransport`` on an app over the same database, which is
fast and socket-free. Only these fixtures touch ``fake_sap``; the adapter never does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from crm_driver import RECEIVER_PASSWORD, RECEIVER_USER, CrmDriver, CrmProcess, eventually
from flask import Flask
from landscape import Landscape, copy_master_data, sap_settings
from sap_crm import SapCrm
from werkzeug.serving import make_server

from crm_adapter.config import AdapterSettings
from crm_adapter.http.app import create_app as create_crm_app
from crm_adapter.inbox import Handlers
from crm_adapter.store.engine import Database
from crm_adapter.worker import sap_connector
from fake_sap.app import create_app
from fake_sap.config import Settings
from fake_sap.testing.process import FakeSapProcess, SapClient, free_port
from sap_client.rfc import Connection
from sap_client.tables import equals, read_table_in

#: the base URL of the in-process emulator (any host name does; no socket is opened)
WSGI_URL = "http://fake-sap.test"


@dataclass(frozen=True)
class SapEndpoint:
    """Where and how an adapter Connection reaches the emulator."""

    name: str
    url: str
    transport: httpx.BaseTransport | None = None


@pytest.fixture(scope="session")
def sap_wsgi_app(sap_server: FakeSapProcess) -> Iterator[Flask]:
    """The emulator's Flask app in this process, over the server process's database."""
    app = create_app(Settings(db_url=sap_server.db_url, user=sap_server.user,
                              password=sap_server.password, dispatcher=False))
    yield app
    app.extensions["fake_sap"].db.dispose()


@pytest.fixture
def sap_endpoint(request: pytest.FixtureRequest, sap_server: FakeSapProcess) -> SapEndpoint:
    """The real server over HTTP; parametrize indirectly with "wsgi" for the in-process app:
    ``@pytest.mark.parametrize("sap_endpoint", ["http", "wsgi"], indirect=True)``."""
    kind = getattr(request, "param", "http")
    if kind == "http":
        return SapEndpoint("http", sap_server.url)
    if kind == "wsgi":
        app = request.getfixturevalue("sap_wsgi_app")
        return SapEndpoint("wsgi", WSGI_URL, httpx.WSGITransport(app=app))
    raise ValueError(f"unknown SAP endpoint {kind!r}")


@pytest.fixture
def connect(sap: SapClient, sap_endpoint: SapEndpoint) -> Iterator[Callable[..., Connection]]:
    """Open adapter Connections to this test's SAP client (keywords override the logon);
    every one is closed when the test ends."""
    opened: list[Connection] = []

    def open_connection(**overrides: object) -> Connection:
        params: dict[str, object] = {
            "url": sap_endpoint.url, "transport": sap_endpoint.transport,
            "client": sap.number, "user": sap.auth[0], "passwd": sap.auth[1], "lang": "EN",
            "timeout": 60.0}
        params.update(overrides)
        connection = Connection(**params)
        opened.append(connection)
        return connection

    yield open_connection
    for connection in opened:
        connection.close()


@pytest.fixture
def conn(connect: Callable[..., Connection]) -> Connection:
    """One open adapter Connection (one SAP session) to this test's SAP client."""
    return connect()


# --- the CRM adapter's own side: store, app, receiver server ----------------------------------

#: the CRM's logical system, as SAP's partner profile names it
CRM_PARTNER = "CRMCLNT100"


@pytest.fixture
def crm_store() -> Iterator[Database]:
    """An empty CRM store on its own (in-memory SQLite, or CRM_ADAPTER_TEST_DB_URL)."""
    db_url = os.environ.get("CRM_ADAPTER_TEST_DB_URL")
    database = Database(db_url or "sqlite://")
    if db_url:
        database.drop_schema()
    database.create_schema()
    yield database
    database.dispose()


@pytest.fixture
def crm_settings(tmp_path_factory: pytest.TempPathFactory) -> AdapterSettings:
    """Settings of a fresh adapter: its own empty database, known receiver credentials.

    SQLite by default; CRM_ADAPTER_TEST_DB_URL runs the adapter on PostgreSQL (emptied
    before every test)."""
    db_url = os.environ.get("CRM_ADAPTER_TEST_DB_URL")
    if db_url:
        shared = Database(db_url)
        shared.drop_schema()
        shared.dispose()
    else:
        db_url = f"sqlite:///{tmp_path_factory.mktemp('crm') / 'crm.db'}"
    return AdapterSettings(db_url=db_url, receiver_user=RECEIVER_USER,
                           receiver_password=RECEIVER_PASSWORD)


@pytest.fixture
def crm_app(crm_settings: AdapterSettings) -> Iterator[Flask]:
    app = create_crm_app(crm_settings)
    yield app
    app.extensions["crm_adapter"].db.dispose()


@pytest.fixture
def make_crm(crm_settings: AdapterSettings) -> Iterator[Callable[[Handlers], CrmDriver]]:
    """Build an in-process adapter whose inbox uses the given message handlers."""
    apps: list[Flask] = []

    def build(handlers: Handlers) -> CrmDriver:
        app = create_crm_app(crm_settings, handlers=handlers)
        apps.append(app)
        return CrmDriver(app.extensions["crm_adapter"].db, app.test_client())

    yield build
    for app in apps:
        app.extensions["crm_adapter"].db.dispose()


@pytest.fixture
def crm_db(crm_app: Flask) -> Database:
    db: Database = crm_app.extensions["crm_adapter"].db
    return db


@pytest.fixture
def crm(crm_app: Flask, crm_db: Database) -> CrmDriver:
    """The adapter in-process: its store and its JSON API through Flask's test client."""
    return CrmDriver(crm_db, crm_app.test_client())


@dataclass(frozen=True)
class CrmServer:
    url: str

    @property
    def receiver_url(self) -> str:
        return f"{self.url}/sap/idoc"


@pytest.fixture
def crm_server(crm_app: Flask) -> Iterator[CrmServer]:
    """The adapter served over real HTTP on a free loopback port (a thread)."""
    server = make_server("127.0.0.1", 0, crm_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield CrmServer(f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def crm_over_http(crm_server: CrmServer, crm_db: Database) -> Iterator[CrmDriver]:
    """The served adapter: its store, and its JSON API over real HTTP."""
    with httpx.Client(base_url=crm_server.url, timeout=30.0) as http:
        yield CrmDriver(crm_db, http)


@pytest.fixture
def sap_to_crm(sap: SapClient, crm_server: CrmServer) -> SapClient:
    """This test's SAP client distributing MATMAS and DEBMAS to the served adapter."""
    sap.register_partner(CRM_PARTNER, url=crm_server.receiver_url, user=RECEIVER_USER,
                         password=RECEIVER_PASSWORD, outbound=["MATMAS", "DEBMAS"])
    return sap


@pytest.fixture
def sap_to_crm_in_parallel(sap: SapClient, crm_server: CrmServer) -> SapClient:
    """:func:`sap_to_crm` with RSEOUT00's parallel processing: packets of two IDocs, two of
    them on their way at once (so later IDocs may arrive first)."""
    sap.register_partner(CRM_PARTNER, url=crm_server.receiver_url, user=RECEIVER_USER,
                         password=RECEIVER_PASSWORD, outbound=["MATMAS", "DEBMAS"],
                         pack_size=2, parallel_packets=2)
    return sap


@pytest.fixture
def crm_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrmProcess]:
    """The adapter as deployed: ``crm-adapter serve --config FILE`` on a free port."""
    with _served(tmp_path_factory.mktemp("crm-serve")) as served:
        yield served


@pytest.fixture
def crm_process_applying_after_answer(
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrmProcess]:
    """``crm-adapter serve`` configured with ``receiver_processing = "after_answer"``."""
    with _served(tmp_path_factory.mktemp("crm-serve"),
                 'receiver_processing = "after_answer"\n') as served:
        yield served


@contextmanager
def _served(folder: Path, more_config: str = "") -> Iterator[CrmProcess]:
    db_url = f"sqlite:///{folder / 'crm.db'}"
    config = folder / "crm.toml"
    config.write_text(f'[crm_adapter]\ndb_url = "{db_url}"\nreceiver_user = "{RECEIVER_USER}"\n'
                      f'receiver_password = "{RECEIVER_PASSWORD}"\n{more_config}',
                      encoding="utf-8")
    port = free_port()
    log = folder / "crm-adapter.log"
    # a file, not a pipe: a pipe nobody reads blocks the server once it is full
    with log.open("ab") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(port),
             "--workers", "1", "--config", str(config)],
            stdout=subprocess.DEVNULL, stderr=log_file)
    served = CrmProcess(f"http://127.0.0.1:{port}", db_url, process)
    try:
        eventually(lambda: _answers(served, log), bool, timeout=20.0,
                   what="crm-adapter serve")
        yield served
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(served: CrmProcess, log: Path) -> bool:
    if served.process.poll() is not None:
        raise RuntimeError(f"crm-adapter serve exited with {served.process.returncode}: "
                           f"{log.read_text(errors='replace')[-4000:]}")
    try:
        return httpx.get(f"{served.url}/health", timeout=1.0).status_code == 200
    except httpx.TransportError:
        return False


# --- material applications and returns: the adapter with a real SAP client behind it ----------

@pytest.fixture
def landscape(sap: SapClient, crm_settings: AdapterSettings,
              connect: Callable[..., Connection]) -> Iterator[Landscape]:
    """This test's SAP client, seeded (4 materials with 100 in stock in plant 1000, one
    provincial center and its outlets), the adapter in-process with the same master data,
    and an outbox worker on demand (:meth:`Landscape.work`)."""
    seeded = sap.seed(materials=4, customers=10, initial_stock="100")
    settings = sap_settings(crm_settings, sap)
    app = create_crm_app(settings)
    db: Database = app.extensions["crm_adapter"].db
    rfc = connect()
    copy_master_data(rfc, db, seeded["provincial_centers"] + seeded["outlets"],
                     seeded["materials"])
    yield Landscape(sap, settings, db, app.test_client(), rfc, seeded["outlets"],
                    seeded["provincial_centers"], seeded["materials"])
    db.dispose()


# --- what SAP tells the CRM: deliveries, returns receipts, settlements, statistics -------------

@pytest.fixture
def sap_crm(sap: SapClient, crm_settings: AdapterSettings,
            connect: Callable[..., Connection]) -> Iterator[SapCrm]:
    """This test's SAP client, seeded (3 materials with 100 in stock in plant 1000, two
    provincial centers and their outlets) and sending DESADV to the adapter served on a
    loopback port; the adapter holds the same master data and SAP's logon (outbox worker,
    reconciliation, statistics import)."""
    seeded = sap.seed(materials=3, customers=40, initial_stock="100")
    settings = sap_settings(crm_settings, sap)
    app = create_crm_app(settings)
    db: Database = app.extensions["crm_adapter"].db
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    sap.register_partner(CRM_PARTNER, url=f"http://127.0.0.1:{server.server_port}/sap/idoc",
                         user=RECEIVER_USER, password=RECEIVER_PASSWORD, outbound=["DESADV"])
    rfc = connect()
    customers = seeded["provincial_centers"] + seeded["outlets"]
    copy_master_data(rfc, db, customers, seeded["materials"])
    center_of = {row["KUNNR"]: row["KUNN2"] for row in read_table_in(
        rfc, "KNVP", ["KUNNR", "KUNN2"], "KUNNR", seeded["outlets"], [equals("PARVW", "ZP")])}
    try:
        yield SapCrm(sap, db, app.test_client(), rfc, sap_connector(settings),
                     seeded["outlets"], seeded["provincial_centers"], seeded["materials"],
                     center_of)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        db.dispose()
