"""Inbound IDoc processing: number assignment, the status trail, duplicates, serialization.

Layer: ALE (the IDoc edge). What a message type means for the business is not here: each
message type's module in this package maps its IDocs to typed commands and calls the
business service (see :mod:`fake_sap.ale.applications`).

For every IDoc of a document, in order:

1. a DOCNUM from the client's number range;
2. control record check (and, for strict clients, the partner profile) -> 56 on failure;
3. the sender's DOCNUM already seen -> 50, 68 (duplicate, not posted again);
4. syntax check of the data records against the declaration -> 50, 60;
5. application posting -> 50, 64, 53, or 50, 64, 51 with the application's message;
   an IDoc whose SERIAL is not newer than the last one posted for the same object is not
   posted -> 50, 64, 68.

The whole document is processed in the caller's transaction, written in chunks, so a
document that turns out not to be well-formed halfway leaves nothing behind, while each
IDoc that is accepted is stored with its original XML whatever its outcome.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from fake_sap import clock
from fake_sap.ale import applications, passthrough
from fake_sap.ale.posting import Posting
from fake_sap.basis import iso_codes
from fake_sap.db import change_pointers, clients, idocs, numbers, partners
from fake_sap.db.idocs import StatusRecord
from fake_sap.db.schema import edidc
from fake_sap.errors import ApplicationError
from fake_sap.idoc.customer_types import IdocTypeCatalogue
from fake_sap.idoc.document import NO_CHILDREN, Idoc, Issue
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.validation import check_control, check_segments
from fake_sap.lookups import Lookups

# only a module import of the dispatcher at run time: it imports this package's message-type
# modules, so it may be half-imported when this module is
if TYPE_CHECKING:
    from fake_sap.ale.applications import Application

#: IDocs per chunk. A chunk's parsed IDocs, pending items and postings live until it is
#: written; the fewer there are, the fewer outlive young collections and reach the oldest
#: generation, whose full collections walk the whole worker. 100 instead of 500 halved the
#: full collections of a packet (6 to 3 per 10,000 MATMAS05) for four more statements per
#: 100 IDocs, and ran fewer instructions per IDoc (docs/benchmarks.md, the packet's profile)
CHUNK_SIZE = 100
DOCNUM_RANGE = "EDI_DOCNUM"

ADDED = StatusRecord("50", "IDoc added")
READY = StatusRecord("64", "IDoc ready to be transferred to application")


@dataclass
class InboundResult:
    docnums: list[str] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    #: outbound IDocs created for IDocs that ALE passed through (for the dispatcher)
    passed_on: list[str] = field(default_factory=list)

    def add(self, docnum: str, status: str) -> None:
        if len(self.docnums) < 2:
            self.docnums.append(docnum)
        else:
            self.docnums[1] = docnum
        self.statuses[status] += 1

    @property
    def count(self) -> int:
        return sum(self.statuses.values())

    @property
    def first_docnum(self) -> str:
        return self.docnums[0] if self.docnums else ""

    @property
    def last_docnum(self) -> str:
        return self.docnums[-1] if self.docnums else ""


@dataclass(slots=True)
class _Pending:
    idoc: Idoc
    docnum: str
    trail: list[StatusRecord]
    application: Application | None = None
    objkey: str = ""
    posting: Posting | None = None
    #: the object's key as grouping the IDoc into its chunk read it (None when it could
    #: not: the syntax check will say why); it becomes :attr:`objkey` when the IDoc is routed
    chunk_objkey: str | None = None


class InboundProcessor:
    def __init__(self, conn: Connection, mandt: str, user: str = "ALEREMOTE", *,
                 strict_partners: bool | None = None) -> None:
        """``strict_partners``: the client's switch when the caller knows it already (the
        IDoc-XML service has it from the request's client state), else read here."""
        self.conn = conn
        self.mandt = mandt
        self.user = user
        if strict_partners is None:
            client = clients.get(conn, mandt) or {}
            strict_partners = bool(client.get("strict_partner_check"))
        self.strict_partners = strict_partners
        self.inbound_profiles = partners.inbound_profiles(conn, mandt) \
            if self.strict_partners else set()
        self.customizing = iso_codes.checked_customizing(
            conn, mandt, clients.customizing_keys_by_table(conn, mandt))
        # built-in and imported IDoc types (imported ones are looked up in the database)
        self.idoc_types = IdocTypeCatalogue(conn)
        # inbound IDocs of imported types without posting logic, passed on by ALE
        self.passing_through: list[tuple[Idoc, IdocType]] = []

    # -- entry points --------------------------------------------------------------------

    def receive(self, stream: Iterable[Idoc]) -> InboundResult:
        result = InboundResult()
        for chunk in _chunks(stream):
            self._process_chunk(chunk, result)
        return result

    def reprocess(self, docnum: str) -> str:
        """BD87 for an inbound IDoc in status 51, 64 or 66; returns the new status."""
        stored = idocs.get(self.conn, self.mandt, docnum)
        assert stored is not None
        idoc = parse_document(stored["xml"].encode())[0]
        pending = _Pending(idoc, docnum, [])
        pending.application = applications.for_message(idoc.mestyp)
        assert pending.application is not None
        pending.objkey = pending.application.object_key(idoc)
        context = self._context([pending])
        self._post(context, pending)
        if pending.posting is not None:
            self._serialize([pending])
        at = clock.now()
        for record in pending.trail:
            idocs.append_status(self.conn, self.mandt, docnum, at, record)
        if pending.posting is not None:
            self.write_postings([pending.posting])
            self._write_change_pointers([pending.posting], at)
        return pending.trail[-1].status

    # -- one chunk -----------------------------------------------------------------------

    def _process_chunk(self, pending: list[_Pending], result: InboundResult) -> None:
        """One chunk, step by step for all its IDocs at once: the duplicate and
        serialization checks are one statement per chunk, not per IDoc."""
        first = numbers.take(self.conn, self.mandt, DOCNUM_RANGE, len(pending))
        for number, item in enumerate(pending, start=first):
            item.docnum = f"{number:016d}"
        # only an IDoc that passed the syntax check claims its sender DOCNUM: one refused
        # with 56 or 60 was never posted, and SAP's remedy for a syntax error is to send
        # the corrected IDoc again, which must not then be taken for a duplicate (68)
        well_formed = [p for p in pending if self._check_control(p) and self._check_syntax(p)]
        accepted = self._reject_duplicates(well_formed)
        to_post = [p for p in accepted if self._route(p)]
        context = self._context(to_post)
        for item in to_post:
            self._post(context, item)
            item.idoc = _without_segments(item.idoc)
        self._serialize([p for p in to_post if p.posting is not None])
        self._write(pending, result)
        if self.passing_through:
            result.passed_on += passthrough.pass_on(self.conn, self.mandt,
                                                    self.passing_through)
            self.passing_through = []

    def _check_control(self, item: _Pending) -> bool:
        """Control record and partner profile (56), else the IDoc is added (50)."""
        idoc = item.idoc
        problems = check_control(idoc, self.idoc_types.lookup)
        if problems:
            item.trail.append(_issue_status("56", problems[0], "EA", "101"))
            return False
        if self.strict_partners and (idoc.control.get("SNDPRN"), idoc.mestyp) \
                not in self.inbound_profiles:
            item.trail.append(StatusRecord(
                "56", f"No inbound partner profile for LS {idoc.control.get('SNDPRN')} "
                      f"message type {idoc.mestyp}", "E", "E0", "337",
                (idoc.control.get("SNDPRN", ""), idoc.mestyp)))
            return False
        item.trail.append(ADDED)
        return True

    def _reject_duplicates(self, items: list[_Pending]) -> list[_Pending]:
        """An IDoc whose sender's DOCNUM was received before is recorded, not posted (68)."""
        claims = [(i.idoc.control.get("SNDPRN", ""), _sender_docnum(i.idoc), i.docnum)
                  for i in items if _sender_docnum(i.idoc)]
        earlier = idocs.claim_sender_docnums(self.conn, self.mandt, claims)
        accepted = []
        for item in items:
            if item.docnum in earlier:
                sender_docnum = _sender_docnum(item.idoc)
                item.trail.append(StatusRecord(
                    "68", f"Duplicate: sender IDoc {sender_docnum} was already received as "
                          f"IDoc {earlier[item.docnum]}", "E", "E0", "500",
                    (sender_docnum, earlier[item.docnum])))
            else:
                accepted.append(item)
        return accepted

    def _check_syntax(self, item: _Pending) -> bool:
        """Syntax check of the data records against the declared IDoc type (60)."""
        idoc = item.idoc
        declared = self.idoc_types.lookup(idoc.idoctyp, idoc.cimtyp)
        assert declared is not None  # check_control guarantees it
        problems = check_segments(declared, idoc)
        if not problems:
            return True
        first = problems[0]
        # SAP names a segment at the wrong hierarchy level apart from the other findings
        if first.wrong_level:
            item.trail.append(_issue_status("60", first, "E0", "077", more=len(problems)))
        else:
            item.trail.append(_issue_status("60", first, "E0", "072", more=len(problems)))
        return False

    def _route(self, item: _Pending) -> bool:
        """The inbound process code (56), or ALE's pass-through for an imported type
        without posting logic (64); True when an application posts the IDoc."""
        idoc = item.idoc
        declared = self.idoc_types.lookup(idoc.idoctyp, idoc.cimtyp)
        assert declared is not None  # check_control guarantees it
        # grouping the IDoc into its chunk looked up the application already
        if item.application is None and self.idoc_types.is_imported(declared):
            # no posting logic here: ALE passes the IDoc on to the partners subscribed to
            # its message type, and it stays ready for an application (64)
            item.trail.append(READY)
            self.passing_through.append((idoc, declared))
            return False
        if item.application is None:
            item.trail.append(StatusRecord(
                "56", f"No inbound process code for message type {idoc.mestyp}", "E", "E0",
                "414", (idoc.mestyp,)))
            return False
        item.objkey = item.application.object_key(idoc) if item.chunk_objkey is None \
            else item.chunk_objkey
        return True

    def _context(self, items: list[_Pending]) -> Lookups:
        now = clock.now()
        context = Lookups(self.mandt, self.customizing, clock.dats(now), self.user,
                          conn=self.conn, now_time=clock.tims(now))
        # keyed by message type: hashing an Application would hash its whole IDoc type
        keys: dict[str, tuple[Application, list[str]]] = {}
        for item in items:
            assert item.application is not None
            wanted = keys.setdefault(item.application.mestyp, (item.application, []))[1]
            wanted.append(item.objkey)
            wanted.extend(item.application.referenced_keys(item.idoc))
        for application, wanted in keys.values():
            known = application.prefetch(self.conn, self.mandt, sorted(set(wanted)))
            context.known.setdefault(application.kind, {}).update(known)
        return context

    def _post(self, context: Lookups, item: _Pending) -> None:
        application = item.application
        assert application is not None
        item.trail.append(READY)
        known_before = dict(context.known.get(application.kind, {}))
        try:
            result = application.post(context, item.idoc)
        except ApplicationError as error:
            context.known[application.kind] = known_before
            message = error.sap_message
            item.trail.append(StatusRecord("51", message.text, "E", message.msgid,
                                           message.msgno, message.variables))
            return
        item.posting = result

    def _serialize(self, items: list[_Pending]) -> None:
        """ALE serialization: an IDoc whose SERIAL is not newer than the last one posted for
        its object is not posted (68); the others are posted (53). A chunk never holds two
        IDocs about one object, so one look-up per message type decides the whole chunk."""
        by_type: dict[str, list[_Pending]] = {}
        for item in items:
            if item.idoc.control.get("SERIAL", ""):
                assert item.application is not None
                by_type.setdefault(item.application.mestyp, []).append(item)
        obsolete: dict[str, str] = {}
        for mestyp, serialized in by_type.items():
            if len(serialized) == 1:
                # a single IDoc (the usual POST): the conditional upsert decides and records
                # in one statement; only an obsolete one reads which IDoc was newer
                item = serialized[0]
                newer = idocs.advance_serial(self.conn, self.mandt, mestyp, item.objkey,
                                             item.idoc.control["SERIAL"], item.docnum)
                if newer is not None:
                    obsolete[item.docnum] = newer
                continue
            newest = idocs.newest_serials(self.conn, self.mandt, mestyp,
                                          [i.objkey for i in serialized])
            advancing = []
            for item in serialized:
                serial = item.idoc.control["SERIAL"]
                known = newest.get(item.objkey)
                if known is not None and known[0] >= serial:
                    obsolete[item.docnum] = known[1]
                else:
                    advancing.append((item.objkey, serial, item.docnum))
            idocs.record_serials(self.conn, self.mandt, mestyp, advancing)
        for item in items:
            if item.docnum in obsolete:
                newer = obsolete[item.docnum]
                item.posting = None
                item.trail.append(StatusRecord(
                    "68", f"Not posted: IDoc {newer} with the same or a newer serialization "
                          f"key was already posted for {item.objkey}", "W", "B1", "385",
                    (newer, item.objkey)))
            else:
                assert item.posting is not None
                message = item.posting.message
                item.trail.append(StatusRecord("53", message.text, "S", message.msgid,
                                               message.msgno, message.variables))

    # -- writing -------------------------------------------------------------------------

    def _write(self, pending: list[_Pending], result: InboundResult) -> None:
        at = clock.now()
        headers: list[dict[str, Any]] = []
        statuses: list[tuple[str, int, StatusRecord]] = []
        credat, cretim = clock.dats(at), clock.tims(at)
        for item in pending:
            headers.append(_header_row(self.mandt, item, at, credat, cretim))
            docnum = item.docnum
            for counter, record in enumerate(item.trail, start=1):
                statuses.append((docnum, counter, record))
            result.add(docnum, item.trail[-1].status)
        idocs.insert_headers(self.conn, headers)
        idocs.insert_statuses(self.conn, self.mandt, at, statuses)
        postings = [p.posting for p in pending if p.posting is not None]
        self.write_postings(postings)
        self._write_change_pointers(postings, at)

    def write_postings(self, postings: list[Posting]) -> None:
        """Write postings in bulk, one writer call per message type; a chunk never holds two
        postings about one object."""
        by_type: dict[str, list[object]] = {}
        for item in postings:
            by_type.setdefault(item.mestyp, []).append(item.result)
        for mestyp, results in by_type.items():
            application = applications.for_message(mestyp)
            assert application is not None  # only known message types are posted
            application.write(self.conn, self.mandt, results)

    def _write_change_pointers(self, postings: list[Posting], at: datetime) -> None:
        change_pointers.record(self.conn, self.mandt, [
            change_pointers.ChangePointer(p.mestyp, p.objkey, p.change) for p in postings], at)


def _sender_docnum(idoc: Idoc) -> str:
    return idoc.control.get("DOCNUM", "").lstrip("0")


def _chunks(stream: Iterable[Idoc]) -> Iterator[list[_Pending]]:
    """Chunks of IDocs in which no object appears twice, so bulk writes keep their order;
    each IDoc with its message type's application and, where it can be read before the
    syntax check, its object's key (the IDoc number is drawn per chunk)."""
    chunk: list[_Pending] = []
    objects: set[tuple[str, str]] = set()
    for idoc in stream:
        application = applications.for_message(idoc.mestyp)
        objkey = _quick_object_key(application, idoc)
        key = None if application is None or objkey is None else (application.mestyp, objkey)
        alone = not _batchable(application)
        if chunk and (alone or len(chunk) >= CHUNK_SIZE or (key is not None and key in objects)):
            yield chunk
            chunk, objects = [], set()
        chunk.append(_Pending(idoc, "", [], application, chunk_objkey=objkey))
        if key is not None:
            objects.add(key)
        if alone:
            yield chunk
            chunk, objects = [], set()
    if chunk:
        yield chunk


def _without_segments(idoc: Idoc) -> Idoc:
    """The IDoc as the rest of its chunk needs it once it is posted: control record and XML.

    Its segments (a dozen tracked objects per MATMAS05) then go at once instead of when the
    chunk is written, so far fewer of them outlive young collections and reach the oldest
    generation: per 10,000 MATMAS05, 270 young and 2 full collections instead of 460 and 4.
    A copy, so that an IDoc the caller handed in keeps its segments."""
    return Idoc(idoc.control, NO_CHILDREN, idoc.xml, idoc.index, idoc.root)


def _batchable(application: Application | None) -> bool:
    return application is None or application.batchable


def _quick_object_key(application: Application | None, idoc: Idoc) -> str | None:
    if application is None:
        return None
    try:
        return application.object_key(idoc)
    except Exception:  # a malformed IDoc: its syntax check will say why
        return None


def _issue_status(status: str, issue: Issue, msgid: str, msgno: str,
                  more: int = 1) -> StatusRecord:
    text = str(issue) if more <= 1 else f"{issue} (and {more - 1} more)"
    return StatusRecord(status, text, "E", msgid, msgno, (issue.path, issue.field, issue.reason),
                        segfld=issue.field)


def _header_row(mandt: str, item: _Pending, at: datetime, credat: str,
                cretim: str) -> dict[str, Any]:
    control = item.idoc.control
    row: dict[str, Any] = {
        "mandt": mandt, "docnum": item.docnum, "direct": "2", "status": item.trail[-1].status,
        "idoctp": control.get("IDOCTYP", "")[:30], "cimtyp": control.get("CIMTYP", "")[:30],
        "mestyp": control.get("MESTYP", "")[:30],
        "refint": control.get("DOCNUM", "").lstrip("0")[:16], "objkey": item.objkey[:70],
        "credat": credat, "cretim": cretim, "created_at": at, "updated_at": at,
        "xml": item.idoc.xml.decode("utf-8"), "attempts": 0, "next_attempt_at": None,
    }
    for column, name, width in _CONTROL_FIELDS:
        row[column] = control.get(name, "")[:width]
    return row


#: (EDIDC column, EDI_DC40 field, column width) of the control columns copied from the IDoc
_CONTROL_FIELDS: tuple[tuple[str, str, int], ...] = tuple(
    (column, column.upper(), edidc.c[column].type.length)  # type: ignore[attr-defined]
    for column in idocs.CONTROL_COLUMNS)


