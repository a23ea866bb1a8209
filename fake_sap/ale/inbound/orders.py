"""Inbound ORDERS (process code ORDE, IDOC_INPUT_ORDERS): a customer's order as a sales order.

Layer: ALE. Maps an ORDERS05 IDoc to the typed order
(:class:`fake_sap.sd.sales_orders.OrderInput`) and hands it to
:func:`fake_sap.sd.orders_inbound.receive`, which checks it like
BAPI_SALESORDER_CREATEFROMDAT2 does. The currency (E1EDK01 CURCY) and the item units
(E1EDP01 MENEE, PMENE) travel as ISO codes and are converted to internal codes here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Connection

from fake_sap.ale.inbound.values import NOT_KEPT, IsoFields, SegmentReads
from fake_sap.ale.posting import Posting
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import IsoCodes
from fake_sap.conversion import alpha_input, matn1_input
from fake_sap.errors import declared_error
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.lookups import Lookups
from fake_sap.sd import orders_inbound
from fake_sap.sd.orders_inbound import OrderReceived
from fake_sap.sd.sales_orders import ItemInput, OrderInput

MESTYP = "ORDERS"
KIND = orders_inbound.KIND

# The segment fields this mapping reads and the OrderInput field each one fills; the mapping
# takes the qualified segments' values through these declarations. Any other field of an
# ORDERS05 IDoc is kept in the stored IDoc only (``fake-sap parity`` reports it as dropped).
HEADER = SegmentReads("E1EDK01", {
    "BELNR": "purch_no_c",  # when no E1EDK02 with QUALF 001 carries it
    "CURCY": "currency", "LIFSK": "dlv_block", "AUGRU": "ord_reason"})
REFERENCE = SegmentReads("E1EDK02", qualifier="QUALF", value="BELNR",
                         qualified={"001": "purch_no_c"})
DATE = SegmentReads("E1EDK03", qualifier="IDDAT", value="DATUM", qualified={
    "002": "req_date", "012": "doc_date", "022": "purch_date"})
ORGANIZATION = SegmentReads("E1EDK14", qualifier="QUALF", value="ORGID", qualified={
    "008": "sales_org", "007": "distr_chan", "006": "division", "012": "doc_type"})
PARTNER = SegmentReads("E1EDKA1", qualifier="PARVW", value="PARTN", qualified={
    "AG": "sold_to", "WE": "ship_to"})
ITEM = SegmentReads("E1EDP01", {
    "POSEX": "items.itm_number", "MENGE": "items.quantity", "WERKS": "items.plant",
    "MENEE": "items.sales_unit",
    "PMENE": NOT_KEPT})  # the price unit: converted, so that a wrong one is VII 003
ITEM_OBJECT = SegmentReads("E1EDP19", qualifier="QUALF", value="IDTNR",
                           qualified={"002": "items.material"})
SCHEDULE_LINE = SegmentReads("E1EDP20", {
    "WMENG": "items.quantity",  # when E1EDP01 MENGE is empty
    "EDATU": "items.req_date"})
#: every segment this mapping reads; a segment not listed is not read at all
READS = (HEADER, REFERENCE, DATE, ORGANIZATION, PARTNER, ITEM, ITEM_OBJECT, SCHEDULE_LINE)


def object_key(idoc: Idoc) -> str:
    """The customer's purchase order number: what the sender identifies the order by."""
    number = REFERENCE.by_qualifier(idoc.segments, first=True).get("purch_no_c")
    if number is not None:
        return number
    header = idoc.first("E1EDK01")
    return header.get("BELNR") if header else ""


def referenced_keys(idoc: Idoc) -> list[str]:
    """Orders are checked against the database, not against prefetched objects."""
    return []


def prefetch(conn: Connection, mandt: str, keys: list[str]) -> dict[str, str]:
    return {}


def to_order(idoc: Idoc, codes: IsoCodes = iso_codes.BASELINE) -> OrderInput:
    """The order as the IDoc states it, ISO codes converted with ``codes``; an empty sales
    area is left to the sd service."""
    org = ORGANIZATION.by_qualifier(idoc.segments)
    partners = PARTNER.by_qualifier(idoc.segments)
    dates = DATE.by_qualifier(idoc.segments)
    if not partners.get("sold_to"):
        raise declared_error("VG", "202")
    sales_area = (org.get("sales_org", ""), org.get("distr_chan", ""), org.get("division", ""))
    if any(sales_area) and not all(sales_area):
        raise orders_inbound.no_sales_area(partners["sold_to"])
    header = idoc.first("E1EDK01")
    iso = IsoFields(idoc, codes)
    try:
        sold_to = alpha_input(partners["sold_to"], 10)
        ship_to = alpha_input(partners.get("ship_to") or partners["sold_to"], 10)
    except ValueError:
        raise declared_error("VG", "203", partners["sold_to"]) \
            from None
    return OrderInput(
        doc_type=org.get("doc_type") or "TA", sales_org=sales_area[0],
        distr_chan=sales_area[1], division=sales_area[2], sold_to=sold_to, ship_to=ship_to,
        purch_no_c=object_key(idoc), req_date=dates.get("req_date", ""),
        doc_date=dates.get("doc_date", ""), purch_date=dates.get("purch_date", ""),
        currency=iso.currency(header, "CURCY") if header else "",
        dlv_block=header.get("LIFSK") if header else "",
        ord_reason=header.get("AUGRU") if header else "",
        items=tuple(_item(s, row, iso) for row, s in enumerate(
            (s for s in idoc.segments if s.name == "E1EDP01"), start=1)))


def _item(segment: SegmentData, row: int, iso: IsoFields) -> ItemInput:
    material = ITEM_OBJECT.by_qualifier(segment.children).get("items.material", "")
    if not material:
        raise declared_error("VG", "140", segment.get("POSEX") or row)
    schedule = segment.first("E1EDP20")
    iso.unit(segment, "PMENE")  # the price unit is not kept, but a wrong one is VII 003
    try:
        matnr = matn1_input(material)
    except ValueError:
        raise declared_error("VG", "141", material) from None
    return ItemInput(
        itm_number=(segment.get("POSEX") or str(row * 10)).zfill(6), material=matnr,
        quantity=segment.get("MENGE") or (schedule.get("WMENG") if schedule else ""),
        plant=segment.get("WERKS"), sales_unit=iso.unit(segment, "MENEE"),
        req_date=schedule.get("EDATU") if schedule else "", quantity_field="MENGE")


def post(lookups: Lookups, idoc: Idoc) -> Posting:
    """Check the order and draw its number; saved later by :func:`write`."""
    codes = iso_codes.for_posting(lookups.conn, lookups.mandt)
    received = orders_inbound.receive(lookups, to_order(idoc, codes))
    return Posting(MESTYP, object_key(idoc), "I", received.message, received)


def write(conn: Connection, mandt: str, results: Sequence[object]) -> None:
    # the results of this module's post(), and nothing else
    for received in cast(Sequence[OrderReceived], results):
        orders_inbound.save(conn, mandt, received)
