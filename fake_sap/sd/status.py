"""Status maintenance (VBUK/VBUP) from the document flow, after every logistics step.

The one writer of VBUK and VBUP: documents add their status rows here, and every change of
a status goes through a function of this module. A sales order's delivery status moving to
or away from "completely delivered" changes its customer's open order value
(:mod:`fake_sap.sd.open_orders`), so that goes through here too.

Values as in SAP: ``A`` not yet processed, ``B`` partially processed, ``C`` completely
processed, blank not relevant.

Layer: business (SD). May import ``fake_sap.db`` and ``fake_sap.sd.open_orders`` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, select, update

from fake_sap.db.bulk import write_rows
from fake_sap.db.documents import likp, lips, vbak, vbap, vbuk, vbup
from fake_sap.sd import open_orders


def processing_level(done: Decimal, total: Decimal) -> str:
    """A status value from the quantity done of a total: A none, B part, C all."""
    if done <= 0:
        return "A"
    return "C" if done >= total else "B"


def overall_level(levels: list[str]) -> str:
    """A header status from its items': C when all are (or there are none), A when none
    has started, B otherwise."""
    if not levels or all(level == "C" for level in levels):
        return "C"
    if all(level == "A" for level in levels):
        return "A"
    return "B"


def delivered_quantities(conn: Connection, mandt: str, vbeln: str,
                         goods_moved_only: bool = False) -> dict[str, Decimal]:
    """Quantity delivered per order item (optionally only deliveries with goods movement)."""
    query = (select(lips.c.vgpos, lips.c.lfimg)
             .select_from(lips.join(likp, and_(likp.c.mandt == lips.c.mandt,
                                               likp.c.vbeln == lips.c.vbeln)))
             .where(lips.c.mandt == mandt, lips.c.vgbel == vbeln))
    if goods_moved_only:
        query = query.where(likp.c.wadat_ist != "")
    totals: dict[str, Decimal] = {}
    for posnr, quantity in conn.execute(query):
        totals[posnr] = totals.get(posnr, Decimal(0)) + Decimal(quantity)
    return totals


def refresh_order(conn: Connection, mandt: str, vbeln: str,
                  closed_items: set[str] | None = None) -> str:
    """Recompute delivery and overall status of a sales document; returns LFGSK.

    ``closed_items`` are items whose remainder will not be delivered (no partial deliveries
    agreed): they count as completely delivered.
    """
    before = conn.execute(_OPEN_VALUE_FIELDS, {"mandt": mandt, "vbeln": vbeln}).first()
    items = conn.execute(select(vbap.c.posnr, vbap.c.kwmeng).where(
        vbap.c.mandt == mandt, vbap.c.vbeln == vbeln)).all()
    delivered = delivered_quantities(conn, mandt, vbeln)
    closed = set(closed_items or ())
    closed |= set(conn.execute(select(vbup.c.posnr).where(
        vbup.c.mandt == mandt, vbup.c.vbeln == vbeln, vbup.c.absta == "C")).scalars())
    delivery_levels = []
    for posnr, ordered in items:
        total = Decimal(ordered)
        level = "C" if posnr in closed and delivered.get(posnr, 0) > 0 else \
            processing_level(delivered.get(posnr, Decimal(0)), total)
        delivery_levels.append(level)
        conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln,
                                        vbup.c.posnr == posnr).values(
            lfsta=level, lfgsa=level, gbsta=level,
            absta="C" if posnr in closed else "A"))
    overall = overall_level(delivery_levels)
    conn.execute(update(vbuk).where(vbuk.c.mandt == mandt, vbuk.c.vbeln == vbeln).values(
        lfstk=overall, lfgsk=overall, gbstk=overall))
    if before is not None:
        kunnr, netwr, vbtyp, lfgsk = before
        was_open, is_open = open_orders.counts(vbtyp, lfgsk), open_orders.counts(vbtyp, overall)
        if was_open != is_open:  # delivered completely, or open again: the credit check sees it
            value = Decimal(netwr)
            open_orders.add(conn, mandt, kunnr, value if is_open else -value)
    return overall


#: what the open order value of a document needs (its customer, value, category and delivery
#: status before the refresh). Built once.
_OPEN_VALUE_FIELDS = select(vbak.c.kunnr, vbak.c.netwr, vbak.c.vbtyp, vbuk.c.lfgsk).select_from(
    vbak.join(vbuk, and_(vbuk.c.mandt == vbak.c.mandt, vbuk.c.vbeln == vbak.c.vbeln)),
).where(vbak.c.mandt == bindparam("mandt"), vbak.c.vbeln == bindparam("vbeln"))


def add(conn: Connection, header: dict[str, Any], items: Sequence[dict[str, Any]]) -> None:
    """The status rows of a new document: its VBUK row and one VBUP row per item (plain
    INSERTs straight to the driver: every new sales document and delivery writes them)."""
    write_rows(conn, vbuk, [header])
    write_rows(conn, vbup, items)


def remove_item_rows(conn: Connection, mandt: str, vbeln: str) -> None:
    """Delete the item status rows (VBUP) of a deleted document."""
    conn.execute(delete(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln))


def remove_header_row(conn: Connection, mandt: str, vbeln: str) -> None:
    """Delete the header status row (VBUK) of a deleted document, after its items."""
    conn.execute(delete(vbuk).where(vbuk.c.mandt == mandt, vbuk.c.vbeln == vbeln))


def remove_item(conn: Connection, mandt: str, vbeln: str, posnr: str) -> None:
    conn.execute(delete(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln,
                                    vbup.c.posnr == posnr))


def set_rejection(conn: Connection, mandt: str, vbeln: str, posnrs: Sequence[str],
                  absta: str) -> None:
    """VBUP-ABSTA of items: ``C`` their remainder will not be delivered, ``A`` open again."""
    conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln,
                                    vbup.c.posnr.in_(list(posnrs))).values(absta=absta))


def claim_goods_movement(conn: Connection, mandt: str, vbeln: str) -> bool:
    """Flip the delivery's goods movement status to ``C`` unless it is there already;
    True for the one caller that flipped it.

    The exactly-once guard: under PostgreSQL a second transaction blocks on the row until
    the first commits, then finds no row matching any more; under SQLite writers are
    serialized anyway.
    """
    flipped = conn.execute(update(vbuk).where(
        vbuk.c.mandt == mandt, vbuk.c.vbeln == vbeln, vbuk.c.wbstk != "C")
        .values(wbstk="C", gbstk="C", kostk="C")).rowcount
    return bool(flipped == 1)


def set_items_goods_moved(conn: Connection, mandt: str, vbeln: str) -> None:
    conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln)
                 .values(wbsta="C", gbsta="C"))


def set_delivery_movement_status(conn: Connection, mandt: str, vbeln: str, wbstk: str) -> None:
    conn.execute(update(vbuk).where(vbuk.c.mandt == mandt, vbuk.c.vbeln == vbeln)
                 .values(wbstk=wbstk, gbstk=wbstk, kostk="C"))
    conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln)
                 .values(wbsta=wbstk, gbsta=wbstk))


def item_delivery_statuses(conn: Connection, mandt: str, vbeln: str) -> dict[str, str]:
    """VBUP-LFSTA per item of a document."""
    return {r["posnr"]: r["lfsta"] for r in conn.execute(select(vbup).where(
        vbup.c.mandt == mandt, vbup.c.vbeln == vbeln)).mappings()}


def header(conn: Connection, mandt: str, vbeln: str) -> dict | None:
    row = conn.execute(select(vbuk).where(vbuk.c.mandt == mandt, vbuk.c.vbeln == vbeln)
                       ).mappings().first()
    return dict(row) if row else None
