"""Transactional RFC units: a TID plus one or more function calls, executed at most once.

Layer: RFC edge. Imports the RFC layer's own modules, ``fake_sap.db`` (the engine and the
``arfcrstate`` table, whose one writer this module is) and lxml; never Flask.

SAP's answer to a lost answer is transactional RFC: the caller names a logical unit of work
by a transaction ID (TID) and may send it again until it has confirmed it; the receiver
remembers every TID it executed (table ARFCRSTATE) and does not execute one twice. Here:

- :func:`claim` records the TID in its own committed transaction (state RECORDED, with an
  owner token and a lease). A TID that is already there is not executed again: the caller
  gets its state, and the stored answer once it is EXECUTED.
- The unit's calls then run in a fresh SAP session; the update tasks they register are
  committed by one COMMIT WORK at the end, and :func:`finish` marks the TID EXECUTED with the
  answer **in that same database transaction**, so "written" and "executed" cannot part.
- If the unit fails (an exception, a dump), nothing of it was written: :func:`release`
  drops the claim and the caller may send the unit again.
- If the process dies between claim and commit, nothing was written either; the claim's
  lease runs out and the next resend takes the unit over. :func:`finish` checks the owner
  token, so an execution that lost its claim (a takeover after the lease) cannot commit too.
- :func:`confirm` forgets the TID (the caller has recorded the outcome; it will not resend).

The wire format (an emulator extension, not SAP's) is described in docs/soap-rfc.md.
"""

from __future__ import annotations

import copy
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lxml import etree
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from fake_sap.db.engine import Database
from fake_sap.db.rfc_schema import arfcrstate
from fake_sap.rfc import soap
from fake_sap.rfc.errors import RequestError

#: namespace of the emulator's unit header (not SAP's)
UNIT_NS = "urn:fake-sap:rfc-unit"
#: the submit path; the state and the confirmation are ``<UNIT_PATH>/<TID>``
UNIT_PATH = "/sap/fake/rfc/unit"

#: ARFCSTATE values: the unit runs / the unit was committed
RECORDED, EXECUTED = "RECORDED", "EXECUTED"
#: the states on the wire (and in :class:`UnitState`)
EXECUTING, DONE, NOT_FOUND = "executing", "executed", "not_found"

#: a claim is held this long; longer than any execution can take (gunicorn's worker timeout
#: is 300 s and kills a longer request), so only a dead execution's claim runs out
LEASE_SECONDS = 360.0

# pyrfc: a tRFC/qRFC TID is 24 characters (RFC_TID_LN), a bgRFC unit ID 32 (RFC_UNITID_LN);
# both are GUIDs written as upper-case hex
_TID = re.compile(r"^[0-9A-F]{24}$|^[0-9A-F]{32}$")


@dataclass(frozen=True)
class UnitRequest:
    tid: str
    background: bool
    calls: list[soap.RfcRequest]


def parse_request(body: bytes) -> UnitRequest:
    """A unit: the SOAP Header's ``<u:Unit id="TID" background="false"/>`` and the calls."""
    envelope = soap.parse_envelope(body)
    unit = next((e for e in envelope.header
                 if isinstance(e.tag, str) and e.tag == f"{{{UNIT_NS}}}Unit"), None)
    if unit is None:
        raise RequestError("NO_UNIT", f"The SOAP Header carries no <Unit> in {UNIT_NS}")
    tid = (unit.get("id") or "").strip().upper()
    if not _TID.match(tid):
        raise RequestError("INVALID_TID", "The unit id must be 24 (TID) or 32 (bgRFC unit) "
                                          "hexadecimal characters")
    background = (unit.get("background") or "false").strip().lower() in ("true", "1")
    return UnitRequest(tid, background, envelope.calls)


def plain_request(body: bytes) -> soap.RfcRequest:
    """The call of a plain SOAP-RFC envelope (``/sap/bc/soap/rfc``), refusing a unit.

    A unit posted to the plain path would run as a plain call: no TID recorded, no once-only
    guarantee, and its update tasks left to the session's switches. The caller believes the
    opposite, so the envelope is refused and nothing runs. The unit header is the emulator's
    own extension, which a real SAP never receives, so this refusal is the emulator's own too.
    """
    envelope = soap.parse_envelope(body)
    if any(isinstance(e.tag, str) and e.tag == f"{{{UNIT_NS}}}Unit" for e in envelope.header):
        raise RequestError("UNIT_NOT_ON_PLAIN_PATH",
                           f"The SOAP Header carries a transactional unit (<Unit> in {UNIT_NS}); "
                           f"/sap/bc/soap/rfc runs plain calls without the unit's once-only "
                           f"guarantee, so nothing was run. Post units to {UNIT_PATH}")
    return envelope.calls[0]


def valid_tid(tid: str) -> str:
    tid = tid.strip().upper()
    if not _TID.match(tid):
        raise RequestError("INVALID_TID", "The unit id must be 24 (TID) or 32 (bgRFC unit) "
                                          "hexadecimal characters")
    return tid


# -- the TID table ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """The outcome of :func:`claim`: ours to execute (``owner`` set), or someone else's."""

    state: str
    owner: str | None = None
    #: the stored answer of an executed unit
    answer: bytes | None = None

    @property
    def ours(self) -> bool:
        return self.owner is not None


class LostClaim(Exception):
    """The unit was taken over (its lease ran out) while this execution ran."""


def claim(db: Database, mandt: str, tid: str, user: str, function: str,
          now: float | None = None) -> Claim:
    """Record the TID as RECORDED and hand it to the caller, unless it is known already."""
    now = time.time() if now is None else now
    owner = secrets.token_hex(16)
    try:
        with db.write() as conn:
            row = _row(conn, mandt, tid, lock=True)
            if row is None:
                stamp = datetime.fromtimestamp(now, UTC)
                conn.execute(insert(arfcrstate).values(
                    mandt=mandt, tid=tid, arfcstate=RECORDED, arfcfnam=function[:30],
                    arfcdatum=stamp.strftime("%Y%m%d"), arfcuzeit=stamp.strftime("%H%M%S"),
                    arfcuser=user[:12], arfcretrys=1, owner=owner,
                    lease_until=now + LEASE_SECONDS, result=None))
                return Claim(EXECUTING, owner)
            if row["arfcstate"] == RECORDED and row["lease_until"] < now:
                # the execution that held it died before its commit: nothing was written
                conn.execute(update(arfcrstate).where(
                    arfcrstate.c.mandt == mandt, arfcrstate.c.tid == tid,
                    arfcrstate.c.owner == row["owner"]).values(
                    owner=owner, lease_until=now + LEASE_SECONDS,
                    arfcretrys=row["arfcretrys"] + 1))
                return Claim(EXECUTING, owner)
            return _known(row)
    except IntegrityError:
        # another process inserted the same TID at the same moment (PostgreSQL): theirs
        with db.read() as conn:
            row = _row(conn, mandt, tid)
        return _known(row) if row is not None else Claim(EXECUTING)


def _known(row: dict[str, Any]) -> Claim:
    if row["arfcstate"] == EXECUTED:
        answer = row["result"]
        return Claim(DONE, answer=answer.encode() if isinstance(answer, str) else None)
    return Claim(EXECUTING)


def finish(conn: Connection, mandt: str, tid: str, owner: str, answer: bytes) -> None:
    """Mark the unit EXECUTED with its answer, in the transaction that commits its work."""
    result = conn.execute(update(arfcrstate).where(
        arfcrstate.c.mandt == mandt, arfcrstate.c.tid == tid, arfcrstate.c.owner == owner,
        arfcrstate.c.arfcstate == RECORDED).values(arfcstate=EXECUTED,
                                                   result=answer.decode()))
    if result.rowcount != 1:
        raise LostClaim(tid)


def release(db: Database, mandt: str, tid: str, owner: str) -> None:
    """Drop the claim of a unit that failed: nothing of it was written, it may be resent."""
    with db.write() as conn:
        conn.execute(delete(arfcrstate).where(
            arfcrstate.c.mandt == mandt, arfcrstate.c.tid == tid, arfcrstate.c.owner == owner,
            arfcrstate.c.arfcstate == RECORDED))


def state(db: Database, mandt: str, tid: str) -> str:
    with db.read() as conn:
        row = _row(conn, mandt, tid)
    if row is None:
        return NOT_FOUND
    return DONE if row["arfcstate"] == EXECUTED else EXECUTING


def confirm(db: Database, mandt: str, tid: str) -> bool:
    """Forget the TID; True if it was known. A unit still running is not forgotten."""
    with db.write() as conn:
        result = conn.execute(delete(arfcrstate).where(
            arfcrstate.c.mandt == mandt, arfcrstate.c.tid == tid,
            arfcrstate.c.arfcstate == EXECUTED))
    return result.rowcount == 1


def _row(conn: Connection, mandt: str, tid: str, lock: bool = False
         ) -> dict[str, Any] | None:
    query = select(arfcrstate).where(arfcrstate.c.mandt == mandt, arfcrstate.c.tid == tid)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return dict(row) if row else None


# -- the answer ---------------------------------------------------------------------------------

def answer(tid: str, unit_state: str, responses: list[etree._Element] | None = None,
           update_error: str | None = None) -> bytes:
    """The unit's SOAP answer: ``<u:Unit id state/>`` in the Header, then each call's
    ``NAME.Response`` in order (only for the execution that ran it, and when stored)."""
    envelope, body = soap.envelope()
    header = etree.Element(f"{{{soap.SOAP_ENV_NS}}}Header")
    envelope.insert(0, header)
    unit = etree.SubElement(header, f"{{{UNIT_NS}}}Unit", nsmap={"u": UNIT_NS})
    unit.set("id", tid)
    unit.set("state", unit_state)
    if update_error:
        unit.set("updateError", update_error)
    for element in responses or []:
        body.append(copy.deepcopy(element))  # appending would move it out of the caller's list
    return soap.serialize(envelope)


def replayed(stored: bytes) -> bytes:
    """A stored answer, marked as the answer of an earlier execution."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(stored, parser)
    for unit in root.iter(f"{{{UNIT_NS}}}Unit"):
        unit.set("replayed", "true")
    return soap.serialize(root)
