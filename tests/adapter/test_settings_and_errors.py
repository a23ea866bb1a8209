"""``crm-adapter serve`` honours every documented ``CRM_ADAPTER_*`` variable (one test each)
and says what happened when something outside it fails: SAP unreachable or too slow (503
with Retry-After), SAP refusing its logon (502), its own store full or read-only (503 with
Retry-After, nothing stored, recovery once the storage is back)."""

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
from crm_driver import eventually

from fake_sap.testing.process import FakeSapProcess, SapClient, free_port

MONTH = {"month": "2026-01"}


@contextmanager
def adapter(env: dict[str, str]) -> Iterator[str]:
    """``crm-adapter serve`` configured by exactly these variables; yields its base URL."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("CRM_ADAPTER_")}
    with tempfile.TemporaryFile("a+b") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(port),
             "--workers", "1"], env={**environ, **env}, stdout=log, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            eventually(lambda: _answers(url, process, log), bool, timeout=30.0,
                       what="crm-adapter serve")
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _answers(url: str, process: subprocess.Popen[bytes], log: object) -> bool:
    if process.poll() is not None:
        log.seek(0)  # type: ignore[attr-defined]
        raise RuntimeError(f"crm-adapter serve exited: {log.read()[-3000:]!r}")  # type: ignore[attr-defined]
    try:
        return httpx.get(f"{url}/health", timeout=1.0).status_code == 200
    except httpx.TransportError:
        return False


def _store(folder: Path) -> dict[str, str]:
    return {"CRM_ADAPTER_DB_URL": f"sqlite:///{folder / 'crm.db'}"}


def _sap(server: FakeSapProcess, sap: SapClient, **overrides: str) -> dict[str, str]:
    return {"CRM_ADAPTER_SAP_URL": server.url, "CRM_ADAPTER_SAP_CLIENT": sap.number,
            "CRM_ADAPTER_SAP_USER": server.user, "CRM_ADAPTER_SAP_PASSWORD": server.password,
            **overrides}


def _import(url: str) -> httpx.Response:
    return httpx.post(f"{url}/api/statistics/import", json=MONTH, timeout=60.0)


# --- the store -------------------------------------------------------------------------------

def test_crm_adapter_db_url(tmp_path: Path) -> None:
    with adapter(_store(tmp_path)):
        pass
    assert (tmp_path / "crm.db").is_file()


# --- SAP: where, who, how long --------------------------------------------------------------

def test_crm_adapter_sap_url(tmp_path: Path, sap_server: FakeSapProcess, sap: SapClient) -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    with adapter({**_store(tmp_path), **_sap(sap_server, sap,
                                             CRM_ADAPTER_SAP_URL=nobody)}) as url:
        answer = _import(url)
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"] == "SAP_UNREACHABLE"
        assert int(answer.headers["Retry-After"]) > 0
    with adapter({**_store(tmp_path), **_sap(sap_server, sap)}) as url:
        answer = _import(url)
        assert answer.status_code == 200, answer.text


def test_crm_adapter_sap_client(tmp_path: Path, sap_server: FakeSapProcess,
                                sap: SapClient) -> None:
    with adapter({**_store(tmp_path), **_sap(sap_server, sap,
                                             CRM_ADAPTER_SAP_CLIENT="999")}) as url:
        answer = _import(url)
        assert answer.status_code == 502, answer.text
        assert answer.json()["error"] == "SAP_LOGON_REFUSED"


def test_crm_adapter_sap_user(tmp_path: Path, sap_server: FakeSapProcess,
                              sap: SapClient) -> None:
    with adapter({**_store(tmp_path), **_sap(sap_server, sap,
                                             CRM_ADAPTER_SAP_USER="NOBODY")}) as url:
        answer = _import(url)
        assert answer.status_code == 502, answer.text
        assert answer.json()["error"] == "SAP_LOGON_REFUSED"


def test_crm_adapter_sap_password(tmp_path: Path, sap_server: FakeSapProcess,
                                  sap: SapClient) -> None:
    with adapter({**_store(tmp_path), **_sap(sap_server, sap,
                                             CRM_ADAPTER_SAP_PASSWORD="wrong")}) as url:
        answer = _import(url)
        assert answer.status_code == 502, answer.text
        assert "logon" in answer.json()["message"]


def test_crm_adapter_sap_timeout_seconds(tmp_path: Path, sap_server: FakeSapProcess,
                                         sap: SapClient) -> None:
    sap.add_fault("RFC_READ_TABLE", "timeout", seconds=4, times=None)
    try:
        with adapter({**_store(tmp_path), **_sap(
                sap_server, sap, CRM_ADAPTER_SAP_TIMEOUT_SECONDS="1")}) as url:
            answer = _import(url)
    finally:
        sap.clear_faults()
    assert answer.status_code == 503, answer.text
    assert answer.json()["error"] == "SAP_UNREACHABLE"
    assert "timeout" in answer.json()["message"]


def test_crm_adapter_sap_language(tmp_path: Path, sap_server: FakeSapProcess,
                                  sap: SapClient) -> None:
    # the adapter logs on in this language (sap-language); the import works in it too
    with adapter({**_store(tmp_path), **_sap(sap_server, sap,
                                             CRM_ADAPTER_SAP_LANGUAGE="DE")}) as url:
        assert _import(url).status_code == 200


# --- the IDoc receiver -----------------------------------------------------------------------

def _post_idoc(url: str, auth: tuple[str, str]) -> httpx.Response:
    return httpx.post(f"{url}/sap/idoc", content=b"<MATMAS05/>", auth=auth,
                      headers={"Content-Type": "application/xml"})


def test_crm_adapter_receiver_user(tmp_path: Path) -> None:
    with adapter({**_store(tmp_path), "CRM_ADAPTER_RECEIVER_USER": "port"}) as url:
        assert _post_idoc(url, ("port", "crm-secret")).status_code != 401
        assert _post_idoc(url, ("sap", "crm-secret")).status_code == 401


def test_crm_adapter_receiver_password(tmp_path: Path) -> None:
    with adapter({**_store(tmp_path), "CRM_ADAPTER_RECEIVER_PASSWORD": "other"}) as url:
        assert _post_idoc(url, ("sap", "other")).status_code != 401
        assert _post_idoc(url, ("sap", "crm-secret")).status_code == 401


def test_crm_adapter_receiver_processing(tmp_path: Path) -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(free_port())],
        env={**os.environ, **_store(tmp_path), "CRM_ADAPTER_RECEIVER_PROCESSING": "later"},
        capture_output=True, timeout=60, check=False)
    assert refused.returncode != 0
    assert b"receiver_processing must be one of" in refused.stderr
    with adapter({**_store(tmp_path), "CRM_ADAPTER_RECEIVER_PROCESSING": "after_answer"}):
        pass


def test_crm_adapter_today(tmp_path: Path) -> None:
    with adapter({**_store(tmp_path), "CRM_ADAPTER_TODAY": "2026-11-10"}) as url:
        clock = httpx.get(f"{url}/api/clock").json()
    assert clock == {"today": "2026-11-10", "source": "settings"}


# --- the store failing -----------------------------------------------------------------------

def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (256 * 1024, 4096, 1):
            try:
                while os.write(descriptor, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(descriptor)
    return filler


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_store_answers_503_and_recovers(small_disk: Path) -> None:
    with adapter(_store(small_disk)) as url:
        filler = _fill(small_disk)
        try:
            answer = httpx.put(f"{url}/api/clock", json={"today": "2026-11-10"})
            assert answer.status_code == 503, answer.text
            assert answer.json()["error"] == "DATABASE_FULL"
            assert "database is full" in answer.json()["message"]
            assert int(answer.headers["Retry-After"]) > 0
        finally:
            filler.unlink()
        assert httpx.put(f"{url}/api/clock", json={"today": "2026-11-10"}).status_code == 200
        assert httpx.get(f"{url}/api/clock").json()["today"] == "2026-11-10"


def test_a_read_only_store_answers_503(tmp_path: Path) -> None:
    with adapter(_store(tmp_path)):
        pass  # the schema is made
    read_only = {"CRM_ADAPTER_DB_URL": f"sqlite:///file:{tmp_path / 'crm.db'}?mode=ro&uri=true"}
    with adapter(read_only) as url:
        answer = httpx.put(f"{url}/api/clock", json={"today": "2026-11-10"})
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"] == "DATABASE_READ_ONLY"
        assert "database is read-only" in answer.json()["message"]
        assert int(answer.headers["Retry-After"]) > 0
        assert httpx.get(f"{url}/api/clock").json()["source"] == "calendar"
