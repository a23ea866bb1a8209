"""Stock transport orders (purchase order type UB) between two plants of the company.

Flow: UB order (BAPI_PO_CREATE1) -> replenishment delivery NL from the supplying plant ->
goods issue 641 into stock in transit at the receiving plant -> goods receipt 101 at the
receiving plant against the order.

Layer: business (MM). The one writer of EKKO and EKPO.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, insert, select, update

from fake_sap.db import master_data
from fake_sap.db.documents import ekko, ekpo, mseg
from fake_sap.errors import ApplicationError, SapMessage, declared_message, sap_message

STOCK_TRANSPORT_ORDER = "UB"
#: the short text of document type UB (T161T-BATXT) as ME21N/ME23N show it; SAP puts it
#: into message 06 017 "&1 created under the number &2" in front of the order number
STOCK_TRANSPORT_ORDER_TEXT = "Stock Transp. Order"
PARAMETER_HEADER, PARAMETER_ITEM = "POHEADER", "POITEM"


@dataclass(frozen=True)
class StoItemInput:
    po_item: str
    material: str
    plant: str
    quantity: str
    stge_loc: str = ""
    po_unit: str = ""


@dataclass(frozen=True)
class StoInput:
    """BAPI_PO_CREATE1 for a stock transport order: the command the planning checks."""

    doc_type: str
    comp_code: str
    suppl_plnt: str
    purch_org: str = ""
    pur_group: str = ""
    doc_date: str = ""
    our_ref: str = ""
    ref_1: str = ""
    items: tuple[StoItemInput, ...] = ()


@dataclass
class StoItem:
    ebelp: str
    matnr: str
    txz01: str
    werks: str
    lgort: str
    menge: str
    meins: str


@dataclass
class StoPlan:
    ebeln: str
    bukrs: str
    reswk: str
    ekorg: str
    ekgrp: str
    bedat: str
    aedat: str
    ernam: str
    items: list[StoItem]
    unsez: str = ""
    ihrez: str = ""
    messages: list[SapMessage] = field(default_factory=list)

    def to_payload(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("messages")
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> StoPlan:
        return cls(**{**data, "items": [StoItem(**i) for i in data["items"]]})


def plan(conn: Connection, mandt: str, order: StoInput, *, ebeln: str, today: str,
         user: str, customizing: dict[str, set[str]]) -> StoPlan:
    errors: list[SapMessage] = []
    if order.doc_type != STOCK_TRANSPORT_ORDER:
        errors.append(declared_message("E", "ME", "083", order.doc_type,
                                       parameter=PARAMETER_HEADER,
                                       field="DOC_TYPE"))
    if order.comp_code not in customizing.get("T001", set()):
        errors.append(declared_message("E", "ME", "045", order.comp_code,
                                       parameter=PARAMETER_HEADER,
                                       field="COMP_CODE"))
    if order.suppl_plnt not in customizing.get("T001W", set()):
        errors.append(declared_message("E", "ME", "046", order.suppl_plnt or "(none)",
                                       parameter=PARAMETER_HEADER,
                                       field="SUPPL_PLNT"))
    items = []
    for row, item in enumerate(order.items, start=1):
        planned = _item(conn, mandt, order, item, row, errors, customizing)
        if planned is not None:
            items.append(planned)
    if not order.items:
        errors.append(declared_message("E", "ME", "062", parameter=PARAMETER_ITEM))
    if errors:
        raise ApplicationError(*errors)
    result = StoPlan(ebeln=ebeln, bukrs=order.comp_code, reswk=order.suppl_plnt,
                     ekorg=order.purch_org or "1000", ekgrp=order.pur_group or "001",
                     bedat=order.doc_date or today, aedat=today, ernam=user, items=items,
                     unsez=order.our_ref, ihrez=order.ref_1)
    result.messages.append(created_message(ebeln))
    return result


def _item(conn: Connection, mandt: str, order: StoInput, item: StoItemInput, row: int,
          errors: list[SapMessage], customizing: dict[str, set[str]]) -> StoItem | None:
    def error(msgno: str, text: str, *variables: object, field_name: str) -> None:
        errors.append(sap_message("E", "ME", msgno, text, *variables,
                                  parameter=PARAMETER_ITEM, row=row, field=field_name))

    try:
        quantity = Decimal(item.quantity or "0")
    except InvalidOperation:
        quantity = Decimal(0)
    if quantity <= 0:
        error("064", "Enter a quantity greater than zero", field_name="QUANTITY")
        return None
    if item.plant not in customizing.get("T001W", set()):
        error("047", "Receiving plant &1 does not exist", item.plant or "(none)",
              field_name="PLANT")
        return None
    if item.plant == order.suppl_plnt:
        error("048", "Supplying and receiving plant must differ (&1)", item.plant,
              field_name="PLANT")
        return None
    material = master_data.material(conn, mandt, item.material)
    if material is None:
        error("049", "Material &1 does not exist", item.material.lstrip("0") or "(none)",
              field_name="MATERIAL")
        return None
    for plant in (order.suppl_plnt, item.plant):
        if master_data.material_plant(conn, mandt, item.material, plant) is None:
            error("050", "Material &1 is not maintained in plant &2",
                  item.material.lstrip("0"), plant, field_name="MATERIAL")
            return None
    return StoItem(ebelp=(item.po_item or f"{row * 10}").zfill(5), matnr=item.material,
                   txz01=master_data.material_text(conn, mandt, item.material),
                   werks=item.plant, lgort=item.stge_loc or "0001", menge=str(quantity),
                   meins=item.po_unit or material["meins"])


def save(conn: Connection, mandt: str, order: StoPlan) -> None:
    conn.execute(insert(ekko).values(
        mandt=mandt, ebeln=order.ebeln, bukrs=order.bukrs, bstyp="F",
        bsart=STOCK_TRANSPORT_ORDER, aedat=order.aedat, ernam=order.ernam, lifnr="",
        ekorg=order.ekorg, ekgrp=order.ekgrp, waers="CNY", bedat=order.bedat,
        reswk=order.reswk, unsez=order.unsez, ihrez=order.ihrez))
    conn.execute(insert(ekpo), [{
        "mandt": mandt, "ebeln": order.ebeln, "ebelp": i.ebelp, "matnr": i.matnr,
        "txz01": i.txz01, "werks": i.werks, "lgort": i.lgort, "menge": i.menge,
        "meins": i.meins, "netpr": "0", "pstyp": "7", "elikz": "", "loekz": ""}
        for i in order.items])


def item(conn: Connection, mandt: str, ebeln: str, ebelp: str) -> dict[str, Any] | None:
    row = conn.execute(select(ekpo).where(ekpo.c.mandt == mandt, ekpo.c.ebeln == ebeln,
                                          ekpo.c.ebelp == ebelp.zfill(5))).mappings().first()
    return dict(row) if row else None


def received_quantity(conn: Connection, mandt: str, ebeln: str, ebelp: str) -> Decimal:
    values = conn.execute(select(mseg.c.menge).where(
        mseg.c.mandt == mandt, mseg.c.ebeln == ebeln, mseg.c.ebelp == ebelp.zfill(5),
        mseg.c.bwart == "101")).scalars()
    return sum((Decimal(v) for v in values), Decimal(0))


def mark_delivery_completed(conn: Connection, mandt: str, ebeln: str, ebelp: str) -> None:
    conn.execute(update(ekpo).where(ekpo.c.mandt == mandt, ekpo.c.ebeln == ebeln,
                                    ekpo.c.ebelp == ebelp.zfill(5)).values(elikz="X"))


def issued_quantity(conn: Connection, mandt: str, ebeln: str, ebelp: str) -> Decimal:
    """Quantity issued for a stock transport order item (641: now in transit or received)."""
    values = conn.execute(select(mseg.c.menge).where(
        mseg.c.mandt == mandt, mseg.c.ebeln == ebeln, mseg.c.ebelp == ebelp.zfill(5),
        mseg.c.bwart == "641")).scalars()
    return sum((Decimal(v) for v in values), Decimal(0))


def open_issue_demand(conn: Connection, mandt: str, matnr: str, werks: str) -> Decimal:
    """What open stock transport orders still have to take from supplying plant ``werks``
    (their ordered quantity not yet issued): a requirement for the availability check."""
    rows = conn.execute(select(ekpo.c.ebeln, ekpo.c.ebelp, ekpo.c.menge).select_from(
        ekpo.join(ekko, (ekko.c.mandt == ekpo.c.mandt) & (ekko.c.ebeln == ekpo.c.ebeln)))
        .where(ekpo.c.mandt == mandt, ekpo.c.matnr == matnr, ekko.c.reswk == werks,
               ekko.c.bsart == STOCK_TRANSPORT_ORDER, ekpo.c.loekz == "",
               ekpo.c.elikz == "")).all()
    demand = Decimal(0)
    for ebeln, ebelp, menge in rows:
        demand += max(Decimal(menge) - issued_quantity(conn, mandt, ebeln, ebelp), Decimal(0))
    return demand


def created_message(ebeln: str) -> SapMessage:
    """S 06 017 for a created stock transport order: the document type's text, then the number.

    Callers read the number from MESSAGE_V2: SAP's text is "& created under the number &",
    e.g. "Standard PO created under the number 4500018292" for a standard order.
    """
    return declared_message("S", "06", "017", STOCK_TRANSPORT_ORDER_TEXT, ebeln)
