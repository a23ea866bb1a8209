"""Repository of the inbox: the IDocs SAP passed to the CRM, and what became of them.

Layer: store. Statuses: ``received`` (stored, not yet processed), ``processed``, ``failed``
(kept with the reason; can be retried) and ``obsolete`` (a newer IDoc about the same object
had already been applied).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from crm_adapter.store.schema import inbox, inbox_documents

T = TypeVar("T")


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
    created_on: str = ""  # EDI_DC40-CREDAT
    created_at: str = ""  # EDI_DC40-CRETIM

    @property
    def identity(self) -> IdocIdentity:
        """What tells this IDoc from every other (see :data:`IdocIdentity`)."""
        return self.sender, self.docnum, self.created_on, self.created_at


#: an IDoc's identity: the sender (SNDPRN), its number there (DOCNUM) and when the sender
#: created it (CREDAT, CRETIM). A resend, whether tRFC's, BD87's or a port's retry, carries
#: the control record the sender stored with the IDoc, so all four stay the same. The
#: number alone is not enough: a sender restored from a backup, or refreshed by a system
#: copy, hands out DOCNUMs it had given before, and a new IDoc under an old number would be
#: taken for a resend and dropped.
IdocIdentity = tuple[str, str, str, str]


#: ids per IN list, well below the bind-variable limits of SQLite and PostgreSQL
_IN_LIST_SIZE = 500


def add_many_if_new(conn: Connection, idocs: Sequence[NewIdoc]) -> dict[IdocIdentity, int]:
    """Store the IDocs whose identity (:data:`IdocIdentity`) is not there yet; the ids of
    those stored, by identity.

    One multi-row statement, so two server processes receiving the same resend cannot
    both win: a row that conflicts is skipped and returns no id (SQLite and PostgreSQL,
    the databases the store supports, both have ON CONFLICT ... RETURNING). The documents
    of the IDocs stored follow in one more statement.
    """
    if not idocs:
        return {}
    now, received = datetime.now(UTC), InboxStatus.RECEIVED.value  # (an enum's .value is slow)
    rows = [{"sender": idoc.sender, "docnum": idoc.docnum, "message_type": idoc.message_type,
             "idoc_type": idoc.idoc_type, "object_key": idoc.object_key,
             "serial": idoc.serial, "credat": idoc.created_on, "cretim": idoc.created_at,
             "status": received, "attempts": 0, "received_at": now}
            for idoc in idocs]
    dialect: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(inbox).on_conflict_do_nothing(
        index_elements=["sender", "docnum", "credat", "cretim"]).returning(
            inbox.c.id, inbox.c.sender, inbox.c.docnum, inbox.c.credat, inbox.c.cretim)
    stored = {(sender, docnum, credat, cretim): entry_id
              for entry_id, sender, docnum, credat, cretim in conn.execute(statement, rows)}
    if stored:
        # an IDoc twice in one document is stored as it came first
        documents: dict[int, str] = {}
        for idoc in idocs:
            entry_id = stored.get(idoc.identity)
            if entry_id is not None:
                documents.setdefault(entry_id, idoc.xml)
        conn.execute(_INSERT_DOCUMENT, [{"entry_id": entry_id, "xml": xml}
                                        for entry_id, xml in documents.items()])
    return stored


_INSERT_DOCUMENT = inbox_documents.insert()
#: an entry with its document (every entry has one; outer join all the same, so that an
#: entry never goes missing for want of its document)
_WITH_DOCUMENT = select(inbox, inbox_documents.c.xml).outerjoin(
    inbox_documents, inbox_documents.c.entry_id == inbox.c.id)


def find(conn: Connection, sender: str, docnum: str) -> dict[str, Any] | None:
    """An entry with its IDoc-XML (``xml``), by the sender's DOCNUM: the newest entry of
    that number when the sender has used it for more than one IDoc (see IdocIdentity)."""
    row = conn.execute(_WITH_DOCUMENT.where(inbox.c.sender == sender,
                                            inbox.c.docnum == docnum)
                       .order_by(inbox.c.id.desc())).mappings().first()
    return dict(row) if row else None


def get(conn: Connection, entry_id: int) -> dict[str, Any] | None:
    """An entry with its IDoc-XML (``xml``)."""
    row = conn.execute(_WITH_DOCUMENT.where(inbox.c.id == entry_id)).mappings().first()
    return dict(row) if row else None


def listing(conn: Connection, status: str | None = None, message_type: str | None = None,
            limit: int = 100) -> list[dict[str, Any]]:
    """Inbox entries without their XML, newest first."""
    query = select(inbox).order_by(inbox.c.id.desc()).limit(limit)
    if status:
        query = query.where(inbox.c.status == status)
    if message_type:
        query = query.where(inbox.c.message_type == message_type)
    return [dict(r) for r in conn.execute(query).mappings()]


def order_key(entry: Mapping[str, Any]) -> str:
    """Where an entry stands among the IDocs about its object: its SERIAL (padded to 20),
    then the sender's DOCNUM. SAP's SERIAL is the IDoc's creation date and time, so IDocs
    created in the same second share it; the sender numbers its IDocs in the order it
    creates them, so DOCNUM tells which of those is newer."""
    return entry["serial"] + entry["docnum"]


#: :func:`order_key` in SQL
_ORDER_KEY = inbox.c.serial + inbox.c.docnum


def ids_with_status(conn: Connection, status: InboxStatus) -> list[int]:
    """Entries in a status, in the order they should be processed (SERIAL and DOCNUM, then
    arrival)."""
    return list(conn.execute(select(inbox.c.id).where(inbox.c.status == status.value)
                             .order_by(inbox.c.serial, inbox.c.docnum, inbox.c.id)).scalars())


def ordered_for_processing(conn: Connection, entry_ids: Iterable[int]) -> list[int]:
    """The existing ones of ``entry_ids`` in processing order: SERIAL and DOCNUM, then
    arrival."""
    found: list[tuple[str, str, int]] = []
    for chunk in _chunks(list(entry_ids)):
        found.extend((serial, docnum, entry_id) for entry_id, serial, docnum in conn.execute(
            select(inbox.c.id, inbox.c.serial, inbox.c.docnum).where(inbox.c.id.in_(chunk))))
    return [entry_id for _serial, _docnum, entry_id in sorted(found)]


def lock_for_processing(conn: Connection, entry_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Lock every entry about the entries' objects, and return the entries (without their
    XML) by id.

    Serializes processing per object across server processes: on PostgreSQL with row locks
    (``FOR UPDATE``, taken in id order so that two processes cannot deadlock); on SQLite
    the write transaction (``BEGIN IMMEDIATE``) already holds the database lock and
    ``FOR UPDATE`` is not emitted.
    """
    entries = _get_many(conn, entry_ids)
    if conn.dialect.name == "sqlite":
        return entries  # read under the database lock already: nothing to lock or re-read
    objects = [(e["message_type"], e["object_key"]) for e in entries.values()]
    for message_type, keys in _by_message_type(objects):
        conn.execute(select(inbox.c.id).where(
            inbox.c.message_type == message_type, inbox.c.object_key.in_(keys))
            .order_by(inbox.c.id).with_for_update()).all()
    # re-read: another process may have processed some of them meanwhile
    return _get_many(conn, entry_ids) if objects else entries


def newest_applied_order_keys(conn: Connection, objects: Iterable[tuple[str, str]]
                              ) -> dict[tuple[str, str], str]:
    """(message type, object key) → the highest :func:`order_key` among its processed
    IDocs, for the objects that have one."""
    newest: dict[tuple[str, str], str] = {}
    for message_type, keys in _by_message_type(objects):
        rows = conn.execute(
            select(inbox.c.object_key, func.max(_ORDER_KEY))
            .where(inbox.c.message_type == message_type, inbox.c.object_key.in_(keys),
                   inbox.c.status == InboxStatus.PROCESSED.value, inbox.c.serial != "")
            .group_by(inbox.c.object_key))
        newest.update({(message_type, object_key): key for object_key, key in rows})
    return newest



def record_outcome(conn: Connection, entry_id: int, status: InboxStatus,
                   reason: str | None) -> None:
    """Record one processing attempt and its outcome."""
    record_outcomes(conn, [(entry_id, status, reason)])


def record_outcomes(conn: Connection,
                    outcomes: Sequence[tuple[int, InboxStatus, str | None]]) -> None:
    """Record a processing attempt of each entry: (entry id, status, reason)."""
    if not outcomes:
        return
    conn.execute(_RECORD_OUTCOME, [
        {"entry_id": entry_id, "new_status": status.value, "new_reason": reason,
         "at": datetime.now(UTC)} for entry_id, status, reason in outcomes])


_RECORD_OUTCOME = update(inbox).where(inbox.c.id == bindparam("entry_id")).values(
    status=bindparam("new_status"), reason=bindparam("new_reason"),
    attempts=inbox.c.attempts + 1, processed_at=bindparam("at"))


def xml_of(conn: Connection, entry_id: int) -> str:
    """The IDoc-XML an entry was received with."""
    return str(conn.execute(select(inbox_documents.c.xml).where(
        inbox_documents.c.entry_id == entry_id)).scalar_one())


def _get_many(conn: Connection, entry_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Entries by id, without their XML (:func:`xml_of` reads it when it is needed)."""
    entries: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(list(entry_ids)):
        entries.update((row["id"], dict(row)) for row in conn.execute(
            select(inbox).where(inbox.c.id.in_(chunk))).mappings())
    return entries


def _by_message_type(objects: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """(message type, object keys) in IN-list sized chunks: "message_type = ? AND object_key
    IN (...)" is answered from the index, a row-value IN on both columns is not (SQLite)."""
    keys_by_type: dict[str, set[str]] = {}
    for message_type, object_key in objects:
        keys_by_type.setdefault(message_type, set()).add(object_key)
    for message_type, keys in sorted(keys_by_type.items()):
        for chunk in _chunks(sorted(keys)):
            yield message_type, chunk


def _chunks(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), _IN_LIST_SIZE):
        yield items[start:start + _IN_LIST_SIZE]
