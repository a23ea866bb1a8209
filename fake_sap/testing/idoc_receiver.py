"""A partner's XML-HTTP port for tests: records the IDoc-XML that SAP sends to it.

Layer: ``fake_sap.testing`` (test support; the standard library, lxml when a post is read).

The ``idoc_receiver`` fixture of the pytest plugin; register its ``url`` as a partner's port
and wait for what arrives::

    fake_sap.register_partner("CRMCLNT100", url=idoc_receiver.url, outbound=["MATMAS"])
    ...
    [post] = idoc_receiver.wait_for(1)
    assert post.find("E1MARAM/MATNR") == matnr
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True)
class ReceivedIdocs:
    """One POST of IDoc-XML to the receiver."""

    body: bytes
    headers: dict[str, str]

    def xml(self) -> etree._Element:
        from lxml import etree

        return etree.fromstring(self.body)

    @property
    def idoc_type(self) -> str:
        """The document root: the IDoc type, e.g. ``MATMAS05``."""
        return str(self.xml().tag)

    def control(self, field: str) -> str:
        """A field of the first IDoc's control record (EDI_DC40), e.g. ``MESTYP``."""
        return self.xml().findtext(f"IDOC/EDI_DC40/{field}") or ""

    def find(self, path: str) -> str:
        """The text at ``path`` in the first IDoc, e.g. ``E1MARAM/MATNR``."""
        return self.xml().findtext(f"IDOC/{path}") or ""

    def find_all(self, path: str) -> list[str]:
        """The texts at ``path`` in every IDoc, e.g. all ``E1MARAM/E1MAKTM/MAKTX``."""
        return [element.text or "" for element in self.xml().iterfind(f"IDOC/{path}")]


class IdocReceiver:
    """An XML-HTTP port on a free loopback port: records every POST and answers 200, or the
    status given to :meth:`fail_next`."""

    def __init__(self) -> None:
        self._received: list[ReceivedIdocs] = []
        self._failures: list[int] = []
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/idocs"

    @property
    def received(self) -> list[ReceivedIdocs]:
        """Accepted posts, oldest first."""
        with self._changed:
            return list(self._received)

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        """Answer the next ``count`` posts with ``status`` (not recorded as received)."""
        with self._changed:
            self._failures.extend([status] * count)

    def wait_for(self, count: int = 1, timeout: float = 10.0) -> list[ReceivedIdocs]:
        """Block until ``count`` posts were accepted; returns them."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._received) >= count, timeout):
                raise AssertionError(f"{len(self._received)} of {count} IDoc posts arrived "
                                     f"within {timeout} s")
            return list(self._received)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, body: bytes, headers: dict[str, str]) -> int:
        with self._changed:
            if self._failures:
                return self._failures.pop(0)
            self._received.append(ReceivedIdocs(body, headers))
            self._changed.notify_all()
            return 200

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = receiver._answer(body, {k.lower(): v for k, v in self.headers.items()})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler
