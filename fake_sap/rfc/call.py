"""Running one function module: bind the parameters, call the implementation, shape the result.

An implementation is a plain function ``(call: Call) -> dict`` that reads its parameters
with ``call["NAME"]`` and returns the export, changing and tables parameters it sets; the
rest come back initial (or, for CHANGING and TABLES, as they were passed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection

from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import CodesSource
from fake_sap.db.engine import Database
from fake_sap.db.numbers import NumberBuffer
from fake_sap.rfc import luw
from fake_sap.rfc.errors import ConversionError, SystemFailure
from fake_sap.rfc.luw import CommitResult, Session, SessionCache, UpdateFunctions
from fake_sap.rfc.model import FunctionInterface

_T = TypeVar("_T")

Handler = Callable[["Call"], Mapping[str, Any]]


@dataclass(frozen=True)
class RfcFunction:
    """A function module: its declared interface and its implementation."""

    interface: FunctionInterface
    handler: Handler

    @property
    def name(self) -> str:
        return self.interface.name


class CommitLog(Protocol):
    """What the edge writes in the database transaction of a commit the call makes, or of
    the update task it registers (its log of calls), so that such a call needs no
    transaction of its own for it."""

    def write(self, conn: Connection, outputs: Mapping[str, Any] | None) -> None:
        """Runs last in the commit's (or the registration's) transaction; ``outputs`` are
        the call's when known by then (None: the function builds them after the commit)."""

    def committed(self) -> None:
        """The transaction with :meth:`write`'s rows is durable."""


@dataclass(frozen=True)
class Environment:
    """Who calls, from where: what SAP keeps in SY-MANDT, SY-UNAME, SY-LANGU."""

    db: Database
    mandt: str
    user: str
    session: Session
    #: the update functions a commit runs (``CALL FUNCTION ... IN UPDATE TASK`` targets)
    update_functions: UpdateFunctions
    #: one-character SAP language key of the logon (sap-language)
    language: str = "E"
    #: called after a commit created outbound IDocs (wakes the dispatcher)
    outbound_created: Callable[[], None] = field(default=lambda: None)
    #: the process's number range buffer (its blocks outlive the call)
    numbers: NumberBuffer = field(default_factory=NumberBuffer)
    #: what the process keeps of the client's state, and the state version the call's logon
    #: saw (None: nothing is kept, every call reads)
    known: SessionCache | None = None
    version: int | None = None
    #: written in the transaction of a commit the call makes (None: nothing is)
    commit_log: CommitLog | None = None
    #: the client's ISO code tables as kept with the client state the call's logon checked
    #: (None: read from the tables wherever they are needed)
    codes: CodesSource | None = None


@dataclass
class Call:
    interface: FunctionInterface
    params: dict[str, Any]
    env: Environment
    #: update tasks this call registered
    updates: int = 0
    #: the handler's result and the outputs made of it, when they were needed already in
    #: the transaction that registered the update task (see :meth:`register_update`)
    answered: tuple[dict[str, Any], dict[str, Any]] | None = None

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    @property
    def db(self) -> Database:
        return self.env.db

    @property
    def mandt(self) -> str:
        return self.env.mandt

    @property
    def user(self) -> str:
        return self.env.user

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction on the call's database whose ISO code conversions
        (:func:`fake_sap.basis.iso_codes.for_client`) take the codes of the call's client
        state."""
        with self.db.read() as conn:
            if self.env.codes is not None:
                iso_codes.use_in_transaction(conn, self.env.codes)
            yield conn

    def client_state(self, name: str, load: Callable[[], _T]) -> _T:
        """What ``load`` reads of the client's state that only a change of the state
        version can change (customizing), kept by the process per version."""
        known = self.env.known
        if known is None:
            return load()
        return known.derived(self.env.version, self.mandt, name, load)

    def take_number(self, range_object: str) -> int:
        """Draw a number at once, committed (in its own transaction, or from the process's
        buffer when the object is buffered): a document that is later rolled back leaves a
        gap in the range, as in SAP."""
        return self.env.numbers.draw(self.db, self.mandt, range_object)

    def register_update(self, function: str, payload: dict[str, Any],
                        result: Callable[[], dict[str, Any]] | None = None) -> None:
        """``CALL FUNCTION ... IN UPDATE TASK``. ``result``: what the handler will return,
        known once the task is built; given, the call's log row is written in the task's
        transaction (one transaction less for the call), and the handler returns
        :meth:`result_of` it."""
        finish = self._log_with_task(result)
        luw.register_update(self.db, self.env.session, function, payload,
                            self.env.update_functions, finish=finish)
        self._logged_with_task(finish)
        self.updates += 1

    def register_numbered_update(self, function: str, range_object: str,
                                 payload_for: Callable[[int], dict[str, Any]],
                                 result: Callable[[], dict[str, Any]] | None = None
                                 ) -> int:
        """:meth:`take_number` and :meth:`register_update` of the payload that carries the
        number; returns the number. Unbuffered, both happen in one database transaction.
        ``result`` as in :meth:`register_update`, called after ``payload_for``."""
        if self.env.numbers.buffered(range_object):
            number = self.take_number(range_object)
            self.register_update(function, payload_for(number), result)
            return number
        finish = self._log_with_task(result)
        number = luw.register_numbered_update(self.db, self.env.session, function,
                                              range_object, payload_for,
                                              self.env.update_functions, finish=finish)
        self._logged_with_task(finish)
        self.updates += 1
        return number

    def result_of(self, result: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The handler's result: the one its log row was written with, if it was."""
        return self.answered[0] if self.answered is not None else result()

    def _log_with_task(self, result: Callable[[], dict[str, Any]] | None
                       ) -> Callable[[Connection], None] | None:
        """What the registration's transaction runs last: the call's log row with the
        outputs the handler will return (nothing when they are not known, or the call has
        registered a task before, or the client commits every call: then the row goes with
        that commit, as for any other call)."""
        commit_log = self.env.commit_log
        if commit_log is None or result is None or self.answered is not None \
                or self.env.session.settings.commit_every_call:
            return None

        def finish(conn: Connection) -> None:
            answer = result()
            try:
                outputs = self.interface.complete(self.params, answer)
            except ConversionError:
                return  # execute() says so; the row is written after the call
            commit_log.write(conn, outputs)
            self.answered = (answer, outputs)
        return finish

    def _logged_with_task(self, finish: Callable[[Connection], None] | None) -> None:
        if finish is not None and self.answered is not None and \
                self.env.commit_log is not None:
            self.env.commit_log.committed()

    def commit(self, outputs: Mapping[str, Any] | None = None) -> CommitResult:
        """COMMIT WORK; ``outputs``: the call's, when they are known before it commits."""
        commit_log = self.env.commit_log
        finish = None if commit_log is None else (
            lambda conn: commit_log.write(conn, outputs))
        result = luw.commit(self.db, self.env.session, self.env.update_functions,
                            finish=finish, codes=self.env.codes)
        # an update termination rolled back the whole transaction, the log's row too
        if commit_log is not None and result.error is None:
            commit_log.committed()
        if result.idocs:
            self.env.outbound_created()
        return result

    def rollback(self) -> int:
        return luw.rollback(self.db, self.env.session)


def execute(function: RfcFunction, env: Environment, values: Mapping[str, Any]
            ) -> dict[str, Any]:
    """Call ``function`` with request ``values`` (wire values by parameter name)."""
    params = function.interface.bind(values)
    call = Call(function.interface, params, env)
    result = function.handler(call)
    try:
        # made already when the log row was written with the call's update task
        outputs = call.answered[1] if call.answered is not None \
            and call.answered[0] is result else function.interface.complete(params, result)
    except ConversionError as error:
        raise SystemFailure(f"{function.name} returned an invalid value: {error.text}") \
            from None
    if call.updates and env.session.settings.commit_every_call:
        call.commit(outputs)
    return outputs
