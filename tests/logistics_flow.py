"""Driving order-to-delivery and stock flows on the real server, for the logistics tests.

A :class:`Flow` is one SAP session (SOAP-RFC) on a freshly seeded client plus readers of
the results: document statuses and flow (VBUK, VBUP, VBFA), stock (MARD, MARC) and the
DESADV IDocs the client sent, parsed and checked against the ZDELVRY07 schema.

Sales documents come from BAPI_SALESORDER_CREATEFROMDAT2 / BAPI_CUSTOMERRETURN_CREATE or
from inbound ORDERS05 IDocs (the ``channel``); :meth:`Flow.order` is the one place that
knows how. Tables are read from the server's database (``SapTables``), in one place too.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from idoc_builders import SapTables, packet, summary
from lxml import etree
from rfc_client import RfcSession

from fake_sap.db.documents import ekpo, likp, lips, mkpf, mseg, vbak, vbfa, vbuk, vbup
from fake_sap.db.schema import marc, mard
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.parser import parse_document
from fake_sap.idoc.types import ORDERS05, ZDELVRY07
from fake_sap.idoc.xsd import validator_for
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import SapClient

#: the CRM's logical system: sends ORDERS, receives DESADV
CRM = "CRMCLNT100"
SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}
CENTRAL, PROVINCIAL = "1000", "1100"  # plants: stock and shipping / receiving
STORAGE_LOCATION = "0001"
BAPI, IDOC = "BAPI", "ORDERS05"
_purchase_orders = itertools.count(1)


@dataclass
class Desadv:
    """One outbound DESADV (ZDELVRY07) IDoc, parsed."""

    docnum: str
    idoc: Idoc

    @property
    def header(self) -> SegmentData:
        segment = self.idoc.first("E1EDL20")
        assert segment is not None
        return segment

    @property
    def event(self) -> str:
        return self.extension.get("ZEVENT")

    @property
    def extension(self) -> SegmentData:
        segment = self.header.first("Z1EDL20")
        assert segment is not None
        return segment

    @property
    def control_qualifiers(self) -> list[str]:
        return [s.get("QUALF") for s in self.header.all("E1EDL18")]

    @property
    def items(self) -> list[SegmentData]:
        return self.header.all("E1EDL24")

    def item_extension(self, posnr: str = "000010") -> SegmentData:
        [item] = [i for i in self.items if i.get("POSNR") == posnr]
        extension = item.first("Z1EDL24")
        assert extension is not None
        return extension


def quantity(text: str) -> Decimal:
    return Decimal(text or "0")


class Flow:
    def __init__(self, sap: SapClient, seeded: dict[str, Any], receiver: IdocReceiver) -> None:
        self.sap = sap
        self.rfc = RfcSession(sap)
        self.tables = SapTables(sap.server.db_url, sap.number)
        self.materials: list[str] = seeded["materials"]
        self.outlets: list[str] = seeded["outlets"]
        self.receiver = receiver

    @property
    def material(self) -> str:
        return self.materials[0]

    @property
    def outlet(self) -> str:
        return self.outlets[0]

    def close(self) -> None:
        self.rfc.close()

    # -- sales documents ------------------------------------------------------------------

    def order(self, lines: list[tuple[str, str]] | str, *, channel: str = BAPI,
              doc_type: str = "TA", sold_to: str = "") -> str:
        """A committed sales document; ``lines`` are (material, quantity) or one quantity
        of the first material. Returns its number."""
        if isinstance(lines, str):
            lines = [(self.material, lines)]
        sold_to = sold_to or self.outlet
        if channel == IDOC:
            return self._order_by_idoc(lines, doc_type, sold_to)
        if doc_type == "RE":
            result = self.rfc.call(
                "BAPI_CUSTOMERRETURN_CREATE",
                RETURN_HEADER_IN={"DOC_TYPE": "RE", **SALES_AREA},
                RETURN_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": sold_to}],
                RETURN_ITEMS_IN=[{"ITM_NUMBER": f"{10 * i}", "MATERIAL": m}
                                 for i, (m, _) in enumerate(lines, start=1)],
                RETURN_SCHEDULES_IN=[{"ITM_NUMBER": f"{10 * i}", "REQ_QTY": q}
                                     for i, (_, q) in enumerate(lines, start=1)])
        else:
            result = self.rfc.call(
                "BAPI_SALESORDER_CREATEFROMDAT2",
                ORDER_HEADER_IN={"DOC_TYPE": doc_type, **SALES_AREA},
                ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": sold_to}],
                ORDER_ITEMS_IN=[{"ITM_NUMBER": f"{10 * i}", "MATERIAL": m}
                                for i, (m, _) in enumerate(lines, start=1)],
                ORDER_SCHEDULES_IN=[{"ITM_NUMBER": f"{10 * i}", "REQ_QTY": q}
                                    for i, (_, q) in enumerate(lines, start=1)])
        assert result["SALESDOCUMENT"], result["RETURN"]
        self.commit()
        return str(result["SALESDOCUMENT"])

    def _order_by_idoc(self, lines: list[tuple[str, str]], doc_type: str,
                       sold_to: str) -> str:
        purchase_order = f"CRM-PO-{next(_purchase_orders)}"
        segments = [SegmentData("E1EDK01", {"BELNR": purchase_order}),
                    SegmentData("E1EDK14", {"QUALF": "012", "ORGID": doc_type}),
                    SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": sold_to}),
                    SegmentData("E1EDK02", {"QUALF": "001", "BELNR": purchase_order})]
        for number, (material, amount) in enumerate(lines, start=1):
            item = SegmentData("E1EDP01", {"POSEX": f"{10 * number:06d}", "MENGE": amount,
                                           "MENEE": "PCE"})
            item.children.append(SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": material}))
            segments.append(item)
        control = {"MESTYP": "ORDERS", "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": CRM,
                   "RCVPRT": "LS", "RCVPRN": "FAKESAP"}
        response = self.sap.post_idocs(packet(ORDERS05, [Idoc(control, segments)]))
        assert summary(response)["statuses"] == {"53": 1}, response.text
        [order] = self.tables.rows(vbak, bstnk=purchase_order)
        return str(order["vbeln"])

    # -- deliveries -----------------------------------------------------------------------

    def create_delivery(self, order: str, items: dict[str, str] | None = None,
                        **params: Any) -> dict[str, Any]:
        """BAPI_OUTB_DELIVERY_CREATE_SLS for ``items`` (item -> quantity) of ``order``,
        or all of it; not committed."""
        rows = [{"REF_DOC": order, "REF_ITEM": item, "DLV_QTY": amount}
                for item, amount in (items or {"000000": "0"}).items()]
        return self.rfc.call("BAPI_OUTB_DELIVERY_CREATE_SLS", SALES_ORDER_ITEMS=rows,
                             **params)

    def deliver(self, order: str, amount: str | None = None, item: str = "000010") -> str:
        """A committed delivery of ``amount`` of an item (all of the order when None)."""
        result = self.create_delivery(order, {item: amount} if amount else None)
        assert result["DELIVERY"], result["RETURN"]
        self.commit()
        return str(result["DELIVERY"])

    def goods_movement(self, delivery: str, counted: dict[str, str] | None = None, *,
                       commit: str = "X", session: RfcSession | None = None,
                       **header: Any) -> dict[str, Any]:
        """WS_DELIVERY_UPDATE with WABUC = X; ``counted`` sets PIKMG per item."""
        rows = [{"VBELN_VL": delivery, "POSNR_VL": posnr, "PIKMG": amount}
                for posnr, amount in (counted or {}).items()]
        return (session or self.rfc).call(
            "WS_DELIVERY_UPDATE", VBKOK_WA={"VBELN_VL": delivery, "WABUC": "X", **header},
            DELIVERY=delivery, SYNCHRON="X", COMMIT=commit, VBPOK_TAB=rows)

    def change_delivery(self, delivery: str, **params: Any) -> dict[str, Any]:
        return self.rfc.call("BAPI_OUTB_DELIVERY_CHANGE",
                             HEADER_DATA={"DELIV_NUMB": delivery},
                             HEADER_CONTROL=params.pop("HEADER_CONTROL",
                                                       {"DELIV_NUMB": delivery}),
                             DELIVERY=delivery, **params)

    def delete_delivery(self, delivery: str) -> dict[str, Any]:
        return self.change_delivery(delivery, HEADER_CONTROL={"DELIV_NUMB": delivery,
                                                              "DLV_DEL": "X"})

    def commit(self, session: RfcSession | None = None) -> dict[str, Any]:
        result = (session or self.rfc).call("BAPI_TRANSACTION_COMMIT", WAIT="X")
        return dict(result["RETURN"])

    # -- reading -------------------------------------------------------------------------

    def status(self, vbeln: str) -> dict[str, Any]:
        """VBUK of a document."""
        row = self.tables.row(vbuk, vbeln=vbeln)
        assert row is not None, f"no VBUK for {vbeln}"
        return row

    def item_status(self, vbeln: str, posnr: str = "000010") -> dict[str, Any]:
        row = self.tables.row(vbup, vbeln=vbeln, posnr=posnr)
        assert row is not None, f"no VBUP for {vbeln} {posnr}"
        return row

    def flow_from(self, vbelv: str) -> list[dict[str, Any]]:
        """VBFA rows whose preceding document is ``vbelv``."""
        return sorted(self.tables.rows(vbfa, vbelv=vbelv),
                      key=lambda r: (r["vbeln"], r["posnn"]))

    def delivery(self, vbeln: str) -> dict[str, Any] | None:
        return self.tables.row(likp, vbeln=vbeln)

    def delivery_items(self, vbeln: str) -> list[dict[str, Any]]:
        return sorted(self.tables.rows(lips, vbeln=vbeln), key=lambda r: r["posnr"])

    def material_documents(self) -> list[dict[str, Any]]:
        return sorted(self.tables.rows(mkpf), key=lambda r: r["mblnr"])

    def movements(self, mblnr: str) -> list[dict[str, Any]]:
        return sorted(self.tables.rows(mseg, mblnr=mblnr), key=lambda r: r["zeile"])

    def stock(self, material: str, plant: str = CENTRAL, column: str = "labst") -> Decimal:
        row = self.tables.row(mard, matnr=material, werks=plant, lgort=STORAGE_LOCATION)
        return quantity(row[column]) if row else Decimal(0)

    def in_transit(self, material: str, plant: str) -> Decimal:
        row = self.tables.row(marc, matnr=material, werks=plant)
        assert row is not None
        return quantity(row["trame"])

    def purchase_order_item(self, ebeln: str, ebelp: str = "00010") -> dict[str, Any]:
        row = self.tables.row(ekpo, ebeln=ebeln, ebelp=ebelp)
        assert row is not None
        return row

    def desadv(self, delivery: str) -> list[Desadv]:
        """The DESADV IDocs sent for a delivery, oldest first; each one valid against the
        ZDELVRY07 schema."""
        listed = sorted((i for i in self.sap.idocs(direction="outbound", mestyp="DESADV")
                         if i["object_key"] == delivery), key=lambda i: i["docnum"])
        found = []
        schema = validator_for(ZDELVRY07)
        for entry in listed:
            xml = self.sap.idoc(entry["docnum"])["xml"].encode("utf-8")
            document = etree.fromstring(xml)
            assert schema.validate(document), schema.error_log
            [idoc] = parse_document(xml)
            found.append(Desadv(entry["docnum"], idoc))
        return found

    def events(self, delivery: str) -> list[str]:
        return [idoc.event for idoc in self.desadv(delivery)]


@contextmanager
def seeded_flow(sap: SapClient, *, materials: int = 2, customers: int = 3,
                initial_stock: str = "100") -> Iterator[Flow]:
    """A client with seeded master data (stock in plant 1000), the CRM subscribed to
    DESADV on a loopback port, and one SAP session."""
    seeded = sap.seed(materials=materials, customers=customers, initial_stock=initial_stock)
    receiver = IdocReceiver()
    sap.register_partner(CRM, url=receiver.url, outbound=["DESADV"])
    flow = Flow(sap, seeded, receiver)
    try:
        yield flow
    finally:
        flow.close()
        receiver.stop()
