"""What every SAP request of a client needs first, kept per process: whether the client
exists and which of its users have failed logons or are locked (the logon), its business
date, its injected faults and whether inbound IDocs need a partner profile.

They change only through the control API, yet a change must take effect at once in every
worker process and every process on the same database. So a :class:`ClientStates` keeps the
states it has read together with the ``state_version`` they were read at; each request reads
that one row and uses the kept state only while the version is unchanged. A changed version
(any client's change) drops every kept state, and the next request of a client reads its
state again, in the same read transaction as the version.

The version is read before the state, so a kept state is never older than its version: a
change committed in between is already in the state and only makes the next request read
again. Several threads may fill the cache at once; the last one's snapshot wins, and every
snapshot holds states at least as new as its version, so a lost one costs a re-read only.

The snapshot also keeps each client's code tables (T006, TCURC, T005: the ISO code
conversions of :mod:`fake_sap.basis.iso_codes`) under the same version, read at their first
use in a request, in that request's transaction (:meth:`ClientStates.codes`). A request that
has checked the version for its logon therefore reads no version again for its
conversions; the edge hands the kept codes to the request's transaction with
:func:`fake_sap.basis.iso_codes.use_in_transaction`. Codes read after the version are at
least as new as it, so the rule above holds for them as well.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, select

from fake_sap.basis import iso_codes
from fake_sap.basis.clients import NO_FAILED_LOGONS, FailedLogons, user_key
from fake_sap.basis.faults import EVERYTHING, Fault
from fake_sap.basis.iso_codes import IsoCodes
from fake_sap.db import clients as client_rows
from fake_sap.db import state_version
from fake_sap.db.clock_schema import business_dates
from fake_sap.db.engine import Database
from fake_sap.db.faults_schema import injected_faults
from fake_sap.db.schema import clients


@dataclass(frozen=True)
class ClientState:
    mandt: str
    exists: bool
    #: inbound IDocs need a partner profile (WE20) of their sender
    strict_partner_check: bool = False
    #: days between the system date and the client's business date
    offset_days: int = 0
    #: the client's faults that may still fire, oldest first
    faults: tuple[Fault, ...] = ()
    #: the ``state_version`` this state was current at when the request checked it (None:
    #: a database without the version row, where nothing may be kept); what the request
    #: keeps besides (its SAP session) is valid only as long as this version is
    version: int | None = None
    #: the users with failed logons (or a lock) in the client; a user not named has none,
    #: so a valid user's logon needs no statement of its own
    failed_logons: Mapping[str, FailedLogons] = field(default_factory=dict)

    def failed_logons_of(self, user: str) -> FailedLogons:
        return self.failed_logons.get(user_key(user), NO_FAILED_LOGONS)

    def may_fault(self, target: str) -> bool:
        """Whether a fault may fire for ``target``: only then need the faults be taken."""
        return any(f.target in (target, EVERYTHING) for f in self.faults)


@dataclass(frozen=True)
class _Snapshot:
    version: int | None
    states: dict[str, ClientState] = field(default_factory=dict)
    #: mandt -> the client's code tables, read at their first use under this version
    codes: dict[str, IsoCodes] = field(default_factory=dict)


_CLIENT = select(clients.c.strict_partner_check)
_OFFSET_DAYS = select(business_dates.c.offset_days)
_ACTIVE_FAULTS = select(injected_faults).where(
    injected_faults.c.remaining.is_(None) | (injected_faults.c.remaining > 0)
).order_by(injected_faults.c.fault_id)


class ClientStates:
    """The process's copy of the client states of one database."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._snapshot = _Snapshot(None)

    def get(self, mandt: str) -> ClientState:
        """The client's current state: one statement while nothing has changed."""
        snapshot = self._snapshot
        try:
            version = state_version.read_quickly(self._db.engine)
        except Exception:  # the read below meets the trouble again and says what it is
            version = None
        if version is not None and snapshot.version == version:
            kept = snapshot.states.get(mandt)
            if kept is not None:
                return kept
        with self._db.read() as conn:
            version = state_version.read(conn)
            state = replace(read_state(conn, mandt), version=version)
        if version is not None:
            if snapshot.version != version:
                snapshot = _Snapshot(version)
            # a new dict: a reader of the old snapshot never sees it change
            self._snapshot = _Snapshot(version, {**snapshot.states, mandt: state},
                                       snapshot.codes)
        return state

    def codes(self, conn: Connection, mandt: str, version: int | None) -> IsoCodes:
        """The client's code tables for a request whose state was current at ``version``
        (:attr:`ClientState.version`): the kept copy while the snapshot is still at that
        version, else read on ``conn`` (the request's transaction) and kept."""
        snapshot = self._snapshot
        if version is not None and snapshot.version == version:
            kept = snapshot.codes.get(mandt)
            if kept is not None:
                return kept
        codes = iso_codes.read(conn, mandt)
        snapshot = self._snapshot
        if version is not None and snapshot.version == version:
            # a new dict, as in get(): a reader of the old snapshot never sees it change
            self._snapshot = _Snapshot(version, snapshot.states,
                                       {**snapshot.codes, mandt: codes})
        return codes


def read_state(conn: Connection, mandt: str) -> ClientState:
    """The client's state as stored now."""
    client = conn.execute(_CLIENT.where(clients.c.mandt == mandt)).first()
    if client is None:
        return ClientState(mandt, exists=False)
    days = conn.execute(_OFFSET_DAYS.where(business_dates.c.mandt == mandt)).scalar()
    faults = tuple(Fault.from_row(row) for row in conn.execute(
        _ACTIVE_FAULTS.where(injected_faults.c.mandt == mandt)))
    failed_logons = {user: FailedLogons.from_row(locnt, uflag)
                     for user, (locnt, uflag) in client_rows.failed_logons(conn, mandt).items()}
    return ClientState(mandt, exists=True, strict_partner_check=bool(client[0]),
                       offset_days=int(days or 0), faults=faults, failed_logons=failed_logons)
