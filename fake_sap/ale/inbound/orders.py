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

from fake_sap.ale.inbound.values import IsoFields
from fake_sap.ale.posting import Posting
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import IsoCodes
from fake_sap.conversion import alpha_input, matn1_input
from fake_sap.errors import sap_error
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.lookups import Lookups
from fake_sap.sd import orders_inbound
from fake_sap.sd.orders_inbound import OrderReceived
from fake_sap.sd.sales_orders import ItemInput, OrderInput

MESTYP = "ORDERS"
KIND = orders_inbound.KIND


def object_key(idoc: Idoc) -> str:
    """The customer's purchase order number: what the sender identifies the order by."""
    for reference in idoc.segments:
        if reference.name == "E1EDK02" and reference.get("QUALF") == "001":
            return reference.get("BELNR")
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
    org = {s.get("QUALF"): s.get("ORGID") for s in idoc.segments if s.name == "E1EDK14"}
    partners = {s.get("PARVW"): s.get("PARTN") for s in idoc.segments if s.name == "E1EDKA1"}
    dates = {s.get("IDDAT"): s.get("DATUM") for s in idoc.segments if s.name == "E1EDK03"}
    if not partners.get("AG"):
        raise sap_error("VG", "202", "Sold-to party (E1EDKA1 PARVW AG) is missing")
    sales_area = (org.get("008", ""), org.get("007", ""), org.get("006", ""))
    if any(sales_area) and not all(sales_area):
        raise orders_inbound.no_sales_area(partners["AG"])
    header = idoc.first("E1EDK01")
    iso = IsoFields(idoc, codes)
    try:
        sold_to = alpha_input(partners["AG"], 10)
        ship_to = alpha_input(partners.get("WE") or partners["AG"], 10)
    except ValueError:
        raise sap_error("VG", "203", "Partner number &1 is not valid", partners["AG"]) \
            from None
    return OrderInput(
        doc_type=org.get("012") or "TA", sales_org=sales_area[0], distr_chan=sales_area[1],
        division=sales_area[2], sold_to=sold_to, ship_to=ship_to,
        purch_no_c=object_key(idoc), req_date=dates.get("002", ""),
        doc_date=dates.get("012", ""), purch_date=dates.get("022", ""),
        currency=iso.currency(header, "CURCY") if header else "",
        dlv_block=header.get("LIFSK") if header else "",
        ord_reason=header.get("AUGRU") if header else "",
        items=tuple(_item(s, row, iso) for row, s in enumerate(
            (s for s in idoc.segments if s.name == "E1EDP01"), start=1)))


def _item(segment: SegmentData, row: int, iso: IsoFields) -> ItemInput:
    material = ""
    for identification in segment.all("E1EDP19"):
        if identification.get("QUALF") == "002":
            material = identification.get("IDTNR")
    if not material:
        raise sap_error("VG", "140", "Item &1: no material number (E1EDP19 QUALF 002)",
                        segment.get("POSEX") or row)
    schedule = segment.first("E1EDP20")
    iso.unit(segment, "PMENE")  # the price unit is not kept, but a wrong one is VII 003
    try:
        matnr = matn1_input(material)
    except ValueError:
        raise sap_error("VG", "141", "Material number &1 is too long", material) from None
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
