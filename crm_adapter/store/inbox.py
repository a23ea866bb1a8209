"""Repository of the inbox: the IDocs SAP passed to the CRM, and what became of them.

Layer: store. Statuses: ``received`` (stored, not yet processed), ``processed``, ``failed``
(kept with the reason; can be retried) and ``obsolete`` (a newer IDoc about the same object
had already been applied).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from crm_adapter.store.schema import inbox


class InboxStatus(StrEnum):
    RECEIVED = "received"
    PROCESSED = "processed"
    FAILED = "failed"
    OBSOLETE = "obsolete"


@dataclass(frozen=True, slots=True)
class NewIdoc:
    """An IDoc as received, before it is stored."""

    sender: str  # EDI_DC40-SNDPRN
    docnum: str  # EDI_DC40-DOCNUM
    message_type: str  # EDI_DC40-MESTYP
    idoc_type: str
    object_key: str
    serial: str  # EDI_DC40-SERIAL
    xml: str


def add_if_new(conn: Connection, idoc: NewIdoc) -> int | None:
    """Store the IDoc unless the sender's DOCNUM is already there; its id, or None."""
    values = {"sender": idoc.sender, "docnum": idoc.docnum, "message_type": idoc.message_type,
              "idoc_type": idoc.idoc_type, "object_key": idoc.object_key,
              "serial": idoc.serial, "xml": idoc.xml, "status": InboxStatus.RECEIVED.value,
              "attempts": 0, "received_at": datetime.now(UTC)}
    # one statement, so two server processes receiving the same resend cannot both win
    # (SQLite and PostgreSQL, the databases the store supports, both have ON CONFLICT)
    dialect: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(inbox).values(**values).on_conflict_do_nothing(
        index_elements=["sender", "docnum"]).returning(inbox.c.id)
    entry_id: int | None = conn.execute(statement).scalar()
    return entry_id


def find(conn: Connection, sender: str, docnum: str) -> dict[str, Any] | None:
    row = conn.execute(select(inbox).where(inbox.c.sender == sender,
                                           inbox.c.docnum == docnum)).mappings().first()
    return dict(row) if row else None


def get(conn: Connection, entry_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(inbox).where(inbox.c.id == entry_id)).mappings().first()
    return dict(row) if row else None


def listing(conn: Connection, status: str | None = None, message_type: str | None = None,
            limit: int = 100) -> list[dict[str, Any]]:
    """Inbox entries without their XML, newest first."""
    columns = [c for c in inbox.c if c.name != "xml"]
    query = select(*columns).order_by(inbox.c.id.desc()).limit(limit)
    if status:
        query = query.where(inbox.c.status == status)
    if message_type:
        query = query.where(inbox.c.message_type == message_type)
    return [dict(r) for r in conn.execute(query).mappings()]


def ids_with_status(conn: Connection, status: InboxStatus) -> list[int]:
    """Entries in a status, in the order they should be processed (SERIAL, then arrival)."""
    return list(conn.execute(select(inbox.c.id).where(inbox.c.status == status.value)
                             .order_by(inbox.c.serial, inbox.c.id)).scalars())


def lock_for_processing(conn: Connection, entry_id: int) -> dict[str, Any] | None:
    """Lock every entry about the entry's object, and return the entry.

    Serializes processing per object across server processes: on PostgreSQL with row locks
    (``FOR UPDATE``); on SQLite the write transaction (``BEGIN IMMEDIATE``) already holds
    the database lock and ``FOR UPDATE`` is not emitted.
    """
    entry = get(conn, entry_id)
    if entry is None:
        return None
    conn.execute(select(inbox.c.id).where(
        inbox.c.message_type == entry["message_type"],
        inbox.c.object_key == entry["object_key"]).with_for_update()).all()
    return get(conn, entry_id)  # re-read: another process may have processed it meanwhile


def newest_applied_serial(conn: Connection, message_type: str, object_key: str) -> str | None:
    """The highest SERIAL among processed IDocs about an object (None: none applied)."""
    return conn.execute(select(func.max(inbox.c.serial)).where(
        inbox.c.message_type == message_type, inbox.c.object_key == object_key,
        inbox.c.status == InboxStatus.PROCESSED.value, inbox.c.serial != "")).scalar()


def record_outcome(conn: Connection, entry_id: int, status: InboxStatus,
                   reason: str | None) -> None:
    """Record one processing attempt and its outcome."""
    conn.execute(update(inbox).where(inbox.c.id == entry_id).values(
        status=status.value, reason=reason, attempts=inbox.c.attempts + 1,
        processed_at=datetime.now(UTC)))
