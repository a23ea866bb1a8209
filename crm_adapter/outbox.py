"""The transactional outbox: every call to SAP is first a row, committed with the CRM change
that causes it; a worker performs the calls, retrying with backoff.

Layer: use-case orchestration (between the flows and SAP). Imports the store and the SAP
client's errors, never a flow: the flows' jobs come in as :class:`OutboxTables`.

Why: the CRM change and "SAP must be told" must never part — no CRM approval without its
SAP order, no SAP order without its CRM approval. The worker performs each entry *at least
once*, so every handler must be safe to repeat: before creating a document it looks in SAP
for the result of an earlier attempt by the entry's ``crm_reference`` (the CRM document
number that travels in SAP, e.g. PURCH_NO_C of a sales order), and uses it if found. That
makes a retry after a crash or a timeout never create a second SAP document.

A flow declares each kind it enqueues as an :class:`OutboxJob`, plain data::

    OUTBOX_JOBS = (OutboxJob(CREATE_SALES_ORDER, perform=create_sales_order,
                             on_done=link_order, on_failed=mark_failed),)

``perform(sap, entry) -> dict`` talks to SAP; ``on_done(conn, entry, result)`` runs in the
same CRM transaction that marks the entry done; ``on_failed(conn, entry, error)`` when SAP
refused the call for a business reason (a :class:`~sap_client.bapi.BapiError`): such an
entry is not retried. :mod:`crm_adapter.compose` gathers every flow's jobs into
:class:`OutboxTables`, which :class:`OutboxWorker` takes as a constructor argument: nothing
registers itself by being imported. An entry whose kind the tables do not know is a wiring
mistake, not SAP's answer: it is logged as an error and retried like a communication
problem, so it stays visible and completes once a worker with the right tables takes it.

Where SAP offers no field to find an earlier attempt's document by (a stock transport order
has no customer reference), a handler records the number SAP drew with
:meth:`Entry.checkpoint` *before* it commits; the next attempt finds it in
:attr:`Entry.progress` and asks SAP whether that document exists.

Communication problems (SAP down, timeouts) are retried with exponential backoff, forever
by default — an approval made while SAP is down completes later, once.

Lock (enqueue) errors in a BAPI's RETURN (:data:`LOCK_MESSAGES`, e.g. V1 042 "Sales document
... is currently being processed by ...") are not refusals: another session holds the object,
the BAPI did nothing, and the same call can succeed later. They are retried with the same
backoff; in a transactional unit, the retry gets a new TID (the refused unit is done in SAP,
and resending its TID would only replay the lock error).

Configuration errors halt the worker instead (:data:`HALTING_ERRORS`): a refused logon
(retrying a wrong password would lock the SAP user after login/fails_to_user_lock failed
logons) and a SOAP-RFC service that keeps no session (every commit would commit nothing).
The entry stays pending, nothing else is sent to SAP, and the halt is stored (``sap_halt``)
so that every process shows it (``GET /health``, the console) and a restart does not try
again; it ends when an operator resumes (:func:`resume`) or the SAP logon settings change.

Exactly once when an answer is lost: a handler creates its SAP document with
:func:`create_in_unit`, inside a transactional RFC unit whose id (TID) was stored with the
entry before the first attempt (``outbox.unit_id``). A retry after any unknown outcome (a
timeout, a reset connection, an HTTP 5xx) sends the same unit again, and SAP executes a TID
at most once, so a commit that was slower than the adapter's timeout is not repeated. The
worker confirms the unit once the outcome is recorded in the CRM. Where SAP offers no units
(``sap_units = "off"``, or ``"auto"`` against a server without them), an unknown outcome
puts the entry *in doubt*: it is re-checked by reference, and created again only after
``in_doubt_seconds`` have passed (docs/adapter.md, "Exactly once").
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from crm_adapter.store.engine import Database, inserted_id
from crm_adapter.store.schema import outbox, sap_halt
from sap_client import bapi
from sap_client.bapi import BapiError
from sap_client.errors import (
    RFC_COMMUNICATION_FAILURE,
    ABAPApplicationError,
    CommunicationError,
    LogonError,
    RFCError,
    SessionNotKept,
)
from sap_client.rfc import TID_LENGTH, UnitsNotSupported

log = logging.getLogger(__name__)

PENDING, IN_PROGRESS, DONE, FAILED = "pending", "in_progress", "done", "failed"
#: an entry a crashed worker left in progress is taken up again after this long
STALE_SECONDS = 60.0
#: how SAP documents are created: in transactional units (``on``), the plain way
#: (``off``), or in units where the server has them (``auto``)
SAP_UNITS = ("auto", "on", "off")
#: without units, how long an unknown outcome is re-checked by reference before the document
#: is created again: longer than an SAP dialog work process may run (rdisp/max_wprun_time,
#: commonly 600 s), so a commit still running in SAP has ended by then
IN_DOUBT_SECONDS = 900.0


def new_unit_id() -> str:
    """A TID as pyrfc's ``initialize_unit(background=False)`` gives it: 24 hex characters."""
    return uuid.uuid4().hex.upper()[:TID_LENGTH]


class UnitInProgress(CommunicationError):
    """SAP is still executing the entry's unit (an earlier attempt's): ask again later."""


class InDoubt(CommunicationError):
    """An earlier attempt's outcome is unknown and the in-doubt window has not passed."""


class NoDocumentNumber(RFCError):
    """SAP answered without error but without the number of the document it reports as
    created: nothing can be linked. Retried (an :class:`RFCError`): the next attempt finds
    the document by reference if SAP did create it."""


def document_number(value: Any, function: str, parameter: str) -> str:
    """The document number ``function`` returned in ``parameter``; a blank one raises
    :class:`NoDocumentNumber` instead of linking an empty number."""
    number = "" if value is None else str(value).strip()
    if not number or number == "$":  # "$": BAPI_ACC_DOCUMENT_POST's key of no document
        raise NoDocumentNumber(f"{function} reported no error but returned no document "
                               f"number in {parameter}; nothing is linked, the job is retried")
    return number


#: lock (enqueue) messages in a BAPI's RETURN, as (message class, number): the object is held
#: by another session, the BAPI did nothing. The two the SAP reference names: V1 042 (sales
#: document being processed) and M3 897 (plant data of a material locked, goods movements).
#: Practitioner knowledge, not confirmed in a public source: hence WorkerSettings.lock_messages
LOCK_MESSAGES: frozenset[tuple[str, str]] = frozenset({("V1", "042"), ("M3", "897")})


def is_lock_error(error: BapiError, lock_messages: frozenset[tuple[str, str]] = LOCK_MESSAGES
                  ) -> bool:
    """True when one of the error messages is a lock message: whatever else the BAPI said,
    it did nothing because the object was held, so the call may succeed later."""
    return any((message.id, message.number.zfill(3)) in lock_messages
               for message in error.errors)


#: errors of the SAP side's configuration: retrying cannot help and may harm, so the worker
#: stops calling SAP until resumed (see the module's description)
HALTING_ERRORS: tuple[type[RFCError], ...] = (LogonError, SessionNotKept)


@dataclass(frozen=True)
class UnitSettings:
    #: ``auto``, ``on`` or ``off`` (see :data:`SAP_UNITS`)
    mode: str = "auto"
    in_doubt_seconds: float = IN_DOUBT_SECONDS


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    payload: dict[str, Any]
    crm_reference: str
    attempts: int
    #: what an earlier attempt recorded with :meth:`checkpoint` (empty: nothing)
    progress: dict[str, Any] = field(default_factory=dict)
    _record: Callable[[dict[str, Any]], None] | None = field(default=None, repr=False,
                                                             compare=False)
    #: the TID of the unit the entry's SAP document is created in (stored before attempt 1)
    unit_id: str | None = None
    units: UnitSettings = field(default_factory=UnitSettings)
    #: the unit this attempt submitted, to confirm or destroy once the outcome is recorded
    submitted: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def checkpoint(self, progress: dict[str, Any]) -> None:
        """Record durably (committed at once) how far this attempt got, e.g. the number of a
        document SAP drew but has not committed yet; later attempts see it in ``progress``."""
        if self._record is not None:
            self._record(progress)
        self.progress.clear()
        self.progress.update(progress)

    def check_in_doubt(self) -> None:
        """Refuse to create again while an earlier unknown outcome is in doubt (call it after
        the reference check found nothing)."""
        since = self.progress.get("in_doubt_since")
        if since is None:
            return
        left = float(since) + self.units.in_doubt_seconds - time.time()
        if left > 0:
            raise InDoubt(f"an earlier attempt's outcome is unknown; re-checking by reference "
                          f"for {left:.0f} s more before creating again",
                          RFC_COMMUNICATION_FAILURE, "IN_DOUBT")

    def mark_in_doubt(self) -> None:
        self.checkpoint({**self.progress, "in_doubt_since": time.time()})


def create_in_unit(sap: Any, entry: Entry, function: str,
                   params: dict[str, Any]) -> dict[str, Any] | None:
    """Create a document with a write BAPI, exactly once; returns the BAPI's result.

    Inside the entry's transactional unit where SAP has units (:func:`submit_in_unit`);
    None means SAP executed the unit without telling its result (pyrfc's tRFC has none), so
    the caller finds the document by its reference. Without units: call and commit, and an
    unknown outcome puts the entry in doubt. E/A messages in RETURN raise
    :class:`~sap_client.bapi.BapiError` either way.
    """
    in_unit, result = submit_in_unit(sap, entry, function, params)
    if in_unit:
        return result
    entry.check_in_doubt()
    try:
        result = sap.call(function, **params)
    except CommunicationError:
        # the answer is lost: SAP may have done anything up to a commit of its own
        _rollback_quietly(sap)
        entry.mark_in_doubt()
        raise
    except Exception:  # a dump or an ABAP exception of the BAPI: nothing was committed
        _rollback_quietly(sap)
        raise
    found = bapi.messages(result)
    if any(message.is_error for message in found):
        _rollback_quietly(sap)
        raise BapiError(function, found)
    commit_in_doubt(sap, entry, function)
    return result


def commit_in_doubt(sap: Any, entry: Entry, function: str = "the write BAPI") -> dict[str, Any]:
    """BAPI_TRANSACTION_COMMIT (WAIT) after a write BAPI (``function``); returns its result.

    First the session: where SAP answered the BAPI without one (a SOAP-RFC service that keeps
    no session) its work is already discarded and a commit would commit nothing yet answer
    success, so no commit is sent: :class:`~sap_client.errors.SessionNotKept`, a
    configuration error that halts the worker (the entry is kept, nothing is linked).

    Every failure of the commit call puts the entry in doubt: not only a lost answer but a
    SOAP fault too (SYSTEM_FAILURE, e.g. a dump while COMMIT WORK AND WAIT waits), since
    the update task may still write the document after the call failed; so does a commit
    answered from a new SAP session (:class:`~sap_client.errors.SessionLost`: the BAPI's
    session had ended). It is raised as :class:`InDoubt` (a communication problem: retried,
    never final), so the next attempt looks for the document by reference and creates it
    again only once the in-doubt window has passed. An error in the commit's own RETURN is
    SAP's answer that the update failed: a :class:`BapiError`, not in doubt."""
    session = bapi.session_before_commit(sap, function)
    try:
        commit = sap.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
        bapi.check_commit_session(sap, session, function)
    except CommunicationError:
        entry.mark_in_doubt()
        raise
    except Exception as error:
        entry.mark_in_doubt()
        raise InDoubt(f"BAPI_TRANSACTION_COMMIT failed ({type(error).__name__}: {error}); "
                      f"the update may still run, so the outcome is in doubt",
                      RFC_COMMUNICATION_FAILURE, "COMMIT_IN_DOUBT") from error
    bapi.check(commit, "BAPI_TRANSACTION_COMMIT")
    return dict(commit)


def _rollback_quietly(sap: Any) -> None:
    # only tidies the SAP session; its failure must not hide the original error
    with contextlib.suppress(Exception):
        sap.call("BAPI_TRANSACTION_ROLLBACK")


def submit_in_unit(sap: Any, entry: Entry, function: str, params: dict[str, Any]
                   ) -> tuple[bool, dict[str, Any] | None]:
    """``(True, result)`` once the entry's unit was executed (result None when SAP's answer
    carries none), ``(False, None)`` when units are off or SAP has none (``auto``).

    An unknown outcome raises :class:`~sap_client.errors.CommunicationError` (the worker
    retries and resends the same unit), so does a unit SAP is still executing
    (:class:`UnitInProgress`).
    """
    if entry.units.mode == "off" or not entry.unit_id \
            or not hasattr(sap, "fill_and_submit_unit"):
        return False, None
    unit = {"background": False, "id": entry.unit_id, "queued": False}
    try:
        done = sap.fill_and_submit_unit(unit, [(function, params)])
    except UnitsNotSupported:
        if entry.units.mode == "on":
            raise
        log.info("SAP has no transactional units; creating without (in-doubt window %.0f s)",
                 entry.units.in_doubt_seconds)
        return False, None
    entry.submitted.update(unit)
    if done.get("state") == "executing":
        raise UnitInProgress(f"SAP is still executing unit {entry.unit_id}",
                             RFC_COMMUNICATION_FAILURE, "RFC_UNIT_IN_PROCESS")
    if done.get("update_error"):
        raise BapiError("BAPI_TRANSACTION_COMMIT", [bapi.BapiMessage(
            "A", "", "", f"Update was terminated: {done['update_error']}")])
    results = done.get("results")
    if not results:
        return True, None
    result: dict[str, Any] = results[0]
    bapi.check(result, function)
    return True, result


Handler = Callable[[Any, Entry], dict[str, Any]]
Completion = Callable[[Connection, Entry, dict[str, Any]], None]
Failure = Callable[[Connection, Entry, str], None]


@dataclass(frozen=True)
class OutboxJob:
    """What the worker does for one kind of entry (declared by the flow that enqueues it)."""

    kind: str
    perform: Handler
    on_done: Completion | None = None
    on_failed: Failure | None = None


@dataclass(frozen=True)
class OutboxTables:
    """The worker's tables, by kind: what to perform, what to do once done or refused."""

    handlers: Mapping[str, Handler]
    completions: Mapping[str, Completion] = field(default_factory=dict)
    failures: Mapping[str, Failure] = field(default_factory=dict)

    @classmethod
    def of(cls, jobs: Iterable[OutboxJob]) -> OutboxTables:
        """The tables of ``jobs``; a kind declared twice is a wiring mistake."""
        handlers: dict[str, Handler] = {}
        completions: dict[str, Completion] = {}
        failures: dict[str, Failure] = {}
        for job in jobs:
            if job.kind in handlers:
                raise ValueError(f"outbox kind {job.kind} is declared twice")
            handlers[job.kind] = job.perform
            if job.on_done is not None:
                completions[job.kind] = job.on_done
            if job.on_failed is not None:
                failures[job.kind] = job.on_failed
        return cls(MappingProxyType(handlers), MappingProxyType(completions),
                   MappingProxyType(failures))


def enqueue(conn: Connection, kind: str, payload: dict[str, Any], crm_reference: str) -> int:
    """Record an intended SAP call in the caller's transaction; returns the entry id."""
    now = datetime.now(UTC)
    result = conn.execute(insert(outbox).values(
        kind=kind, payload=payload, status=PENDING, attempts=0, next_attempt_at=0.0,
        last_error=None, crm_reference=crm_reference, result=None, unit_id=new_unit_id(),
        created_at=now, updated_at=now))
    return inserted_id(result)


@dataclass
class WorkerSettings:
    retry_base_seconds: float = 1.0
    retry_max_seconds: float = 300.0
    poll_seconds: float = 0.5
    #: an entry left in progress this long is taken to belong to a crashed worker
    stale_seconds: float = STALE_SECONDS
    #: transactional units and the in-doubt window (settings sap_units, sap_in_doubt_seconds)
    units: UnitSettings = field(default_factory=UnitSettings)
    #: RETURN messages that mean "locked by another session": retried, not final
    lock_messages: frozenset[tuple[str, str]] = LOCK_MESSAGES


class OutboxWorker:
    """Performs due outbox entries, one at a time, in id order."""

    def __init__(self, db: Database, connect: Callable[[], Any],
                 settings: WorkerSettings | None = None, *, tables: OutboxTables,
                 logon: str = "") -> None:
        self.db = db
        self.connect = connect
        self.tables = tables
        self.settings = settings or WorkerSettings()
        #: a digest of the SAP logon settings (:func:`crm_adapter.sap_connection.logon_digest`):
        #: a halt met with other settings no longer holds
        self.logon = logon
        self._sap: Any = None
        #: a halt stood at the last look (or was just made): run_once stops its pass
        self._halted_now = False

    def run_once(self, limit: int = 100) -> int:
        """Perform up to ``limit`` due entries; returns how many reached a final state.
        Nothing while SAP calls are halted (:func:`halt_state`)."""
        if self._halted():
            return 0
        finished = 0
        for _ in range(limit):
            entry = self._claim()
            if entry is None:
                break
            if self._perform(entry):
                finished += 1
            elif self._halted_now:
                break
        return finished

    def _halted(self) -> bool:
        """True while a halt stands; one met with other logon settings is lifted here."""
        with self.db.read() as conn:
            halt = halt_state(conn)
        self._halted_now = halt is not None
        if halt is None or halt["logon"] == self.logon:
            return self._halted_now
        with self.db.write() as conn:
            resume(conn)
        log.warning("SAP calls resume: the SAP logon settings changed since they were halted "
                    "(%s)", halt["error"])
        self._halted_now = False
        return False

    def run_until_idle(self, max_passes: int = 20) -> bool:
        """Pass after pass until one finishes nothing (performed entries may enqueue
        follow-ups); False if it was still busy after ``max_passes``. An entry SAP does not
        answer stays due for its retry."""
        return any(self.run_once() == 0 for _ in range(max_passes))

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                if self.run_once() == 0:
                    stop.wait(self.settings.poll_seconds)
            except Exception:  # keep the worker alive; the entry stays due
                log.exception("outbox pass failed")
                stop.wait(self.settings.poll_seconds)

    def _claim(self) -> Entry | None:
        now = time.time()
        with self.db.write() as conn:
            row = conn.execute(
                select(outbox).where(
                    ((outbox.c.status == PENDING) & (outbox.c.next_attempt_at <= now))
                    | ((outbox.c.status == IN_PROGRESS)
                       & (outbox.c.next_attempt_at <= now - self.settings.stale_seconds)))
                .order_by(outbox.c.id).limit(1).with_for_update(skip_locked=True)
            ).mappings().first()
            if row is None:
                return None
            # an entry enqueued before units existed gets its TID now, before its attempt
            unit_id = row["unit_id"] or new_unit_id()
            conn.execute(update(outbox).where(outbox.c.id == row["id"]).values(
                status=IN_PROGRESS, attempts=row["attempts"] + 1, next_attempt_at=now,
                unit_id=unit_id, updated_at=datetime.now(UTC)))
        return Entry(row["id"], row["kind"], dict(row["payload"]), row["crm_reference"],
                     row["attempts"] + 1, dict(row["progress"] or {}),
                     self._recorder(row["id"]), unit_id, self.settings.units)

    def _recorder(self, entry_id: int) -> Callable[[dict[str, Any]], None]:
        def record(progress: dict[str, Any]) -> None:
            with self.db.write() as conn:
                conn.execute(update(outbox).where(outbox.c.id == entry_id).values(
                    progress=progress, updated_at=datetime.now(UTC)))
        return record

    def _perform(self, entry: Entry) -> bool:
        perform = self.tables.handlers.get(entry.kind)
        if perform is None:
            # the worker was composed without this kind's flow: not SAP's answer, so not
            # final; the entry waits (visibly) for a worker that knows the kind
            log.error("outbox entry %s has kind %s, for which this worker has no handler",
                      entry.id, entry.kind)
            self._retry(entry, f"no handler for outbox kind {entry.kind}")
            return False
        try:
            result = perform(self._connection(), entry)
        except HALTING_ERRORS as error:
            self._destroy_unit(entry)
            self._drop_connection()
            self._halt(entry, error)
            return False
        except BapiError as error:
            if is_lock_error(error, self.settings.lock_messages):
                # held by another session: nothing was done, the same call may succeed later
                self._confirm_unit(entry)
                self._retry(entry, f"locked in SAP: {error}", new_unit=bool(entry.submitted))
                return False
            # SAP said no for a reason a retry cannot change
            self._fail(entry, str(error))
            self._confirm_unit(entry)
            return True
        except ABAPApplicationError as error:
            self._fail(entry, str(error))
            self._confirm_unit(entry)
            return True
        except (RFCError, OSError) as error:  # SAP unreachable, logon, short dump: retry
            self._destroy_unit(entry)
            self._drop_connection()
            self._retry(entry, f"{type(error).__name__}: {error}")
            return False
        except BaseException:
            self._destroy_unit(entry)
            raise
        with self.db.write() as conn:
            conn.execute(update(outbox).where(outbox.c.id == entry.id).values(
                status=DONE, result=result, last_error=None, updated_at=datetime.now(UTC)))
            completion = self.tables.completions.get(entry.kind)
            if completion is not None:
                completion(conn, entry, result)
        self._confirm_unit(entry)
        return True

    def _confirm_unit(self, entry: Entry) -> None:
        """The outcome is recorded in the CRM: SAP may forget the unit. A confirmation that
        gets lost only leaves the TID in SAP's table; the entry never resends it."""
        if entry.submitted and self._sap is not None:
            try:
                self._sap.confirm_unit(dict(entry.submitted))
            except Exception as error:  # noqa: BLE001 - see above
                log.info("confirming unit %s failed: %s", entry.submitted.get("id"), error)

    def _destroy_unit(self, entry: Entry) -> None:
        # the unit stays unconfirmed in SAP and is resent by the next attempt
        if entry.submitted and self._sap is not None:
            with contextlib.suppress(Exception):
                self._sap.destroy_unit(dict(entry.submitted))

    def _retry(self, entry: Entry, error: str, *, new_unit: bool = False) -> None:
        """Due again after the backoff; ``new_unit``: with a new TID (the old unit is done in
        SAP with an answer that did nothing, e.g. a lock error)."""
        delay = min(self.settings.retry_base_seconds * 2 ** (entry.attempts - 1),
                    self.settings.retry_max_seconds)
        log.warning("outbox entry %s (%s) will be retried in %.1f s: %s", entry.id,
                    entry.kind, delay, error)
        values: dict[str, Any] = {"unit_id": new_unit_id()} if new_unit else {}
        with self.db.write() as conn:
            conn.execute(update(outbox).where(outbox.c.id == entry.id).values(
                status=PENDING, next_attempt_at=time.time() + delay, last_error=error[:2000],
                updated_at=datetime.now(UTC), **values))

    def _halt(self, entry: Entry, error: RFCError) -> None:
        """Stop calling SAP: the entry waits, due at once after a resume."""
        key = str(getattr(error, "key", "") or type(error).__name__)
        reason = f"{type(error).__name__}: {error}"
        log.error("SAP calls halted by outbox entry %s (%s); nothing is sent to SAP until "
                  "an operator resumes or the SAP logon settings change: %s", entry.id,
                  entry.kind, reason)
        with self.db.write() as conn:
            conn.execute(update(outbox).where(outbox.c.id == entry.id).values(
                status=PENDING, next_attempt_at=time.time(), last_error=reason[:2000],
                updated_at=datetime.now(UTC)))
            conn.execute(delete(sap_halt))
            conn.execute(insert(sap_halt).values(
                id=1, error=key[:40], reason=reason, logon=self.logon,
                halted_at=datetime.now(UTC)))
        self._halted_now = True

    def _fail(self, entry: Entry, error: str) -> None:
        with self.db.write() as conn:
            conn.execute(update(outbox).where(outbox.c.id == entry.id).values(
                status=FAILED, last_error=error[:2000], updated_at=datetime.now(UTC)))
            failure = self.tables.failures.get(entry.kind)
            if failure is not None:
                failure(conn, entry, error)

    def close(self) -> None:
        """Close the SAP connection (the worker opens a new one when it needs it)."""
        self._drop_connection()

    def _connection(self) -> Any:
        if self._sap is None:
            self._sap = self.connect()
        return self._sap

    def _drop_connection(self) -> None:
        if self._sap is not None:
            try:
                self._sap.close()
            except Exception:  # a broken connection may fail to close; it is dropped anyway
                pass
            self._sap = None


def entries(db: Database, status: str | None = None) -> list[dict[str, Any]]:
    with db.read() as conn:
        query = select(outbox).order_by(outbox.c.id)
        if status:
            query = query.where(outbox.c.status == status)
        return [dict(r) for r in conn.execute(query).mappings()]


# --- reading and nudging entries (the CRM console) ----------------------------------------------

def halt_state(conn: Connection) -> dict[str, Any] | None:
    """The standing halt of SAP calls (``error``, ``reason``, ``logon``, ``halted_at``), or
    None while the worker calls SAP."""
    row = conn.execute(select(sap_halt).where(sap_halt.c.id == 1)).mappings().first()
    return None if row is None else dict(row)


def resume(conn: Connection) -> bool:
    """Lift a halt of SAP calls (an operator fixed the cause); False when none stood. The
    waiting entries are due at once."""
    lifted = bool(conn.execute(delete(sap_halt)).rowcount)
    if lifted:
        conn.execute(update(outbox).where(outbox.c.status == PENDING).values(
            next_attempt_at=0.0))
    return lifted


def listing(conn: Connection, status: str | None = None,
            limit: int = 200) -> list[dict[str, Any]]:
    """Entries without their payload, newest first; each says whether it is ``in_doubt``.

    An entry is in doubt when it is not done and an attempt recorded progress (e.g. the
    number of a document SAP drew): nobody knows yet whether SAP committed that document.
    The next attempt asks SAP before it creates anything (see :meth:`Entry.checkpoint`).
    """
    query = (select(outbox.c.id, outbox.c.kind, outbox.c.status, outbox.c.attempts,
                    outbox.c.next_attempt_at, outbox.c.last_error, outbox.c.crm_reference,
                    outbox.c.result, outbox.c.progress, outbox.c.created_at,
                    outbox.c.updated_at)
             .order_by(outbox.c.id.desc()).limit(limit))
    if status:
        query = query.where(outbox.c.status == status)
    return [{**row, "in_doubt": row["status"] in (PENDING, IN_PROGRESS)
             and bool(row["progress"])} for row in map(dict, conn.execute(query).mappings())]


def retry_now(conn: Connection, entry_id: int) -> bool:
    """Make a pending entry due at once instead of after its backoff; False when there is
    no such pending entry. A failed entry stays failed: SAP refused it for a business
    reason, and its flow decides what happens next (e.g. a settlement is posted again)."""
    result = conn.execute(update(outbox).where(outbox.c.id == entry_id,
                                               outbox.c.status == PENDING).values(
        next_attempt_at=0.0, updated_at=datetime.now(UTC)))
    return bool(result.rowcount)
