"""Outbound deliveries (LF), returns deliveries (LR) and replenishment deliveries (NL).

The one writer of LIKP and LIPS; statuses go through ``status``, the document flow through
``document_flow``.

A delivery references the items of a sales order, a returns order or a stock transport
order. It may take only part of an item's open quantity ("partial delivery"); several
deliveries per order are normal. Whether the remainder of a partially delivered item will
become another delivery follows the customer's partial-delivery agreement (KNVV-KZTLF):
blank or ``D`` partial deliveries allowed, ``A`` one delivery only (the remainder is
closed), ``C`` complete delivery only (partial quantities are refused).

Deleting a delivery is possible until goods have moved; goods issue or receipt happens
exactly once per delivery.

Layer: business (SD). May import ``fake_sap.db``, ``fake_sap.sd`` and ``fake_sap.errors``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from fake_sap.db import master_data
from fake_sap.db.documents import ekko, ekpo, likp, lips, vbak, vbap, vbpa, vbuk, vbup
from fake_sap.errors import SapMessage, declared_error, declared_message, sap_error
from fake_sap.sd import document_flow, status
from fake_sap.sd.codes import SALES_DOCUMENT_TYPES

DELIVERY_CATEGORY = {"LF": "J", "NL": "J", "LR": "T"}
ITEM_CATEGORY = {"TAN": "TAN", "KBN": "KBN", "REN": "REN", "NLN": "NLN"}


@dataclass
class SourceItem:
    """An item of the preceding document that can be delivered."""

    doc: str
    item: str
    category: str  # C order, H returns, V purchase order
    matnr: str
    arktx: str
    werks: str
    lgort: str
    unit: str
    ordered: Decimal
    delivered: Decimal
    pstyv: str
    closed: bool = False

    @property
    def open(self) -> Decimal:
        return Decimal(0) if self.closed else max(self.ordered - self.delivered, Decimal(0))


@dataclass
class Source:
    doc: str
    category: str
    lfart: str
    vkorg: str
    ship_to: str
    sold_to: str
    partial_agreement: str
    credit_blocked: bool
    receiving_plant: str
    items: list[SourceItem]
    #: VBAK-LIFSK: a delivery block set on the order
    delivery_block: str = ""


@dataclass
class DeliveryItem:
    posnr: str
    matnr: str
    arktx: str
    lfimg: str
    unit: str
    werks: str
    lgort: str
    pstyv: str
    vgbel: str
    vgpos: str
    vgtyp: str


@dataclass
class DeliveryPlan:
    vbeln: str
    lfart: str
    vbtyp: str
    vstel: str
    vkorg: str
    kunnr: str
    kunag: str
    werks: str
    erdat: str
    erzet: str
    ernam: str
    reference: str
    reference_category: str
    items: list[DeliveryItem]
    #: planned delivery and goods movement date (LIKP-LFDAT, LIKP-WADAT)
    lfdat: str = ""
    #: order items whose remainder will not be delivered (partial delivery agreement A)
    closed_items: list[str] = field(default_factory=list)

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> DeliveryPlan:
        return cls(**{**data, "items": [DeliveryItem(**i) for i in data["items"]]})


# --- the preceding document -------------------------------------------------------------------

def load_source(conn: Connection, mandt: str, doc: str) -> Source | None:
    """The sales document or stock transport order ``doc`` with its deliverable items."""
    header = conn.execute(select(vbak).where(vbak.c.mandt == mandt, vbak.c.vbeln == doc)
                          ).mappings().first()
    if header is not None:
        return _sales_source(conn, mandt, dict(header))
    po = conn.execute(select(ekko).where(ekko.c.mandt == mandt, ekko.c.ebeln == doc)
                      ).mappings().first()
    if po is not None and po["bsart"] == "UB":
        return _purchase_source(conn, mandt, dict(po))
    return None


def _sales_source(conn: Connection, mandt: str, header: dict[str, Any]) -> Source:
    vbeln = header["vbeln"]
    doc_type = SALES_DOCUMENT_TYPES[header["auart"]]
    delivered = status.delivered_quantities(conn, mandt, vbeln)
    closed = set(conn.execute(select(vbup.c.posnr).where(
        vbup.c.mandt == mandt, vbup.c.vbeln == vbeln, vbup.c.absta == "C")).scalars())
    items = [SourceItem(
        doc=vbeln, item=row["posnr"], category=header["vbtyp"], matnr=row["matnr"],
        arktx=row["arktx"], werks=row["werks"], lgort=row["lgort"] or "0001",
        unit=row["vrkme"], ordered=Decimal(row["kwmeng"]),
        delivered=delivered.get(row["posnr"], Decimal(0)), pstyv=row["pstyv"],
        closed=row["posnr"] in closed)
        for row in conn.execute(select(vbap).where(vbap.c.mandt == mandt,
                                                   vbap.c.vbeln == vbeln)
                                .order_by(vbap.c.posnr)).mappings()]
    header_status = status.header(conn, mandt, vbeln) or {}
    area = master_data.customer_sales_area(conn, mandt, header["kunnr"], header["vkorg"],
                                           header["vtweg"], header["spart"]) or {}
    ship_to = conn.execute(select(vbpa.c.kunnr).where(
        vbpa.c.mandt == mandt, vbpa.c.vbeln == vbeln, vbpa.c.posnr == "000000",
        vbpa.c.parvw == "WE")).scalar()
    return Source(doc=vbeln, category=header["vbtyp"], lfart=doc_type.delivery_type,
                  vkorg=header["vkorg"], ship_to=ship_to or header["kunnr"],
                  sold_to=header["kunnr"], partial_agreement=area.get("kztlf", "") or "",
                  credit_blocked=header_status.get("cmgst") == "B", receiving_plant="",
                  items=items, delivery_block=header["lifsk"] or "")


def _purchase_source(conn: Connection, mandt: str, header: dict[str, Any]) -> Source:
    ebeln = header["ebeln"]
    delivered = status.delivered_quantities(conn, mandt, ebeln)
    rows = list(conn.execute(select(ekpo).where(ekpo.c.mandt == mandt, ekpo.c.ebeln == ebeln)
                             .order_by(ekpo.c.ebelp)).mappings())
    items = [SourceItem(
        doc=ebeln, item=row["ebelp"].zfill(6), category="V", matnr=row["matnr"],
        arktx=row["txz01"], werks=header["reswk"], lgort="0001", unit=row["meins"],
        ordered=Decimal(row["menge"]),
        delivered=delivered.get(row["ebelp"].zfill(6), Decimal(0)), pstyv="NLN",
        closed=row["elikz"] == "X")
        for row in rows]
    receiving = rows[0]["werks"] if rows else ""
    return Source(doc=ebeln, category="V", lfart="NL", vkorg="", ship_to="", sold_to="",
                  partial_agreement="", credit_blocked=False, receiving_plant=receiving,
                  items=items)


# --- creating -------------------------------------------------------------------------------

def plan(conn: Connection, mandt: str, source: Source, requested: dict[str, str] | None, *,
         vbeln: str, today: str, now_time: str, user: str, shipping_point: str = "1000",
         due_date: str = "") -> DeliveryPlan:
    """Check and compute a delivery for ``requested`` quantities per source item (all open
    quantities when ``None``, or for an item requested with ``""``); raises
    :class:`ApplicationError` with VL messages. ``due_date`` is the planned delivery and
    goods movement date (today when empty)."""
    _check_not_blocked(source)
    by_item = {i.item: i for i in source.items}
    wanted: dict[str, Decimal] = {}
    for requested_item, text in (requested or {i.item: "" for i in source.items}).items():
        key = requested_item.zfill(6)
        if key not in by_item:
            raise declared_error("VL", "302", key, source.doc)
        wanted[key] = _quantity(text, by_item[key].open)
    result = DeliveryPlan(
        vbeln=vbeln, lfart=source.lfart, vbtyp=DELIVERY_CATEGORY[source.lfart],
        vstel=shipping_point, vkorg=source.vkorg, kunnr=source.ship_to, kunag=source.sold_to,
        werks=source.items[0].werks if source.items else "", erdat=today, erzet=now_time,
        ernam=user, reference=source.doc, reference_category=source.category, items=[],
        lfdat=due_date or today)
    for key, quantity in wanted.items():
        item = by_item[key]
        if quantity <= 0:
            continue
        if quantity > item.open:
            raise declared_error("VL", "303", key, source.doc, item.open, item.unit, quantity)
        if quantity < item.open and source.partial_agreement == "C":
            raise declared_error("VL", "304", key, source.doc)
        if source.category in ("C", "V"):
            _check_stock(conn, mandt, item, quantity)
        if quantity < item.open and source.partial_agreement == "A":
            result.closed_items.append(key)
        result.items.append(DeliveryItem(
            posnr=f"{len(result.items) * 10 + 10:06d}", matnr=item.matnr, arktx=item.arktx,
            lfimg=str(quantity), unit=item.unit, werks=item.werks, lgort=item.lgort,
            pstyv=item.pstyv, vgbel=source.doc, vgpos=key, vgtyp=source.category))
    if not result.items:
        raise declared_error("VL", "150", source.doc)
    return result


def _check_not_blocked(source: Source) -> None:
    if source.credit_blocked:
        raise declared_error("VL", "023", source.doc)
    if source.delivery_block:
        raise sap_error("VL", "023", "Document &1 is blocked for delivery (delivery block "
                                     "&2)", source.doc, source.delivery_block)


def saved_message(vbeln: str) -> SapMessage:
    return declared_message("S", "VL", "311", vbeln)


def _quantity(value: str, default: Decimal) -> Decimal:
    if value in ("", None):
        return default
    try:
        return Decimal(value)
    except InvalidOperation:
        raise declared_error("VL", "305", value) from None


def _check_stock(conn: Connection, mandt: str, item: SourceItem, quantity: Decimal) -> None:
    """Unrestricted stock minus what other open deliveries will take must cover the item."""
    in_deliveries = conn.execute(
        select(lips.c.lfimg).select_from(lips.join(likp, and_(likp.c.mandt == lips.c.mandt,
                                                              likp.c.vbeln == lips.c.vbeln)))
        .where(lips.c.mandt == mandt, lips.c.matnr == item.matnr, lips.c.werks == item.werks,
               likp.c.wadat_ist == "", likp.c.vbtyp == "J")).scalars()
    reserved = sum((Decimal(v) for v in in_deliveries), Decimal(0))
    available = master_data.unrestricted_stock(conn, mandt, item.matnr, item.werks) - reserved
    if quantity > available:
        raise declared_error("VL", "248", item.matnr.lstrip("0"), max(available, 0), item.unit,
                             item.werks, quantity)


def save(conn: Connection, mandt: str, delivery: DeliveryPlan) -> None:
    """Write a planned delivery (the update task). What is open on the preceding document
    is checked again here, under a lock of that document: another delivery may have been
    saved since the plan was made."""
    lock_reference(conn, mandt, delivery.reference, delivery.reference_category)
    _check_still_open(conn, mandt, delivery)
    conn.execute(insert(likp).values(
        mandt=mandt, vbeln=delivery.vbeln, lfart=delivery.lfart, vbtyp=delivery.vbtyp,
        vstel=delivery.vstel, vkorg=delivery.vkorg, kunnr=delivery.kunnr,
        kunag=delivery.kunag, erdat=delivery.erdat, erzet=delivery.erzet,
        ernam=delivery.ernam, lfdat=delivery.lfdat or delivery.erdat,
        wadat=delivery.lfdat or delivery.erdat, wadat_ist="",
        werks=delivery.werks, lifex=""))
    conn.execute(insert(lips), [{
        "mandt": mandt, "vbeln": delivery.vbeln, "posnr": i.posnr, "matnr": i.matnr,
        "arktx": i.arktx, "lfimg": i.lfimg, "vrkme": i.unit, "meins": i.unit,
        "werks": i.werks, "lgort": i.lgort, "pstyv": i.pstyv, "vgbel": i.vgbel,
        "vgpos": i.vgpos, "vgtyp": i.vgtyp} for i in delivery.items])
    status.add(conn, {
        "mandt": mandt, "vbeln": delivery.vbeln, "vbtyp": delivery.vbtyp, "gbstk": "A",
        "lfstk": "", "lfgsk": "", "wbstk": "A", "kostk": "A", "fkstk": "", "cmgst": "",
        "abstk": "", "uvall": "C"}, [{
        "mandt": mandt, "vbeln": delivery.vbeln, "posnr": i.posnr, "gbsta": "A",
        "lfsta": "", "lfgsa": "", "wbsta": "A", "fksta": "", "absta": ""}
        for i in delivery.items])
    document_flow.link(conn, [{
        "mandt": mandt, "vbelv": i.vgbel, "posnv": i.vgpos, "vbeln": delivery.vbeln,
        "posnn": i.posnr, "vbtyp_n": delivery.vbtyp, "vbtyp_v": i.vgtyp, "rfmng": i.lfimg,
        "meins": i.unit, "rfwrt": "0", "waers": "", "plmin": "+", "bwart": "", "mjahr": "",
        "erdat": delivery.erdat, "erzet": delivery.erzet} for i in delivery.items])
    refresh_reference(conn, mandt, delivery.reference, delivery.reference_category,
                      set(delivery.closed_items))


def lock_reference(conn: Connection, mandt: str, doc: str, category: str) -> None:
    """Serialize the writers of what is open on a preceding document: a row lock on its
    header (SELECT ... FOR UPDATE on PostgreSQL; SQLite serializes all writers anyway).

    Lock order, to stay free of deadlocks: a delivery's own status row first (goods
    movement, change, deletion), then its preceding document.
    """
    if category == "V":
        conn.execute(select(ekko.c.ebeln).where(ekko.c.mandt == mandt, ekko.c.ebeln == doc)
                     .with_for_update())
    else:
        conn.execute(select(vbuk.c.vbeln).where(vbuk.c.mandt == mandt, vbuk.c.vbeln == doc)
                     .with_for_update())


def _check_still_open(conn: Connection, mandt: str, delivery: DeliveryPlan) -> None:
    source = load_source(conn, mandt, delivery.reference)
    if source is None:
        raise sap_error("VL", "001", "Document &1 does not exist", delivery.reference)
    _check_not_blocked(source)
    by_item = {i.item: i for i in source.items}
    for item in delivery.items:
        still_open = by_item[item.vgpos].open if item.vgpos in by_item else Decimal(0)
        if Decimal(item.lfimg) > still_open:
            raise declared_error("VL", "303", item.vgpos, source.doc, still_open, item.unit,
                                 item.lfimg)


def refresh_reference(conn: Connection, mandt: str, doc: str, category: str,
                      closed: set[str] | None = None) -> str:
    """Recompute the statuses of the preceding document; returns its delivery status."""
    if category == "V":
        return _refresh_purchase_order(conn, mandt, doc)
    if closed:
        for posnr in closed:
            status.set_rejection(conn, mandt, doc, [posnr], "C")
    return status.refresh_order(conn, mandt, doc)


def _refresh_purchase_order(conn: Connection, mandt: str, ebeln: str) -> str:
    delivered = status.delivered_quantities(conn, mandt, ebeln)
    levels = []
    for ebelp, menge in conn.execute(select(ekpo.c.ebelp, ekpo.c.menge).where(
            ekpo.c.mandt == mandt, ekpo.c.ebeln == ebeln)):
        done = delivered.get(ebelp.zfill(6), Decimal(0))
        levels.append("C" if done >= Decimal(menge) else ("B" if done > 0 else "A"))
    if all(level == "C" for level in levels):
        return "C"
    return "A" if all(level == "A" for level in levels) else "B"


# --- reading, deleting ---------------------------------------------------------------------------

def load(conn: Connection, mandt: str, vbeln: str) -> tuple[dict[str, Any],
                                                          list[dict[str, Any]]] | None:
    header = conn.execute(select(likp).where(likp.c.mandt == mandt, likp.c.vbeln == vbeln)
                          ).mappings().first()
    if header is None:
        return None
    items = [dict(r) for r in conn.execute(select(lips).where(
        lips.c.mandt == mandt, lips.c.vbeln == vbeln).order_by(lips.c.posnr)).mappings()]
    return dict(header), items


def items_by_order_item(conn: Connection, mandt: str, vbeln: str
                        ) -> dict[str, list[dict[str, Any]]]:
    """The delivery items (LIPS, with LIKP-LFDAT) that reference each item of ``vbeln``."""
    query = (select(lips.c.vbeln, lips.c.posnr, lips.c.vgpos, lips.c.lfimg, likp.c.lfdat)
             .select_from(lips.join(likp, and_(likp.c.mandt == lips.c.mandt,
                                               likp.c.vbeln == lips.c.vbeln)))
             .where(lips.c.mandt == mandt, lips.c.vgbel == vbeln)
             .order_by(lips.c.vbeln, lips.c.posnr))
    by_item: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute(query).mappings():
        by_item.setdefault(row["vgpos"], []).append(dict(row))
    return by_item


def check_deletable(conn: Connection, mandt: str, vbeln: str) -> None:
    loaded = load(conn, mandt, vbeln)
    if loaded is None:
        raise declared_error("VL", "001", vbeln)
    if loaded[0]["wadat_ist"]:
        raise _goods_moved(vbeln, "deleted")


def _goods_moved(vbeln: str, what: str) -> Exception:
    return declared_error("VL", "609", vbeln, what)


def _claim_unposted(conn: Connection, mandt: str, vbeln: str, what: str) -> None:
    """Lock the delivery's status row, which must still be without goods movement.

    The goods movement flips VBUK-WBSTK with a conditional UPDATE (see
    ``fake_sap.sd.goods_movement``); locking the same row here means a change and a goods
    movement that race each other are serialized, and the loser sees the winner's result.
    """
    row = conn.execute(select(vbuk.c.wbstk).where(vbuk.c.mandt == mandt,
                                                  vbuk.c.vbeln == vbeln)
                       .with_for_update()).first()
    if row is None:
        raise declared_error("VL", "001", vbeln)
    if row.wbstk == "C":
        raise _goods_moved(vbeln, what)


def delete_delivery(conn: Connection, mandt: str, vbeln: str) -> tuple[str, str]:
    """Delete a delivery without goods movement; returns its reference doc and category."""
    _claim_unposted(conn, mandt, vbeln, "deleted")
    check_deletable(conn, mandt, vbeln)
    items = [dict(r) for r in conn.execute(select(lips).where(
        lips.c.mandt == mandt, lips.c.vbeln == vbeln)).mappings()]
    reference = items[0]["vgbel"] if items else ""
    category = items[0]["vgtyp"] if items else ""
    if reference:
        lock_reference(conn, mandt, reference, category)
    conn.execute(delete(lips).where(lips.c.mandt == mandt, lips.c.vbeln == vbeln))
    status.remove_item_rows(conn, mandt, vbeln)
    conn.execute(delete(likp).where(likp.c.mandt == mandt, likp.c.vbeln == vbeln))
    status.remove_header_row(conn, mandt, vbeln)
    document_flow.unlink_successor(conn, mandt, vbeln)
    if reference and category != "V":
        # an item closed by this delivery's partial quantity is open again
        status.set_rejection(conn, mandt, reference, [i["vgpos"] for i in items], "A")
    if reference:
        refresh_reference(conn, mandt, reference, category)
    return reference, category


# --- changing items before the goods movement ----------------------------------------------------

@dataclass(frozen=True)
class ItemChange:
    """BAPI_OUTB_DELIVERY_CHANGE for items: new quantities and items to delete."""

    vbeln: str
    #: new delivery quantity (LIPS-LFIMG) by item (POSNR)
    quantities: Mapping[str, str] = field(default_factory=dict)
    #: the items (POSNR) to delete
    deleted: tuple[str, ...] = ()


def check_change(conn: Connection, mandt: str, change: ItemChange) -> None:
    """Raise unless the items exist, the delivery has no goods movement, something stays
    in it and no new quantity exceeds what the preceding item still allows."""
    loaded = load(conn, mandt, change.vbeln)
    if loaded is None:
        raise declared_error("VL", "001", change.vbeln)
    header, items = loaded
    if header["wadat_ist"]:
        raise _goods_moved(change.vbeln, "changed")
    by_posnr = {i["posnr"]: i for i in items}
    for posnr in [*change.deleted, *change.quantities]:
        if posnr not in by_posnr:
            raise declared_error("VL", "302", posnr, change.vbeln)
    if set(by_posnr) <= set(change.deleted):
        raise declared_error("VL", "363", change.vbeln)
    source = load_source(conn, mandt, items[0]["vgbel"]) if items else None
    still_open = {i.item: i.open for i in source.items} if source else {}
    for posnr, text in change.quantities.items():
        quantity = _quantity(text, Decimal(0))
        item = by_posnr[posnr]
        if quantity < 0:
            raise declared_error("VL", "305", quantity)
        allowed = Decimal(item["lfimg"]) + still_open.get(item["vgpos"], Decimal(0))
        if quantity > allowed:
            raise declared_error("VL", "303", item["vgpos"], item["vgbel"], allowed,
                                 item["vrkme"], quantity)


def change_items(conn: Connection, mandt: str, change: ItemChange) -> None:
    """Apply an :class:`ItemChange` (the update task), checked again under locks."""
    _claim_unposted(conn, mandt, change.vbeln, "changed")
    loaded = load(conn, mandt, change.vbeln)
    assert loaded is not None
    items = loaded[1]
    reference, category = items[0]["vgbel"], items[0]["vgtyp"]
    lock_reference(conn, mandt, reference, category)
    check_change(conn, mandt, change)
    vgpos = {i["posnr"]: i["vgpos"] for i in items}
    for posnr in change.deleted:
        conn.execute(delete(lips).where(lips.c.mandt == mandt, lips.c.vbeln == change.vbeln,
                                        lips.c.posnr == posnr))
        status.remove_item(conn, mandt, change.vbeln, posnr)
        document_flow.unlink_successor(conn, mandt, change.vbeln, posnr)
    for posnr, quantity in change.quantities.items():
        if posnr in change.deleted:
            continue
        set_item_quantity(conn, mandt, change.vbeln, posnr, quantity)
        document_flow.change_quantity(conn, mandt, vbelv=reference, posnv=vgpos[posnr],
                                      vbeln=change.vbeln, posnn=posnr, rfmng=quantity)
    refresh_reference(conn, mandt, reference, category)


def set_item_quantity(conn: Connection, mandt: str, vbeln: str, posnr: str,
                      lfimg: str) -> None:
    """A delivery item's quantity (changed, or counted at the goods movement)."""
    conn.execute(update(lips).where(lips.c.mandt == mandt, lips.c.vbeln == vbeln,
                                    lips.c.posnr == posnr).values(lfimg=lfimg))


def set_goods_moved(conn: Connection, mandt: str, vbeln: str, wadat_ist: str) -> None:
    """The actual goods movement date (LIKP-WADAT_IST): the delivery's goods have moved."""
    conn.execute(update(likp).where(likp.c.mandt == mandt, likp.c.vbeln == vbeln)
                 .values(wadat_ist=wadat_ist))
