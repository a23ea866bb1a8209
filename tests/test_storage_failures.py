"""Storage failures answer 503 with Retry-After and say what happened; nothing is half-stored
and the emulator recovers as soon as the storage is back.

The disk-full case runs ``fake-sap serve`` on a small tmpfs that the test fills and empties
(mounting needs root, as in the project's containers). The read-only case opens the SQLite
file read-only (``mode=ro``) and, when ``FAKE_SAP_TEST_PG_URL`` names a server, a
PostgreSQL database in read-only sessions (``default_transaction_read_only``).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from idoc_builders import material, packet, summary
from migration_stores import BACKENDS, fresh_database
from rfc_client import RfcSession, parse_fault, read_table, save_material
from sqlalchemy.engine import make_url

from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import FakeSapProcess, SapClient


def _fill(folder: Path) -> Path:
    """Write a file until the file system is full; its removal frees the space again."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (256 * 1024, 4096, 1):  # down to the very last byte
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
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _assert_storage_answer(response: httpx.Response, words: str) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    assert words in response.text


def test_a_full_disk_answers_503_on_every_path_and_recovers(small_disk: Path) -> None:
    with FakeSapProcess.start(small_disk / "sap.db", workers=1,
                              log=small_disk.parent / "fake-sap.log") as server:
        sap = server.new_client()
        first = summary(sap.post_idocs(packet(MATMAS05, [material("M-0")])))
        assert first["count"] == 1
        filler = _fill(small_disk)
        try:
            many = packet(MATMAS05, [material(f"M-{i}", "x" * 40) for i in range(1, 401)])
            idoc_answer = sap.post_idocs(many)
            _assert_storage_answer(idoc_answer, "database is full")
            assert "text/html" in idoc_answer.headers["content-type"]

            session = RfcSession(sap)
            try:
                soap_answer = session.post_call("BAPI_MATERIAL_SAVEDATA", HEADDATA={
                    "MATERIAL": "M-SOAP", "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                    "BASIC_VIEW": "X"}, CLIENTDATA={"BASE_UOM": "ST"},
                    CLIENTDATAX={"BASE_UOM": "X"}, MATERIALDESCRIPTION=[
                        {"LANGU": "EN", "MATL_DESC": "y" * 40}])
                _assert_storage_answer(soap_answer, "database is full")
                fault = parse_fault(soap_answer)
                assert fault.name == "SYSTEM_FAILURE"
                assert "database is full" in fault.text
            finally:
                session.close()

            with server.control() as http:
                control_answer = http.post("/_fake/clients", json={"client": "990"})
            _assert_storage_answer(control_answer, "database is full")
            assert control_answer.json()["error"] == "DATABASE_FULL"

            # nothing half-stored: the monitor shows the first IDoc only
            assert len(sap.idocs(direction="inbound")) == 1
        finally:
            filler.unlink()
        # storage is back: the same requests succeed, without a restart
        recovered = summary(sap.post_idocs(many))
        assert recovered["count"] == 400
        assert recovered["statuses"] == {"53": 400}
        assert len(sap.idocs(direction="inbound")) == 401
        session = RfcSession(sap)
        try:
            save_material(session, "M-SOAP")
        finally:
            session.close()


def _read_only(url: str) -> str:
    """The same database, opened so that it refuses every write: a SQLite file opened
    read-only (as a file or file system without write permission is), a PostgreSQL session
    whose transactions are read-only (as on a standby)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:///file:{parsed.database}?mode=ro&uri=true"
    return parsed.update_query_dict({"options": "-c default_transaction_read_only=on"}) \
        .render_as_string(hide_password=False)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_read_only_database_answers_503_and_says_so(backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path, "read_only") as url:
        with FakeSapProcess.start(url, workers=1) as server:
            sap = server.new_client()
            summary(sap.post_idocs(packet(MATMAS05, [material("M-0")])))
            number = sap.number
        with FakeSapProcess.start(_read_only(url), workers=1) as server:
            sap = SapClient(server, number)
            answer = sap.post_idocs(packet(MATMAS05, [material("M-1")]))
            _assert_storage_answer(answer, "database is read-only")
            assert "text/html" in answer.headers["content-type"]
            session = RfcSession(sap)
            try:
                soap_answer = session.post_call("BAPI_TRANSACTION_COMMIT")
            finally:
                session.close()
            _assert_storage_answer(soap_answer, "database is read-only")
            fault = parse_fault(soap_answer)
            assert fault.name == "SYSTEM_FAILURE"
            assert "database is read-only" in fault.text
            with server.control() as http:
                control_answer = http.post("/_fake/clients", json={"client": "990"})
            _assert_storage_answer(control_answer, "database is read-only")
            assert control_answer.json()["error"] == "DATABASE_READ_ONLY"
            # reads still work: the monitor shows what was stored before, nothing more
            assert len(sap.idocs(direction="inbound")) == 1
            # and so do RFC calls that only read: an SAP session is no database row
            session = RfcSession(sap)
            try:
                assert session.post_call("RFC_PING").status_code == 200
                [stored] = read_table(session, "MARA", fields=["MATNR"])
                assert stored.strip() == "M-0"
            finally:
                session.close()
