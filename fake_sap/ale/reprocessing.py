"""BD87: process an inbound IDoc again, or send an outbound one again.

Layer: ALE edge. Reprocessing posts through the inbound processor, and a resend is
scheduled for the dispatcher; the control API calls :func:`process`.
"""

from __future__ import annotations

from fake_sap.ale import applications
from fake_sap.ale.dispatcher import schedule_resend
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.ale.outbound import distribute_change_pointers
from fake_sap.basis.idoc_monitor import not_found
from fake_sap.db import idocs
from fake_sap.db.engine import Database
from fake_sap.errors import Conflict

REPROCESSABLE_INBOUND = {"51", "64", "66"}
RESENDABLE_OUTBOUND = {"02", "30"}


def process(db: Database, mandt: str, docnum: str) -> bool:
    """BD87: reprocess an inbound IDoc (51/64/66) or schedule an outbound one (02/30) to be
    sent again. Returns whether the dispatcher has something to send now."""
    with db.write() as conn:
        row = idocs.get(conn, mandt, docnum)
        if row is None:
            raise not_found(mandt, docnum)
        if row["direct"] == "2":
            if row["status"] not in REPROCESSABLE_INBOUND:
                raise Conflict(f"IDoc {docnum} has status {row['status']}; only inbound IDocs "
                               f"in status {sorted(REPROCESSABLE_INBOUND)} can be processed")
            if applications.for_message(row["mestyp"]) is None:
                # an IDoc of an imported type that ALE passed through (64): nothing posts it
                raise Conflict(f"IDoc {docnum} of message type {row['mestyp']} has no posting "
                               f"logic in this system; ALE passed it on to the partners "
                               f"subscribed to {row['mestyp']}")
            InboundProcessor(conn, mandt).reprocess(docnum)
            return bool(distribute_change_pointers(conn, mandt))
        if row["status"] not in RESENDABLE_OUTBOUND:
            raise Conflict(f"IDoc {docnum} has status {row['status']}; only outbound IDocs "
                           f"in status {sorted(RESENDABLE_OUTBOUND)} can be sent again")
        schedule_resend(conn, mandt, docnum)
        return True
