"""Passes outbound IDocs to their partners' XML-HTTP ports (RSEOUT00, running all the time).

Order: a partner's IDocs are sent strictly in DOCNUM order, one at a time; an IDoc that
could not be passed (status 02) holds back the partner's later IDocs until its retry
succeeds, so IDocs about one object never overtake each other (ALE serialization).
Several worker processes share one database: a lease row per partner makes sure exactly
one of them sends a partner's queue at a time.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass

import httpx
from sqlalchemy import Connection, delete, distinct, select, update

from fake_sap import clock
from fake_sap.config import Settings
from fake_sap.db import idocs, partners
from fake_sap.db.engine import Database
from fake_sap.db.idocs import StatusRecord
from fake_sap.db.schema import dispatch_leases, edidc
from fake_sap.db.upsert import insert_if_absent

log = logging.getLogger(__name__)

WAITING = ("30", "02")
LEASE_SECONDS = 60.0


@dataclass(frozen=True)
class SendResult:
    ok: bool
    detail: str


class Dispatcher:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._http = httpx.Client(timeout=settings.port_timeout_seconds)

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

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.settings.dispatch_poll_seconds)
            self._wake.clear()
            try:
                self.run_once()
            except Exception:  # the loop must survive a database hiccup
                log.exception("outbound dispatch failed; will try again")

    # -- one pass ------------------------------------------------------------------------

    def run_once(self, mandt: str | None = None) -> int:
        """Send every due IDoc (of one client, or all); returns how many were passed (03)."""
        sent = 0
        for client, logsys in self._due_partners(mandt):
            if not self._take_lease(client, logsys):
                continue
            try:
                sent += self._send_queue(client, logsys)
            finally:
                self._release_lease(client, logsys)
        return sent

    def _due_partners(self, mandt: str | None) -> list[tuple[str, str]]:
        now = time.time()
        query = select(distinct(edidc.c.mandt), edidc.c.rcvprn).where(
            edidc.c.direct == "1", edidc.c.status.in_(WAITING),
            edidc.c.next_attempt_at <= now,
            edidc.c.attempts < self.settings.retry_max_attempts)
        if mandt is not None:
            query = query.where(edidc.c.mandt == mandt)
        with self.db.read() as conn:
            return [(r[0], r[1]) for r in conn.execute(query)]

    def _send_queue(self, mandt: str, logsys: str) -> int:
        sent = 0
        with self.db.read() as conn:
            partner = partners.get(conn, mandt, logsys)
        while True:
            with self.db.read() as conn:
                head = _queue_head(conn, mandt, logsys)
            if head is None:
                return sent
            if (head["next_attempt_at"] or 0) > time.time() \
                    or head["attempts"] >= self.settings.retry_max_attempts:
                return sent  # the head waits for its retry; later IDocs wait behind it
            result = self._post(partner, head["xml"])
            self._record(mandt, head, result)
            if not result.ok:
                return sent
            sent += 1

    def _post(self, partner: dict | None, xml: str) -> SendResult:
        if partner is None or not partner.get("port_url"):
            return SendResult(False, "No XML-HTTP port defined for the partner")
        auth = None
        if partner.get("port_user"):
            auth = (partner["port_user"], partner.get("port_password") or "")
        try:
            response = self._http.post(
                partner["port_url"], content=xml.encode("utf-8"), auth=auth,
                headers={"Content-Type": "application/xml; charset=UTF-8"})
        except httpx.HTTPError as error:
            return SendResult(False, f"HTTP error: {type(error).__name__}: {error}")
        if 200 <= response.status_code < 300:
            return SendResult(True, f"HTTP {response.status_code}")
        return SendResult(False, f"HTTP {response.status_code} {response.reason_phrase}")

    def _record(self, mandt: str, head: dict, result: SendResult) -> None:
        at = clock.now()
        attempts = head["attempts"] + 1
        with self.db.write() as conn:
            if result.ok:
                idocs.append_status(conn, mandt, head["docnum"], at, StatusRecord(
                    "03", f"Data passed to port OK ({result.detail})", "S", "E0", "003"),
                    attempts=attempts, next_attempt_at=None)
            else:
                delay = self.settings.retry_base_seconds * (2 ** (attempts - 1))
                idocs.append_status(conn, mandt, head["docnum"], at, StatusRecord(
                    "02", f"Error passing data to port: {result.detail}"[:220], "E", "E0",
                    "002", (result.detail[:50],)),
                    attempts=attempts, next_attempt_at=time.time() + delay)

    # -- leases --------------------------------------------------------------------------

    def _take_lease(self, mandt: str, logsys: str) -> bool:
        now = time.time()
        row = {"mandt": mandt, "logsys": logsys, "owner": self.owner,
               "until": now + LEASE_SECONDS}
        with self.db.write() as conn:
            if insert_if_absent(conn, dispatch_leases, row):
                return True
            taken = conn.execute(update(dispatch_leases).where(
                dispatch_leases.c.mandt == mandt, dispatch_leases.c.logsys == logsys,
                dispatch_leases.c.until < now).values(owner=self.owner, until=row["until"]))
            return taken.rowcount == 1

    def _release_lease(self, mandt: str, logsys: str) -> None:
        with self.db.write() as conn:
            conn.execute(delete(dispatch_leases).where(
                dispatch_leases.c.mandt == mandt, dispatch_leases.c.logsys == logsys,
                dispatch_leases.c.owner == self.owner))


def _queue_head(conn: Connection, mandt: str, logsys: str) -> dict | None:
    row = conn.execute(select(edidc.c.docnum, edidc.c.xml, edidc.c.attempts,
                              edidc.c.next_attempt_at)
                       .where(edidc.c.mandt == mandt, edidc.c.rcvprn == logsys,
                              edidc.c.direct == "1", edidc.c.status.in_(WAITING))
                       .order_by(edidc.c.docnum).limit(1)).mappings().first()
    return dict(row) if row else None


def schedule_resend(conn: Connection, mandt: str, docnum: str) -> None:
    """BD87 for an outbound IDoc in 02: try again now, with a fresh retry budget."""
    conn.execute(update(edidc).where(edidc.c.mandt == mandt, edidc.c.docnum == docnum)
                 .values(attempts=0, next_attempt_at=0.0))
