"""Goods issue and goods receipt for deliveries (VL02N "post goods movement").

LF deliveries issue with 601 (631 into the customer's consignment stock for a consignment
fill-up), NL deliveries with 641 into stock in transit of the receiving plant, LR returns
deliveries receive with 651 into blocked returns stock. A delivery's goods movement is
posted exactly once: the switch of its goods-movement status from ``A`` to ``C`` is a
conditional UPDATE, so of two racing postings (two workers, two database connections) one
wins and the other is refused with VL 602, whatever the database.

Layer: business (SD). Writes nothing itself: LIKP/LIPS through ``deliveries``, VBUK/VBUP
through ``status``, VBFA through ``document_flow``, the material document through
``fake_sap.mm.goods_movements``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, select

from fake_sap.db.documents import ekpo
from fake_sap.errors import ApplicationError, declared_error
from fake_sap.mm import goods_movements
from fake_sap.mm.goods_movements import MaterialDocument, MovementItem
from fake_sap.sd import deliveries, document_flow, statistics, status
from fake_sap.sd.deliveries import load

MOVEMENT_BY_ITEM_CATEGORY = {"TAN": "601", "KBN": "631", "NLN": "641", "REN": "651"}


@dataclass
class MovementResult:
    delivery: str
    reference: str
    reference_category: str
    document: MaterialDocument
    received: dict[str, str]
    expected: dict[str, str]


def check(conn: Connection, mandt: str, vbeln: str) -> None:
    """The checks a goods movement must pass at call time (and again when it is saved)."""
    loaded = load(conn, mandt, vbeln)
    if loaded is None:
        raise declared_error("VL", "001", vbeln)
    header, _items = loaded
    if header["wadat_ist"]:
        raise already_posted(vbeln, header["lfart"])


def already_posted(vbeln: str, lfart: str) -> ApplicationError:
    what = "Goods receipt" if lfart == "LR" else "Goods issue"
    return declared_error("VL", "602", what, vbeln)


def post(conn: Connection, mandt: str, vbeln: str, counted: dict[str, str] | None, *,
         mblnr: str, mjahr: str, today: str, now_time: str, user: str,
         posting_date: str = "") -> MovementResult:
    """Post the delivery's goods movement; ``counted`` overrides quantities per item.

    ``posting_date`` (VBKOK-WADAT_IST) is the actual goods movement date and the posting
    date of the material document; today when empty.
    """
    check(conn, mandt, vbeln)
    loaded = load(conn, mandt, vbeln)
    assert loaded is not None
    header, items = loaded
    # the exactly-once guard: only the first posting flips A -> C
    if not status.claim_goods_movement(conn, mandt, vbeln):
        raise already_posted(vbeln, header["lfart"])
    posted_on = posting_date or today
    allowed = _allowed_quantities(conn, mandt, items)
    received, expected = {}, {}
    movement_items = []
    for item in items:
        quantity = _counted(counted, item, allowed[item["posnr"]])
        expected[item["posnr"]] = item["lfimg"]
        received[item["posnr"]] = str(quantity)
        if quantity != Decimal(item["lfimg"]):
            deliveries.set_item_quantity(conn, mandt, vbeln, item["posnr"], str(quantity))
            document_flow.change_quantity(conn, mandt, vbelv=item["vgbel"],
                                          posnv=item["vgpos"], vbeln=vbeln,
                                          posnn=item["posnr"], rfmng=str(quantity))
        if quantity == 0:
            continue
        movement_items.append(MovementItem(
            bwart=MOVEMENT_BY_ITEM_CATEGORY.get(item["pstyv"], "601"), matnr=item["matnr"],
            werks=item["werks"], lgort=item["lgort"], quantity=str(quantity),
            unit=item["meins"], kunnr=header["kunnr"] if item["pstyv"] == "KBN" else "",
            ebeln=item["vgbel"] if item["vgtyp"] == "V" else "",
            ebelp=item["vgpos"][-5:] if item["vgtyp"] == "V" else "",
            vbeln_im=vbeln, vbelp_im=item["posnr"],
            umwrk=_receiving_plant(conn, mandt, item) if item["pstyv"] == "NLN" else ""))
    document = MaterialDocument(mblnr=mblnr, mjahr=mjahr, budat=posted_on, bldat=today,
                                cpudt=today, cputm=now_time, usnam=user, xblnr=vbeln,
                                le_vbeln=vbeln, items=movement_items)
    if movement_items:
        goods_movements.post(conn, mandt, document)
    deliveries.set_goods_moved(conn, mandt, vbeln, posted_on)
    status.set_items_goods_moved(conn, mandt, vbeln)
    if movement_items:
        document_flow.link(conn, [{
            "mandt": mandt, "vbelv": vbeln, "posnv": i.vbelp_im, "vbeln": mblnr,
            "posnn": f"{n:06d}", "vbtyp_n": "R", "vbtyp_v": header["vbtyp"],
            "rfmng": i.quantity, "meins": i.unit, "rfwrt": "0", "waers": "", "plmin": "+",
            "bwart": i.bwart, "mjahr": mjahr, "erdat": today, "erzet": now_time}
            for n, i in enumerate(movement_items, start=1)])
    reference = items[0]["vgbel"] if items else ""
    category = items[0]["vgtyp"] if items else ""
    if reference:
        deliveries.refresh_reference(conn, mandt, reference, category)
    if header["lfart"] == "LF":
        for moved in movement_items:
            statistics.record_shipment(conn, mandt, posted_on,
                                       header["kunag"] or header["kunnr"],
                                       (header["vkorg"], "10", "00"), moved.matnr,
                                       Decimal(moved.quantity), moved.unit)
    return MovementResult(vbeln, reference, category, document, received, expected)


def check_counted(conn: Connection, mandt: str, vbeln: str,
                  counted: dict[str, str] | None) -> None:
    """Call-time check of counted quantities: known items, numbers, not too much."""
    loaded = load(conn, mandt, vbeln)
    if loaded is None:
        raise declared_error("VL", "001", vbeln)
    items = loaded[1]
    by_posnr = {i["posnr"]: i for i in items}
    for posnr in counted or {}:
        if posnr not in by_posnr:
            raise declared_error("VL", "302", posnr, vbeln)
    allowed = _allowed_quantities(conn, mandt, items)
    for item in items:
        _counted(counted, item, allowed[item["posnr"]])


def _allowed_quantities(conn: Connection, mandt: str,
                        items: list[dict[str, Any]]) -> dict[str, Decimal]:
    """Per delivery item, the most its goods movement may move: its own quantity plus
    what is still open on the preceding item (a count may find more than was announced,
    never more than was ordered)."""
    source = deliveries.load_source(conn, mandt, items[0]["vgbel"]) if items else None
    still_open = {i.item: i.open for i in source.items} if source else {}
    return {i["posnr"]: Decimal(i["lfimg"]) + still_open.get(i["vgpos"], Decimal(0))
            for i in items}


def _counted(counted: dict[str, str] | None, item: dict[str, Any],
             allowed: Decimal) -> Decimal:
    if not counted or item["posnr"] not in counted:
        return Decimal(item["lfimg"])
    try:
        quantity = Decimal(counted[item["posnr"]])
    except InvalidOperation:
        raise declared_error("VL", "305", counted[item["posnr"]]) \
            from None
    if quantity < 0:
        raise declared_error("VL", "305", quantity)
    if quantity > allowed:
        raise declared_error("VL", "303", item["vgpos"], item["vgbel"], allowed, item["vrkme"],
                             quantity)
    return quantity


def _receiving_plant(conn: Connection, mandt: str, item: dict[str, Any]) -> str:
    return str(conn.execute(select(ekpo.c.werks).where(
        ekpo.c.mandt == mandt, ekpo.c.ebeln == item["vgbel"],
        ekpo.c.ebelp == item["vgpos"][-5:])).scalar() or "")
