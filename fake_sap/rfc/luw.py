"""SAP sessions and the SAP LUW: write BAPIs change nothing until BAPI_TRANSACTION_COMMIT.

A write BAPI checks its input and takes its numbers at call time (number ranges are
committed at once, so a document that is never committed leaves a gap, as in SAP), and
registers an *update task*: the name of an update function plus its data, stored per session
in ``rfc_update_tasks``. Stored, not held in memory, because the next call of the same
session may be served by another gunicorn worker.

- ``commit`` runs the session's update tasks in order, in one database transaction, then
  turns the change pointers they wrote into outbound IDocs (same transaction; skipped when
  every task's function is declared :class:`WithoutChangePointers`);
- ``rollback`` discards them; so does a session that ends by idling past its timeout;
- another session never sees them: everything is keyed by the session id.

An update function gets the connection, the client and the payload and writes, nothing else.
Each function-module area exposes its update functions as data (``UPDATE_FUNCTIONS``, name →
function); :func:`fake_sap.compose.update_functions` joins them into the table that
:func:`register_update` and :func:`commit` are given. Nothing registers itself at import.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Container, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Connection,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    select,
    update,
)

from fake_sap.ale.outbound import distribute_change_pointers
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import CodesSource
from fake_sap.db import numbers, state_version
from fake_sap.db.engine import Database
from fake_sap.db.rfc_schema import (
    DEFAULT_SESSION_TIMEOUT_SECONDS,
    rfc_client_settings,
    rfc_sessions,
    rfc_update_tasks,
)
from fake_sap.db.upsert import upsert
from fake_sap.errors import ApplicationError, SapMessage, StorageReadOnly
from fake_sap.rfc.errors import SystemFailure

_T = TypeVar("_T")

UpdateFunction = Callable[[Connection, str, dict[str, Any]], None]
#: update function name (``CALL FUNCTION name IN UPDATE TASK``) → what it writes
UpdateFunctions = Mapping[str, UpdateFunction]


@dataclass(frozen=True)
class WithoutChangePointers:
    """An update function its area declares to write no change pointers (BDCP2).

    Every writer of change pointers turns them into IDocs in its own transaction, so a
    commit whose tasks wrote none has none to distribute: it skips asking BD21's two
    statements (every order's commit would run them for nothing). Update functions not
    declared so are followed by the distribution, as before."""

    write: UpdateFunction

    def __call__(self, conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
        self.write(conn, mandt, payload)


def _may_write_change_pointers(function: UpdateFunction) -> bool:
    return not isinstance(function, WithoutChangePointers)

#: a session's last use is written at most this often (reads stay reads)
_TOUCH_INTERVAL_SECONDS = 1.0
#: a process ends a client's idle sessions at most this often (see :class:`SessionCache`)
_SWEEP_INTERVAL_SECONDS = 1.0


# -- per-client switches ---------------------------------------------------------------------

@dataclass(frozen=True)
class RfcSettings:
    #: legacy mode: every call ends with an implicit commit of its update tasks
    commit_every_call: bool = False
    session_timeout_seconds: int = DEFAULT_SESSION_TIMEOUT_SECONDS
    #: a SOAP-RFC service without sessions: each call is a session of its own (the edge)
    stateless: bool = False


def client_settings(conn: Connection, mandt: str) -> RfcSettings:
    row = conn.execute(select(rfc_client_settings).where(
        rfc_client_settings.c.mandt == mandt)).mappings().first()
    if row is None:
        return RfcSettings()
    return RfcSettings(bool(row["commit_every_call"]), int(row["session_timeout_seconds"]),
                       bool(row["stateless"]))


def change_client_settings(conn: Connection, mandt: str, **changes: Any) -> RfcSettings:
    current = client_settings(conn, mandt)
    values = {"commit_every_call": current.commit_every_call,
              "session_timeout_seconds": current.session_timeout_seconds,
              "stateless": current.stateless, **changes}
    upsert(conn, rfc_client_settings, [{"mandt": mandt, **values}])
    # every process keeps the switches behind the state version (see SessionCache)
    state_version.bump(conn)
    return client_settings(conn, mandt)


# -- sessions --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Session:
    id: str
    mandt: str
    user: str
    #: True when this call started the session (the edge then issues the cookie)
    is_new: bool
    settings: RfcSettings = field(default_factory=RfcSettings)
    #: a new session's row, written with the first write transaction of the session (or by
    #: :func:`store_new_session`); None for a session that was stored before this call
    new_row: NewSessionRow | None = field(default=None, compare=False, repr=False)

    @property
    def stored(self) -> bool:
        """Whether the session's row is in the database (committed)."""
        return self.new_row is None or self.new_row.stored


@dataclass
class NewSessionRow:
    """The row of a new session until it is written, and what is done with it then.

    A new session is written in the transaction of the session's first write (its first
    update task, its commit, or the call's log row at the end of the call): a logon by
    RFC_PING, or any call that writes nothing else, then costs one transaction instead of
    two. Nothing reads the row before then: the call holds the :class:`Session` itself."""

    values: dict[str, Any]
    #: the idle sessions of the client to end with it (last used before this; None: not now)
    idle_before: float | None
    settings: RfcSettings
    known: SessionCache | None = None
    version: int | None = None
    #: the transaction that wrote the row has committed
    stored: bool = False

    def write(self, conn: Connection) -> None:
        if self.idle_before is not None:
            _end_idle_sessions(conn, self.values["mandt"], self.idle_before)
        conn.execute(_NEW_SESSION, self.values)

    def committed(self) -> None:
        self.stored = True
        if self.known is not None:
            self.known.remember(self.version, self.values["mandt"], self.settings,
                                self.values["session_id"], self.values["uname"],
                                self.values["last_used"])


# The client's switches and the caller's session in one statement (every call of every
# session reads both): one row always, with NULLs for what does not exist. Built once.
_one_row = select(literal_column("1").label("one")).subquery("one_row")
_SESSION_AND_SETTINGS = select(
    rfc_client_settings.c.commit_every_call, rfc_client_settings.c.session_timeout_seconds,
    rfc_client_settings.c.stateless, rfc_sessions.c.session_id, rfc_sessions.c.mandt,
    rfc_sessions.c.uname, rfc_sessions.c.last_used,
).select_from(
    _one_row.outerjoin(rfc_client_settings,
                       rfc_client_settings.c.mandt == bindparam("mandt"))
    .outerjoin(rfc_sessions, rfc_sessions.c.session_id == bindparam("session_id")))


def _session_and_settings(conn: Connection, mandt: str, session_id: str | None
                          ) -> tuple[RfcSettings, dict[str, Any] | None]:
    row = conn.execute(_SESSION_AND_SETTINGS, {
        "mandt": mandt, "session_id": (session_id or "")[:64]}).mappings().one()
    settings = RfcSettings() if row["commit_every_call"] is None else RfcSettings(
        bool(row["commit_every_call"]), int(row["session_timeout_seconds"]),
        bool(row["stateless"]))
    session = None if row["session_id"] is None else {
        "session_id": row["session_id"], "mandt": row["mandt"], "uname": row["uname"],
        "last_used": row["last_used"]}
    return settings, session


def open_session(db: Database, mandt: str, user: str, session_id: str | None,
                 now: float | None = None, *, known: SessionCache | None = None,
                 version: int | None = None, store_later: bool = False) -> Session:
    """The caller's session if it is still alive, otherwise a new one.

    A session that idled past the client's timeout has ended: its pending update tasks are
    discarded and the caller gets a fresh session, as after an ICF session timeout.

    ``known``: the sessions this process has seen, valid at state ``version`` (the one the
    request's logon checked); a session it knows to be alive is opened without a read, and
    the client's idle sessions are ended at most once a second (see :class:`SessionCache`).

    ``store_later``: a new session is not written now but with the session's first write
    transaction (see :class:`NewSessionRow`); the caller writes it by the end of the call
    (:func:`store_new_session`) if nothing else has.
    """
    now = time.time() if now is None else now
    if known is not None and session_id:
        alive = known.alive(version, mandt, user, session_id, now)
        if alive is not None:
            settings, last_used = alive
            if now - last_used >= _TOUCH_INTERVAL_SECONDS:
                with db.write() as conn:
                    _touch(conn, session_id, now)
                known.remember(version, mandt, settings, session_id, user, now)
            return Session(session_id, mandt, user, False, settings)
    # a caller without a session (a new connection's logon) needs only the client's
    # switches, which the process may know already: then nothing is read
    known_settings = known.settings(version, mandt) \
        if known is not None and not session_id else None
    if known_settings is None:
        with db.read() as conn:
            settings, row = _session_and_settings(conn, mandt, session_id)
    else:
        settings, row = known_settings, None
    timeout = settings.session_timeout_seconds
    if row is not None and row["mandt"] == mandt and row["uname"] == user \
            and row["last_used"] >= now - timeout:
        last_used = row["last_used"]
        if now - last_used >= _TOUCH_INTERVAL_SECONDS:
            with db.write() as conn:
                _touch(conn, row["session_id"], now)
            last_used = now
        if known is not None:
            known.remember(version, mandt, settings, row["session_id"], user, last_used)
        return Session(row["session_id"], mandt, user, False, settings)
    # The caller's own session idled out: it ends now with its work, whenever the client's
    # idle sessions were last ended. Others wait for the next sweep (at most a second): an
    # idle session is ended for its caller whether or not its row is still there.
    ended_here = row is not None and row["mandt"] == mandt \
        and row["last_used"] < now - timeout
    sweep = known is None or ended_here or known.sweep_due(mandt, now)
    new_id = secrets.token_hex(16)
    new_row = NewSessionRow({"session_id": new_id, "mandt": mandt, "uname": user,
                             "created_at": now, "last_used": now},
                            now - timeout if sweep else None, settings, known, version)
    session = Session(new_id, mandt, user, True, settings, new_row)
    if not store_later:
        store_new_session(db, session)
    return session


def store_new_session(db: Database, session: Session,
                      finish: Callable[[Connection], None] | None = None) -> bool:
    """Write the session's row if it is not stored yet, with ``finish`` last in the same
    transaction (the edge writes the call's log row there); returns whether it is stored.

    An ICF session lives in the application server's memory, not in the database: a
    database that takes no writes must not stop a call that only reads (RFC_PING,
    RFC_READ_TABLE). Then the session is not kept (False), so nothing can be registered in
    it; a call that writes meets the read-only database itself and answers 503. Other
    storage errors are raised."""
    if session.stored:
        return True
    try:
        with _writing(db, session) as conn:
            if finish is not None:
                finish(conn)
    except StorageReadOnly:
        return False
    return True


@contextmanager
def _writing(db: Database, session: Session) -> Iterator[Connection]:
    """A write transaction of the session's work that writes a new session's row first."""
    new_row = None if session.stored else session.new_row
    with db.write() as conn:
        if new_row is not None:
            new_row.write(conn)
        yield conn
    if new_row is not None:
        new_row.committed()


@dataclass(frozen=True)
class _KnownSession:
    mandt: str
    user: str
    #: the session's last use as this process last read or wrote it; the stored one is
    #: never older (only later uses are written)
    last_used: float


class SessionCache:
    """The SAP sessions a process has seen alive and the clients' switches, both as of one
    ``state_version``.

    Every call of a session needs to know that its session is still alive and what the
    client's switches say; reading them costs a statement and a transaction per call. A
    session ends only by idling past the client's timeout (new sessions delete the idle
    ones, see :meth:`sweep_due`) or with its client (a reset or delete, which changes the state
    version), and the switches change only through the control API (which changes the
    state version too). So a session this process saw used at ``last_used`` is certainly
    alive while ``last_used`` is within the timeout and the version is unchanged; in any
    other case the session is read again, as before. A changed version drops everything.
    """

    #: sessions kept at most (a caller that never sends its cookie back makes a new
    #: session with every call); the oldest are dropped first
    MAX_SESSIONS = 10_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._settings: dict[str, RfcSettings] = {}
        self._sessions: dict[str, _KnownSession] = {}
        self._derived: dict[tuple[str, str], Any] = {}
        #: client → when this process last ended its idle sessions
        self._swept: dict[str, float] = {}

    def sweep_due(self, mandt: str, now: float) -> bool:
        """Whether a new session of the client should end the client's idle sessions now
        (then it is taken as done at ``now``): at most once a second per process and client.
        Every logon used to run the two DELETEs; a skipped sweep changes nothing a caller
        sees, as a session idle past its timeout is ended for its caller when it is used
        (:func:`open_session`), and its rows go with the next sweep."""
        with self._lock:
            last = self._swept.get(mandt)
            if last is not None and 0 <= now - last < _SWEEP_INTERVAL_SECONDS:
                return False
            self._swept[mandt] = now
            return True

    def derived(self, version: int | None, mandt: str, name: str,
                load: Callable[[], _T]) -> _T:
        """What ``load`` reads of the client's state that changes only with the state
        version (e.g. the customizing keys an order is checked against, which only a client
        create, reset or delete changes, and each of those changes the version): loaded
        once per process, client and version (None: loaded every time). The value is
        shared by the threads: callers only read it."""
        if version is None:
            return load()
        with self._lock:
            if version == self._version and (mandt, name) in self._derived:
                return cast(_T, self._derived[mandt, name])
        value = load()
        with self._lock:
            if version != self._version:
                self._reset(version)
            self._derived[mandt, name] = value
        return value

    def _reset(self, version: int) -> None:
        """A new state version: everything kept of the old one is dropped (lock held)."""
        self._version = version
        self._settings = {}
        self._sessions = {}
        self._derived = {}

    def settings(self, version: int | None, mandt: str) -> RfcSettings | None:
        """The client's switches as read at ``version``; None when they must be read."""
        if version is None:
            return None
        with self._lock:
            return self._settings.get(mandt) if version == self._version else None

    def alive(self, version: int | None, mandt: str, user: str, session_id: str,
              now: float) -> tuple[RfcSettings, float] | None:
        """The client's switches and the session's last use, when the session is known to
        be alive at ``now``; None when it must be read."""
        if version is None:
            return None
        with self._lock:
            if version != self._version:
                return None
            settings = self._settings.get(mandt)
            known = self._sessions.get(session_id)
        if settings is None or known is None or known.mandt != mandt or known.user != user:
            return None
        if known.last_used < now - settings.session_timeout_seconds:
            return None
        return settings, known.last_used

    def remember(self, version: int | None, mandt: str, settings: RfcSettings,
                 session_id: str, user: str, last_used: float) -> None:
        """Keep what a call read or wrote at ``version`` (None: keep nothing)."""
        if version is None:
            return
        with self._lock:
            if version != self._version:
                self._reset(version)
            self._settings[mandt] = settings
            self._sessions.pop(session_id, None)  # to the end: the newest are kept longest
            self._sessions[session_id] = _KnownSession(mandt, user, last_used)
            while len(self._sessions) > self.MAX_SESSIONS:
                del self._sessions[next(iter(self._sessions))]


def _touch(conn: Connection, session_id: str, now: float) -> bool:
    result = conn.execute(update(rfc_sessions).where(rfc_sessions.c.session_id == session_id)
                          .values(last_used=now))
    return result.rowcount == 1


# Every new session (each new connection's logon) ends the client's idle ones and adds
# itself: statements built once and bound per call, as building them cost a logon about a
# fifth of its time.
_idle = (rfc_sessions.c.mandt == bindparam("mandt"),
         rfc_sessions.c.last_used < bindparam("idle_before"))
_END_IDLE_TASKS = delete(rfc_update_tasks).where(
    rfc_update_tasks.c.session_id.in_(select(rfc_sessions.c.session_id).where(*_idle)))
_END_IDLE_SESSIONS = delete(rfc_sessions).where(*_idle)
_NEW_SESSION = insert(rfc_sessions)


def _end_idle_sessions(conn: Connection, mandt: str, idle_before: float) -> None:
    bound = {"mandt": mandt, "idle_before": idle_before}
    conn.execute(_END_IDLE_TASKS, bound)
    conn.execute(_END_IDLE_SESSIONS, bound)


# -- the update task ---------------------------------------------------------------------------

# The task is added behind the session's others, and only while the session exists (an
# idle session may have been ended by another caller since this call opened it): one
# statement, whose row count says which. Built once.
_next_counter = select(func.coalesce(func.max(rfc_update_tasks.c.counter), 0)
                       + literal_column("1")).where(
    rfc_update_tasks.c.session_id == bindparam("session_id")).scalar_subquery()
_ADD_TASK = insert(rfc_update_tasks).from_select(
    ["session_id", "counter", "mandt", "function", "payload", "created_at"],
    select(rfc_sessions.c.session_id, _next_counter,
           bindparam("mandt", type_=rfc_update_tasks.c.mandt.type),
           bindparam("function", type_=rfc_update_tasks.c.function.type),
           bindparam("payload", type_=rfc_update_tasks.c.payload.type),
           bindparam("created_at", type_=rfc_update_tasks.c.created_at.type))
    .where(rfc_sessions.c.session_id == bindparam("session_id")),
).execution_options(preserve_rowcount=True)


def register_update(db: Database, session: Session, function: str,
                    payload: dict[str, Any], known: Container[str],
                    finish: Callable[[Connection], None] | None = None) -> None:
    """``CALL FUNCTION function IN UPDATE TASK``: remember it for the session's commit
    (``known``: the update functions the commit can run). ``finish`` runs last in the same
    database transaction (the SOAP-RFC edge writes the call's log row there).

    The session's last use is not written here: :func:`open_session` did that for this
    call already (at most a second ago)."""
    if function not in known:
        raise SystemFailure(f"Update function {function} is not registered")
    with _writing(db, session) as conn:
        _add_task(conn, session, function, payload)
        if finish is not None:
            finish(conn)


def register_numbered_update(db: Database, session: Session, function: str,
                             range_object: str, payload_for: Callable[[int], dict[str, Any]],
                             known: Container[str],
                             finish: Callable[[Connection], None] | None = None) -> int:
    """Draw the next number of ``range_object`` from the database and register the update
    task whose payload (``payload_for(number)``) carries it, in one transaction; returns the
    number. The number is committed with the task, so a later rollback of the LUW leaves a
    gap, as in SAP; if the session has ended, neither is kept. ``finish`` runs last in the
    same transaction, as in :func:`register_update`."""
    if function not in known:
        raise SystemFailure(f"Update function {function} is not registered")
    with _writing(db, session) as conn:
        number = numbers.take(conn, session.mandt, range_object)
        _add_task(conn, session, function, payload_for(number))
        if finish is not None:
            finish(conn)
    return number


def _add_task(conn: Connection, session: Session, function: str,
              payload: dict[str, Any]) -> None:
    added = conn.execute(_ADD_TASK, {
        "session_id": session.id, "mandt": session.mandt, "function": function,
        "payload": payload, "created_at": time.time()}).rowcount
    if added != 1:  # raised inside the transaction: nothing of it is kept
        raise SystemFailure("The SAP session has ended; its work cannot be registered")


def pending(conn: Connection, session_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(rfc_update_tasks).where(
        rfc_update_tasks.c.session_id == session_id).order_by(rfc_update_tasks.c.counter))
    return [dict(r) for r in rows.mappings()]


@dataclass(frozen=True)
class CommitResult:
    executed: int
    #: outbound IDocs created from the change pointers of this commit
    idocs: list[str]
    #: set when an update function refused its task: the whole LUW was rolled back
    error: SapMessage | None = None


def commit(db: Database, session: Session, update_functions: UpdateFunctions,
           finish: Callable[[Connection], None] | None = None,
           codes: CodesSource | None = None) -> CommitResult:
    """COMMIT WORK AND WAIT: run the session's update tasks in order, all or nothing.

    ``finish`` runs last in the same database transaction (a transactional RFC unit marks
    its TID executed there, so its work and its TID are committed together). ``codes``: the
    client's ISO code tables as the request's client state keeps them, for the conversions
    of the update tasks and of the outbound IDocs they cause."""
    try:
        with _writing(db, session) as conn:
            if codes is not None:
                iso_codes.use_in_transaction(conn, codes)
            tasks = _claim_tasks(conn, session.id)
            functions = [update_functions[task["function"]] for task in tasks]
            for function, task in zip(functions, tasks, strict=True):
                function(conn, session.mandt, task["payload"])
            idocs = distribute_change_pointers(conn, session.mandt) \
                if any(map(_may_write_change_pointers, functions)) else []
            if finish is not None:
                finish(conn)
    except ApplicationError as error:
        # an update termination (SM13): the LUW is gone, nothing of it was written
        rollback(db, session)
        return CommitResult(0, [], error.sap_message)
    return CommitResult(len(tasks), idocs)


#: the statement of :func:`_claim_tasks`, built once (every commit runs it)
_CLAIM_TASKS = delete(rfc_update_tasks).where(
    rfc_update_tasks.c.session_id == bindparam("claimed_session")).returning(
    rfc_update_tasks.c.counter, rfc_update_tasks.c.function, rfc_update_tasks.c.payload)


def _claim_tasks(conn: Connection, session_id: str) -> list[dict[str, Any]]:
    """Delete and return the tasks in one statement, so two commits of one session that
    race each other cannot both run them."""
    rows = conn.execute(_CLAIM_TASKS, {"claimed_session": session_id})
    return sorted((dict(r) for r in rows.mappings()), key=lambda task: task["counter"])


def rollback(db: Database, session: Session) -> int:
    """ROLLBACK WORK: discard the session's update tasks; returns how many."""
    if not session.stored:  # a session not written yet has no tasks
        return 0
    with db.write() as conn:
        result = conn.execute(delete(rfc_update_tasks).where(
            rfc_update_tasks.c.session_id == session.id))
    return result.rowcount
