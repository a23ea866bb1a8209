"""Status maintenance (VBUK/VBUP) from the document flow, after every logistics step.

Values as in SAP: ``A`` not yet processed, ``B`` partially processed, ``C`` completely
processed, blank not relevant.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, and_, select, update

from fake_sap.db.documents import likp, lips, vbap, vbuk, vbup


def _level(done: Decimal, total: Decimal) -> str:
    if done <= 0:
        return "A"
    return "C" if done >= total else "B"


def _overall(levels: list[str]) -> str:
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
            _level(delivered.get(posnr, Decimal(0)), total)
        delivery_levels.append(level)
        conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == vbeln,
                                        vbup.c.posnr == posnr).values(
            lfsta=level, lfgsa=level, gbsta=level,
            absta="C" if posnr in closed else "A"))
    overall = _overall(delivery_levels)
    conn.execute(update(vbuk).where(vbuk.c.mandt == mandt, vbuk.c.vbeln == vbeln).values(
        lfstk=overall, lfgsk=overall, gbstk=overall))
    return overall


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
