"""The IDoc monitor (WE02/WE05) and reprocessing (BD87) for the control API.

Reads through ``fake_sap.db.idocs``; reprocessing and resending go through ALE, which
writes the IDoc tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_sap.ale.dispatcher import schedule_resend
from fake_sap.ale.inbound import InboundProcessor
from fake_sap.ale.outbound import distribute_change_pointers
from fake_sap.db import idocs
from fake_sap.db.engine import Database
from fake_sap.db.idocs import IdocFilter
from fake_sap.errors import Conflict, NotFound

REPROCESSABLE_INBOUND = {"51", "64", "66"}
RESENDABLE_OUTBOUND = {"02", "30"}


@dataclass(frozen=True)
class IdocWithStatuses:
    control: dict[str, Any]
    statuses: list[dict[str, Any]]


def search(db: Database, mandt: str, where: IdocFilter, limit: int, offset: int
           ) -> tuple[list[dict[str, Any]], int]:
    with db.read() as conn:
        return idocs.search(conn, mandt, where, limit, offset)


def get(db: Database, mandt: str, docnum: str) -> dict[str, Any]:
    """The control record (with the XML); NotFound for an unknown IDoc."""
    with db.read() as conn:
        row = idocs.get(conn, mandt, docnum)
    if row is None:
        raise _not_found(mandt, docnum)
    return row


def get_with_statuses(db: Database, mandt: str, docnum: str) -> IdocWithStatuses:
    with db.read() as conn:
        row = idocs.get(conn, mandt, docnum)
        if row is None:
            raise _not_found(mandt, docnum)
        return IdocWithStatuses(row, idocs.statuses(conn, mandt, docnum))


def process(db: Database, mandt: str, docnum: str) -> bool:
    """BD87: reprocess an inbound IDoc (51/64/66) or schedule an outbound one (02/30) to be
    sent again. Returns whether the dispatcher has something to send now."""
    with db.write() as conn:
        row = idocs.get(conn, mandt, docnum)
        if row is None:
            raise _not_found(mandt, docnum)
        if row["direct"] == "2":
            if row["status"] not in REPROCESSABLE_INBOUND:
                raise Conflict(f"IDoc {docnum} has status {row['status']}; only inbound IDocs "
                               f"in status {sorted(REPROCESSABLE_INBOUND)} can be processed")
            InboundProcessor(conn, mandt).reprocess(docnum)
            return bool(distribute_change_pointers(conn, mandt))
        if row["status"] not in RESENDABLE_OUTBOUND:
            raise Conflict(f"IDoc {docnum} has status {row['status']}; only outbound IDocs "
                           f"in status {sorted(RESENDABLE_OUTBOUND)} can be sent again")
        schedule_resend(conn, mandt, docnum)
        return True


def _not_found(mandt: str, docnum: str) -> NotFound:
    return NotFound(f"IDoc {docnum} does not exist in client {mandt}")
