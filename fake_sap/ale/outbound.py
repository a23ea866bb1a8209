"""Outbound ALE: change pointers (BDCP2) become IDocs for every subscribed partner (BD21).

An outbound IDoc is created with status 01 and, queued for its partner's XML-HTTP port,
30. The dispatcher (``fake_sap.ale.dispatcher``) passes it to the port: 03 on HTTP 2xx,
02 with the error otherwise. Creating the IDoc happens in the same transaction as the
change that caused it, so a committed change is never without its IDoc.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from fake_sap import clock
from fake_sap.ale import applications
from fake_sap.db import change_pointers, idocs, numbers, partners
from fake_sap.db.idocs import StatusRecord
from fake_sap.db.schema import bdcp2
from fake_sap.fastpath.idoc_xml import idoc_xml_text
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType

DOCNUM_RANGE = "EDI_DOCNUM"
CREATED = StatusRecord("01", "IDoc generated")
READY_FOR_DISPATCH = StatusRecord("30", "IDoc ready for dispatch (ALE service)")
#: objects read and turned into IDocs together: one query per table for a batch
OBJECTS_PER_BATCH = 1_000


def own_logical_system(mandt: str) -> str:
    """The emulator's logical system name for a client (system ID FAK)."""
    return f"FAKCLNT{mandt}"


def own_port() -> str:
    return "SAPFAK"


def distribute_change_pointers(conn: Connection, mandt: str) -> list[str]:
    """Turn open change pointers into outbound IDocs (one per object and receiver)."""
    if change_pointers.mark_processed_without_receivers(conn, mandt):
        # nobody to distribute to: BD21 would just mark the pointers processed
        return []
    pointers = conn.execute(
        select(bdcp2.c.cpident, bdcp2.c.mestyp, bdcp2.c.tabkey)
        .where(bdcp2.c.mandt == mandt, bdcp2.c.process == "").order_by(bdcp2.c.cpident)
    ).all()
    if not pointers:
        return []
    # several pointers of one object make one full IDoc; the first pointer sets its place
    objects = list(dict.fromkeys((mestyp, objkey) for _cpident, mestyp, objkey in pointers))
    receivers_by_type = {mestyp: partners.receivers(conn, mandt, mestyp)
                         for mestyp in dict.fromkeys(m for m, _ in objects)}
    created: list[str] = []
    for start in range(0, len(objects), OBJECTS_PER_BATCH):
        batch = objects[start:start + OBJECTS_PER_BATCH]
        created += create_idocs(conn, mandt, _full_idocs(conn, mandt, batch, receivers_by_type))
    change_pointers.mark_processed(conn, mandt, up_to=pointers[-1][0])
    return created


def _full_idocs(conn: Connection, mandt: str, objects: list[tuple[str, str]],
                receivers_by_type: dict[str, list[str]]) -> Collection[NewIdoc]:
    """The IDocs for (message type, object) pairs, in their order, one per receiver; each
    made only when it is written (see :class:`ObjectIdocs`)."""
    read: dict[str, tuple[IdocType, Mapping[str, list[SegmentData]]]] = {}
    for mestyp in dict.fromkeys(m for m, _ in objects):
        application = applications.for_message(mestyp)
        if receivers_by_type[mestyp] and application and application.outbound:
            read[mestyp] = (application.outbound_type, application.outbound.read_segments_many(
                conn, mandt, [key for m, key in objects if m == mestyp]))
    # objects not distributed, or gone since their change, are left out
    return _ChangedObjects([(mestyp, objkey) for mestyp, objkey in objects
                            if mestyp in read and objkey in read[mestyp][1]],
                           read, receivers_by_type)


@dataclass(frozen=True)
class _ChangedObjects:
    """:class:`ObjectIdocs` for objects of several message types, in the given order."""

    objects: list[tuple[str, str]]
    read: Mapping[str, tuple[IdocType, Mapping[str, list[SegmentData]]]]
    receivers_by_type: Mapping[str, list[str]]

    def __len__(self) -> int:
        return sum(len(self.receivers_by_type[mestyp]) for mestyp, _ in self.objects)

    def __iter__(self) -> Iterator[NewIdoc]:
        for mestyp, objkey in self.objects:
            idoc_type, segments_by_key = self.read[mestyp]
            segments = segments_by_key[objkey]
            for receiver in self.receivers_by_type[mestyp]:
                yield NewIdoc(mestyp, idoc_type, receiver, objkey, segments)

    def __contains__(self, item: object) -> bool:  # a Collection has it; makes the IDocs
        return any(item == idoc for idoc in self)


@dataclass(frozen=True)
class NewIdoc:
    """An outbound IDoc to create: one object, in full, for one receiver."""

    mestyp: str
    idoc_type: IdocType
    receiver: str
    objkey: str
    segments: list[SegmentData]


@dataclass(frozen=True)
class ObjectIdocs:
    """The IDocs of objects of one message type, one per object and receiver, in the order
    of the keys; each is made only when it is written (:func:`create_idocs`), so that the
    segments of one object live only as long as writing its IDocs takes (see
    :class:`fake_sap.ale.master_segments.SegmentsOnDemand`). Keys without segments are
    left out."""

    mestyp: str
    idoc_type: IdocType
    receivers: Sequence[str]
    keys: Sequence[str]
    segments: Mapping[str, list[SegmentData]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", [key for key in self.keys if key in self.segments])

    def __len__(self) -> int:
        return len(self.keys) * len(self.receivers)

    def __iter__(self) -> Iterator[NewIdoc]:
        for key in self.keys:
            segments = self.segments[key]
            for receiver in self.receivers:
                yield NewIdoc(self.mestyp, self.idoc_type, receiver, key, segments)

    def __contains__(self, item: object) -> bool:  # a Collection has it; makes the IDocs
        return any(item == idoc for idoc in self)


def create_idocs(conn: Connection, mandt: str, new: Collection[NewIdoc]) -> list[str]:
    """Create outbound IDocs in status 30, numbered in the given order; their DOCNUMs.
    ``new`` is iterated once, and each IDoc written as it comes (see :class:`ObjectIdocs`)."""
    if not new:
        return []
    first = numbers.take(conn, mandt, DOCNUM_RANGE, len(new))
    # read the clock only once the numbers are ours: taking them serializes the writers of
    # a client, so SERIAL then grows with DOCNUM even when transactions run side by side;
    # within the block each IDoc is a microsecond younger than the one before
    at = clock.now()
    sndpor, sndprn = own_port(), own_logical_system(mandt)
    headers: list[dict[str, Any]] = []
    statuses: list[tuple[str, int, StatusRecord]] = []
    for offset, (idoc, (moment, credat, cretim, serial)) in enumerate(
            zip(new, clock.consecutive(at, len(new)), strict=True)):
        docnum = f"{first + offset:016d}"
        control = {
            "TABNAM": "EDI_DC40", "MANDT": mandt, "DOCNUM": docnum, "DOCREL": "740",
            "STATUS": "30", "DIRECT": "1", "OUTMOD": "2", "MESTYP": idoc.mestyp,
            "STDMES": idoc.mestyp[:6], "SNDPOR": sndpor, "SNDPRT": "LS",
            "SNDPRN": sndprn, "RCVPOR": _port_name(idoc.receiver),
            "RCVPRT": "LS", "RCVPRN": idoc.receiver, "CREDAT": credat,
            "CRETIM": cretim, "SERIAL": serial,
        }
        xml = idoc_xml_text(idoc.idoc_type, [Idoc(control, idoc.segments)])
        headers.append({
            "mandt": mandt, "docnum": docnum, "direct": "1",
            "status": READY_FOR_DISPATCH.status, "idoctp": idoc.idoc_type.idoctyp,
            "cimtyp": idoc.idoc_type.cimtyp, "mestyp": idoc.mestyp, "mescod": "",
            "mesfct": "", "sndpor": sndpor, "sndprt": "LS",
            "sndprn": sndprn, "rcvpor": _port_name(idoc.receiver),
            "rcvprt": "LS", "rcvprn": idoc.receiver, "serial": serial,
            "refint": "", "objkey": idoc.objkey[:70], "credat": credat,
            "cretim": cretim, "created_at": moment, "updated_at": moment,
            "xml": xml, "attempts": 0, "next_attempt_at": 0.0,
        })
        statuses += [(docnum, 1, CREATED), (docnum, 2, READY_FOR_DISPATCH)]
    idocs.insert_headers(conn, headers)
    idocs.insert_statuses(conn, mandt, at, statuses)
    return [h["docnum"] for h in headers]


def _port_name(receiver: str) -> str:
    """WE21 port names are 10 characters; the emulator names a partner's port after it."""
    return f"XH{receiver}"[:10]
