"""The IDoc monitor (WE02/WE05) for the control API: IDocs and their status records.

Layer: basis service. Reads through ``fake_sap.db.idocs``. Reprocessing and resending
(BD87) change IDocs through ALE, so they live in the ALE edge
(:mod:`fake_sap.ale.reprocessing`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_sap.db import idocs
from fake_sap.db.engine import Database
from fake_sap.db.idocs import IdocFilter
from fake_sap.errors import NotFound


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
        raise not_found(mandt, docnum)
    return row


def get_with_statuses(db: Database, mandt: str, docnum: str) -> IdocWithStatuses:
    with db.read() as conn:
        row = idocs.get(conn, mandt, docnum)
        if row is None:
            raise not_found(mandt, docnum)
        return IdocWithStatuses(row, idocs.statuses(conn, mandt, docnum))


def not_found(mandt: str, docnum: str) -> NotFound:
    return NotFound(f"IDoc {docnum} does not exist in client {mandt}")
