"""A partner's XML-HTTP port for tests: a real HTTP server on a free loopback port.

It records every POST it is sent, can insist on Basic auth, can be told to answer the next
requests with an error status, can hold its answers back (to see how many POSTs a sender
has on their way at once), and can be taken down (connection refused) and brought back on
the same port, which is what the emulator's retry logic has to cope with.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from lxml import etree

from fake_sap.testing.process import free_port


@dataclass(frozen=True)
class ReceivedPost:
    path: str
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
        return etree.fromstring(self.body)

    def control(self, field: str) -> str:
        """A field of the (first) IDoc's EDI_DC40 control record."""
        return self.xml().findtext(f"IDOC/EDI_DC40/{field}") or ""

    @property
    def docnum(self) -> str:
        return self.control("DOCNUM")


class Receiver:
    """Records POSTs; ``fail_next``/``fail_always``/``go_down`` simulate a broken partner."""

    def __init__(self) -> None:
        self.port = free_port()
        self._lock = threading.Condition()
        self._posts: list[ReceivedPost] = []
        self._failures_left = 0
        self._failure_status = 500
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

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/idocs"

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> Receiver:
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
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

    def fail_next(self, count: int, status: int = 500) -> None:
        """Answer the next ``count`` POSTs with ``status`` instead of 200."""
        with self._lock:
            self._failures_left = count
            self._failure_status = status

    def fail_always(self, status: int = 500) -> None:
        self.fail_next(10**9, status)

    def recover(self) -> None:
        """Accept everything from now on."""
        self.fail_next(0)

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
        with self._lock:
            return list(self._posts)

    @property
    def accepted(self) -> list[ReceivedPost]:
        return [p for p in self.posts if p.accepted]

    def wait_for(self, condition: Callable[[list[ReceivedPost]], bool],
                 timeout: float = 10.0) -> list[ReceivedPost]:
        """Block until ``condition(posts)`` holds; the posts, or AssertionError on timeout."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not condition(self._posts):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"receiver: condition not met within {timeout} s; "
                                         f"got {len(self._posts)} POST(s)")
                self._lock.wait(remaining)
            return list(self._posts)

    def wait_for_accepted(self, count: int, timeout: float = 10.0) -> list[ReceivedPost]:
        posts = self.wait_for(lambda ps: sum(p.accepted for p in ps) >= count, timeout)
        return [p for p in posts if p.accepted]

    # -- HTTP ----------------------------------------------------------------------------

    def _answer_for(self, headers: dict[str, str]) -> int:
        """Decide the status of one POST (under the lock)."""
        if self._credentials is not None:
            expected = base64.b64encode(":".join(self._credentials).encode()).decode()
            if headers.get("authorization") != f"Basic {expected}":
                return 401
        if self._failures_left > 0:
            self._failures_left -= 1
            return self._failure_status
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
