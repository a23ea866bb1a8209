"""Output determination for deliveries: the DESADV IDocs (basic type ZDELVRY07) that SAP
creates from a delivery after the update.

The SD update tasks report what happened to a delivery as
:class:`~fake_sap.sd.delivery_events.DeliveryEvent` and never build IDocs themselves.
:func:`send` turns each event into one IDoc per partner subscribed to DESADV (no change
pointers): creation (Z1EDL20-ZEVENT CRE), a change of item quantities before the goods
movement (CHG, with E1EDL18 QUALF CHG), goods issue (PGI, E1EDL18 PGI), returns goods receipt
(PGR) and deletion (DEL, also flagged with E1EDL18 QUALF DEL as SAP does). It runs in the
update task's transaction (:mod:`fake_sap.compose` joins the two), so the IDoc exists exactly
when the change does. The event carries the delivery as it was right after the change (before
it, for a deletion); the preceding document is read as it is now, after the change.
The Z1EDL24 extension segment tells the receiver, per item, what was shipped, what of the
order item is still open, and whether that remainder will become a new delivery.

Layer: ALE edge. May import ``fake_sap.sd`` (events and reads), ``fake_sap.idoc``,
``fake_sap.ale.outbound``, ``fake_sap.basis.iso_codes`` (units leave as ISO codes) and
``fake_sap.db``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from fake_sap import clock
from fake_sap.ale import outbound
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import CodeMap
from fake_sap.db import master_data, partners
from fake_sap.db.documents import ekpo, vbap, vbup
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.types import ZDELVRY07
from fake_sap.sd import deliveries, status
from fake_sap.sd.delivery_events import DeliveryEvent, DeliveryEventKind, Receipt

MESTYP = "DESADV"
#: Z1EDL20-ZEVENT (and E1EDL18-QUALF) of each delivery event
EVENT_CODES: Mapping[DeliveryEventKind, str] = {
    DeliveryEventKind.CREATED: "CRE",
    DeliveryEventKind.CHANGED: "CHG",
    DeliveryEventKind.GOODS_ISSUE_POSTED: "PGI",
    DeliveryEventKind.GOODS_RECEIPT_POSTED: "PGR",
    DeliveryEventKind.DELETED: "DEL",
}
#: events SAP flags with a control segment E1EDL18 (its QUALF is the event code)
CONTROL_QUALIFIERS = ("CHG", "PGI", "DEL")
DELETED = EVENT_CODES[DeliveryEventKind.DELETED]


def send(conn: Connection, mandt: str, events: Sequence[DeliveryEvent]) -> list[str]:
    """Create the outbound IDocs for the events, in order; returns their DOCNUMs (none if
    nobody subscribed to DESADV)."""
    return [docnum for event in events for docnum in _send(conn, mandt, event)]


def _send(conn: Connection, mandt: str, event: DeliveryEvent) -> list[str]:
    receivers = partners.receivers(conn, mandt, MESTYP)
    if not receivers:
        return []
    shot = event.delivery
    segments = [_header(conn, mandt, EVENT_CODES[event.kind], shot.header, shot.items,
                        event.material_document, event.receipt)]
    return outbound.create_idocs(conn, mandt, [
        outbound.NewIdoc(MESTYP, ZDELVRY07, receiver, shot.header["vbeln"], segments)
        for receiver in receivers])


def _header(conn: Connection, mandt: str, event: str, header: Mapping[str, Any],
            items: Sequence[Mapping[str, Any]], material_document: tuple[str, str],
            receipt: Receipt | None) -> SegmentData:
    now = clock.now()
    reference = items[0]["vgbel"] if items else ""
    category = items[0]["vgtyp"] if items else ""
    order_status = _reference_status(conn, mandt, reference, category)
    segment = SegmentData("E1EDL20", {"VBELN": header["vbeln"], "VSTEL": header["vstel"],
                                      "VKORG": header["vkorg"]})
    segment.children.append(SegmentData("E1EDL21", {"LFART": header["lfart"]}))
    if event in CONTROL_QUALIFIERS:
        segment.children.append(SegmentData("E1EDL18", {"QUALF": event}))
    addresses: dict[str, dict[str, str]] = {}
    for qualifier, partner in (("AG", header["kunag"]), ("WE", header["kunnr"])):
        if partner:
            if partner not in addresses:
                addresses[partner] = partner_address(
                    master_data.customer(conn, mandt, partner) or {})
            segment.children.append(SegmentData("E1ADRM1", {
                "PARTNER_Q": qualifier, "PARTNER_ID": partner, **addresses[partner]}))
    segment.children.extend(SegmentData("E1EDT13", dates) for dates in deadlines(header))
    for item in items:
        segment.children.append(_item(conn, mandt, item, event, receipt))
    segment.children.append(SegmentData("Z1EDL20", {
        "ZEVENT": event, "ZORDER": reference, "ZORDTYP": category,
        "ZORDCOMPL": "X" if order_status == "C" else "", "ZLFGSK": order_status,
        "ZWBSTK": "C" if header["wadat_ist"] else "A", "ZMBLNR": material_document[0],
        "ZMJAHR": material_document[1], "ZEVDAT": clock.dats(now),
        "ZEVTIM": clock.tims(now)}))
    return segment


#: E1ADRM1 field <- KNA1 field: the partner's name and address as SAP fills the segment from
#: the customer master. SAP reads the address from ADRC when KNA1-ADRNR points to one; the
#: emulator keeps the address in KNA1 only, whose fields carry the same values.
ADDRESS_FIELDS: Mapping[str, str] = {
    "FORMOFADDR": "anred", "NAME1": "name1", "NAME2": "name2", "NAME3": "name3",
    "NAME4": "name4", "STREET1": "stras", "POSTL_COD1": "pstlz", "CITY1": "ort01",
    "CITY2": "ort02", "POSTL_PBOX": "pfach", "POSTL_COD2": "pstl2", "TELEPHONE1": "telf1",
    "TELEFAX": "telfx", "COUNTRY1": "land1", "REGION": "regio",
}


def partner_address(customer: Mapping[str, Any]) -> dict[str, str]:
    """The E1ADRM1 address fields of a customer master record (KNA1 row); empty fields are
    left out. LANGUAGE carries the ISO code of the language (SAP writes "EN", not "E")."""
    address = {field: str(customer[column]) for field, column in ADDRESS_FIELDS.items()
               if customer.get(column)}
    language = iso_codes.ISO_BY_LANGUAGE.get(customer.get("spras") or "")
    if language:
        address["LANGUAGE"] = language
    return address


#: E1EDT13 qualifiers for the LIKP dates the emulator keeps: 006 goods issue (planned WADAT,
#: actual WADAT_IST) and 007 delivery to the ship-to (LFDAT). SAP also sends 001, 003, 010
#: and 015 (transportation planning, loading, picking ...) from LIKP dates the emulator
#: does not keep; those are not sent.
GOODS_ISSUE, DELIVERY = "006", "007"


def deadlines(header: Mapping[str, Any]) -> list[dict[str, str]]:
    """The E1EDT13 deadlines of a delivery header (LIKP row), for the dates it has. A date
    without a time span is sent as start and end of the same day, as SAP does."""
    result = []
    for qualifier, planned, actual in ((GOODS_ISSUE, header["wadat"], header["wadat_ist"]),
                                       (DELIVERY, header.get("lfdat") or "", "")):
        if not planned:
            continue
        deadline = {"QUALF": qualifier, "NTANF": planned, "NTEND": planned}
        if actual:
            deadline.update({"ISDD": actual, "IEDD": actual})
        result.append(deadline)
    return result


def _iso_unit(units: CodeMap, unit: str) -> str:
    """A unit as the IDoc carries it: its ISO code (T006-ISOCODE), as stored when it has none."""
    return (units.iso(unit) or unit) if unit else unit


def _item(conn: Connection, mandt: str, item: Mapping[str, Any], event: str,
          receipt: Receipt | None) -> SegmentData:
    units = iso_codes.for_client(conn, mandt).units
    segment = SegmentData("E1EDL24", {
        "POSNR": item["posnr"], "MATNR": item["matnr"], "ARKTX": item["arktx"],
        "WERKS": item["werks"], "LGORT": item["lgort"], "LFIMG": idoc_quantity(item["lfimg"]),
        "VRKME": _iso_unit(units, item["vrkme"]), "LGMNG": idoc_quantity(item["lfimg"]),
        "MEINS": _iso_unit(units, item["meins"]),
        "PSTYV": item["pstyv"], "VGBEL": item["vgbel"], "VGPOS": item["vgpos"]})
    if item["vgbel"]:
        segment.children.append(SegmentData("E1EDL43", {
            "QUALF": item["vgtyp"] or "C", "BELNR": item["vgbel"], "POSNR": item["vgpos"]}))
    ordered, delivered, closed = _reference_item(conn, mandt, item)
    open_quantity = Decimal(0) if closed else max(ordered - delivered, Decimal(0))
    extension = {
        "ZSHIPPED": idoc_quantity("0" if event == DELETED else item["lfimg"]),
        "ZDELIVERED": idoc_quantity(delivered), "ZOPEN": idoc_quantity(open_quantity),
        "ZNEWDLV": "X" if open_quantity > 0 else "",
        "ZITEMCOMPL": "X" if open_quantity == 0 else "",
    }
    if receipt is not None:
        expected = receipt.expected.get(item["posnr"], item["lfimg"])
        got = receipt.received.get(item["posnr"], item["lfimg"])
        extension.update({"ZEXPECTED": idoc_quantity(expected), "ZRECEIVED": idoc_quantity(got),
                          "ZDIFF": "X" if Decimal(expected) != Decimal(got) else ""})
    segment.children.append(SegmentData("Z1EDL24", extension))
    return segment


def idoc_quantity(value: Decimal | str) -> str:
    """A delivery quantity as the IDoc carries it: with the three decimals of LIPS-LFIMG.

    The store keeps quantities without trailing zeros, so the text would otherwise depend
    on how the caller wrote the quantity ("1" next to a computed "1.000" in one segment);
    LIPS-LFIMG is QUAN 13,3 and RFC_READ_TABLE shows it with three decimals, so the IDoc
    does the same whatever was entered.
    """
    return f"{Decimal(value):.3f}"


def _reference_item(conn: Connection, mandt: str,
                    item: Mapping[str, Any]) -> tuple[Decimal, Decimal, bool]:
    """Ordered and delivered quantity of the preceding item, and whether it is closed."""
    if not item["vgbel"]:
        return Decimal(0), Decimal(0), True
    delivered = status.delivered_quantities(conn, mandt, item["vgbel"]).get(item["vgpos"],
                                                                             Decimal(0))
    if item["vgtyp"] == "V":
        ordered = conn.execute(select(ekpo.c.menge).where(
            ekpo.c.mandt == mandt, ekpo.c.ebeln == item["vgbel"],
            ekpo.c.ebelp == item["vgpos"][-5:])).scalar() or "0"
        return Decimal(ordered), delivered, False
    ordered = conn.execute(select(vbap.c.kwmeng).where(
        vbap.c.mandt == mandt, vbap.c.vbeln == item["vgbel"],
        vbap.c.posnr == item["vgpos"])).scalar() or "0"
    closed = conn.execute(select(vbup.c.absta).where(
        vbup.c.mandt == mandt, vbup.c.vbeln == item["vgbel"],
        vbup.c.posnr == item["vgpos"])).scalar() == "C"
    return Decimal(ordered), delivered, closed


def _reference_status(conn: Connection, mandt: str, reference: str, category: str) -> str:
    if not reference:
        return ""
    if category == "V":
        return deliveries.refresh_reference(conn, mandt, reference, category)
    row = status.header(conn, mandt, reference)
    return row["lfgsk"] if row else ""
