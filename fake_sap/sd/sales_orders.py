"""Sales documents: standard orders (TA), consignment fill-ups (KB) and returns (RE).

Creating one happens in two steps, like in SAP: :func:`plan` checks everything (partners,
materials, ATP, credit) and computes the document without writing it — that is what a BAPI
does at call time, TESTRUN included — and :func:`save` writes it, which is what the update
task does at ``BAPI_TRANSACTION_COMMIT``. A plan is plain data, so it can wait in the
database between the two.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select

from fake_sap.db import master_data
from fake_sap.db.documents import likp, lips, vbak, vbap, vbep, vbfa, vbuk, vbup
from fake_sap.errors import ApplicationError, SapMessage, sap_message
from fake_sap.sd import statistics
from fake_sap.sd.codes import SALES_DOCUMENT_TYPES, SalesDocumentType

CREDIT_CONTROL_AREA = "1000"
ITEM = "SALES_ITEM_IN"
HEADER = "SALES_HEADER_IN"


@dataclass
class ItemInput:
    itm_number: str
    material: str
    quantity: str
    plant: str = ""
    store_loc: str = ""
    sales_unit: str = ""
    short_text: str = ""
    req_date: str = ""
    ref_doc: str = ""
    ref_doc_it: str = ""
    #: a PR00 price per unit from ORDER_CONDITIONS_IN, if the caller sent one
    price: str = ""


@dataclass
class OrderInput:
    doc_type: str
    sales_org: str
    distr_chan: str
    division: str
    sold_to: str
    ship_to: str = ""
    purch_no_c: str = ""
    purch_date: str = ""
    req_date: str = ""
    doc_date: str = ""
    ref_doc: str = ""
    currency: str = ""
    items: list[ItemInput] = field(default_factory=list)


@dataclass
class PlannedItem:
    posnr: str
    matnr: str
    arktx: str
    pstyv: str
    quantity: str
    unit: str
    werks: str
    lgort: str
    vstel: str
    price: str
    value: str
    confirmed: str
    sched_date: str
    vgbel: str = ""
    vgpos: str = ""


@dataclass
class OrderPlan:
    vbeln: str
    auart: str
    vbtyp: str
    name: str
    vkorg: str
    vtweg: str
    spart: str
    sold_to: str
    ship_to: str
    bstnk: str
    bstdk: str
    vdatu: str
    audat: str
    currency: str
    net_value: str
    credit_blocked: bool
    vgbel: str
    erdat: str
    erzet: str
    ernam: str
    items: list[PlannedItem]
    messages: list[SapMessage] = field(default_factory=list)

    def to_payload(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("messages")
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> OrderPlan:
        items = [PlannedItem(**i) for i in data["items"]]
        return cls(**{**data, "items": items})


def plan(conn: Connection, mandt: str, order: OrderInput, *, vbeln: str, today: str,
         now_time: str, user: str, customizing: dict[str, set[str]]) -> OrderPlan:
    """Check an order and compute it; raises :class:`ApplicationError` with BAPI messages."""
    errors: list[SapMessage] = []
    doc_type = SALES_DOCUMENT_TYPES.get(order.doc_type)
    if doc_type is None:
        _fail(sap_message("E", "V1", "801", "Sales document type &1 is not defined",
                          order.doc_type, parameter=HEADER, field="DOC_TYPE"))
    assert doc_type is not None
    area = f"{order.sales_org}/{order.distr_chan}/{order.division}"
    if area not in customizing.get("TVTA", set()):
        _fail(sap_message("E", "V1", "317", "Sales area &1 is not defined", area,
                          parameter=HEADER, field="SALES_ORG"))
    sold_to = _check_partner(conn, mandt, order, order.sold_to, "AG", errors)
    ship_to = _check_partner(conn, mandt, order, order.ship_to or order.sold_to, "WE", errors)
    reference = _check_reference(conn, mandt, order, doc_type, errors)
    if errors:
        _fail(*errors)
    currency = order.currency or "CNY"
    items = [_plan_item(conn, mandt, order, doc_type, item, row, today, errors)
             for row, item in enumerate(order.items, start=1)]
    if not order.items:
        errors.append(sap_message("E", "V1", "555", "The sales document is not yet complete: "
                                  "no items", parameter=ITEM))
    if errors:
        _fail(*errors)
    planned = [i for i in items if i is not None]
    net_value = sum((Decimal(i.value) for i in planned), Decimal(0))
    result = OrderPlan(
        vbeln=vbeln, auart=doc_type.auart, vbtyp=doc_type.vbtyp, name=doc_type.name,
        vkorg=order.sales_org, vtweg=order.distr_chan, spart=order.division,
        sold_to=sold_to, ship_to=ship_to, bstnk=order.purch_no_c, bstdk=order.purch_date,
        vdatu=order.req_date or today, audat=order.doc_date or today, currency=currency,
        net_value=str(net_value), credit_blocked=False, vgbel=reference, erdat=today,
        erzet=now_time, ernam=user, items=planned)
    result.messages.append(sap_message("S", "V4", "233", "&1 has been processed successfully",
                                       HEADER, parameter=HEADER))
    for row, item in enumerate(planned, start=1):
        result.messages.append(sap_message(
            "S", "V4", "233", "&1 &2 has been processed successfully", ITEM, item.posnr,
            parameter=ITEM, row=row))
    if not doc_type.is_return:
        _confirm_availability(conn, mandt, result)
        _check_credit(conn, mandt, result)
    return result


def _fail(*messages: SapMessage) -> None:
    closing = sap_message("E", "V4", "219", "Sales document &1 was not changed", "")
    raise ApplicationError(*messages, closing)


def _check_partner(conn: Connection, mandt: str, order: OrderInput, kunnr: str, role: str,
                   errors: list[SapMessage]) -> str:
    customer = master_data.customer(conn, mandt, kunnr)
    if customer is None:
        errors.append(sap_message("E", "VP", "112", "Partner &1 (function &2) does not exist",
                                  kunnr.lstrip("0"), role, parameter="SALES_PARTNERS"))
        return kunnr
    if customer["loevm"] == "X" or customer["aufsd"]:
        errors.append(sap_message("E", "VP", "113", "Customer &1 is blocked for sales orders",
                                  kunnr.lstrip("0"), parameter="SALES_PARTNERS"))
    area = master_data.customer_sales_area(conn, mandt, kunnr, order.sales_org,
                                           order.distr_chan, order.division)
    if area is None:
        errors.append(sap_message(
            "E", "VP", "199", "Customer &1 is not defined for sales area &2/&3/&4",
            kunnr.lstrip("0"), order.sales_org, order.distr_chan, order.division,
            parameter="SALES_PARTNERS"))
    return kunnr


def _check_reference(conn: Connection, mandt: str, order: OrderInput,
                     doc_type: SalesDocumentType, errors: list[SapMessage]) -> str:
    if not order.ref_doc:
        return ""
    reference = conn.execute(select(vbak.c.kunnr, vbak.c.vbtyp).where(
        vbak.c.mandt == mandt, vbak.c.vbeln == order.ref_doc)).first()
    if reference is None or reference.vbtyp != "C":
        errors.append(sap_message("E", "V1", "302", "Reference document &1 does not exist",
                                  order.ref_doc, parameter=HEADER, field="REF_DOC"))
    elif doc_type.is_return and reference.kunnr != order.sold_to:
        errors.append(sap_message("E", "V1", "303", "Reference document &1 belongs to another "
                                  "sold-to party", order.ref_doc, parameter=HEADER))
    return order.ref_doc


def _plan_item(conn: Connection, mandt: str, order: OrderInput, doc_type: SalesDocumentType,
               item: ItemInput, row: int, today: str,
               errors: list[SapMessage]) -> PlannedItem | None:
    posnr = (item.itm_number or f"{row * 10}").zfill(6)
    matnr = item.material

    def error(msgno: str, text: str, *variables: object, field_name: str = "") -> None:
        errors.append(sap_message("E", "V1", msgno, text, *variables, parameter=ITEM,
                                  row=row, field=field_name))

    try:
        quantity = Decimal(item.quantity or "0")
    except InvalidOperation:
        error("404", "Quantity &1 is not a number", item.quantity, field_name="TARGET_QTY")
        return None
    if quantity <= 0:
        error("405", "Enter a quantity greater than zero for item &1", posnr,
              field_name="TARGET_QTY")
        return None
    material = master_data.material(conn, mandt, matnr)
    if material is None or material["lvorm"] == "X":
        error("391", "Material &1 does not exist or is flagged for deletion",
              matnr.lstrip("0"), field_name="MATERIAL")
        return None
    sales = master_data.material_sales(conn, mandt, matnr, order.sales_org, order.distr_chan)
    if sales is None:
        error("382", "Material &1 is not defined for sales org. &2, distr. chan. &3",
              matnr.lstrip("0"), order.sales_org, order.distr_chan, field_name="MATERIAL")
        return None
    werks = item.plant or sales["dwerk"]
    if not werks or master_data.material_plant(conn, mandt, matnr, werks) is None:
        error("392", "Material &1 is not maintained in plant &2", matnr.lstrip("0"),
              werks or "(none)", field_name="PLANT")
        return None
    price = _price(conn, mandt, matnr, werks, item.price)
    return PlannedItem(
        posnr=posnr, matnr=matnr,
        arktx=item.short_text or master_data.material_text(conn, mandt, matnr),
        pstyv=doc_type.item_category, quantity=str(quantity),
        unit=item.sales_unit or sales["vrkme"] or material["meins"], werks=werks,
        lgort=item.store_loc or "0001", vstel="1000", price=str(price),
        value=str((price * quantity).quantize(Decimal("0.01"))),
        confirmed=str(quantity) if doc_type.is_return else "0",
        sched_date=item.req_date or order.req_date or today,
        vgbel=item.ref_doc or order.ref_doc, vgpos=(item.ref_doc_it or "").zfill(6)
        if (item.ref_doc or order.ref_doc) else "")


def _price(conn: Connection, mandt: str, matnr: str, werks: str, given: str) -> Decimal:
    """PR00 from the caller, else the outlet purchase price (planned price 1) of the plant."""
    if given:
        return Decimal(given)
    valuation = master_data.material_valuation(conn, mandt, matnr, werks)
    if valuation is None:
        return Decimal("0")
    for column in ("zplp1", "stprs", "verpr"):
        if Decimal(valuation[column]) > 0:
            return Decimal(valuation[column])
    return Decimal("0")


# --- ATP and credit ---------------------------------------------------------------------------

def open_demand(conn: Connection, mandt: str, matnr: str, werks: str) -> Decimal:
    """Confirmed quantities of open order items not yet issued from stock (ATP demand)."""
    confirmed = conn.execute(
        select(func.coalesce(func.sum(func.cast(vbep.c.bmeng, _numeric())), 0))
        .select_from(vbep.join(vbap, and_(vbap.c.mandt == vbep.c.mandt,
                                          vbap.c.vbeln == vbep.c.vbeln,
                                          vbap.c.posnr == vbep.c.posnr))
                     .join(vbak, and_(vbak.c.mandt == vbap.c.mandt,
                                      vbak.c.vbeln == vbap.c.vbeln)))
        .where(vbak.c.mandt == mandt, vbak.c.vbtyp == "C", vbap.c.matnr == matnr,
               vbap.c.werks == werks)).scalar_one()
    issued = conn.execute(
        select(func.coalesce(func.sum(func.cast(lips.c.lfimg, _numeric())), 0))
        .select_from(lips.join(likp, and_(likp.c.mandt == lips.c.mandt,
                                          likp.c.vbeln == lips.c.vbeln)))
        .where(lips.c.mandt == mandt, lips.c.matnr == matnr, lips.c.werks == werks,
               likp.c.vbtyp == "J", likp.c.wadat_ist != "", lips.c.vgtyp == "C")).scalar_one()
    return Decimal(str(confirmed)) - Decimal(str(issued))


def _numeric() -> Any:
    from sqlalchemy import Numeric

    return Numeric(18, 3)


def _confirm_availability(conn: Connection, mandt: str, order: OrderPlan) -> None:
    """ATP: confirm what unrestricted stock minus open demand allows, per item."""
    used: dict[tuple[str, str], Decimal] = {}
    for row, item in enumerate(order.items, start=1):
        key = (item.matnr, item.werks)
        if key not in used:
            used[key] = open_demand(conn, mandt, item.matnr, item.werks)
        stock = master_data.unrestricted_stock(conn, mandt, item.matnr, item.werks)
        available = max(stock - used[key], Decimal(0))
        wanted = Decimal(item.quantity)
        confirmed = min(wanted, available)
        used[key] += confirmed
        item.confirmed = str(confirmed)
        if confirmed < wanted:
            order.messages.append(sap_message(
                "W", "V1", "501", "Item &1: only &2 of &3 &4 can be confirmed for material &5",
                item.posnr, confirmed, wanted, item.unit, item.matnr.lstrip("0"),
                parameter=ITEM, row=row))


def credit_exposure(conn: Connection, mandt: str, kunnr: str) -> Decimal:
    """Open order value of the customer (orders not completely delivered) plus receivables."""
    values = conn.execute(select(vbak.c.netwr).select_from(
        vbak.join(vbuk, and_(vbuk.c.mandt == vbak.c.mandt, vbuk.c.vbeln == vbak.c.vbeln)))
        .where(vbak.c.mandt == mandt, vbak.c.kunnr == kunnr, vbak.c.vbtyp == "C",
               vbuk.c.lfgsk != "C")).scalars()
    exposure = sum((Decimal(v) for v in values), Decimal(0))
    credit = master_data.credit_data(conn, mandt, kunnr, CREDIT_CONTROL_AREA)
    if credit is not None:
        exposure += Decimal(credit["skfor"])
    return exposure


def _check_credit(conn: Connection, mandt: str, order: OrderPlan) -> None:
    credit = master_data.credit_data(conn, mandt, order.sold_to, CREDIT_CONTROL_AREA)
    if credit is None or Decimal(credit["klimk"]) <= 0:
        return
    exposure = credit_exposure(conn, mandt, order.sold_to) + Decimal(order.net_value)
    limit = Decimal(credit["klimk"])
    if exposure > limit:
        order.credit_blocked = True
        order.messages.append(sap_message(
            "W", "V1", "154", "Credit limit exceeded: exposure &1 &2 above limit &3 &2 of "
                              "customer &4; the document is blocked for delivery",
            exposure, order.currency, limit, order.sold_to.lstrip("0")))


# --- saving -----------------------------------------------------------------------------------

def save(conn: Connection, mandt: str, order: OrderPlan) -> None:
    """Write the document, its statuses, document flow and statistics (the update task)."""
    conn.execute(insert(vbak).values(
        mandt=mandt, vbeln=order.vbeln, auart=order.auart, vbtyp=order.vbtyp,
        erdat=order.erdat, erzet=order.erzet, ernam=order.ernam, audat=order.audat,
        vkorg=order.vkorg, vtweg=order.vtweg, spart=order.spart, kunnr=order.sold_to,
        bstnk=order.bstnk, bstdk=order.bstdk, vdatu=order.vdatu, lifsk="", faksk="", augru="",
        netwr=order.net_value, waerk=order.currency, vgbel=order.vgbel,
        vgtyp="C" if order.vgbel else ""))
    conn.execute(insert(vbap), [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": i.posnr, "matnr": i.matnr,
        "arktx": i.arktx, "pstyv": i.pstyv, "kwmeng": i.quantity, "vrkme": i.unit,
        "meins": i.unit, "werks": i.werks, "lgort": i.lgort, "vstel": i.vstel,
        "netpr": i.price, "netwr": i.value, "waerk": order.currency, "vgbel": i.vgbel,
        "vgpos": i.vgpos, "abgru": ""} for i in order.items])
    conn.execute(insert(vbep), [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": i.posnr, "etenr": "0001",
        "edatu": i.sched_date, "wmeng": i.quantity, "bmeng": i.confirmed,
        "lifsp": "", "ettyp": "CP"} for i in order.items])
    conn.execute(insert(vbuk).values(
        mandt=mandt, vbeln=order.vbeln, vbtyp=order.vbtyp, gbstk="A", lfstk="A", lfgsk="A",
        wbstk="", kostk="", fkstk="", cmgst="B" if order.credit_blocked else "A", abstk="A",
        uvall="C"))
    conn.execute(insert(vbup), [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": i.posnr, "gbsta": "A", "lfsta": "A",
        "lfgsa": "A", "wbsta": "", "fksta": "", "absta": "A"} for i in order.items])
    if order.vgbel:
        conn.execute(insert(vbfa), [{
            "mandt": mandt, "vbelv": i.vgbel, "posnv": i.vgpos or "000000",
            "vbeln": order.vbeln, "posnn": i.posnr, "vbtyp_n": order.vbtyp, "vbtyp_v": "C",
            "rfmng": i.quantity, "meins": i.unit, "rfwrt": i.value, "waers": order.currency,
            "plmin": "+", "bwart": "", "mjahr": "", "erdat": order.erdat,
            "erzet": order.erzet} for i in order.items if i.vgbel])
    statistics.record_order(conn, mandt, order)


def success_message(order: OrderPlan) -> SapMessage:
    return sap_message("S", "V1", "311", "&1 &2 has been saved", order.name, order.vbeln)
