"""Run a real ``fake-sap serve`` process for tests, and talk to it over HTTP.

Layer: ``fake_sap.testing`` (test support): imports httpx and the standard library; starts
the emulator as a child process, never imports its runtime.

Used by this project's own suite and, through the pytest plugin, by other projects:

    with FakeSapProcess.start(tmp_path / "sap.db") as sap:
        client = sap.new_client()           # a fresh SAP client, isolated from others
        client.post_idocs(xml)              # POST /sap/bc/idoc_xml
        client.idocs(direction="inbound")   # the IDoc monitor

:class:`SapClient` is the one façade of the control API (``/_fake/clients/<client>/...``):
the ``fake_sap`` fixture's :class:`~fake_sap.testing.sap_fixture.FakeSap` and the step
library's :class:`~fake_sap.testing.bdd.driver.SapDriver` are built on it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import httpx

from sap_client.tls import default_tls_context

DEFAULT_USER = "DEVELOPER"
DEFAULT_PASSWORD = "fake-sap"
#: the server's own setting: a token here is both given to the server started and sent by
#: every control-API request to it
CONTROL_TOKEN_ENV = "FAKE_SAP_CONTROL_TOKEN"
CONTROL_PATH = "/_fake"


class ControlToken(httpx.Auth):
    """``Authorization: Bearer <token>`` on control-API paths only. SAP paths keep the
    logon a request gives them (a request's own ``auth`` replaces this one), and a request
    without one reaches SAP's logon as it would without a token."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        path = request.url.path
        if self.token and (path == CONTROL_PATH or path.startswith(CONTROL_PATH + "/")):
            request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


#: how often :meth:`FakeSapProcess.wait_until_ready` asks a starting server: every server a
#: test session starts waits on average half of this beyond its own start-up
READY_POLL_SECONDS = 0.01


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ClientNumbers:
    """Thread-safe source of client numbers to try (101, 102, ...)."""

    def __init__(self, start: int) -> None:
        self._next = start
        self._lock = threading.Lock()

    def __iter__(self) -> ClientNumbers:
        return self

    def __next__(self) -> int:
        with self._lock:
            value = self._next
            self._next += 1
            return value


@dataclass
class FakeSapProcess:
    """A ``fake-sap serve`` child process listening on a free local port."""

    url: str
    process: subprocess.Popen[bytes]
    db_url: str
    user: str = DEFAULT_USER
    password: str = DEFAULT_PASSWORD
    _clients: ClientNumbers = field(default_factory=lambda: ClientNumbers(101), repr=False)
    #: where the server's output goes (see ``start``); None for a process started elsewhere
    log_file: BinaryIO | None = field(default=None, repr=False)
    #: the control API's bearer token ("" for a server without one)
    control_token: str = field(default="", repr=False)
    #: the connection :meth:`new_client` keeps open, and who uses it now
    _new_client_http: httpx.Client | None = field(default=None, repr=False)
    _new_client_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def start(cls, db: str | Path, *, workers: int = 2, env: dict[str, str] | None = None,
              extra_args: list[str] | None = None, ready_timeout: float = 30.0,
              log: Path | None = None, control_token: str | None = None) -> FakeSapProcess:
        """``log``: the file the server's output and error log are appended to; without
        one, an anonymous temporary file (its end is quoted if the server fails to start).

        ``control_token``: the server requires it on every ``/_fake/`` path and this
        object sends it; None takes ``FAKE_SAP_CONTROL_TOKEN`` (of ``env``, else of this
        process), so that a token set for the server is the one its tests use."""
        db_url = str(db) if "://" in str(db) else f"sqlite:///{db}"
        port = free_port()
        command = [sys.executable, "-m", "fake_sap.cli", "serve", "--host", "127.0.0.1",
                   "--port", str(port), "--db", db_url, "--workers", str(workers),
                   *(extra_args or [])]
        process_env = {**os.environ, **(env or {})}
        if control_token is None:
            control_token = process_env.get(CONTROL_TOKEN_ENV, "")
        # the environment rather than --control-token: a command line is visible to every
        # user of the machine (ps), the environment of a process is not
        process_env[CONTROL_TOKEN_ENV] = control_token
        # the log goes to a file, never a pipe: a pipe nobody reads blocks the server for
        # good once it is full, and a run of unexpected errors fills one in a few requests
        # appending: the server writes at the end whatever position log_tail reads from
        log_file = log.open("a+b") if log else tempfile.TemporaryFile("a+b")
        try:
            process = subprocess.Popen(command, env=process_env, stdout=log_file,
                                       stderr=log_file)
        except BaseException:
            log_file.close()
            raise
        server = cls(f"http://127.0.0.1:{port}", process, db_url, log_file=log_file,
                     control_token=control_token)
        try:
            server.wait_until_ready(ready_timeout)
        except BaseException:
            server.stop()
            raise
        return server

    def log_tail(self, size: int = 4000) -> str:
        """The end of the server's output and error log."""
        if self.log_file is None or self.log_file.closed:
            return ""
        self.log_file.flush()
        self.log_file.seek(0, os.SEEK_END)
        self.log_file.seek(max(0, self.log_file.tell() - size))
        return self.log_file.read().decode(errors="replace")

    def wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"fake-sap exited with {self.process.returncode}: "
                                   f"{self.log_tail()}")
            try:
                httpx.get(f"{self.url}/_fake/clients", timeout=1.0)
                return
            except httpx.TransportError:
                threading.Event().wait(READY_POLL_SECONDS)
        raise RuntimeError(f"fake-sap did not answer within {timeout} s: {self.log_tail()}")

    def stop(self) -> None:
        self._close_kept_control()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log_file is not None:
            self.log_file.close()

    def __enter__(self) -> FakeSapProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- clients -------------------------------------------------------------------------

    def control(self) -> httpx.Client:
        """An HTTP client for the control API (it sends the control token, if any)."""
        return httpx.Client(base_url=self.url, timeout=60.0, verify=default_tls_context(),
                            auth=ControlToken(self.control_token))

    def new_client(self) -> SapClient:
        """Create a fresh SAP client (the next free number) and return a handle on it.

        Every test of the ``fake_sap`` fixture calls this, so it keeps one control
        connection open (HTTP keep-alive) instead of connecting anew each time; a lock
        keeps tests on several threads from sharing it at once."""
        with self._new_client_lock:
            while True:
                number = f"{next(self._clients):03d}"
                response = self._post_new_client(number)
                if response.status_code == 201:
                    return SapClient(self, number)
                if response.status_code != 409:
                    response.raise_for_status()

    def _post_new_client(self, number: str) -> httpx.Response:
        """``POST /_fake/clients`` on the kept connection; once more on a new one when the
        kept one was lost (a worker ends an idle connection after a few seconds, and the
        close can cross the request; a client the lost request did create makes the retry
        answer 409, and the caller takes the next number)."""
        try:
            return self._kept_control().post("/_fake/clients", json={"client": number})
        except httpx.TransportError:
            self._close_kept_control()
        return self._kept_control().post("/_fake/clients", json={"client": number})

    def _kept_control(self) -> httpx.Client:
        if self._new_client_http is None:
            self._new_client_http = self.control()
        return self._new_client_http

    def _close_kept_control(self) -> None:
        if self._new_client_http is not None:
            self._new_client_http.close()
            self._new_client_http = None

    def client(self, number: str) -> SapClient:
        return SapClient(self, number)


@dataclass
class SapClient:
    """One SAP client on a running emulator: SAP paths with logon, and the control API."""

    server: FakeSapProcess
    number: str

    @property
    def auth(self) -> tuple[str, str]:
        return (self.server.user, self.server.password)

    def http(self) -> httpx.Client:
        """An HTTP client for the server: the control token on ``/_fake/`` paths (if the
        server has one); SAP paths get the logon each request gives."""
        return httpx.Client(base_url=self.server.url, timeout=120.0,
                            verify=default_tls_context(),
                            auth=ControlToken(self.server.control_token))

    def post_idocs(self, xml: bytes, *, auth: tuple[str, str] | None = None,
                   content_type: str = "application/xml") -> httpx.Response:
        with self.http() as http:
            return http.post("/sap/bc/idoc_xml", params={"sap-client": self.number},
                             content=xml, auth=auth or self.auth,
                             headers={"Content-Type": content_type})

    def idocs(self, **filters: Any) -> list[dict[str, Any]]:
        params = {"limit": 500, **filters}
        with self.http() as http:
            response = http.get(f"/_fake/clients/{self.number}/idocs", params=params)
            response.raise_for_status()
            return list(response.json()["idocs"])

    def idoc(self, docnum: str) -> dict[str, Any]:
        with self.http() as http:
            response = http.get(f"/_fake/clients/{self.number}/idocs/{docnum}")
            response.raise_for_status()
            return dict(response.json())

    def process(self, docnum: str) -> httpx.Response:
        with self.http() as http:
            return http.post(f"/_fake/clients/{self.number}/idocs/{docnum}/process")

    def register_partner(self, logsys: str, *, url: str | None = None,
                         user: str | None = None, password: str | None = None,
                         outbound: Sequence[str] = (), inbound: Sequence[str] = (),
                         pack_size: int = 1, parallel_packets: int = 1) -> dict[str, Any]:
        port = {"url": url, "user": user, "password": password} if url else None
        with self.http() as http:
            response = http.put(f"/_fake/clients/{self.number}/partners/{logsys}", json={
                "port": port, "outbound": list(outbound), "inbound": list(inbound),
                "pack_size": pack_size, "parallel_packets": parallel_packets})
            response.raise_for_status()
            return dict(response.json())

    def dispatch(self) -> int:
        with self.http() as http:
            response = http.post(f"/_fake/clients/{self.number}/ale/dispatch")
            response.raise_for_status()
            return int(response.json()["sent"])

    def send_master_data(self, message_type: str, receiver: str | None = None,
                         objects: Sequence[str] | None = None) -> dict[str, Any]:
        """BD10/BD12: full outbound IDocs of every (or the named) material or customer for
        ``receiver`` or every partner subscribed to ``message_type``."""
        body: dict[str, Any] = {"message_type": message_type, "receiver": receiver}
        if objects is not None:
            body["objects"] = list(objects)
        with self.http() as http:
            response = http.post(f"/_fake/clients/{self.number}/ale/send-master-data",
                                 json=body)
            response.raise_for_status()
            return dict(response.json())

    def seed(self, *, materials: int = 10, customers: int = 10, seed: int = 1,
             initial_stock: str = "0") -> dict[str, Any]:
        """Load deterministic master data; returns the material and customer numbers."""
        with self.http() as http:
            response = http.post(f"/_fake/clients/{self.number}/seed", json={
                "materials": materials, "customers": customers, "seed": seed,
                "initial_stock": initial_stock})
            response.raise_for_status()
            return dict(response.json())

    def set_options(self, **options: Any) -> dict[str, Any]:
        with self.http() as http:
            response = http.patch(f"/_fake/clients/{self.number}", json=options)
            response.raise_for_status()
            return dict(response.json())

    # -- the control API of the client's state ---------------------------------------------

    def control_api(self, method: str, path: str, body: dict[str, Any] | None = None
                    ) -> dict[str, Any]:
        """One request to ``/_fake/clients/<client>/<path>``: its JSON answer ({} for an
        empty one); an error status raises :class:`httpx.HTTPStatusError` with the
        emulator's answer in its message."""
        with self.http() as http:
            response = http.request(method, f"/_fake/clients/{self.number}/{path}", json=body)
        if response.is_error:
            raise httpx.HTTPStatusError(
                f"{method} /_fake/clients/{self.number}/{path}: {response.status_code} "
                f"{response.text[:1000]}", request=response.request, response=response)
        return dict(response.json()) if response.content else {}

    def set_date(self, business_date: date | str) -> date:
        """Make ``business_date`` today for this client (SY-DATUM, IDoc and posting
        dates); the time of day keeps running."""
        text = business_date if isinstance(business_date, str) else business_date.isoformat()
        return date.fromisoformat(self.control_api("PUT", "date", {"date": text})["date"])

    def reset_date(self) -> date:
        """Back to the system date."""
        return date.fromisoformat(self.control_api("DELETE", "date")["date"])

    def business_date(self) -> date:
        """The client's business date."""
        return date.fromisoformat(self.control_api("GET", "date")["date"])

    def rfc_settings(self, **settings: Any) -> dict[str, Any]:
        """SOAP-RFC switches: ``commit_every_call``, ``session_timeout_seconds``, ``stateless``."""
        return self.control_api("PATCH", "rfc", settings)

    def add_fault(self, target: str, kind: str = "SYSTEM_FAILURE", *, times: int | None = 1,
                  seconds: float | None = None) -> dict[str, Any]:
        """Make the next ``times`` calls of ``target`` fail (``None``: every call until
        :meth:`clear_faults`); see :meth:`FakeSap.fault
        <fake_sap.testing.sap_fixture.FakeSap.fault>`."""
        body: dict[str, Any] = {"target": target, "kind": kind, "times": times}
        if seconds is not None:
            body["seconds"] = seconds
        return self.control_api("POST", "faults", body)

    def faults(self) -> list[dict[str, Any]]:
        """Injected faults with the calls each has ``remaining`` (0: it has fired)."""
        return list(self.control_api("GET", "faults")["faults"])

    def clear_faults(self) -> None:
        self.control_api("DELETE", "faults")

    def delete_partner(self, logsys: str) -> None:
        """No partner profile (WE20) for ``logsys`` any more."""
        self.control_api("DELETE", f"partners/{logsys}")

    # -- the code tables of the ISO conversion: T006, TCURC, T005 ---------------------------

    def add_unit(self, msehi: str, iso_code: str = "", *, primary: bool = True,
                 **fields: Any) -> dict[str, Any]:
        """Add (or replace) a unit of measure in the client's T006, as CUNI would:
        ``sap.add_unit("KAR", "CT")``. ``primary``: ``iso_code`` converts to this unit
        (T006-PRIMARY); other fields by SAP's name, e.g. ``dimid="AAAADL"``."""
        body = {"ISOCODE": iso_code, "PRIMARY": "X" if primary and iso_code else "",
                **{name.upper(): value for name, value in fields.items()}}
        return self.put_code_entry("units", msehi, body)

    def put_code_entry(self, table: str, key: str, fields: dict[str, Any]) -> dict[str, Any]:
        """Create or replace an entry of ``table`` ("units", "currencies", "countries") with
        its fields by SAP's names (``{"ISOCD": "GBP", "XPRIMARY": "X"}``)."""
        return self.control_api("PUT", f"{table}/{key}", fields)

    def delete_code_entry(self, table: str, key: str) -> None:
        self.control_api("DELETE", f"{table}/{key}")

    def code_entries(self, table: str) -> list[dict[str, Any]]:
        """Every entry of the client's ``table`` ("units", "currencies", "countries")."""
        return list(self.control_api("GET", table)[table])

    def clear_open_items(self, company_code: str, customer: str) -> dict[str, Any]:
        """The finance clerk's payment run for the customer (F-28)."""
        return self.control_api("POST", "fi/clearing", {"company_code": company_code,
                                                        "customer": customer})


@contextmanager
def running(db: str | Path, **kwargs: Any) -> Iterator[FakeSapProcess]:
    server = FakeSapProcess.start(db, **kwargs)
    try:
        yield server
    finally:
        server.stop()
