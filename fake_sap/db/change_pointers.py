"""Change pointers (BDCP2): which master-data objects changed, for ALE to distribute (BD21).

Layer: persistence. Written by whoever changes a distributed object (inbound IDoc posting,
the update task of a BAPI), read and marked processed by ALE outbound.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection

from fake_sap.db.bulk import write_rows
from fake_sap.db.schema import bdcp2


class ChangePointer(NamedTuple):
    mestyp: str  # BDCP2-MESTYP, the message type that distributes the object (MATMAS)
    objkey: str  # BDCP2-TABKEY, the object's key (MATNR, KUNNR)
    change: str  # BDCP2-CDCHGID: I created, U changed, D flagged for deletion


def record(conn: Connection, mandt: str, pointers: Sequence[ChangePointer],
           at: datetime) -> None:
    """Record open change pointers (not yet processed), all created at ``at``."""
    write_rows(conn, bdcp2, [
        {"mandt": mandt, "mestyp": p.mestyp, "tabname": p.mestyp, "tabkey": p.objkey,
         "cdchgid": p.change, "cretime": at, "process": ""} for p in pointers])
