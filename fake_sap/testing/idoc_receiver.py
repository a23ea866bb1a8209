"""A partner's XML-HTTP port for tests: a real HTTP server on a free loopback port that
records the IDoc-XML SAP posts to it.

Layer: ``fake_sap.testing`` (test support; the standard library, lxml when a post is read).
The one test receiver of the project: the ``idoc_receiver`` fixture of the pytest plugin is
one, and the emulator's own tests use it for what SAP's outbound ALE has to cope with.
Register its ``url`` as a partner's port and wait for what arrives::

    fake_sap.register_partner("CRMCLNT100", url=idoc_receiver.url, outbound=["MATMAS"])
    ...
    [post] = idoc_receiver.wait_for(1)
    assert post.find("E1MARAM/MATNR") == matnr

It records every POST with the status it answered; it can insist on Basic auth, answer the
next posts (or all of them) with an error status, hold its answers back (to see how many
POSTs a sender has on their way at once), and be taken down (connection refused) and
brought back on the same port.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

#: a failure run without end (see :meth:`IdocReceiver.fail_always`)
_ALWAYS = -1


@dataclass(frozen=True)
class ReceivedPost:
    """One POST of IDoc-XML to the receiver, and the status it was answered with."""

    path: str
    #: the request's headers, names in lower case
    headers: dict[str, str]
    body: bytes
    #: the status the receiver answered with
    answered: int

    @property
    def accepted(self) -> bool:
        return 200 <= self.answered < 300

    @property
    def credentials(self) -> tuple[str, str] | None:
        """The Basic-auth user and password the sender gave, if any."""
        header = self.headers.get("authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        user, _, password = base64.b64decode(encoded).decode("utf-8").partition(":")
        return user, password

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

    @property
    def docnum(self) -> str:
        """The first IDoc's number (EDI_DC40-DOCNUM)."""
        return self.control("DOCNUM")

    def find(self, path: str) -> str:
        """The text at ``path`` in the first IDoc, e.g. ``E1MARAM/MATNR``."""
        return self.xml().findtext(f"IDOC/{path}") or ""

    def find_all(self, path: str) -> list[str]:
        """The texts at ``path`` in every IDoc, e.g. all ``E1MARAM/E1MAKTM/MAKTX``."""
        return [element.text or "" for element in self.xml().iterfind(f"IDOC/{path}")]


class IdocReceiver:
    """An XML-HTTP port on a free loopback port, listening from the start: records every
    POST and answers 200, or what :meth:`fail_next` / :meth:`fail_always` /
    :meth:`require_basic_auth` ask for."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._posts: list[ReceivedPost] = []
        #: error statuses still to answer with: [status, how many more (_ALWAYS: no end)]
        self._failures: list[list[int]] = []
        self._credentials: tuple[str, str] | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        #: open client connections, cut on stop (keep-alive would outlive the listener)
        self._connections: set[socket.socket] = set()
        #: cleared while answers are held back (see :meth:`hold_answers`)
        self._answering = threading.Event()
        self._answering.set()
        self._in_flight = 0
        #: the most POSTs that were being received at the same time
        self.most_at_once = 0
        self.port = 0  # a free one, kept when the receiver comes back (see come_back)
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/idocs"

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> IdocReceiver:
        """Listen (again, on the same port); nothing to do while listening."""
        if self._server is None:
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler_class())
            self._server.daemon_threads = True
            self.port = int(self._server.server_address[1])
            self._thread = threading.Thread(target=self._server.serve_forever,
                                            kwargs={"poll_interval": 0.05}, daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and cut the open connections."""
        self._answering.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._lock:
            connections, self._connections = list(self._connections), set()
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by the peer
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def close(self) -> None:
        """Done with the receiver (the fixture's teardown)."""
        self.stop()

    def go_down(self) -> None:
        """Stop listening: senders get "connection refused" until :meth:`come_back`."""
        self.stop()

    def come_back(self) -> None:
        self.start()

    # -- behaviour -----------------------------------------------------------------------

    def require_basic_auth(self, user: str, password: str) -> None:
        """Answer 401 to requests without exactly these credentials."""
        with self._lock:
            self._credentials = (user, password)

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        """Answer the next ``count`` posts with ``status`` (after the failures already
        asked for); they are recorded as posts, not as accepted ones."""
        with self._lock:
            if count > 0:
                self._failures.append([status, count])

    def fail_always(self, status: int = 500) -> None:
        """Answer every post with ``status`` until :meth:`recover`."""
        with self._lock:
            self._failures.append([status, _ALWAYS])

    def recover(self) -> None:
        """Accept everything from now on."""
        with self._lock:
            self._failures.clear()

    def hold_answers(self) -> None:
        """Keep POSTs waiting for their answer until :meth:`release_answers`."""
        self._answering.clear()

    def release_answers(self) -> None:
        self._answering.set()

    def wait_for_waiting(self, count: int, timeout: float = 10.0) -> None:
        """Block until ``count`` POSTs are waiting for their answer at the same time."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._in_flight < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"receiver: {count} POSTs were never waiting at "
                                         f"once within {timeout} s")
                self._lock.wait(remaining)

    # -- what was received ---------------------------------------------------------------

    @property
    def posts(self) -> list[ReceivedPost]:
        """Every post, accepted or not, oldest first."""
        with self._lock:
            return list(self._posts)

    @property
    def accepted(self) -> list[ReceivedPost]:
        """The accepted posts, oldest first."""
        return [p for p in self.posts if p.accepted]

    @property
    def received(self) -> list[ReceivedPost]:
        """The accepted posts, oldest first (what SAP passed to the port)."""
        return self.accepted

    def wait_until(self, condition: Callable[[list[ReceivedPost]], bool],
                   timeout: float = 10.0) -> list[ReceivedPost]:
        """Block until ``condition(posts)`` holds; every post, or AssertionError on
        timeout."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not condition(self._posts):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"receiver: condition not met within {timeout} s; "
                                         f"got {len(self._posts)} POST(s)")
                self._lock.wait(remaining)
            return list(self._posts)

    def wait_for(self, count: int = 1, timeout: float = 10.0) -> list[ReceivedPost]:
        """Block until ``count`` posts were accepted; the accepted posts."""
        try:
            posts = self.wait_until(lambda ps: sum(p.accepted for p in ps) >= count, timeout)
        except AssertionError:
            raise AssertionError(f"{len(self.accepted)} of {count} IDoc posts arrived "
                                 f"within {timeout} s") from None
        return [p for p in posts if p.accepted]

    # -- HTTP ----------------------------------------------------------------------------

    def _answer_for(self, headers: dict[str, str]) -> int:
        """Decide the status of one POST (under the lock)."""
        if self._credentials is not None:
            expected = base64.b64encode(":".join(self._credentials).encode()).decode()
            if headers.get("authorization") != f"Basic {expected}":
                return 401
        if self._failures:
            run = self._failures[0]
            status, left = run
            if left != _ALWAYS:
                run[1] -= 1
                if run[1] == 0:
                    self._failures.pop(0)
            return status
        return 200

    def _arrived(self) -> None:
        with self._lock:
            self._in_flight += 1
            self.most_at_once = max(self.most_at_once, self._in_flight)
            self._lock.notify_all()

    def _record(self, path: str, headers: dict[str, str], body: bytes) -> int:
        with self._lock:
            self._in_flight -= 1
            status = self._answer_for(headers)
            self._posts.append(ReceivedPost(path, headers, body, status))
            self._lock.notify_all()
            return status

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with receiver._lock:
                    receiver._connections.add(self.connection)

            def finish(self) -> None:
                with receiver._lock:
                    receiver._connections.discard(self.connection)
                super().finish()

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                receiver._arrived()
                receiver._answering.wait(timeout=30)
                status = receiver._record(self.path, headers, body)
                reply = b"OK" if status < 300 else b"refused by test receiver"
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # keep test output clean

        return Handler
