"""Outbound ALE: change pointers (BDCP2) become IDocs for every subscribed partner (BD21).

An outbound IDoc is created with status 01 and, queued for its partner's XML-HTTP port,
30. The dispatcher (``fake_sap.ale.dispatcher``) passes it to the port: 03 on HTTP 2xx,
02 with the error otherwise. Creating the IDoc happens in the same transaction as the
change that caused it, so a committed change is never without its IDoc.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select, update

from fake_sap import clock
from fake_sap.ale import applications
from fake_sap.db import idocs, numbers, partners
from fake_sap.db.idocs import StatusRecord
from fake_sap.db.schema import bdcp2
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.writer import to_xml

DOCNUM_RANGE = "EDI_DOCNUM"
CREATED = StatusRecord("01", "IDoc generated")
READY_FOR_DISPATCH = StatusRecord("30", "IDoc ready for dispatch (ALE service)")


def own_logical_system(mandt: str) -> str:
    """The emulator's logical system name for a client (system ID FAK)."""
    return f"FAKCLNT{mandt}"


def own_port() -> str:
    return "SAPFAK"


def distribute_change_pointers(conn: Connection, mandt: str) -> list[str]:
    """Turn open change pointers into outbound IDocs (one per object and receiver)."""
    if not partners.has_outbound_subscriptions(conn, mandt):
        # nobody to distribute to: BD21 would just mark the pointers processed
        conn.execute(_MARK_ALL_PROCESSED, {"client": mandt})
        return []
    pointers = conn.execute(
        select(bdcp2.c.cpident, bdcp2.c.mestyp, bdcp2.c.tabkey)
        .where(bdcp2.c.mandt == mandt, bdcp2.c.process == "").order_by(bdcp2.c.cpident)
    ).all()
    if not pointers:
        return []
    created: list[str] = []
    receivers_by_type: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for _cpident, mestyp, objkey in pointers:
        if (mestyp, objkey) in seen:
            continue  # several pointers of one object make one full IDoc
        seen.add((mestyp, objkey))
        if mestyp not in receivers_by_type:
            receivers_by_type[mestyp] = partners.receivers(conn, mandt, mestyp)
        receivers = receivers_by_type[mestyp]
        application = applications.for_message(mestyp)
        if not receivers or application is None or application.read_segments is None:
            continue
        segments = application.read_segments(conn, mandt, objkey)
        if not segments:
            continue
        for receiver in receivers:
            created.append(create_idoc(conn, mandt, receiver, application.outbound_type,
                                       mestyp, segments, objkey))
    last = pointers[-1][0]
    conn.execute(update(bdcp2).where(bdcp2.c.mandt == mandt, bdcp2.c.process == "",
                                     bdcp2.c.cpident <= last).values(process="X"))
    return created


_MARK_ALL_PROCESSED = update(bdcp2).where(
    bdcp2.c.mandt == bindparam("client"), bdcp2.c.process == "").values(process="X")


def create_idoc(conn: Connection, mandt: str, receiver: str, idoc_type: IdocType, mestyp: str,
                segments: list[SegmentData], objkey: str) -> str:
    """Create one outbound IDoc in status 30 for ``receiver`` and return its DOCNUM."""
    docnum = f"{numbers.take(conn, mandt, DOCNUM_RANGE):016d}"
    # read the clock only once the number is ours: taking it serializes the writers of a
    # client, so SERIAL then grows with DOCNUM even when transactions run side by side
    at = clock.now()
    control = {
        "TABNAM": "EDI_DC40", "MANDT": mandt, "DOCNUM": docnum, "DOCREL": "740",
        "STATUS": "30", "DIRECT": "1", "OUTMOD": "2", "MESTYP": mestyp, "STDMES": mestyp[:6],
        "SNDPOR": own_port(), "SNDPRT": "LS", "SNDPRN": own_logical_system(mandt),
        "RCVPOR": _port_name(receiver), "RCVPRT": "LS", "RCVPRN": receiver,
        "CREDAT": clock.dats(at), "CRETIM": clock.tims(at), "SERIAL": clock.serial(at),
    }
    xml = to_xml(idoc_type, [Idoc(control, segments)])
    idocs.insert_headers(conn, [{
        "mandt": mandt, "docnum": docnum, "direct": "1", "status": READY_FOR_DISPATCH.status,
        "idoctp": idoc_type.idoctyp, "cimtyp": idoc_type.cimtyp, "mestyp": mestyp,
        "mescod": "", "mesfct": "", "sndpor": own_port(), "sndprt": "LS",
        "sndprn": own_logical_system(mandt), "rcvpor": _port_name(receiver), "rcvprt": "LS",
        "rcvprn": receiver, "serial": control["SERIAL"], "refint": "", "objkey": objkey[:70],
        "credat": control["CREDAT"], "cretim": control["CRETIM"], "created_at": at,
        "updated_at": at, "xml": xml.decode("utf-8"), "attempts": 0, "next_attempt_at": 0.0,
    }])
    idocs.insert_statuses(conn, mandt, at, [(docnum, 1, CREATED),
                                            (docnum, 2, READY_FOR_DISPATCH)])
    return docnum


def _port_name(receiver: str) -> str:
    """WE21 port names are 10 characters; the emulator names a partner's port after it."""
    return f"XH{receiver}"[:10]
