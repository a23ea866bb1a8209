"""Passes outbound IDocs to their partners' XML-HTTP ports (RSEOUT00, running all the time).

Order: a partner's IDocs are sent strictly in DOCNUM order, one at a time; an IDoc that
could not be passed (status 02) holds back the partner's later IDocs until its retry
succeeds, so IDocs about one object never overtake each other (ALE serialization). A
partner with ``parallel_packets`` above 1 gets that many packets at once instead
(RSEOUT00's parallel processing, as initial loads are run): later packets may then arrive
first, and the receiver serializes by EDI_DC40-SERIAL.
Several worker processes share one database: a lease row per partner makes sure exactly
one of them sends a partner's queue at a time.
"""

from __future__ import annotations

import contextvars
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, RowMapping, bindparam, delete, select, update

from fake_sap import clock
from fake_sap.config import Settings
from fake_sap.db import idocs, partners
from fake_sap.db.engine import Database
from fake_sap.db.idocs import StatusRecord
from fake_sap.db.schema import dispatch_leases, edidc
from fake_sap.db.upsert import insert_if_absent
from fake_sap.fastpath.idoc_xml import join_documents

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

WAITING = ("30", "02")
#: a waiting IDoc as the queue reads it: a row of :data:`_QUEUE` by column name (docnum,
#: xml, ...)
QueuedIdoc = RowMapping
#: how long a lease protects a sender that stopped renewing it (crashed worker)
LEASE_SECONDS = 60.0
#: how often a synchronous pass looks again for a lease another sender holds
LEASE_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class SendResult:
    ok: bool
    detail: str


class Dispatcher:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # one POST plus its status update must fit into a lease several times over
        self.lease_seconds = max(LEASE_SECONDS, 4 * settings.port_timeout_seconds)
        self._wake = threading.Event()
        self._standing_back = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # made on the first POST: httpx (and what it imports) is not needed to serve SAP,
        # and a process that never sends should not pay for importing it at start-up
        self._http: httpx.Client | None = None
        self._http_lock = threading.Lock()

    # -- background loop -----------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="ale-dispatcher",
                                            daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def wake(self) -> None:
        """Called after a commit that created outbound IDocs: send them now."""
        self._wake.set()

    @contextmanager
    def bulk_creation(self) -> Iterator[Callable[[], None]]:
        """Around a mass creation of IDocs in this process (BD10/BD12); yields what to call
        after each committed packet.

        With other server workers on the database, this process's background dispatcher
        stands back until the creation ends, and theirs (polling every
        ``dispatch_poll_seconds``) send the packets meanwhile: creating and sending then
        run in two processes instead of sharing this one's interpreter lock. Their writers
        (recording a packet passed on, taking a lease) get the database between the
        creation's packets because SQLite writers take turns in the order they asked
        (:mod:`store_engines.writers_queue`): the creation's next write queues behind one
        already waiting. Alone, this dispatcher is woken after each packet.
        """
        if self.settings.server_workers <= 1:
            yield self.wake
            return
        self._standing_back.set()
        try:
            yield _nothing_to_do
        finally:
            self._standing_back.clear()
            self.wake()

    @property
    def standing_back(self) -> bool:
        return self._standing_back.is_set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.settings.dispatch_poll_seconds)
            self._wake.clear()
            if self.standing_back:
                continue
            try:
                # a partner another sender is busy with is simply skipped: it is being served
                self._pass(None, lease_wait=0.0)
            except Exception:  # the loop must survive a database hiccup
                log.exception("outbound dispatch failed; will try again")

    # -- one pass ------------------------------------------------------------------------

    def run_once(self, mandt: str | None = None) -> int:
        """RSEOUT00 now (synchronously): send every due IDoc of one client (or all).

        Waits for partners another sender (the background thread, another worker) is busy
        with, so that on return every IDoc that was due has been tried. Returns how many of
        the IDocs due at the start have been passed to their port (03) by now, whoever sent
        them: the background dispatchers run all the time, so counting only this pass's own
        sends would make the number a matter of luck.
        """
        due_at_start = self._due_docnums(mandt)
        self._pass(mandt, lease_wait=self._synchronous_lease_wait())
        return self._count_passed(due_at_start)

    def _synchronous_lease_wait(self) -> float:
        """Long enough for another sender to finish a few POSTs, short of an HTTP timeout."""
        return min(self.lease_seconds, 3 * self.settings.port_timeout_seconds)

    def _pass(self, mandt: str | None, lease_wait: float) -> None:
        for client, logsys in self._due_partners(mandt):
            token = self._take_lease(client, logsys, lease_wait)
            if token is None:
                continue
            try:
                self._send_queue(client, logsys, token)
            finally:
                self._release_lease(client, logsys, token)

    def _due(self, mandt: str | None) -> ColumnElement[bool]:
        """The condition of an outbound IDoc that may be sent now."""
        condition = (edidc.c.direct == "1") & edidc.c.status.in_(WAITING) \
            & (edidc.c.next_attempt_at <= time.time()) \
            & (edidc.c.attempts < self.settings.retry_max_attempts)
        if mandt is not None:
            condition = condition & (edidc.c.mandt == mandt)
        return condition

    def _due_partners(self, mandt: str | None) -> list[tuple[str, str]]:
        query = select(edidc.c.mandt, edidc.c.rcvprn).where(self._due(mandt)).distinct() \
            .order_by(edidc.c.mandt, edidc.c.rcvprn)
        with self.db.read() as conn:
            return [(r[0], r[1]) for r in conn.execute(query)]

    def _due_docnums(self, mandt: str | None) -> list[tuple[str, str]]:
        with self.db.read() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                select(edidc.c.mandt, edidc.c.docnum).where(self._due(mandt)))]

    def _count_passed(self, docnums: list[tuple[str, str]]) -> int:
        by_client: dict[str, set[str]] = {}
        for mandt, docnum in docnums:
            by_client.setdefault(mandt, set()).add(docnum)
        passed = 0
        with self.db.read() as conn:
            for mandt, wanted in by_client.items():
                # one range query per client instead of one query per IDoc
                now_passed = conn.execute(select(edidc.c.docnum).where(
                    edidc.c.mandt == mandt, edidc.c.direct == "1", edidc.c.status == "03",
                    edidc.c.docnum.between(min(wanted), max(wanted)))).scalars()
                passed += len(wanted.intersection(now_passed))
        return passed

    def _send_queue(self, mandt: str, logsys: str, token: str) -> None:
        """Send the partner's due IDocs in DOCNUM order until one fails or none is left.

        Up to the partner's ``parallel_packets`` packets are on their way at once (1 by
        default: one POST at a time). Above 1 this is RSEOUT00's parallel processing: the
        next packet is read behind the last one started and posted while earlier ones are
        still being answered, so packets may arrive out of order and the receiver
        serializes by SERIAL, as with parallel processing in SAP. Once a packet fails (or
        the lease is lost) no further packet is started; those on their way are waited for.
        """
        with self.db.read() as conn:
            partner = partners.get(conn, mandt, logsys)
        pack_size = int((partner or {}).get("pack_size") or 1)
        parallel = int((partner or {}).get("parallel_packets") or 1)
        lease = _HeldLease(token, time.monotonic())  # taken just now
        with ThreadPoolExecutor(parallel, thread_name_prefix="ale-sender") as senders:
            in_flight: set[Future[bool]] = set()
            after, starting = "", True
            while True:
                if starting and len(in_flight) < parallel:
                    with self.db.read() as conn:
                        # from the head of the queue when nothing is on its way (an IDoc
                        # resent meanwhile goes first), else behind the last packet
                        # started; empty: nothing left, or the head waits for its retry
                        # and holds back the IDocs behind it
                        batch = self._due_batch(conn, mandt, logsys, pack_size,
                                                after if in_flight else "")
                    if batch and self._still_ours(mandt, logsys, lease):
                        after = batch[-1]["docnum"]
                        # each sender in a copy of this context: the business date of a
                        # synchronous dispatch (fake_sap.clock) applies to its records too
                        in_flight.add(senders.submit(contextvars.copy_context().run,
                                                     self._send, mandt, partner, batch))
                        continue
                    if batch:  # the lease is lost
                        starting = False
                if not in_flight:
                    return
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                if not all([sending.result() for sending in done]):
                    starting = False

    def _still_ours(self, mandt: str, logsys: str, lease: _HeldLease) -> bool:
        """Before a POST: renew the lease once a quarter of it has passed; False if it was
        lost.

        Not before every POST: a renewal is a write, and while another worker creates
        packets (BD10) each write waits for its turn at the database, which held back the
        packets behind it. Renewed at a quarter, the lease outlasts the POSTs started until
        the next renewal (it is at least four port timeouts long).
        """
        if time.monotonic() - lease.renewed_at < self.lease_seconds / 4:
            return True
        if self._renew_lease(mandt, logsys, lease.token):
            lease.renewed_at = time.monotonic()
            return True
        # we stalled longer than the lease; someone else owns the queue now and sending on
        # would risk sending an IDoc twice
        log.warning("lost the dispatch lease of %s/%s", mandt, logsys)
        return False

    def _send(self, mandt: str, partner: dict[str, Any] | None,
              batch: list[QueuedIdoc]) -> bool:
        """POST one packet and record the outcome; whether it was passed."""
        xml = batch[0]["xml"] if len(batch) == 1 else _packet(batch)
        result = self._post(partner, xml)
        self._record(mandt, batch, result)
        return result.ok

    def _due_batch(self, conn: Connection, mandt: str, logsys: str, pack_size: int,
                   after: str = "") -> list[QueuedIdoc]:
        """The next IDocs to send together: the due head of the queue (behind DOCNUM
        ``after``, the packets still on their way) and, up to the pack size, the due IDocs
        of the same type right behind it (order is never changed)."""
        batch: list[QueuedIdoc] = []
        now = time.time()
        for row in _queue(conn, mandt, logsys, pack_size, after):
            due = (row["next_attempt_at"] or 0) <= now \
                and row["attempts"] < self.settings.retry_max_attempts
            same_type = not batch or (row["idoctp"], row["cimtyp"]) == (
                batch[0]["idoctp"], batch[0]["cimtyp"])
            if not due or not same_type:
                break
            batch.append(row)
        return batch

    def _post(self, partner: dict[str, Any] | None, xml: str) -> SendResult:
        if partner is None or not partner.get("port_url"):
            return SendResult(False, "No XML-HTTP port defined for the partner")
        import httpx

        auth = httpx.Auth()  # the base class sends no credentials
        if partner.get("port_user"):
            auth = httpx.BasicAuth(partner["port_user"], partner.get("port_password") or "")
        try:
            response = self._http_client().post(
                partner["port_url"], content=xml.encode("utf-8"), auth=auth,
                headers={"Content-Type": "application/xml; charset=UTF-8"})
        except Exception as error:  # noqa: BLE001
            # whatever goes wrong talking to the partner (refused, timeout, a URL httpx
            # cannot use) is the partner's problem: status 02, not a stuck dispatcher
            return SendResult(False, f"HTTP error: {type(error).__name__}: {error}")
        if 200 <= response.status_code < 300:
            return SendResult(True, f"HTTP {response.status_code}")
        return SendResult(False, f"HTTP {response.status_code} {response.reason_phrase}")

    def _http_client(self) -> httpx.Client:
        # the background loop and a synchronous pass may send at once: make one client only
        with self._http_lock:
            if self._http is None:
                import httpx

                self._http = httpx.Client(timeout=self.settings.port_timeout_seconds)
            return self._http

    def _record(self, mandt: str, batch: list[QueuedIdoc], result: SendResult) -> None:
        """The outcome of one POST for each of its IDocs, in one transaction."""
        at, now = clock.now(), time.time()
        entries = []
        # the same record for every IDoc of a packet that was passed
        passed = StatusRecord("03", f"Data passed to port OK ({result.detail})", "S", "E0",
                              "003")
        for head in batch:
            attempts = head["attempts"] + 1
            if result.ok:
                entries.append((head["docnum"], passed,
                                {"attempts": attempts, "next_attempt_at": None}))
                continue
            text = f"Error passing data to port: {result.detail}"
            if attempts >= self.settings.retry_max_attempts:
                text = f"{text[:160]} (attempt {attempts}; no more retries, resend with BD87)"
            delay = self.settings.retry_base_seconds * (2 ** (attempts - 1))
            entries.append((head["docnum"], StatusRecord(
                "02", text[:220], "E", "E0", "002", (result.detail[:50],)),
                {"attempts": attempts, "next_attempt_at": now + delay}))
        with self.db.write() as conn:
            idocs.append_statuses(conn, mandt, at, entries)

    # -- leases --------------------------------------------------------------------------
    # A lease row per (client, partner) says who sends that partner's queue. Every lease
    # taken gets its own token, so that two passes in one process (background thread and a
    # synchronous request) are told apart as well as two worker processes.

    def _take_lease(self, mandt: str, logsys: str, wait: float) -> str | None:
        """Take the partner's lease, waiting up to ``wait`` seconds; its token, or None."""
        token = f"{self.owner}-{uuid.uuid4().hex[:12]}"
        deadline = time.monotonic() + wait
        pause = threading.Event()
        while not self._try_lease(mandt, logsys, token):
            if time.monotonic() >= deadline:
                return None
            pause.wait(LEASE_POLL_SECONDS)
        return token

    def _try_lease(self, mandt: str, logsys: str, token: str) -> bool:
        now = time.time()
        row = {"mandt": mandt, "logsys": logsys, "owner": token,
               "until": now + self.lease_seconds}
        with self.db.write() as conn:
            if insert_if_absent(conn, dispatch_leases, row):
                return True
            # a lease nobody renewed in time belonged to a sender that died
            taken = conn.execute(update(dispatch_leases).where(
                dispatch_leases.c.mandt == mandt, dispatch_leases.c.logsys == logsys,
                dispatch_leases.c.until < now).values(owner=token, until=row["until"]))
            return taken.rowcount == 1

    def _renew_lease(self, mandt: str, logsys: str, token: str) -> bool:
        with self.db.write() as conn:
            renewed = conn.execute(update(dispatch_leases).where(
                dispatch_leases.c.mandt == mandt, dispatch_leases.c.logsys == logsys,
                dispatch_leases.c.owner == token).values(until=time.time() + self.lease_seconds))
            return renewed.rowcount == 1

    def _release_lease(self, mandt: str, logsys: str, token: str) -> None:
        with self.db.write() as conn:
            conn.execute(delete(dispatch_leases).where(
                dispatch_leases.c.mandt == mandt, dispatch_leases.c.logsys == logsys,
                dispatch_leases.c.owner == token))


@dataclass
class _HeldLease:
    """A partner's lease this sender holds: its token, and when it was last taken or
    renewed (``time.monotonic``)."""

    token: str
    renewed_at: float


def _nothing_to_do() -> None:
    """After a packet of a mass creation while other workers send: they poll, and their
    writers queue for the database in turn with the creation's."""


def _queue(conn: Connection, mandt: str, logsys: str, limit: int,
           after: str = "") -> list[QueuedIdoc]:
    """The first ``limit`` waiting outbound IDocs of a partner after DOCNUM ``after``, in
    DOCNUM order.

    One ordered range of ``ix_edidc_partner_queue`` per waiting status, merged: with
    ``status IN (...)`` the database would sort, or walk past, every IDoc the partner was
    ever sent, once per packet.
    """
    rows: list[QueuedIdoc] = []
    for status in WAITING:
        # the rows as the database gives them, looked at by name, not copied into a dict
        # each: a packet reads a thousand
        rows += conn.execute(_QUEUE, {
            "client": mandt, "partner": logsys, "waiting": status, "after": after,
            "limit": limit}).mappings().all()
    rows.sort(key=_docnum)
    return rows[:limit]


def _docnum(row: QueuedIdoc) -> str:
    return str(row["docnum"])


_QUEUE = select(edidc.c.docnum, edidc.c.xml, edidc.c.attempts, edidc.c.next_attempt_at,
                edidc.c.idoctp, edidc.c.cimtyp).where(
    edidc.c.mandt == bindparam("client"), edidc.c.rcvprn == bindparam("partner"),
    edidc.c.direct == "1", edidc.c.status == bindparam("waiting"),
    edidc.c.docnum > bindparam("after")
).order_by(edidc.c.docnum).limit(bindparam("limit"))


def _packet(batch: Sequence[Mapping[Any, Any]]) -> str:
    """Several stored IDoc-XML documents of one type as one document (SAP's "collect")."""
    return join_documents([row["xml"] for row in batch])


def schedule_resend(conn: Connection, mandt: str, docnum: str) -> None:
    """BD87 for an outbound IDoc in 02: try again now, with a fresh retry budget."""
    idocs.schedule_resend(conn, mandt, docnum)
