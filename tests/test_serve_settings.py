"""Every documented ``FAKE_SAP_*`` variable is honoured by ``fake-sap serve``, one test each,
and a command-line option overrides its variable. A start that fails writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from idoc_builders import last_status_text, material, packet, summary

from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import FakeSapProcess, SapClient, free_port


@contextmanager
def serving(env: dict[str, str], *args: str) -> Iterator[FakeSapProcess]:
    """``fake-sap serve`` with exactly these variables and options (no ``--db`` unless
    given: the tests of ``FAKE_SAP_DB_URL`` need it left out)."""
    port = free_port()
    command = [sys.executable, "-m", "fake_sap.cli", "serve", "--port", str(port),
               "--workers", "1", *args]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FAKE_SAP_")}
    log = tempfile.TemporaryFile("a+b")
    process = subprocess.Popen(command, env={**environ, **env}, stdout=log, stderr=log)
    server = FakeSapProcess(f"http://127.0.0.1:{port}", process, env.get("FAKE_SAP_DB_URL", ""),
                            user=env.get("FAKE_SAP_USER", "DEVELOPER"),
                            password=env.get("FAKE_SAP_PASSWORD", "fake-sap"), log_file=log)
    try:
        server.wait_until_ready(30)
        yield server
    finally:
        server.stop()


def _db(tmp_path: Path, name: str = "sap") -> dict[str, str]:
    return {"FAKE_SAP_DB_URL": f"sqlite:///{tmp_path / f'{name}.db'}"}


def _probe(server: FakeSapProcess, auth: tuple[str, str], client: str | None = None,
           ) -> httpx.Response:
    params = {"sap-client": client} if client else {}
    return httpx.get(f"{server.url}/sap/bc/idoc_xml", auth=auth, params=params)


def test_fake_sap_db_url(tmp_path: Path) -> None:
    with serving(_db(tmp_path, "from-variable")):
        pass
    assert (tmp_path / "from-variable.db").is_file()
    with serving(_db(tmp_path, "from-variable"), "--db",
                 f"sqlite:///{tmp_path / 'from-option.db'}"):
        pass
    assert (tmp_path / "from-option.db").is_file()


def test_fake_sap_user(tmp_path: Path) -> None:
    with serving({**_db(tmp_path), "FAKE_SAP_USER": "ALICE"}) as server:
        assert _probe(server, ("ALICE", "fake-sap")).status_code == 200
        assert _probe(server, ("DEVELOPER", "fake-sap")).status_code == 401
    with serving({**_db(tmp_path), "FAKE_SAP_USER": "ALICE"}, "--user", "BOB") as server:
        assert _probe(server, ("BOB", "fake-sap")).status_code == 200
        assert _probe(server, ("ALICE", "fake-sap")).status_code == 401


def test_fake_sap_password(tmp_path: Path) -> None:
    with serving({**_db(tmp_path), "FAKE_SAP_PASSWORD": "s3cret"}) as server:
        assert _probe(server, ("DEVELOPER", "s3cret")).status_code == 200
        assert _probe(server, ("DEVELOPER", "fake-sap")).status_code == 401
    with serving({**_db(tmp_path), "FAKE_SAP_PASSWORD": "s3cret"},
                 "--password", "other") as server:
        assert _probe(server, ("DEVELOPER", "other")).status_code == 200
        assert _probe(server, ("DEVELOPER", "s3cret")).status_code == 401


def test_fake_sap_max_body_bytes(tmp_path: Path) -> None:
    document = packet(MATMAS05, [material(f"M-{i}") for i in range(20)])
    assert len(document) > 2000
    env = {**_db(tmp_path), "FAKE_SAP_MAX_BODY_BYTES": "2000"}
    with serving(env) as server:
        client = SapClient(server, "100")
        assert client.post_idocs(document).status_code == 413
    with serving(env, "--max-body-mb", "1") as server:
        assert summary(SapClient(server, "100").post_idocs(document))["count"] == 20


def test_fake_sap_default_client(tmp_path: Path) -> None:
    with serving({**_db(tmp_path), "FAKE_SAP_DEFAULT_CLIENT": "300"}) as server:
        answer = _probe(server, ("DEVELOPER", "fake-sap"))
        assert answer.status_code == 200
        assert "client 300" in answer.text


@contextmanager
def _receiver() -> Iterator[IdocReceiver]:
    receiver = IdocReceiver()
    try:
        yield receiver
    finally:
        receiver.stop()


def _failing_partner(sap: SapClient, receiver: IdocReceiver) -> None:
    receiver.fail_always(500)
    sap.register_partner("CRMCLNT100", url=receiver.url, outbound=["MATMAS"])
    summary(sap.post_idocs(packet(MATMAS05, [material("M-1")])))


def _attempts(sap: SapClient) -> int:
    [idoc] = sap.idocs(direction="outbound")
    return int(idoc["attempts"])


def _wait_for(condition: object, timeout: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the condition did not come true"
        time.sleep(0.05)


def test_fake_sap_retry_base_seconds(tmp_path: Path) -> None:
    # no delay between attempts: the background dispatcher uses up all eight by itself
    # (with the default of 1 s doubling, the eighth would come after two minutes)
    env = {**_db(tmp_path), "FAKE_SAP_RETRY_BASE_SECONDS": "0",
           "FAKE_SAP_DISPATCH_POLL_SECONDS": "0.05"}
    with serving(env) as server, _receiver() as receiver:
        sap = server.new_client()
        _failing_partner(sap, receiver)
        _wait_for(lambda: _attempts(sap) == 8)


def test_fake_sap_retry_max_attempts(tmp_path: Path) -> None:
    env = {**_db(tmp_path), "FAKE_SAP_RETRY_BASE_SECONDS": "0",
           "FAKE_SAP_DISPATCH_POLL_SECONDS": "0.05", "FAKE_SAP_RETRY_MAX_ATTEMPTS": "2"}
    with serving(env) as server, _receiver() as receiver:
        sap = server.new_client()
        _failing_partner(sap, receiver)
        _wait_for(lambda: _attempts(sap) == 2)
        assert sap.dispatch() == 0  # it waits for a manual resend (BD87) now
        assert _attempts(sap) == 2
        assert len(receiver.posts) == 2


def test_fake_sap_dispatch_poll_seconds(tmp_path: Path) -> None:
    # a retry that is due is found by polling only: with an hour between looks the
    # background dispatcher never retries, while RSEOUT00 (dispatch) sends at once
    env = {**_db(tmp_path), "FAKE_SAP_RETRY_BASE_SECONDS": "0",
           "FAKE_SAP_DISPATCH_POLL_SECONDS": "3600"}
    with serving(env) as server, _receiver() as receiver:
        sap = server.new_client()
        _failing_partner(sap, receiver)
        _wait_for(lambda: _attempts(sap) == 1)
        assert _attempts(sap) == 1
        sap.dispatch()
        assert _attempts(sap) == 2


def test_fake_sap_port_timeout_seconds(tmp_path: Path) -> None:
    env = {**_db(tmp_path), "FAKE_SAP_PORT_TIMEOUT_SECONDS": "0.5",
           "FAKE_SAP_RETRY_BASE_SECONDS": "3600"}
    with serving(env) as server, _receiver() as receiver:
        sap = server.new_client()
        receiver.hold_answers()  # the port takes the POST and does not answer
        try:
            sap.register_partner("CRMCLNT100", url=receiver.url, outbound=["MATMAS"])
            summary(sap.post_idocs(packet(MATMAS05, [material("M-1")])))
            _wait_for(lambda: _attempts(sap) == 1)
            [idoc] = sap.idocs(direction="outbound")
            assert idoc["status"] == "02"
            # the port never answers: only the client's timeout ends the attempt
            assert "Timeout" in last_status_text(sap, idoc["docnum"])
        finally:
            receiver.release_answers()


def test_a_start_that_fails_writes_nothing(tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    with serving({"FAKE_SAP_DB_URL": f"sqlite:///{tmp_path / 'other.db'}"}) as taken:
        port = taken.url.rsplit(":", 1)[1]
        failed = subprocess.run(
            [sys.executable, "-m", "fake_sap.cli", "serve", "--demo", "--port", port,
             "--db", f"sqlite:///{database}"], capture_output=True, timeout=120, check=False)
    assert failed.returncode != 0
    assert not database.exists()


@pytest.fixture(autouse=True)
def _no_test_database_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    # the servers here choose their database themselves
    monkeypatch.delenv("FAKE_SAP_TEST_DB_URL", raising=False)
