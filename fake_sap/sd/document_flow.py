"""The SD document flow (VBFA): which document follows which, with what quantity.

The one writer of VBFA. Orders link to their references (returns to the order), deliveries
to the order items they deliver, material documents to the delivery items they moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from fake_sap.db.documents import vbfa


def link(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Add flow records (whole VBFA rows: predecessor, successor, quantities)."""
    if rows:
        conn.execute(insert(vbfa), list(rows))


def unlink_successor(conn: Connection, mandt: str, vbeln: str, posnn: str | None = None
                     ) -> None:
    """Remove the flow records that lead to document ``vbeln`` (or to its item ``posnn``)."""
    condition = (vbfa.c.mandt == mandt) & (vbfa.c.vbeln == vbeln)
    if posnn is not None:
        condition = condition & (vbfa.c.posnn == posnn)
    conn.execute(delete(vbfa).where(condition))


def change_quantity(conn: Connection, mandt: str, *, vbelv: str, posnv: str, vbeln: str,
                    posnn: str, rfmng: str) -> None:
    """The referenced quantity of one flow record (a changed or counted delivery item)."""
    conn.execute(update(vbfa).where(vbfa.c.mandt == mandt, vbfa.c.vbelv == vbelv,
                                    vbfa.c.posnv == posnv, vbfa.c.vbeln == vbeln,
                                    vbfa.c.posnn == posnn).values(rfmng=rfmng))


# --- reading (the document flow display, VA03/VL03N "Document flow") -------------------------

def preceding(conn: Connection, mandt: str, vbeln: str) -> list[dict[str, Any]]:
    """The flow records that lead to document ``vbeln`` (its predecessors)."""
    return [dict(r) for r in conn.execute(select(vbfa).where(
        vbfa.c.mandt == mandt, vbfa.c.vbeln == vbeln).order_by(
        vbfa.c.vbelv, vbfa.c.posnv, vbfa.c.posnn)).mappings()]


def following(conn: Connection, mandt: str, vbelv: str) -> list[dict[str, Any]]:
    """The flow records that start at document ``vbelv`` (its successors)."""
    return [dict(r) for r in conn.execute(select(vbfa).where(
        vbfa.c.mandt == mandt, vbfa.c.vbelv == vbelv).order_by(
        vbfa.c.vbeln, vbfa.c.posnv, vbfa.c.posnn)).mappings()]
