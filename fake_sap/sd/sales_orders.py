"""Sales documents: standard orders (TA), consignment fill-ups (KB) and returns (RE).

Creating one happens in two steps, like in SAP: :func:`plan` checks everything (partners,
materials, references, ATP, credit) and computes the document without writing it — that is
what a BAPI does at call time, TESTRUN included — and :func:`save` writes it, which is what
the update task does at ``BAPI_TRANSACTION_COMMIT``. A plan is plain data, so it can wait in
the database between the two.

Messages follow SD_SALESDOCUMENT_CREATE, which the sales BAPIs and IDOC_INPUT_ORDERS share:
``PARAMETER`` names its internal parameters (SALES_HEADER_IN, SALES_ITEM_IN ...), ``ROW`` is
the line of the caller's table, and a refused document ends with V4 219.

Layer: business (SD). The one writer of VBAK, VBAP, VBEP and VBPA; statuses, document
flow and statistics go through ``status``, ``document_flow`` and ``statistics``. May import
``fake_sap.db``, ``fake_sap.customizing``, ``fake_sap.conversion`` and ``fake_sap.errors``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    Connection,
    Numeric,
    RowMapping,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    select,
    true,
    tuple_,
)

from fake_sap.conversion import alpha_output
from fake_sap.customizing import sales_area_key, storage_location_key
from fake_sap.db.bulk import write_rows
from fake_sap.db.documents import (
    likp,
    lips,
    open_order_values,
    vbak,
    vbap,
    vbep,
    vbfa,
    vbpa,
)
from fake_sap.db.schema import (
    customizing,
    kna1,
    knkk,
    knvp,
    knvv,
    makt,
    mara,
    marc,
    mard,
    mbew,
    mvke,
)
from fake_sap.errors import (
    ApplicationError,
    SapMessage,
    declared_error,
    declared_message,
    sap_message,
)
from fake_sap.sd import document_flow, open_orders, statistics, status
from fake_sap.sd.codes import (
    BILL_TO,
    PAYER,
    SALES_DOCUMENT_TYPES,
    SHIP_TO,
    SOLD_TO,
    SalesDocumentType,
)

CREDIT_CONTROL_AREA = "1000"
DEFAULT_CURRENCY = "CNY"
DEFAULT_STORAGE_LOCATION = "0001"
DEFAULT_SHIPPING_POINT = "1000"
HEADER = "SALES_HEADER_IN"
ITEM = "SALES_ITEM_IN"
PARTNERS = "SALES_PARTNERS"
#: partner functions taken from the sold-to party's KNVP when the caller does not send them
DETERMINED_PARTNERS = (SHIP_TO, BILL_TO, PAYER, "ZP")
HEADER_ITEM = "000000"
#: what VBAP-NETPR (CURR 11.2) and VBAP-NETWR (CURR 15.2) can hold
MAX_PRICE = Decimal("999999999.99")
MAX_VALUE = Decimal("9999999999999.99")


@dataclass(frozen=True)
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
    #: the caller's field for the quantity, named in messages (TARGET_QTY, REQ_QTY, MENGE)
    quantity_field: str = "TARGET_QTY"


@dataclass(frozen=True)
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
    items: tuple[ItemInput, ...] = ()
    #: header partners other than AG and WE, by partner function (RE, RG ...)
    partners: Mapping[str, str] = field(default_factory=dict)
    dlv_block: str = ""
    bill_block: str = ""
    ord_reason: str = ""


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
    #: header partners by function (VBPA): AG, WE, RE, RG and whatever else was sent
    partners: dict[str, str] = field(default_factory=dict)
    lifsk: str = ""
    faksk: str = ""
    augru: str = ""
    #: the caller gave the number (SALESDOCUMENTIN): another LUW may have taken it since the
    #: check at call time, so saving checks again; numbers of the range are unique already.
    #: True unless known otherwise, so that a plan stored without the flag is checked
    external_number: bool = True

    def to_payload(self) -> dict[str, Any]:
        """The plan as the update task stores it (JSON), without its messages: what
        ``dataclasses.asdict`` gives, built directly (every value is a str or a bool, so
        copying the items and partners is enough), because each order is turned into one."""
        data = {name: getattr(self, name) for name in _PAYLOAD_FIELDS}
        data["items"] = [dict(vars(item)) for item in self.items]
        data["partners"] = dict(self.partners)
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> OrderPlan:
        items = [PlannedItem(**i) for i in data["items"]]
        return cls(**{**data, "items": items})


#: the fields of an :class:`OrderPlan` its update task keeps
_PAYLOAD_FIELDS = tuple(f.name for f in fields(OrderPlan) if f.name != "messages")


def rejected(*messages: SapMessage) -> ApplicationError:
    """The error of a refused document: the reasons, then V4 219 as SAP closes them."""
    closing = declared_message("E", "V4", "219")
    return ApplicationError(*messages, closing)


def plan(conn: Connection, mandt: str, order: OrderInput, *, vbeln: str, today: str,
         now_time: str, user: str, customizing: dict[str, set[str]]) -> OrderPlan:
    """Check an order and compute it; raises :class:`ApplicationError` with BAPI messages.

    ``vbeln`` may be empty: the caller draws the number once the document is known to be
    good (a refused document takes no number).
    """
    doc_type = SALES_DOCUMENT_TYPES.get(order.doc_type)
    if doc_type is None:
        raise rejected(declared_message("E", "V1", "801", order.doc_type, parameter=HEADER,
                                        field="DOC_TYPE"))
    area = sales_area_key(order.sales_org, order.distr_chan, order.division)
    if area not in customizing.get("TVTA", set()):
        raise rejected(declared_message("E", "V1", "317", area, parameter=HEADER,
                                        field="SALES_ORG"))
    errors: list[SapMessage] = []
    # each partner's master data (KNA1, KNVV, KNKK), read once for all the checks
    customers: dict[str, RowMapping | None] = {}
    # each item's material as the item needs it (by material and given plant, see
    # _material), with its stock and demand, read once
    materials: dict[tuple[str, str], RowMapping | None] = {}
    _read_sold_to_with_first_material(conn, mandt, order, customers, materials)
    partners = _partners(conn, mandt, order, customizing, errors, customers)
    reference = _check_reference(conn, mandt, order, doc_type, errors)
    if errors:
        raise rejected(*errors)
    availability: dict[tuple[str, str], tuple[Decimal, Decimal]] = {}
    items = [_plan_item(conn, mandt, order, doc_type, item, row, today, customizing, errors,
                        materials, availability)
             for row, item in enumerate(order.items, start=1)]
    if not order.items:
        errors.append(declared_message("E", "V1", "555", parameter=ITEM))
    _check_item_numbers(order, errors)
    if errors:
        raise rejected(*errors)
    planned = [i for i in items if i is not None]
    net_value = sum((Decimal(i.value) for i in planned), Decimal(0))
    result = OrderPlan(
        vbeln=vbeln, auart=doc_type.auart, vbtyp=doc_type.vbtyp, name=doc_type.name,
        vkorg=order.sales_org, vtweg=order.distr_chan, spart=order.division,
        sold_to=partners[SOLD_TO], ship_to=partners[SHIP_TO], bstnk=order.purch_no_c,
        bstdk=order.purch_date, vdatu=order.req_date or today, audat=order.doc_date or today,
        currency=order.currency or _customer_currency(conn, mandt, order, customers),
        net_value=str(net_value), credit_blocked=False, vgbel=reference or _first_reference(
            planned), erdat=today, erzet=now_time, ernam=user, items=planned,
        partners=partners, lifsk=order.dlv_block, faksk=order.bill_block,
        augru=order.ord_reason, external_number=bool(vbeln))
    result.messages.append(declared_message("S", "V4", "233", HEADER, parameter=HEADER))
    for row, item in enumerate(planned, start=1):
        result.messages.append(sap_message(
            "S", "V4", "233", "&1 &2 has been processed successfully", ITEM, item.posnr,
            parameter=ITEM, row=row))
    if not doc_type.is_return:
        _confirm_availability(result, availability)
        _check_credit(conn, mandt, result, _customer(conn, mandt, order, order.sold_to,
                                                     customers))
    return result


def _first_reference(items: list[PlannedItem]) -> str:
    return next((i.vgbel for i in items if i.vgbel), "")


def _customer_currency(conn: Connection, mandt: str, order: OrderInput,
                       customers: dict[str, RowMapping | None]) -> str:
    customer = _customer(conn, mandt, order, order.sold_to, customers)
    if customer is None or customer["area"] is None:
        return DEFAULT_CURRENCY
    return customer["waers"] or DEFAULT_CURRENCY


def _customer(conn: Connection, mandt: str, order: OrderInput, kunnr: str,
              customers: dict[str, RowMapping | None]) -> RowMapping | None:
    """A customer as an order needs it (see :data:`_CUSTOMER_FOR_SALES`), read once per
    plan; None when the customer does not exist."""
    if kunnr not in customers:
        customers[kunnr] = conn.execute(_CUSTOMER_FOR_SALES, {
            "mandt": mandt, "kunnr": kunnr, "vkorg": order.sales_org,
            "vtweg": order.distr_chan, "spart": order.division,
            "kkber": CREDIT_CONTROL_AREA}).mappings().first()
    return customers[kunnr]


def _partner_label(parvw: str) -> str:
    return f"partner_{parvw.lower()}"


def _first_partner(parvw: str) -> Any:
    """The first partner (lowest PARZA) of function ``parvw`` in the customer's sales area
    (KNVP), correlated with KNA1: what partner determination takes for a function the
    caller did not send."""
    return select(knvp.c.kunn2).where(
        knvp.c.mandt == kna1.c.mandt, knvp.c.kunnr == kna1.c.kunnr,
        knvp.c.vkorg == bindparam("vkorg"), knvp.c.vtweg == bindparam("vtweg"),
        knvp.c.spart == bindparam("spart"), knvp.c.parvw == parvw,
    ).order_by(knvp.c.parza).limit(1).scalar_subquery().label(_partner_label(parvw))


#: the customer (KNA1; no row, or NULL in "customer", when there is none), its data in the
#: order's sales area (KNVV), its credit data (KNKK) with its open order value (see
#: fake_sap.sd.open_orders), NULLs where those are missing, and the first partner of each
#: function partner determination may need (KNVP): one read per partner of an order (the
#: sold-to party's together with the first item's material, see _SOLD_TO_AND_MATERIAL).
#: Built once.
_CUSTOMER_FOR_SALES = select(
    kna1.c.kunnr.label("customer"), kna1.c.loevm, kna1.c.aufsd,
    knvv.c.kunnr.label("area"), knvv.c.waers,
    knkk.c.kunnr.label("credit"), knkk.c.klimk, knkk.c.crblb, knkk.c.skfor,
    open_order_values.c.netwr_cents.label("open_cents"),
    *(_first_partner(parvw) for parvw in DETERMINED_PARTNERS),
).select_from(kna1.outerjoin(knvv, and_(
    knvv.c.mandt == kna1.c.mandt, knvv.c.kunnr == kna1.c.kunnr,
    knvv.c.vkorg == bindparam("vkorg"), knvv.c.vtweg == bindparam("vtweg"),
    knvv.c.spart == bindparam("spart"))).outerjoin(knkk, and_(
        knkk.c.mandt == kna1.c.mandt, knkk.c.kunnr == kna1.c.kunnr,
        knkk.c.kkber == bindparam("kkber"))).outerjoin(open_order_values, and_(
            open_order_values.c.mandt == kna1.c.mandt,
            open_order_values.c.kunnr == kna1.c.kunnr)),
).where(kna1.c.mandt == bindparam("mandt"), kna1.c.kunnr == bindparam("kunnr"))


# --- partners ---------------------------------------------------------------------------------

def _partners(conn: Connection, mandt: str, order: OrderInput, customizing: dict[str, set[str]],
              errors: list[SapMessage], customers: dict[str, RowMapping | None]
              ) -> dict[str, str]:
    """The header partners: what was sent, the rest determined from the sold-to's KNVP."""
    for parvw in order.partners:
        if parvw not in customizing.get("TPAR", set()):
            errors.append(declared_message("E", "VP", "200", parvw, parameter=PARTNERS,
                                           field="PARTN_ROLE"))
    if not order.sold_to:
        errors.append(declared_message("E", "VP", "202", parameter=PARTNERS, field="PARTN_NUMB"))
        return {}
    if not _check_partner(conn, mandt, order, order.sold_to, SOLD_TO, errors, customers):
        return {}
    result = {SOLD_TO: order.sold_to}
    sent = {**order.partners, **({SHIP_TO: order.ship_to} if order.ship_to else {})}
    wanted = [parvw for parvw in DETERMINED_PARTNERS if parvw not in sent]
    # the sold-to party's partner functions came with its row (see _CUSTOMER_FOR_SALES)
    sold_to = customers[order.sold_to]
    assert sold_to is not None  # checked above
    determined = {parvw: sold_to[_partner_label(parvw)] for parvw in wanted
                  if sold_to[_partner_label(parvw)]}
    for parvw in wanted:
        if parvw in determined or parvw != "ZP":
            result[parvw] = determined.get(parvw) or order.sold_to
    for parvw, kunnr in sent.items():
        if parvw == SHIP_TO:
            _check_partner(conn, mandt, order, kunnr, parvw, errors, customers)
        elif _customer(conn, mandt, order, kunnr, customers) is None:
            errors.append(_unknown_partner(kunnr, parvw))
        result[parvw] = kunnr
    return result


def _unknown_partner(kunnr: str, parvw: str) -> SapMessage:
    return declared_message("E", "VP", "112", alpha_output(kunnr), parvw, parameter=PARTNERS,
                            field="PARTN_NUMB")


def _check_partner(conn: Connection, mandt: str, order: OrderInput, kunnr: str, role: str,
                   errors: list[SapMessage], customers: dict[str, RowMapping | None]) -> bool:
    customer = _customer(conn, mandt, order, kunnr, customers)
    if customer is None:
        errors.append(_unknown_partner(kunnr, role))
        return False
    if customer["loevm"] == "X" or customer["aufsd"]:
        errors.append(declared_message("E", "VP", "113", alpha_output(kunnr), parameter=PARTNERS))
    if customer["area"] is None:
        errors.append(declared_message("E", "VP", "199", alpha_output(kunnr), order.sales_org,
                                       order.distr_chan, order.division,
                                       parameter=PARTNERS))
    return True


# --- references (returns with reference to an order) -----------------------------------------

def _check_reference(conn: Connection, mandt: str, order: OrderInput,
                     doc_type: SalesDocumentType, errors: list[SapMessage]) -> str:
    """The header reference (REF_DOC), checked once; items referencing it are checked later."""
    if not order.ref_doc:
        return ""
    header = _reference_header(conn, mandt, order.ref_doc)
    if header is None:
        errors.append(_no_reference(order.ref_doc, HEADER, 0, "REF_DOC"))
    elif doc_type.is_return and header["kunnr"] != order.sold_to:
        errors.append(_other_sold_to(order.ref_doc, HEADER, 0))
    return order.ref_doc


def _reference_header(conn: Connection, mandt: str, vbeln: str) -> dict[str, Any] | None:
    row = conn.execute(select(vbak.c.kunnr, vbak.c.vbtyp).where(
        vbak.c.mandt == mandt, vbak.c.vbeln == vbeln)).mappings().first()
    # only orders (category C) can be referenced; there are no invoices to refer to
    return dict(row) if row is not None and row["vbtyp"] == "C" else None


def _no_reference(vbeln: str, parameter: str, row: int, field_name: str) -> SapMessage:
    return declared_message("E", "V1", "302", vbeln, parameter=parameter, row=row,
                            field=field_name)


def _other_sold_to(vbeln: str, parameter: str, row: int) -> SapMessage:
    return declared_message("E", "V1", "303", vbeln, parameter=parameter, row=row,
                            field="REF_DOC")


def _reference_item(conn: Connection, mandt: str, order: OrderInput,
                    doc_type: SalesDocumentType, item: ItemInput, row: int,
                    errors: list[SapMessage]) -> dict[str, Any] | None:
    """The order item a document item refers to (REF_DOC/REF_DOC_IT, or the header's
    REF_DOC and the item's material); None with an error if there is none."""
    vbeln = item.ref_doc or order.ref_doc
    if item.ref_doc and item.ref_doc != order.ref_doc:
        header = _reference_header(conn, mandt, vbeln)
        if header is None:
            errors.append(_no_reference(vbeln, ITEM, row, "REF_DOC"))
            return None
        if doc_type.is_return and header["kunnr"] != order.sold_to:
            errors.append(_other_sold_to(vbeln, ITEM, row))
            return None
    query = select(vbap).where(vbap.c.mandt == mandt, vbap.c.vbeln == vbeln)
    if item.ref_doc_it:
        query = query.where(vbap.c.posnr == item.ref_doc_it)
    elif item.material:
        query = query.where(vbap.c.matnr == item.material)
    else:
        errors.append(declared_message("E", "V1", "304", row, parameter=ITEM, row=row,
                                       field="REF_DOC_IT"))
        return None
    reference = conn.execute(query.order_by(vbap.c.posnr)).mappings().first()
    if reference is None:
        errors.append(declared_message("E", "V1", "305",
                                       item.ref_doc_it or alpha_output(item.material),
                                       vbeln, parameter=ITEM, row=row,
                                       field="REF_DOC_IT"))
        return None
    if item.material and item.material != reference["matnr"]:
        errors.append(declared_message("E", "V1", "306", alpha_output(item.material),
                                       alpha_output(reference["matnr"]),
                                       reference["posnr"], parameter=ITEM,
                                       row=row, field="MATERIAL"))
        return None
    return dict(reference)


def returned_quantity(conn: Connection, mandt: str, vbeln: str, posnr: str) -> Decimal:
    """What returns already took from an order item (VBFA, subsequent category H)."""
    values = conn.execute(select(vbfa.c.rfmng).where(
        vbfa.c.mandt == mandt, vbfa.c.vbelv == vbeln, vbfa.c.posnv == posnr,
        vbfa.c.vbtyp_n == "H")).scalars()
    return sum((Decimal(v) for v in values), Decimal(0))


# --- items ------------------------------------------------------------------------------------

def _check_item_numbers(order: OrderInput, errors: list[SapMessage]) -> None:
    seen: set[str] = set()
    for row, item in enumerate(order.items, start=1):
        posnr = item_number(item.itm_number, row)
        if posnr in seen:
            errors.append(declared_message("E", "V1", "307", posnr, parameter=ITEM, row=row,
                                           field="ITM_NUMBER"))
        seen.add(posnr)


def item_number(itm_number: str, row: int) -> str:
    """The item number (POSNR): as sent, or 10, 20 ... by row when the caller left it out."""
    number = itm_number.lstrip("0")
    return (number or str(row * 10)).zfill(6)


def _plan_item(conn: Connection, mandt: str, order: OrderInput, doc_type: SalesDocumentType,
               item: ItemInput, row: int, today: str, customizing: dict[str, set[str]],
               errors: list[SapMessage], materials: dict[tuple[str, str], RowMapping | None],
               availability: dict[tuple[str, str], tuple[Decimal, Decimal]]
               ) -> PlannedItem | None:
    posnr = item_number(item.itm_number, row)

    def error(msgno: str, text: str, *variables: object, field_name: str = "") -> None:
        errors.append(sap_message("E", "V1", msgno, text, *variables, parameter=ITEM,
                                  row=row, field=field_name))

    try:
        quantity = Decimal(item.quantity or "0")
    except InvalidOperation:
        error("404", "Quantity &1 is not a number", item.quantity,
              field_name=item.quantity_field)
        return None
    if quantity <= 0:
        error("405", "Enter a quantity greater than zero for item &1", posnr,
              field_name=item.quantity_field)
        return None
    reference = None
    if item.ref_doc or order.ref_doc:
        reference = _reference_item(conn, mandt, order, doc_type, item, row, errors)
        if reference is None:
            return None
    matnr = item.material or (reference["matnr"] if reference else "")
    if not matnr:
        error("390", "Enter a material for item &1", posnr, field_name="MATERIAL")
        return None
    given_plant = item.plant or (reference["werks"] if reference else "")
    material = _material(conn, mandt, order, matnr, given_plant, materials)
    if material is None or material["lvorm"] == "X":
        error("391", "Material &1 does not exist or is flagged for deletion",
              alpha_output(matnr), field_name="MATERIAL")
        return None
    if material["sales_view"] is None:
        error("382", "Material &1 is not defined for sales org. &2, distr. chan. &3",
              alpha_output(matnr), order.sales_org, order.distr_chan, field_name="MATERIAL")
        return None
    werks = given_plant or material["dwerk"]
    plant = material if werks and material["plant"] is not None else None
    if plant is None:
        error("392", "Material &1 is not maintained in plant &2", alpha_output(matnr),
              werks or "(none)", field_name="PLANT")
        return None
    # the stock and demand came with the material; the first read of a plant counts
    availability.setdefault((matnr, werks), _stock_and_demand(plant))
    lgort = item.store_loc or DEFAULT_STORAGE_LOCATION
    if storage_location_key(werks, lgort) not in customizing.get("T001L", set()):
        error("393", "Storage location &1 is not defined in plant &2", lgort, werks,
              field_name="STORE_LOC")
        return None
    units = {material["meins"], material["vrkme"]} - {""}
    unit = item.sales_unit or material["vrkme"] or material["meins"]
    if unit not in units:
        error("394", "Unit &1 is not defined for material &2 (use &3)", unit,
              alpha_output(matnr), "/".join(sorted(units)), field_name="SALES_UNIT")
        return None
    if reference is not None and doc_type.is_return:
        returned = returned_quantity(conn, mandt, reference["vbeln"], reference["posnr"])
        still_returnable = Decimal(reference["kwmeng"]) - returned
        if quantity > still_returnable:
            error("395", "Item &1: only &2 &3 of order &4 item &5 can still be returned",
                  posnr, shown(still_returnable), unit, reference["vbeln"],
                  reference["posnr"], field_name=item.quantity_field)
            return None
    if not doc_type.priced:
        price = Decimal(0)
    elif reference is not None and not item.price:
        price = Decimal(reference["netpr"])  # copy control: the reference item's price
    else:
        price = _price(item.price, plant)
    value = net_value(price, quantity)
    if too_large(price, value):
        error("396", "Item &1: price &2 or net value &3 is too large", posnr, shown(price),
              shown(value), field_name=item.quantity_field)
        return None
    return PlannedItem(
        posnr=posnr, matnr=matnr,
        arktx=item.short_text or material["text_e"] or material["text_any"] or "",
        pstyv=doc_type.item_category, quantity=str(quantity), unit=unit, werks=werks,
        lgort=lgort, vstel=DEFAULT_SHIPPING_POINT, price=str(price),
        value=str(value),
        confirmed=str(quantity) if doc_type.is_return else "0",
        sched_date=item.req_date or order.req_date or today,
        vgbel=reference["vbeln"] if reference else "",
        vgpos=reference["posnr"] if reference else "")


def net_value(price: Decimal, quantity: Decimal) -> Decimal:
    """An item's net value: price per unit times quantity, rounded to cents."""
    return (price * quantity).quantize(Decimal("0.01"))


def too_large(price: Decimal, value: Decimal) -> bool:
    """Whether a price or net value does not fit VBAP-NETPR (CURR 11.2) or -NETWR (15.2)."""
    return price > MAX_PRICE or value > MAX_VALUE


def _price(given: str, valuation: RowMapping) -> Decimal:
    """PR00 from the caller, else the outlet purchase price (planned price 1) of the plant
    (``valuation``: the plant's MBEW prices, None when it has no valuation)."""
    if given:
        return Decimal(given)
    for column in ("zplp1", "stprs", "verpr"):
        if valuation[column] is not None and Decimal(valuation[column]) > 0:
            return Decimal(valuation[column])
    return Decimal("0")


# --- the availability check's statements (built once) -----------------------------------------

# The parts of the availability check are built for a plant given as an expression: a bound
# parameter when one material in one plant is checked, the item's plant (MARC-WERKS) when an
# order item reads them together with its material.
def _material_items(werks: Any) -> Any:
    # correlated with whatever ``werks`` comes from, however deep it is nested (automatic
    # correlation reaches only the enclosing statement)
    return select(vbap.c.mandt, vbap.c.vbeln, vbap.c.posnr).where(
        vbap.c.mandt == bindparam("mandt"), vbap.c.matnr == bindparam("matnr"),
        vbap.c.werks == werks).correlate_except(vbap)


# The confirmed quantity is summed per order item, in a subquery correlated by the item's
# key, not as "schedule lines whose key is IN (the items)": PostgreSQL, before it has
# statistics of the order tables (they start empty, and autovacuum analyzes them only after
# its next round, a minute or more later), takes every client's MANDT condition for a
# selective one and may plan the IN as a nested loop over all schedule lines times all order
# items of the client, which grows with the square of the orders (168 ms for one order's
# check at 265 orders in a benchmark). Correlated, the schedule lines are reached by their
# key from each item in every plan; SQLite plans it as before.
_item_confirmed = (
    select(func.sum(func.cast(vbep.c.bmeng, Numeric(18, 3))))
    .where(vbep.c.mandt == vbap.c.mandt, vbep.c.vbeln == vbap.c.vbeln,
           vbep.c.posnr == vbap.c.posnr)
    .scalar_subquery())


def _confirmed_quantity(werks: Any) -> Any:
    return (
        select(func.coalesce(func.sum(_item_confirmed), 0))
        .select_from(vbap.join(vbak, and_(vbak.c.mandt == vbap.c.mandt,
                                          vbak.c.vbeln == vbap.c.vbeln)))
        .where(vbap.c.mandt == bindparam("mandt"), vbap.c.matnr == bindparam("matnr"),
               vbap.c.werks == werks, vbak.c.vbtyp == "C")
        .scalar_subquery())


def _issued_quantity(werks: Any) -> Any:
    # a delivery item has its order item's material and plant (copied when it was created)
    return (
        select(func.coalesce(func.sum(func.cast(lips.c.lfimg, Numeric(18, 3))), 0))
        .select_from(lips.join(likp, and_(likp.c.mandt == lips.c.mandt,
                                          likp.c.vbeln == lips.c.vbeln)))
        .where(tuple_(lips.c.mandt, lips.c.vgbel, lips.c.vgpos).in_(_material_items(werks)),
               lips.c.matnr == bindparam("matnr"), lips.c.werks == werks,
               likp.c.vbtyp == "J", likp.c.wadat_ist != "", lips.c.vgtyp == "C")
        .scalar_subquery())


def _unrestricted_stock(werks: Any) -> Any:
    """The unrestricted-use stock of the material in the plant over its storage locations
    (MARD)."""
    return (
        select(func.coalesce(func.sum(func.cast(mard.c.labst, Numeric(18, 3))), 0))
        .where(mard.c.mandt == bindparam("mandt"), mard.c.matnr == bindparam("matnr"),
               mard.c.werks == werks)
        .scalar_subquery())


def _availability_columns(werks: Any) -> tuple[Any, ...]:
    """What the availability check of the material ``matnr`` in the plant ``werks`` needs:
    the stock and the open demand against it (confirmed minus issued)."""
    return (_unrestricted_stock(werks).label("stock"),
            _confirmed_quantity(werks).label("confirmed"),
            _issued_quantity(werks).label("issued"))


# ATP demand of a material in a plant: what orders confirmed and what deliveries for orders
# issued, as two sums of one statement (every order item asks). Both start from the order
# items of the material in the plant (index ix_vbap_material) and reach the schedule lines
# and delivery items by their keys, so the cost does not grow with the client's other
# documents (SQLite, left to order the joins itself, would read every schedule line and
# delivery item of the client). Built once.
_plant = bindparam("werks", type_=marc.c.werks.type)
_OPEN_DEMAND = select(_confirmed_quantity(_plant).label("confirmed"),
                      _issued_quantity(_plant).label("issued"))
#: the availability check of one material in one plant, in one statement. Built once. An
#: order's items read the same columns with their material (see _MATERIAL_FOR_SALES).
_AVAILABILITY = select(*_availability_columns(_plant))


def _stock_and_demand(row: RowMapping) -> tuple[Decimal, Decimal]:
    """Unrestricted stock (as :func:`fake_sap.db.master_data.unrestricted_stock` reads it)
    and open demand (as :func:`open_demand`) from a row with the availability columns."""
    return Decimal(str(row["stock"])), \
        Decimal(str(row["confirmed"])) - Decimal(str(row["issued"]))


# --- the material master as an order item needs it (statements built once) --------------------

def _material_text(spras: str | None) -> Any:
    """The material's text in ``spras``, or (None) its first text; correlated with MARA."""
    query = select(makt.c.maktx).where(makt.c.mandt == mara.c.mandt,
                                       makt.c.matnr == mara.c.matnr)
    if spras is not None:
        return query.where(makt.c.spras == spras).scalar_subquery()
    return query.order_by(makt.c.spras).limit(1).scalar_subquery()


#: the plant an item is for: the one given, else the sales view's delivering plant (MVKE-DWERK)
_given_plant = bindparam("werks", type_=marc.c.werks.type)
_item_plant = case((_given_plant != "", _given_plant), else_=mvke.c.dwerk)

#: client data (MARA), the sales view of the order's sales organization and distribution
#: channel (MVKE; NULLs when there is none), the text (MAKT: English, else the first one), the
#: item's plant view (MARC; NULLs when there is none), its valuation without split (MBEW;
#: NULLs when there is none) and the availability check's stock and demand in that plant
#: (see _availability_columns; meaningless without the plant view)
_MATERIAL_FOR_SALES = select(
    mara.c.matnr.label("material"), mara.c.meins, mara.c.lvorm,
    mvke.c.matnr.label("sales_view"), mvke.c.dwerk,
    mvke.c.vrkme, _material_text("E").label("text_e"), _material_text(None).label("text_any"),
    marc.c.werks.label("plant"), mbew.c.zplp1, mbew.c.stprs, mbew.c.verpr,
    *_availability_columns(marc.c.werks),
).select_from(mara.outerjoin(mvke, and_(
    mvke.c.mandt == mara.c.mandt, mvke.c.matnr == mara.c.matnr,
    mvke.c.vkorg == bindparam("vkorg"), mvke.c.vtweg == bindparam("vtweg"),
)).outerjoin(marc, and_(
    marc.c.mandt == mara.c.mandt, marc.c.matnr == mara.c.matnr,
    marc.c.werks == _item_plant, _item_plant != "",
)).outerjoin(mbew, and_(
    mbew.c.mandt == marc.c.mandt, mbew.c.matnr == marc.c.matnr,
    mbew.c.bwkey == marc.c.werks, mbew.c.bwtar == "")),
).where(mara.c.mandt == bindparam("mandt"), mara.c.matnr == bindparam("matnr"))


def _material(conn: Connection, mandt: str, order: OrderInput, matnr: str, given_plant: str,
              materials: dict[tuple[str, str], RowMapping | None]) -> RowMapping | None:
    """The material with the plant the item is for (given, else the sales view's delivering
    plant) and its availability there (see :data:`_MATERIAL_FOR_SALES`), read once per
    plan; None when the material does not exist."""
    key = (matnr, given_plant)
    if key not in materials:
        materials[key] = conn.execute(_MATERIAL_FOR_SALES, {
            "mandt": mandt, "matnr": matnr, "vkorg": order.sales_org,
            "vtweg": order.distr_chan, "werks": given_plant}).mappings().first()
    return materials[key]


# The sold-to party and the first item's material in one statement: every order reads both,
# and most orders have one item, whose reads are then all there is. One row always (from
# _one_row), with NULLs in "customer" or "material" for what does not exist. Built once.
_one_row = select(literal_column("1").label("one")).subquery("one_row")
_customer_part = _CUSTOMER_FOR_SALES.subquery("customer_part")
_material_part = _MATERIAL_FOR_SALES.subquery("material_part")
_SOLD_TO_AND_MATERIAL = select(_customer_part, _material_part).select_from(
    _one_row.outerjoin(_customer_part, true()).outerjoin(_material_part, true()))


def _read_sold_to_with_first_material(
        conn: Connection, mandt: str, order: OrderInput,
        customers: dict[str, RowMapping | None],
        materials: dict[tuple[str, str], RowMapping | None]) -> None:
    """Read the sold-to party (as :func:`_customer` would) and the first item's material (as
    :func:`_material` would) together, when both are known before the checks: an item that
    refers to another document takes its material or plant from there, so it is read later.
    The row carries both parts' columns; each reader takes only its own."""
    first = order.items[0] if order.items else None
    if not order.sold_to or first is None or not first.material \
            or first.ref_doc or order.ref_doc:
        return
    row = conn.execute(_SOLD_TO_AND_MATERIAL, {
        "mandt": mandt, "kunnr": order.sold_to, "vkorg": order.sales_org,
        "vtweg": order.distr_chan, "spart": order.division, "kkber": CREDIT_CONTROL_AREA,
        "matnr": first.material, "werks": first.plant}).mappings().one()
    customers[order.sold_to] = row if row["customer"] is not None else None
    materials[first.material, first.plant] = row if row["material"] is not None else None


def shown(value: Decimal) -> str:
    """A quantity or amount as a message shows it: no trailing zeros (5, 2.5)."""
    return f"{value.normalize():f}"


# --- ATP and credit ---------------------------------------------------------------------------

def open_demand(conn: Connection, mandt: str, matnr: str, werks: str) -> Decimal:
    """Confirmed quantities of order items not yet issued from stock (ATP demand)."""
    confirmed, issued = conn.execute(_OPEN_DEMAND, {"mandt": mandt, "matnr": matnr,
                                                    "werks": werks}).one()
    return Decimal(str(confirmed)) - Decimal(str(issued))


def _confirm_availability(order: OrderPlan,
                          availability: dict[tuple[str, str], tuple[Decimal, Decimal]]) -> None:
    """ATP: confirm what unrestricted stock minus open demand allows, per item
    (``availability``: the stock and open demand per material and plant, as the items read
    them with their material)."""
    used: dict[tuple[str, str], Decimal] = {}
    for row, item in enumerate(order.items, start=1):
        key = (item.matnr, item.werks)
        stock, demand = availability[key]
        used.setdefault(key, demand)
        available = max(stock - used[key], Decimal(0))
        wanted = Decimal(item.quantity)
        confirmed = min(wanted, available)
        used[key] += confirmed
        item.confirmed = str(confirmed)
        if confirmed < wanted:
            order.messages.append(declared_message("W", "V1", "501", item.posnr, shown(confirmed),
                                                   shown(wanted),
                                                   item.unit,
                                                   alpha_output(item.matnr),
                                                   parameter=ITEM,
                                                   row=row))


def _check_credit(conn: Connection, mandt: str, order: OrderPlan,
                  sold_to: RowMapping | None) -> None:
    """Static credit check (OVA8 reaction: warning, save with credit block CMGST = B);
    ``sold_to``: the sold-to party with its credit data (see :data:`_CUSTOMER_FOR_SALES`)."""
    if sold_to is None or sold_to["credit"] is None or Decimal(order.net_value) <= 0:
        return
    credit = sold_to
    limit = Decimal(credit["klimk"])
    # the open order value came with the customer (one keyed row, however many orders)
    exposure = open_orders.value_of(credit["open_cents"]) + Decimal(credit["skfor"]) + \
        Decimal(order.net_value)
    if credit["crblb"] == "X":
        order.credit_blocked = True
        order.messages.append(declared_message("W", "V1", "155", alpha_output(order.sold_to)))
    elif exposure > limit:
        order.credit_blocked = True
        order.messages.append(declared_message("W", "V1", "154", shown(exposure), order.currency,
                                               shown(limit),
                                               alpha_output(order.sold_to)))


# --- reading ------------------------------------------------------------------------------------

#: the customizing tables the order checks look keys up in: sales areas, partner functions,
#: storage locations
CHECKED_CUSTOMIZING = ("TVTA", "TPAR", "T001L")
_CUSTOMIZING_KEYS = select(customizing.c.tabname, customizing.c.tabkey).where(
    customizing.c.mandt == bindparam("mandt"), customizing.c.tabname.in_(CHECKED_CUSTOMIZING))


def customizing_keys(conn: Connection, mandt: str) -> dict[str, set[str]]:
    """The keys of the client's entries in :data:`CHECKED_CUSTOMIZING`, by table: what
    :func:`plan` is given (the entries' data is not needed, so it is not read)."""
    keys: dict[str, set[str]] = {table: set() for table in CHECKED_CUSTOMIZING}
    for table, key in conn.execute(_CUSTOMIZING_KEYS, {"mandt": mandt}):
        keys[table].add(key)
    return keys

def check_number_is_free(conn: Connection, mandt: str, vbeln: str) -> None:
    """An external number (SALESDOCUMENTIN) must not be taken yet."""
    if conn.execute(select(vbak.c.vbeln).where(vbak.c.mandt == mandt,
                                               vbak.c.vbeln == vbeln)).first():
        raise rejected(declared_message("E", "V1", "008", vbeln, parameter="SALESDOCUMENTIN"))


def header(conn: Connection, mandt: str, vbeln: str) -> dict[str, Any] | None:
    row = conn.execute(select(vbak).where(vbak.c.mandt == mandt, vbak.c.vbeln == vbeln)
                       ).mappings().first()
    return dict(row) if row is not None else None


def numbers_for_purchase_order(conn: Connection, mandt: str, bstnk: str) -> list[str]:
    """The sales documents that carry the customer's purchase order number ``bstnk``."""
    return [r for (r,) in conn.execute(select(vbak.c.vbeln).where(
        vbak.c.mandt == mandt, vbak.c.bstnk == bstnk).order_by(vbak.c.vbeln))]


def items(conn: Connection, mandt: str, vbeln: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(vbap).where(
        vbap.c.mandt == mandt, vbap.c.vbeln == vbeln).order_by(vbap.c.posnr)).mappings()]


def schedule_totals(conn: Connection, mandt: str, vbeln: str
                    ) -> dict[str, tuple[Decimal, Decimal, str]]:
    """Per item: ordered and confirmed quantity over its schedule lines, first date."""
    totals: dict[str, tuple[Decimal, Decimal, str]] = {}
    for line in conn.execute(select(vbep).where(vbep.c.mandt == mandt, vbep.c.vbeln == vbeln)
                             .order_by(vbep.c.posnr, vbep.c.etenr)).mappings():
        ordered, confirmed, first = totals.get(line["posnr"], (Decimal(0), Decimal(0), ""))
        totals[line["posnr"]] = (ordered + Decimal(line["wmeng"]),
                                 confirmed + Decimal(line["bmeng"]), first or line["edatu"])
    return totals


# --- saving -----------------------------------------------------------------------------------

def save(conn: Connection, mandt: str, order: OrderPlan) -> None:
    """Write the document, its statuses, document flow and statistics (the update task)."""
    if order.external_number and conn.execute(select(vbak.c.vbeln).where(
            vbak.c.mandt == mandt, vbak.c.vbeln == order.vbeln)).first():
        # an external number (SALESDOCUMENTIN) another LUW took in the meantime
        raise declared_error("V1", "008", order.vbeln)
    # plain INSERTs straight to the driver (fake_sap.db.bulk), one per table, whatever the
    # number of items: the update task of every order runs them
    write_rows(conn, vbak, [dict(
        mandt=mandt, vbeln=order.vbeln, auart=order.auart, vbtyp=order.vbtyp,
        erdat=order.erdat, erzet=order.erzet, ernam=order.ernam, audat=order.audat,
        vkorg=order.vkorg, vtweg=order.vtweg, spart=order.spart, kunnr=order.sold_to,
        bstnk=order.bstnk, bstdk=order.bstdk, vdatu=order.vdatu, lifsk=order.lifsk,
        faksk=order.faksk, augru=order.augru, netwr=order.net_value, waerk=order.currency,
        vgbel=order.vgbel, vgtyp="C" if order.vgbel else "")])
    if open_orders.counts(order.vbtyp, _NEW_DELIVERY_STATUS):
        open_orders.add(conn, mandt, order.sold_to, Decimal(order.net_value))
    write_rows(conn, vbap, [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": i.posnr, "matnr": i.matnr,
        "arktx": i.arktx, "pstyv": i.pstyv, "kwmeng": i.quantity, "vrkme": i.unit,
        "meins": i.unit, "werks": i.werks, "lgort": i.lgort, "vstel": i.vstel,
        "netpr": i.price, "netwr": i.value, "waerk": order.currency, "vgbel": i.vgbel,
        "vgpos": i.vgpos, "abgru": ""} for i in order.items])
    write_rows(conn, vbep, [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": i.posnr, "etenr": "0001",
        "edatu": i.sched_date, "wmeng": i.quantity, "bmeng": i.confirmed,
        "lifsp": "", "ettyp": "CP"} for i in order.items])
    partners = order.partners or {SOLD_TO: order.sold_to, SHIP_TO: order.ship_to}
    write_rows(conn, vbpa, [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": HEADER_ITEM, "parvw": parvw,
        "kunnr": kunnr} for parvw, kunnr in sorted(partners.items())])
    status.add(conn, {
        "mandt": mandt, "vbeln": order.vbeln, "vbtyp": order.vbtyp, "gbstk": "A",
        "lfstk": "A", "lfgsk": _NEW_DELIVERY_STATUS, "wbstk": "", "kostk": "", "fkstk": "",
        "cmgst": "B" if order.credit_blocked else "A", "abstk": "A", "uvall": "C"}, [{
        "mandt": mandt, "vbeln": order.vbeln, "posnr": i.posnr, "gbsta": "A", "lfsta": "A",
        "lfgsa": "A", "wbsta": "", "fksta": "", "absta": "A"} for i in order.items])
    document_flow.link(conn, [{
        "mandt": mandt, "vbelv": i.vgbel, "posnv": i.vgpos or HEADER_ITEM,
        "vbeln": order.vbeln, "posnn": i.posnr, "vbtyp_n": order.vbtyp, "vbtyp_v": "C",
        "rfmng": i.quantity, "meins": i.unit, "rfwrt": i.value, "waers": order.currency,
        "plmin": "+", "bwart": "", "mjahr": "", "erdat": order.erdat,
        "erzet": order.erzet} for i in order.items if i.vgbel])
    statistics.record_order(conn, mandt, order)


#: VBUK-LFGSK of a new sales document: not yet delivered
_NEW_DELIVERY_STATUS = "A"


def success_message(order: OrderPlan) -> SapMessage:
    return declared_message("S", "V1", "311", order.name, order.vbeln)
