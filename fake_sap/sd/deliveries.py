"""Outbound deliveries (LF), returns deliveries (LR) and replenishment deliveries (NL).

A delivery references the items of a sales order, a returns order or a stock transport
order. It may take only part of an item's open quantity ("partial delivery"); several
deliveries per order are normal. Whether the remainder of a partially delivered item will
become another delivery follows the customer's partial-delivery agreement (KNVV-KZTLF):
blank or ``D`` partial deliveries allowed, ``A`` one delivery only (the remainder is
closed), ``C`` complete delivery only (partial quantities are refused).

Deleting a delivery is possible until goods have moved; goods issue or receipt happens
exactly once per delivery.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from fake_sap.db import master_data
from fake_sap.db.documents import ekko, ekpo, likp, lips, vbak, vbap, vbfa, vbuk, vbup
from fake_sap.errors import SapMessage, sap_error, sap_message
from fake_sap.sd import status
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
    #: order items whose remainder will not be delivered (partial delivery agreement A)
    closed_items: list[str] = field(default_factory=list)
    messages: list[SapMessage] = field(default_factory=list)

    def to_payload(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("messages")
        return data

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
    return Source(doc=vbeln, category=header["vbtyp"], lfart=doc_type.delivery_type,
                  vkorg=header["vkorg"], ship_to=header["kunnr"], sold_to=header["kunnr"],
                  partial_agreement=area.get("kztlf", "") or "",
                  credit_blocked=header_status.get("cmgst") == "B", receiving_plant="",
                  items=items)


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
         vbeln: str, today: str, now_time: str, user: str) -> DeliveryPlan:
    """Check and compute a delivery for ``requested`` quantities per source item (all open
    quantities when ``None``); raises :class:`ApplicationError` with VL messages."""
    if source.credit_blocked:
        raise sap_error("VL", "023", "Document &1 is blocked for delivery (credit check)",
                        source.doc)
    by_item = {i.item: i for i in source.items}
    wanted: dict[str, Decimal] = {}
    for item, quantity in (requested or {i.item: "" for i in source.items}).items():
        key = item.zfill(6)
        if key not in by_item:
            raise sap_error("VL", "302", "Item &1 does not exist in document &2",
                            key, source.doc)
        wanted[key] = _quantity(quantity, by_item[key].open)
    result = DeliveryPlan(
        vbeln=vbeln, lfart=source.lfart, vbtyp=DELIVERY_CATEGORY[source.lfart], vstel="1000",
        vkorg=source.vkorg, kunnr=source.ship_to, kunag=source.sold_to,
        werks=source.items[0].werks if source.items else "", erdat=today, erzet=now_time,
        ernam=user, reference=source.doc, reference_category=source.category, items=[])
    for key, quantity in wanted.items():
        item = by_item[key]
        if quantity <= 0:
            continue
        if quantity > item.open:
            raise sap_error("VL", "303", "Item &1 of &2: only &3 &4 are still open, not &5",
                            key, source.doc, item.open, item.unit, quantity)
        if quantity < item.open and source.partial_agreement == "C":
            raise sap_error("VL", "304", "Item &1 of &2 must be delivered complete (partial "
                                         "deliveries are not agreed)", key, source.doc)
        if source.category in ("C", "V"):
            _check_stock(conn, mandt, item, quantity)
        if quantity < item.open and source.partial_agreement == "A":
            result.closed_items.append(key)
        result.items.append(DeliveryItem(
            posnr=f"{len(result.items) * 10 + 10:06d}", matnr=item.matnr, arktx=item.arktx,
            lfimg=str(quantity), unit=item.unit, werks=item.werks, lgort=item.lgort,
            pstyv=item.pstyv, vgbel=source.doc, vgpos=key, vgtyp=source.category))
    if not result.items:
        raise sap_error("VL", "150", "No items of &1 can be delivered (nothing open)",
                        source.doc)
    result.messages.append(sap_message("S", "VL", "311", "Delivery &1 has been saved", vbeln))
    return result


def _quantity(value: str, default: Decimal) -> Decimal:
    if value in ("", None):
        return default
    try:
        return Decimal(value)
    except InvalidOperation:
        raise sap_error("VL", "305", "Quantity &1 is not a number", value) from None


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
        raise sap_error("VL", "248", "Material &1: only &2 &3 available in plant &4, &5 "
                                     "requested", item.matnr.lstrip("0"), max(available, 0),
                        item.unit, item.werks, quantity)


def save(conn: Connection, mandt: str, delivery: DeliveryPlan) -> None:
    conn.execute(insert(likp).values(
        mandt=mandt, vbeln=delivery.vbeln, lfart=delivery.lfart, vbtyp=delivery.vbtyp,
        vstel=delivery.vstel, vkorg=delivery.vkorg, kunnr=delivery.kunnr,
        kunag=delivery.kunag, erdat=delivery.erdat, erzet=delivery.erzet,
        ernam=delivery.ernam, lfdat=delivery.erdat, wadat=delivery.erdat, wadat_ist="",
        werks=delivery.werks, lifex=""))
    conn.execute(insert(lips), [{
        "mandt": mandt, "vbeln": delivery.vbeln, "posnr": i.posnr, "matnr": i.matnr,
        "arktx": i.arktx, "lfimg": i.lfimg, "vrkme": i.unit, "meins": i.unit,
        "werks": i.werks, "lgort": i.lgort, "pstyv": i.pstyv, "vgbel": i.vgbel,
        "vgpos": i.vgpos, "vgtyp": i.vgtyp} for i in delivery.items])
    conn.execute(insert(vbuk).values(
        mandt=mandt, vbeln=delivery.vbeln, vbtyp=delivery.vbtyp, gbstk="A", lfstk="",
        lfgsk="", wbstk="A", kostk="A", fkstk="", cmgst="", abstk="", uvall="C"))
    conn.execute(insert(vbup), [{
        "mandt": mandt, "vbeln": delivery.vbeln, "posnr": i.posnr, "gbsta": "A",
        "lfsta": "", "lfgsa": "", "wbsta": "A", "fksta": "", "absta": ""}
        for i in delivery.items])
    conn.execute(insert(vbfa), [{
        "mandt": mandt, "vbelv": i.vgbel, "posnv": i.vgpos, "vbeln": delivery.vbeln,
        "posnn": i.posnr, "vbtyp_n": delivery.vbtyp, "vbtyp_v": i.vgtyp, "rfmng": i.lfimg,
        "meins": i.unit, "rfwrt": "0", "waers": "", "plmin": "+", "bwart": "", "mjahr": "",
        "erdat": delivery.erdat, "erzet": delivery.erzet} for i in delivery.items])
    refresh_reference(conn, mandt, delivery.reference, delivery.reference_category,
                      set(delivery.closed_items))


def refresh_reference(conn: Connection, mandt: str, doc: str, category: str,
                      closed: set[str] | None = None) -> str:
    """Recompute the statuses of the preceding document; returns its delivery status."""
    if category == "V":
        return _refresh_purchase_order(conn, mandt, doc)
    if closed:
        for posnr in closed:
            conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == doc,
                                            vbup.c.posnr == posnr).values(absta="C"))
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


def check_deletable(conn: Connection, mandt: str, vbeln: str) -> None:
    loaded = load(conn, mandt, vbeln)
    if loaded is None:
        raise sap_error("VL", "001", "Delivery &1 does not exist", vbeln)
    if loaded[0]["wadat_ist"]:
        raise sap_error("VL", "609", "Delivery &1 cannot be deleted: goods movement has "
                                     "been posted", vbeln)


def delete_delivery(conn: Connection, mandt: str, vbeln: str) -> tuple[str, str]:
    """Delete a delivery without goods movement; returns its reference doc and category."""
    check_deletable(conn, mandt, vbeln)
    items = [dict(r) for r in conn.execute(select(lips).where(
        lips.c.mandt == mandt, lips.c.vbeln == vbeln)).mappings()]
    reference = items[0]["vgbel"] if items else ""
    category = items[0]["vgtyp"] if items else ""
    for table in (lips, vbup):
        conn.execute(delete(table).where(table.c.mandt == mandt, table.c.vbeln == vbeln))
    for table in (likp, vbuk):
        conn.execute(delete(table).where(table.c.mandt == mandt, table.c.vbeln == vbeln))
    conn.execute(delete(vbfa).where(vbfa.c.mandt == mandt, vbfa.c.vbeln == vbeln))
    if reference and category != "V":
        # an item closed by this delivery's partial quantity is open again
        conn.execute(update(vbup).where(vbup.c.mandt == mandt, vbup.c.vbeln == reference,
                                        vbup.c.posnr.in_([i["vgpos"] for i in items]))
                     .values(absta="A"))
    if reference:
        refresh_reference(conn, mandt, reference, category)
    return reference, category


def vbap_row(conn: Connection, mandt: str, vbeln: str, posnr: str) -> dict[str, Any] | None:
    row = conn.execute(select(vbap).where(vbap.c.mandt == mandt, vbap.c.vbeln == vbeln,
                                          vbap.c.posnr == posnr)).mappings().first()
    return dict(row) if row else None
