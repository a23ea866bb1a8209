"""The inbox: IDocs received from SAP are stored first, then processed, and can be retried.

Layer: use-case orchestration (between the HTTP receiver and the flows). The rules:

- **Durable before acknowledged.** :meth:`Inbox.receive` stores every IDoc of a document in
  one committed transaction; only then does the receiver answer 2xx, so SAP's status 03
  ("passed to port") means the CRM has the IDoc. A document that cannot be read is refused
  as a whole and nothing of it is stored.
- **Exactly once per IDoc.** The key is (sender SNDPRN, DOCNUM): a resent IDoc is
  acknowledged again but neither stored nor processed a second time.
- **Serialized per object.** IDocs about one object (message type + object key, e.g.
  MATMAS + MATNR) are applied in SERIAL order; an IDoc older than one already applied for
  the same object is marked ``obsolete`` and not applied (master-data IDocs carry the full
  object, so the newer one already says everything).
- **Failures are kept.** A processing error never undoes the receipt: the IDoc is kept as
  ``failed`` with the reason and can be retried (:meth:`Inbox.retry`).

Each flow exposes its :class:`MessageHandler` as data; :func:`crm_adapter.compose.inbox_handlers`
builds the :class:`Handlers` table by message type. The inbox imports no flow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from crm_adapter.domain.errors import DomainError
from crm_adapter.store import inbox as store
from crm_adapter.store.engine import Database
from crm_adapter.store.inbox import InboxStatus, NewIdoc
from sap_client.idoc import IdocTooLarge, IdocXmlError, ReceivedIdoc, iter_idocs

log = logging.getLogger(__name__)

#: EDI_DC40-SERIAL is a timestamp of up to 20 digits; shorter ones are padded so that
#: SERIALs of different precision still sort in time order
SERIAL_LENGTH = 20
#: EDI_DC40-DOCNUM, the sender's IDoc number
DOCNUM_LENGTH = 16
#: EDI_DC40 fields the inbox keeps, with their lengths in SAP
CONTROL_FIELD_LENGTHS = {"SNDPRN": 10, "DOCNUM": DOCNUM_LENGTH, "MESTYP": 30, "IDOCTYP": 30,
                         "CIMTYP": 30, "SERIAL": SERIAL_LENGTH, "CREDAT": 8,
                         "CRETIM": 6}
#: the largest IDoc-XML document accepted in one POST
DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


class InboxError(Exception):
    """Base class of the inbox's refusals."""


class UnreadableDocument(InboxError):
    """The body is not IDoc-XML the CRM can read (malformed, hostile, incomplete control)."""


class DocumentTooLarge(UnreadableDocument):
    """The body exceeds the size the receiver accepts."""


class UnknownEntry(InboxError):
    """No inbox entry has this id."""


class NotRetryable(InboxError):
    """The entry is processed or obsolete: there is nothing to retry."""


# --- handlers --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MessageHandler:
    """How a flow processes one message type.

    ``object_key`` names the object an IDoc is about (the serialization unit); ``apply``
    applies the IDoc inside the given transaction and returns a short note of what it did,
    or raises :class:`DomainError` with the reason it cannot.
    """

    object_key: Callable[[ReceivedIdoc], str]
    apply: Callable[[Connection, ReceivedIdoc], str]
    #: optional: ``apply`` for IDocs about different objects at once, a note per IDoc;
    #: if it raises, the inbox applies the IDocs one by one to find out which failed.
    #: With ``read`` it takes what ``read`` made of each IDoc instead of the IDocs
    apply_many: Callable[[Connection, Sequence[Any]], list[str]] | None = None
    #: optional, with ``apply_many``: what applying needs of an IDoc, made when it is
    #: received. The inbox keeps that instead of the parsed IDoc until it is applied: a
    #: packet of a thousand IDocs then holds a few small objects per IDoc, not its segment
    #: tree, and the garbage collector has far less to walk in the meantime. If it raises,
    #: the IDoc is read again from the stored XML when it is applied, and applying reports
    #: the problem
    read: Callable[[ReceivedIdoc], Any] | None = None


@dataclass
class Handlers:
    """Message type (EDI_DC40-MESTYP) → handler."""

    by_message_type: dict[str, MessageHandler] = field(default_factory=dict)

    def register(self, message_type: str, handler: MessageHandler) -> Handlers:
        self.by_message_type[message_type] = handler
        return self

    def get(self, message_type: str) -> MessageHandler | None:
        return self.by_message_type.get(message_type)


# --- results ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Receipt:
    """What one received document contained."""

    #: ids of the IDocs stored now, in document order
    stored: list[int]
    #: (sender, DOCNUM) of IDocs received before (not stored again; see IdocIdentity)
    duplicates: list[tuple[str, str]]
    #: the IDocs stored now, as read, by entry id: processing right away needs no re-reading;
    #: an IDoc whose handler reads it on receipt (:attr:`MessageHandler.read`) is in
    #: ``messages`` instead
    idocs: dict[int, ReceivedIdoc] = field(default_factory=dict, repr=False, compare=False)
    #: what the handlers' ``read`` made of the IDocs stored now, by entry id
    messages: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def count(self) -> int:
        return len(self.stored) + len(self.duplicates)


@dataclass(frozen=True, slots=True)
class Outcome:
    entry_id: int
    status: InboxStatus
    reason: str | None


@dataclass
class _Run:
    """Consecutive inbox entries of one message type, each about another object, that its
    flow can apply together."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    objects: set[tuple[str, str]] = field(default_factory=set)

    def takes(self, entry: dict[str, Any], handlers: Handlers) -> bool:
        """Whether the entry may join (an empty run takes anything)."""
        if not self.entries:
            return True
        handler = handlers.get(entry["message_type"])
        return handler is not None and handler.apply_many is not None \
            and entry["message_type"] == self.entries[0]["message_type"] \
            and bool(entry["object_key"]) and _object(entry) not in self.objects

    def add(self, entry: dict[str, Any]) -> None:
        self.entries.append(entry)
        self.objects.add(_object(entry))

    def clear(self) -> None:
        self.entries.clear()
        self.objects.clear()


# --- the inbox -------------------------------------------------------------------------------

class Inbox:
    #: entries applied in one transaction, each in its own savepoint: one commit per batch
    #: instead of one per IDoc, while a failing IDoc still leaves none of its writes behind.
    #: A whole packet as SAP collects them (WE20 pack size, commonly 1,000): its materials
    #: are read, written and marked processed with one statement of each kind
    BATCH_SIZE = 1_000

    def __init__(self, db: Database, handlers: Handlers,
                 max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> None:
        self.db = db
        self.handlers = handlers
        self.max_document_bytes = max_document_bytes

    def receive(self, document: bytes) -> Receipt:
        """Read a whole IDoc-XML document and store its new IDocs (committed on return)."""
        incoming: list[NewIdoc] = []
        # per IDoc: the parsed IDoc, or what its handler read of it (see MessageHandler.read)
        kept: list[tuple[ReceivedIdoc | None, Any]] = []
        # IDoc by IDoc, so that an IDoc whose handler reads it is forgotten right away
        for idoc in _iter_read(document, self.max_document_bytes):
            handler = self.handlers.get(idoc.message_type)
            incoming.append(self._new_idoc(idoc, handler))
            kept.append(_kept(handler, idoc))
        with self.db.write() as conn:
            stored_ids = store.add_many_if_new(conn, incoming)
        stored: list[int] = []
        duplicates: list[tuple[str, str]] = []
        parsed: dict[int, ReceivedIdoc] = {}
        messages: dict[int, Any] = {}
        for new, (received, message) in zip(incoming, kept, strict=True):
            entry_id = stored_ids.pop(new.identity, None)
            if entry_id is None:  # received before (or twice in this very document)
                duplicates.append((new.sender, new.docnum))
                continue
            stored.append(entry_id)
            if received is not None:
                parsed[entry_id] = received
            elif message is not None:
                messages[entry_id] = message
        if duplicates:
            log.info("ignored %d IDoc(s) received before: %s", len(duplicates), duplicates)
        return Receipt(stored, duplicates, parsed, messages)

    def process(self, entry_ids: Iterable[int],
                idocs: Mapping[int, ReceivedIdoc] | None = None,
                messages: Mapping[int, Any] | None = None) -> list[Outcome]:
        """Process entries in SERIAL order (then arrival order), in batches.

        ``idocs`` and ``messages`` may hand in entries already read (see
        :attr:`Receipt.idocs` and :attr:`Receipt.messages`); the others are read from the
        XML the inbox stored.
        """
        read = _Read(idocs or {}, messages or {})
        with self.db.read() as conn:
            ordered = store.ordered_for_processing(conn, entry_ids)
        outcomes: list[Outcome] = []
        for start in range(0, len(ordered), self.BATCH_SIZE):
            batch = ordered[start:start + self.BATCH_SIZE]
            try:
                outcomes.extend(self._process_batch(batch, read))
            except Exception:  # noqa: BLE001 (e.g. a lost lock: one at a time still works)
                log.exception("processing %d inbox entries together failed; processing them "
                              "one at a time", len(batch))
                outcomes.extend(self.process_one(entry_id) for entry_id in batch)
        return outcomes

    def process_pending(self) -> list[Outcome]:
        """Process whatever was stored but never processed (e.g. after a crash)."""
        with self.db.read() as conn:
            pending = store.ids_with_status(conn, InboxStatus.RECEIVED)
        return self.process(pending)

    def retry(self, entry_id: int) -> Outcome:
        """Process a failed (or never processed) entry again."""
        with self.db.read() as conn:
            entry = store.get(conn, entry_id)
        if entry is None:
            raise UnknownEntry(f"inbox entry {entry_id} does not exist")
        if entry["status"] not in (InboxStatus.FAILED, InboxStatus.RECEIVED):
            raise NotRetryable(f"inbox entry {entry_id} is {entry['status']}; "
                               "only failed entries can be retried")
        return self.process_one(entry_id)

    def process_one(self, entry_id: int) -> Outcome:
        """Apply one entry, unless it is done already or older than what was applied."""
        outcomes = self._process_batch([entry_id], _Read({}, {}))
        if not outcomes:
            raise UnknownEntry(f"inbox entry {entry_id} does not exist")
        return outcomes[0]

    def _process_batch(self, entry_ids: list[int], idocs: _Read) -> list[Outcome]:
        """Apply entries (in the order given) in one transaction.

        Consecutive IDocs of one message type about different objects form a :class:`_Run`,
        applied together when their flow can (:attr:`MessageHandler.apply_many`);
        otherwise, or if that fails, each IDoc is applied in its own savepoint.
        """
        outcomes: dict[int, Outcome] = {}
        attempted: list[int] = []
        with self.db.write() as conn:
            entries = store.lock_for_processing(conn, entry_ids)
            newest = store.newest_applied_order_keys(
                conn, [_object(e) for e in entries.values() if e["object_key"] and e["serial"]])
            run = _Run()
            for entry_id in entry_ids:
                entry = entries.get(entry_id)
                if entry is None:
                    continue
                status = InboxStatus(entry["status"])
                if status in (InboxStatus.PROCESSED, InboxStatus.OBSOLETE):
                    outcomes[entry_id] = Outcome(entry_id, status, entry["reason"])
                    continue
                attempted.append(entry_id)
                if not run.takes(entry, self.handlers):
                    # e.g. the same object again: its SERIAL check must see the run applied
                    outcomes.update(self._apply_run(conn, run, idocs, newest))
                refusal = self._refusal(entry, newest.get(_object(entry)))
                if refusal is not None:
                    outcomes[entry_id] = Outcome(entry_id, *refusal)
                else:
                    run.add(entry)
            outcomes.update(self._apply_run(conn, run, idocs, newest))
            store.record_outcomes(conn, [(i, outcomes[i].status, outcomes[i].reason)
                                         for i in attempted])
        for entry_id in attempted:
            if outcomes[entry_id].status is InboxStatus.FAILED:
                entry = entries[entry_id]
                log.warning("inbox entry %s (%s %s from %s) failed: %s", entry_id,
                            entry["message_type"], entry["docnum"], entry["sender"],
                            outcomes[entry_id].reason)
        return [outcomes[i] for i in entry_ids if i in outcomes]

    def _apply_run(self, conn: Connection, run: _Run, idocs: _Read,
                   newest: dict[tuple[str, str], str]) -> dict[int, Outcome]:
        """Apply the run's entries and empty it; their outcomes by entry id. ``newest``
        learns the order keys applied."""
        outcomes: dict[int, Outcome] = {}
        if not run.entries:
            return outcomes
        for entry, (status, reason) in zip(run.entries, self._apply_together(conn, run, idocs),
                                           strict=True):
            outcomes[entry["id"]] = Outcome(entry["id"], status, reason)
            if status is InboxStatus.PROCESSED and entry["object_key"] and entry["serial"]:
                newest[_object(entry)] = max(newest.get(_object(entry), ""),
                                             store.order_key(entry))
        run.clear()
        return outcomes

    def _refusal(self, entry: dict[str, Any],
                 newest_applied: str | None) -> tuple[InboxStatus, str] | None:
        """Why the entry is not applied at all, or None."""
        if self.handlers.get(entry["message_type"]) is None:
            return InboxStatus.FAILED, f"no handler for message type {entry['message_type']}"
        if entry["object_key"] and entry["serial"] and newest_applied is not None \
                and store.order_key(entry) < newest_applied:
            serial, docnum = newest_applied[:SERIAL_LENGTH], newest_applied[SERIAL_LENGTH:]
            return InboxStatus.OBSOLETE, (
                f"an IDoc with a newer SERIAL ({serial}, DOCNUM {docnum}) about "
                f"{entry['object_key']} was already applied")
        return None

    def _apply_together(self, conn: Connection, run: _Run,
                        idocs: _Read) -> list[tuple[InboxStatus, str]]:
        entries = run.entries
        handler = self.handlers.get(entries[0]["message_type"])
        assert handler is not None  # refused before joining a run otherwise
        # a handler that reads IDocs on receipt applies even one IDoc from what it read
        if handler.apply_many is not None and (len(entries) > 1 or handler.read is not None):
            try:
                with conn.begin_nested():
                    notes = handler.apply_many(conn, [idocs.message(conn, e, handler)
                                                      for e in entries])
                return [(InboxStatus.PROCESSED, note) for note in notes]
            except Exception:  # noqa: BLE001 (one of them cannot be applied: see which)
                log.debug("applying %d IDocs together failed; applying them one by one",
                          len(entries))
        return [self._apply(conn, handler, entry, idocs) for entry in entries]

    def _apply(self, conn: Connection, handler: MessageHandler, entry: dict[str, Any],
               idocs: _Read) -> tuple[InboxStatus, str]:
        try:
            # a savepoint: a flow that fails halfway leaves none of its writes behind
            with conn.begin_nested():
                note = handler.apply(conn, idocs.idoc(conn, entry))
        except DomainError as error:
            return InboxStatus.FAILED, str(error)
        except Exception as error:  # noqa: BLE001 (any bug in a flow: keep the IDoc, retry)
            log.exception("processing inbox entry %s failed", entry["id"])
            return InboxStatus.FAILED, f"{type(error).__name__}: {error}"
        return InboxStatus.PROCESSED, note

    def _new_idoc(self, idoc: ReceivedIdoc, handler: MessageHandler | None) -> NewIdoc:
        control = idoc.control
        missing = [name for name in ("SNDPRN", "DOCNUM", "MESTYP") if not control.get(name)]
        if missing:
            raise UnreadableDocument(f"IDOC[{idoc.index}]: the control record EDI_DC40 "
                                     f"lacks {', '.join(missing)}")
        too_long = [name for name, length in CONTROL_FIELD_LENGTHS.items()
                    if len(control.get(name, "")) > length]
        if too_long:
            raise UnreadableDocument(f"IDOC[{idoc.index}]: EDI_DC40 field(s) "
                                     f"{', '.join(too_long)} longer than SAP allows")
        return NewIdoc(
            sender=control["SNDPRN"], docnum=control["DOCNUM"],
            message_type=control["MESTYP"],
            idoc_type=control.get("CIMTYP") or control.get("IDOCTYP", ""),
            object_key=_object_key(handler, idoc), serial=serialization_key(control),
            xml=idoc.xml.decode("utf-8"), created_on=control.get("CREDAT", ""),
            created_at=control.get("CRETIM", ""))


def serialization_key(control: dict[str, str]) -> str:
    """EDI_DC40-SERIAL padded to full length ("" when the IDoc is not serialized)."""
    serial = control.get("SERIAL", "").strip()
    return serial.ljust(SERIAL_LENGTH, "0") if serial else ""


def _object_key(handler: MessageHandler | None, idoc: ReceivedIdoc) -> str:
    if handler is None:
        return ""
    try:
        return handler.object_key(idoc)[:70]
    except Exception:  # noqa: BLE001 (processing reports what is wrong with the IDoc)
        return ""


def _object(entry: dict[str, Any]) -> tuple[str, str]:
    """The serialization unit of an entry: (message type, object key)."""
    return entry["message_type"], entry["object_key"]


def _kept(handler: MessageHandler | None, idoc: ReceivedIdoc) -> tuple[ReceivedIdoc | None, Any]:
    """What the inbox keeps of a received IDoc until it is applied: what its handler reads
    of it, or the IDoc (nothing when reading fails: it is read again when applied)."""
    if handler is None or handler.read is None or handler.apply_many is None:
        return idoc, None
    try:
        return None, handler.read(idoc)
    except Exception:  # noqa: BLE001 (applying reads the stored IDoc and reports the problem)
        return None, None


@dataclass(frozen=True, slots=True)
class _Read:
    """The entries already read on receipt: parsed IDocs, and what handlers read of them."""

    idocs: Mapping[int, ReceivedIdoc]
    messages: Mapping[int, Any]

    def idoc(self, conn: Connection, entry: dict[str, Any]) -> ReceivedIdoc:
        """The entry's IDoc: as read on receipt, else read again from the stored XML."""
        known = self.idocs.get(entry["id"])
        if known is not None:
            return known
        xml = store.xml_of(conn, entry["id"])
        [idoc] = _read(xml.encode("utf-8"), len(xml) * 4)
        return idoc

    def message(self, conn: Connection, entry: dict[str, Any],
                handler: MessageHandler) -> Any:
        """What ``handler.apply_many`` takes for the entry: what its ``read`` made of the
        IDoc (on receipt, or now), or the IDoc itself for a handler without ``read``."""
        if handler.read is None:
            return self.idoc(conn, entry)
        known = self.messages.get(entry["id"])
        return known if known is not None else handler.read(self.idoc(conn, entry))


def _read(document: bytes, max_bytes: int) -> list[ReceivedIdoc]:
    """Every IDoc of a document, or :class:`UnreadableDocument` (nothing half-read)."""
    return list(_iter_read(document, max_bytes))


def _iter_read(document: bytes, max_bytes: int) -> Iterator[ReceivedIdoc]:
    """The IDocs of a document one by one, or :class:`UnreadableDocument` as soon as the
    problem is read (the caller stores nothing before the end)."""
    try:
        yield from iter_idocs(document, max_bytes=max_bytes)
    except IdocTooLarge as error:
        raise DocumentTooLarge(str(error)) from None
    except IdocXmlError as error:
        raise UnreadableDocument(str(error)) from None
