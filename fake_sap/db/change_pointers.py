"""Change pointers (BDCP2): which master-data objects changed, for ALE to distribute (BD21).

Layer: persistence. The one writer of BDCP2: whoever changes a distributed object (inbound
IDoc posting, the update task of a BAPI) records pointers here, and ALE outbound reads them
and marks them processed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Connection, update

from fake_sap.db.bulk import write_rows
from fake_sap.db.schema import bdcp2, partner_messages
from fake_sap.fastpath.driver import driver_statement


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


@lru_cache(maxsize=4)
def _mark_processed_without_receivers_sql(dialect: str) -> str:
    """As SQL text made once per dialect: it runs after every inbound IDoc-XML POST, where a
    compiled UPDATE with its subquery cost SQLAlchemy about as much again as the database."""
    mark = _PLACEHOLDER[dialect]
    return (f"UPDATE {bdcp2.name} SET process = 'X' WHERE mandt = {mark} AND process = '' "
            f"AND NOT EXISTS (SELECT 1 FROM {partner_messages.name} "
            f"WHERE mandt = {mark} AND direction = 'out')")


_PLACEHOLDER = {"sqlite": "?", "postgresql": "%s"}


def mark_processed_without_receivers(conn: Connection, mandt: str) -> bool:
    """BD21 where nobody receives: mark every open pointer processed when no partner of the
    client receives outbound message types, in one statement (after every posting, where
    asking first and marking then took two).

    True when it marked any; False when none was open or a partner receives, so that the
    caller distributes whatever is open."""
    # on the driver, which raises a storage failure as SQLAlchemy would (see fastpath)
    _, marked = driver_statement(conn, _mark_processed_without_receivers_sql(conn.dialect.name),
                                 (mandt, mandt))
    return bool(marked)


def mark_processed(conn: Connection, mandt: str, up_to: int) -> None:
    """Mark the open pointers up to the pointer ``up_to`` (BDCP2-CPIDENT) that were
    distributed processed (BDCP2-PROCESS X)."""
    conn.execute(update(bdcp2).where(bdcp2.c.mandt == mandt, bdcp2.c.process == "",
                                     bdcp2.c.cpident <= up_to).values(process="X"))
