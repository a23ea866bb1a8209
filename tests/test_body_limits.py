"""Bodies over the size limit and of the wrong type, on both XML paths of ``fake-sap serve``.

A body sent chunked (no Content-Length) is refused as soon as it passes the limit, and the
worker does not hold it: its peak resident memory (``VmHWM`` in ``/proc``) stays low even
when the stream is one endless IDoc, which an XML parser would build up as a tree. The
server here runs with the default limit of 256 MB, the case the limit exists for.
"""

from __future__ import annotations

import base64
import select
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from rfc_client import RfcSession, envelope, function_element, parse_fault

from fake_sap.config import Settings
from fake_sap.testing.process import FakeSapProcess, SapClient

LIMIT = Settings().max_body_bytes
#: the worker's peak resident memory must stay below this
MAX_WORKER_RSS_BYTES = 300 * 1024 * 1024
#: an IDoc that never ends: segment after segment
ENDLESS_IDOC_HEAD = (b"<?xml version='1.0'?><MATMAS05><IDOC BEGIN='1'><EDI_DC40 SEGMENT='1'>"
                     b"<TABNAM>EDI_DC40</TABNAM></EDI_DC40>")
SEGMENTS = b"<E1MARAM SEGMENT='1'><MATNR>1</MATNR></E1MARAM>" * 1400


@pytest.fixture(scope="module")
def default_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    folder = tmp_path_factory.mktemp("limits")
    server = FakeSapProcess.start(folder / "sap.db", workers=1, log=folder / "fake-sap.log")
    yield server
    server.stop()


def _worker_pids(master: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{master}\n" in status:
                children.append(int(entry.name))
    return children


def _peak_rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmHWM for {pid}")


def _stream_chunked(server: FakeSapProcess, path: str, head: bytes, chunk: bytes,
                    total: int) -> bytes:
    """POST ``head`` and then ``chunk`` again and again, chunked, up to ``total`` bytes or
    until the server answers; returns the answer's bytes."""
    address = server.url.removeprefix("http://")
    host, port = address.split(":")
    credentials = base64.b64encode(f"{server.user}:{server.password}".encode()).decode()
    with socket.create_connection((host, int(port)), timeout=60) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Basic {credentials}"
            "\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
        pending = b"%x\r\n%s\r\n" % (len(head), head)
        sent = 0
        while True:
            readable, writable, _ = select.select([connection], [connection], [], 60)
            if readable:
                return connection.recv(65536)
            if not writable:
                raise AssertionError("the server neither reads nor answers")
            if not pending:
                if sent >= total:
                    connection.sendall(b"0\r\n\r\n")
                    return connection.recv(65536)
                pending = b"%x\r\n%s\r\n" % (len(chunk), chunk)
                sent += len(chunk)
            pending = pending[connection.send(pending):]


@pytest.mark.parametrize(("path", "head"), [
    ("/sap/bc/idoc_xml", ENDLESS_IDOC_HEAD),
    ("/sap/bc/soap/rfc", b"<?xml version='1.0'?><SOAP-ENV:Envelope xmlns:SOAP-ENV="
                         b"'http://schemas.xmlsoap.org/soap/envelope/'><SOAP-ENV:Body>")])
def test_a_chunked_body_over_the_limit_is_refused_without_holding_it(
        default_server: FakeSapProcess, path: str, head: bytes) -> None:
    answer = _stream_chunked(default_server, f"{path}?sap-client=100", head, SEGMENTS,
                             LIMIT + 16 * 1024 * 1024)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    [worker] = _worker_pids(default_server.process.pid)
    assert _peak_rss_bytes(worker) < MAX_WORKER_RSS_BYTES


def test_the_soap_path_refuses_a_body_that_is_not_xml(sap: SapClient) -> None:
    session = RfcSession(sap)
    try:
        response = session.post(envelope(function_element("RFC_PING", {})),
                                **{"Content-Type": "application/json"})
        accepted = session.post(envelope(function_element("RFC_PING", {})),
                                **{"Content-Type": "application/soap+xml; charset=utf-8"})
    finally:
        session.close()
    assert response.status_code == 415
    fault = parse_fault(response)
    assert fault.name == "UNSUPPORTED_MEDIA_TYPE"
    assert "application/json" in fault.text
    assert accepted.status_code == 200
