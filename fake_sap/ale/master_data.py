"""Sending master data (BD10 materials, BD12 customers): an initial load of a partner.

Unlike BD21 this needs no change pointers: every selected object (or every object of its
kind in the client) becomes a full outbound IDoc (MSGFN 005) for each receiver. The objects
are processed in packets, each committed in its own transaction ("number of materials per
process"), and the caller is told after each commit so that the dispatcher can start
sending while later packets are still being created.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from fake_sap.ale import applications
from fake_sap.ale.applications import Application, MasterDataReader
from fake_sap.ale.outbound import ObjectIdocs, create_idocs
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import CodesSource
from fake_sap.db import partners
from fake_sap.db.engine import Database
from fake_sap.db.master_data import KEYS_PER_QUERY
from fake_sap.errors import BadRequest, Conflict, NotFound

#: objects per packet (BD10 "number of materials per process"), one transaction each
PACKET_SIZE = 1_000
#: unknown objects named in an error message, at most
SHOWN = 5


@dataclass(frozen=True)
class MasterDataSent:
    """What a BD10/BD12 run created."""

    mestyp: str
    receivers: list[str]
    objects: int
    created: int
    first_docnum: str | None
    last_docnum: str | None


def send_master_data(db: Database, mandt: str, mestyp: str, receiver: str | None = None,
                     objects: Sequence[str] | None = None, packet_size: int = PACKET_SIZE,
                     packet_committed: Callable[[], None] | None = None,
                     codes: CodesSource | None = None) -> MasterDataSent:
    """Create full outbound IDocs of ``mestyp`` (MATMAS, DEBMAS) for ``receiver`` or for
    every partner subscribed to it, for the given objects (as entered, e.g. ``4711``) or
    all of them. ``packet_committed`` is called after each committed packet. ``codes``: the
    client's ISO code tables as the request's client state keeps them (None: read)."""
    application = _application(mestyp)
    reader = application.outbound
    assert reader is not None
    with db.read() as conn:
        receivers = _receivers(conn, mandt, mestyp, receiver)
        keys = reader.all_keys(conn, mandt) if objects is None else \
            _selected(conn, mandt, application, reader, objects)
    docnums: list[str] = []
    for start in range(0, len(keys), packet_size):
        packet = keys[start:start + packet_size]
        with db.write() as conn:
            if codes is not None:
                iso_codes.use_in_transaction(conn, codes)
            # read in the write transaction: the IDoc shows the object as of its number
            segments = reader.read_segments_many(conn, mandt, packet)
            created = create_idocs(conn, mandt, ObjectIdocs(
                mestyp, application.outbound_type, receivers, packet, segments))
        docnums += created
        if created and packet_committed is not None:
            packet_committed()
    return MasterDataSent(mestyp, receivers, len(keys), len(docnums),
                          docnums[0] if docnums else None, docnums[-1] if docnums else None)


def _application(mestyp: str) -> Application:
    application = applications.for_message(mestyp)
    if application is None or application.outbound is None:
        sendable = sorted(m for m, a in applications.APPLICATIONS.items() if a.outbound)
        raise BadRequest(f"Message type {mestyp} is not sent as master data; "
                         f"use one of {', '.join(sendable)}")
    return application


def _receivers(conn: Connection, mandt: str, mestyp: str, receiver: str | None) -> list[str]:
    """The given logical system, which must have an outbound profile for the message type,
    or every partner the distribution model sends it to."""
    subscribed = partners.receivers(conn, mandt, mestyp)
    if receiver is None:
        if not subscribed:
            raise Conflict(f"No partner of client {mandt} receives message type {mestyp}; "
                           "add it to a partner's outbound message types (WE20)")
        return subscribed
    if partners.get(conn, mandt, receiver) is None:
        raise NotFound(f"Partner {receiver} is not defined in client {mandt}")
    if receiver not in subscribed:
        raise Conflict(f"Partner {receiver} has no outbound parameters for message type "
                       f"{mestyp} (WE20)")
    return [receiver]


def _selected(conn: Connection, mandt: str, application: Application,
              reader: MasterDataReader, objects: Sequence[str]) -> list[str]:
    """The named objects in their internal form, each once, in the order given; all of
    them must exist, so that a typo does not pass for a successful load."""
    try:
        keys = list(dict.fromkeys(reader.key_input(raw) for raw in objects))
    except ValueError as error:
        raise BadRequest(f"Not a {application.kind} number: {error}") from None
    existing: set[str] = set()
    for start in range(0, len(keys), KEYS_PER_QUERY):
        existing.update(application.prefetch(conn, mandt, keys[start:start + KEYS_PER_QUERY]))
    unknown = [key for key in keys if key not in existing]
    if unknown:
        shown = ", ".join(k.lstrip("0") or k for k in unknown[:SHOWN])
        more = f" and {len(unknown) - SHOWN} more" if len(unknown) > SHOWN else ""
        raise NotFound(f"{len(unknown)} {application.kind}(s) do not exist in client "
                       f"{mandt}: {shown}{more}")
    return keys
