"""Faults injected into a client's SAP interfaces: the rules and their count-down.

The one writer of ``injected_faults``. The SAP edges ask :func:`take` first thing; how a
fault shows on the wire (a SOAP fault, ICF's 500 page, a held call) is the edge's business.
The edges know from their process's :mod:`fake_sap.basis.client_state` whether a client has
a fault at all, so every change of the rules bumps ``state_version``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, delete, func, select, update

from fake_sap import clock
from fake_sap.db import state_version
from fake_sap.db.engine import Database
from fake_sap.db.faults_schema import injected_faults as faults_table
from fake_sap.db.schema import clients

#: the target that matches every function module and the IDoc-XML service
EVERYTHING = "*"


@dataclass(frozen=True)
class Fault:
    fault_id: int
    target: str
    kind: str
    remaining: int | None
    seconds: float | None

    @classmethod
    def from_row(cls, row: Row[Any]) -> Fault:
        return cls(row.fault_id, row.target, row.kind, row.remaining, row.seconds)


@dataclass(frozen=True)
class FaultRule:
    """What a test asks for: ``times`` calls of ``target`` fail with ``kind``."""

    target: str
    kind: str
    times: int | None
    seconds: float | None


def take(db: Database, mandt: str, target: str) -> Fault | None:
    """The oldest fault for ``target`` (or ``*``), counted down; None when there is none."""
    wanted = (faults_table.c.mandt == mandt) & \
        faults_table.c.target.in_((target, EVERYTHING)) & \
        (faults_table.c.remaining.is_(None) | (faults_table.c.remaining > 0))
    # the usual case is no fault at all: find that out without taking the write lock
    with db.read() as conn:
        candidates = [Fault.from_row(r) for r in conn.execute(
            select(faults_table).where(wanted).order_by(faults_table.c.fault_id))]
    if not candidates:
        return None
    with db.write() as conn:
        for fault in candidates:
            if fault.remaining is None:
                return fault
            key = (faults_table.c.mandt == mandt) & (faults_table.c.fault_id == fault.fault_id)
            # the condition makes the count-down atomic: of two workers racing for the last
            # call of a fault only one gets it
            taken = conn.execute(update(faults_table).where(
                key, faults_table.c.remaining > 0).values(
                remaining=faults_table.c.remaining - 1)).rowcount
            if taken:
                if fault.remaining == 1:
                    # its last call: the processes' copies may forget it
                    state_version.bump(conn)
                return fault
    return None


def list_faults(db: Database, mandt: str) -> list[Fault]:
    with db.read() as conn:
        rows = conn.execute(select(faults_table).where(faults_table.c.mandt == mandt)
                            .order_by(faults_table.c.fault_id))
        return [Fault.from_row(r) for r in rows]


def inject(db: Database, mandt: str, rule: FaultRule) -> Fault:
    """Store a fault under the client's next fault number."""
    with db.write() as conn:
        # lock the client row (PostgreSQL) so that two requests cannot take the same number
        conn.execute(select(clients.c.mandt).where(clients.c.mandt == mandt).with_for_update())
        fault_id = (conn.execute(select(func.max(faults_table.c.fault_id)).where(
            faults_table.c.mandt == mandt)).scalar() or 0) + 1
        conn.execute(faults_table.insert().values(
            mandt=mandt, fault_id=fault_id, target=rule.target, kind=rule.kind,
            remaining=rule.times, seconds=rule.seconds, created_at=clock.system_now()))
        state_version.bump(conn)
    return Fault(fault_id, rule.target, rule.kind, rule.times, rule.seconds)


def clear(db: Database, mandt: str) -> None:
    with db.write() as conn:
        conn.execute(delete(faults_table).where(faults_table.c.mandt == mandt))
        state_version.bump(conn)
