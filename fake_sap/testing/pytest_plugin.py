"""pytest plugin: a real fake SAP R/3 for the tests of other projects.

Installing ``fake-sap`` registers this plugin (entry point ``pytest11``), so its fixtures are
there without any import. It costs nothing until a test asks for one of them:

- ``fake_sap_server`` (session): one ``fake-sap serve`` process on a free port over a
  temporary SQLite database (``--fake-sap-db URL`` or ``FAKE_SAP_PYTEST_DB``: another
  database, e.g. PostgreSQL; ``--fake-sap-workers N`` or ``FAKE_SAP_PYTEST_WORKERS``:
  gunicorn workers, default 2; ``--fake-sap-control-token TOKEN`` or
  ``FAKE_SAP_CONTROL_TOKEN``: the server requires that bearer token on its control API, and
  the fixtures send it). Under pytest-xdist every worker starts its own.
- ``fake_sap``: a fresh, empty SAP client of that server for one test (:class:`FakeSap`):
  load master data, post IDocs, read the IDoc monitor, register partners, set the business
  date, inject faults.
- ``sap_connection``: a pyrfc-shaped RFC connection (``sap_client.rfc.Connection``)
  logged on to the test's client; one SAP session, so a BAPI and BAPI_TRANSACTION_COMMIT
  after it form one LUW.
- ``idoc_receiver``: an XML-HTTP port on a free local port that records the IDocs SAP sends
  to it (register it as a partner).

Layer: ``fake_sap.testing`` (test support): imports pytest and the other test tools of this
package; ``sap_client`` for the RFC connection. Never ``crm_adapter``.

Turn the plugin off with ``-p no:fake_sap``. The how-to is docs/testing-with-fake-sap.md.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from fake_sap.testing.idoc_receiver import IdocReceiver, ReceivedPost
from fake_sap.testing.sap_fixture import FakeSap, IdocPostResult

if TYPE_CHECKING:  # the plugin is loaded by every pytest run: import the rest when used
    from fake_sap.testing.process import FakeSapProcess
    from sap_client.rfc import Connection

__all__ = ["FakeSap", "FakeSapServer", "IdocPostResult", "IdocReceiver", "ReceivedPost"]

DB_ENV, WORKERS_ENV = "FAKE_SAP_PYTEST_DB", "FAKE_SAP_PYTEST_WORKERS"
#: the server's own variable (see ``fake-sap serve --control-token``)
TOKEN_ENV = "FAKE_SAP_CONTROL_TOKEN"
DEFAULT_WORKERS = 2
#: retries and dispatching fast enough to be watched within a test
SERVER_ENV = {"FAKE_SAP_RETRY_BASE_SECONDS": "0.2", "FAKE_SAP_DISPATCH_POLL_SECONDS": "0.1"}
#: SAP client numbers the fixtures hand out (100 is the server's default client)
CLIENT_NUMBERS = range(101, 1000)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fake_sap", "fake SAP R/3 (fixtures fake_sap, sap_connection)")
    group.addoption("--fake-sap-db", metavar="URL", default=None,
                    help=f"database of the emulator the fixtures start, e.g. postgresql+"
                         f"psycopg://... (default: a temporary SQLite file; env {DB_ENV})")
    group.addoption("--fake-sap-workers", metavar="N", type=int, default=None,
                    help=f"gunicorn workers of that emulator (default {DEFAULT_WORKERS}; env "
                         f"{WORKERS_ENV})")
    group.addoption("--fake-sap-control-token", metavar="TOKEN", default=None,
                    help=f"start that emulator with this control-API token and send it "
                         f"(default: env {TOKEN_ENV}; unset: an open control API)")


# -- the server ------------------------------------------------------------------------------

class FakeSapServer:
    """The session's emulator process and the SAP clients handed out to tests."""

    def __init__(self, process: FakeSapProcess, log: Path, shared_database: bool,
                 numbers: range = CLIENT_NUMBERS) -> None:
        """``shared_database``: a database the user gave, which may outlive the run or be
        used by others; the clients created in it are deleted when the server stops."""
        self.process = process
        #: the server's error log (gunicorn and unexpected exceptions)
        self.log = log
        self._shared_database = shared_database
        self._numbers = iter(numbers)
        self._released: list[str] = []
        self._created: list[str] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.process.url

    @property
    def db_url(self) -> str:
        return self.process.db_url

    def acquire_client(self) -> str:
        """A client number nobody uses: a new client, or (once all numbers are taken) a
        released one, reset to a freshly created client's state."""
        with self._lock, self.process.control() as http:
            for candidate in self._numbers:
                number = f"{candidate:03d}"
                response = http.post("/_fake/clients", json={
                    "client": number, "description": "pytest (fake_sap fixture)"})
                if response.status_code == 201:
                    self._created.append(number)
                    return number
                if response.status_code != 409:  # 409: taken (a database shared with others)
                    response.raise_for_status()
            if not self._released:
                raise RuntimeError("all SAP client numbers of the emulator are in use")
            number = self._released.pop(0)
            http.post(f"/_fake/clients/{number}/reset").raise_for_status()
            return number

    def release_client(self, number: str) -> None:
        with self._lock:
            self._released.append(number)

    def delete_created_clients(self) -> None:
        """Delete every client this server handed out (whether in use or not)."""
        with self._lock, self.process.control() as http:
            for number in self._created:
                http.delete(f"/_fake/clients/{number}")
            self._created.clear()
            self._released.clear()

    def stop(self) -> None:
        try:
            if self._shared_database:  # leave the database as it was found
                self.delete_created_clients()
        finally:
            self.process.stop()


def _start_server(db_url: str, workers: int, log: Path, *, given: bool,
                  control_token: str | None = None) -> FakeSapServer:
    from fake_sap.testing.process import FakeSapProcess

    try:
        server = FakeSapProcess.start(db_url, workers=workers, env=SERVER_ENV, log=log,
                                      ready_timeout=60.0, control_token=control_token)
    except RuntimeError as error:
        raise RuntimeError(f"{error}; log {log}") from None
    return FakeSapServer(server, log, shared_database=given)


@contextmanager
def _one_start_at_a_time(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Serialize the server starts of the xdist workers of a run over one database, so
    that one of them creates the schema while the others wait."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock, start anyway
        fcntl = None  # type: ignore[assignment]
    if fcntl is None or "PYTEST_XDIST_WORKER" not in os.environ:
        yield
        return
    # the workers' base temporary directories share their parent, one per run
    lock_file = tmp_path_factory.getbasetemp().parent / "fake-sap-start.lock"
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def database_url(config: pytest.Config) -> str | None:
    """``--fake-sap-db``, else ``FAKE_SAP_PYTEST_DB``; None: a temporary SQLite file."""
    return config.getoption("--fake-sap-db") or os.environ.get(DB_ENV) or None


def control_token(config: pytest.Config) -> str | None:
    """``--fake-sap-control-token``; None: ``FAKE_SAP_CONTROL_TOKEN`` if set (read where the
    server is started), else no token."""
    value = config.getoption("--fake-sap-control-token")
    return str(value) if value is not None else None


def worker_count(config: pytest.Config) -> int:
    """``--fake-sap-workers``, else ``FAKE_SAP_PYTEST_WORKERS``, else 2."""
    value = config.getoption("--fake-sap-workers") or os.environ.get(WORKERS_ENV)
    return int(value or DEFAULT_WORKERS)


@pytest.fixture(scope="session")
def fake_sap_server(pytestconfig: pytest.Config,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapServer]:
    """One emulator process for the session (for each xdist worker)."""
    directory = tmp_path_factory.mktemp("fake-sap")
    db_url, workers = database_url(pytestconfig), worker_count(pytestconfig)
    token = control_token(pytestconfig)
    log = directory / "fake-sap.log"
    if db_url is None:
        server = _start_server(f"sqlite:///{directory / 'sap.db'}", workers, log, given=False,
                               control_token=token)
    else:
        with _one_start_at_a_time(tmp_path_factory):
            server = _start_server(db_url, workers, log, given=True, control_token=token)
    yield server
    server.stop()


# -- fixtures of a test --------------------------------------------------------------------

@pytest.fixture
def fake_sap(fake_sap_server: FakeSapServer, request: pytest.FixtureRequest
             ) -> Iterator[FakeSap]:
    """A fresh SAP client with the baseline customizing, for this test only."""
    client = fake_sap_server.acquire_client()
    sap = FakeSap(fake_sap_server, client, zlib.crc32(request.node.nodeid.encode()))
    try:
        yield sap
    finally:
        sap.close()
        fake_sap_server.release_client(client)


@pytest.fixture
def sap_connection(fake_sap: FakeSap) -> Connection:
    """An open RFC connection (pyrfc's API) to the test's SAP client."""
    return fake_sap.connect()


@pytest.fixture
def idoc_receiver() -> Iterator[IdocReceiver]:
    """A partner's XML-HTTP port: ``fake_sap.register_partner(..., url=idoc_receiver.url)``."""
    receiver = IdocReceiver()
    yield receiver
    receiver.close()
