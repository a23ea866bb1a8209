"""Test helpers for what SAP tells the CRM: one test's SAP client and the adapter served on a
loopback port as the partner SAP sends DESADV to, with the outbox worker on demand.

:class:`SapCrm` drives SAP as its users would (orders, deliveries, goods movements, returns,
FI clearing) through the adapter's own RFC client, waits until SAP's ALE outbound has
delivered every DESADV to the adapter, and reads the CRM through its JSON API and store.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from crm_driver import RECEIVER_PASSWORD, RECEIVER_USER, body, eventually
from sqlalchemy import insert, select

from crm_adapter import outbox
from crm_adapter.compose import outbox_tables
from crm_adapter.domain.applications import Item
from crm_adapter.domain.applications import Status as ApplicationStatus
from crm_adapter.outbox import OutboxWorker, WorkerSettings
from crm_adapter.store import applications as application_store
from crm_adapter.store import returns as return_store
from crm_adapter.store.engine import Database
from crm_adapter.store.schema import inbox, outlet_inventory
from fake_sap.testing.process import SapClient
from sap_client.rfc import Connection
from sap_client.tables import equals, read_table

SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}
#: fast retries, so that a retry is observable within a test
FAST = WorkerSettings(retry_base_seconds=0.05, retry_max_seconds=0.2, poll_seconds=0.02,
                      stale_seconds=0.0)


@dataclass
class SapCrm:
    sap: SapClient
    db: Database
    http: Any  # the adapter's JSON API (Flask test client of the served app)
    rfc: Connection
    connect_sap: Callable[[], Any]
    outlets: list[str]
    centers: list[str]
    materials: list[str]
    #: outlet → its provincial center, as SAP's ZP partner says
    center_of: dict[str, str] = field(default_factory=dict)

    @property
    def outlet(self) -> str:
        return self.outlets[0]

    @property
    def material(self) -> str:
        return self.materials[0]

    # --- SAP: sales ---------------------------------------------------------------------

    def commit(self) -> None:
        result = self.rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
        assert result["RETURN"]["TYPE"] in ("", "S"), result["RETURN"]

    def order(self, quantity: str, *, reference: str, outlet: str | None = None,
              material: str | None = None) -> str:
        """A committed standard order (TA) whose PURCH_NO_C is the CRM reference."""
        result = self.rfc.call(
            "BAPI_SALESORDER_CREATEFROMDAT2",
            ORDER_HEADER_IN={"DOC_TYPE": "TA", **SALES_AREA, "PURCH_NO_C": reference},
            ORDER_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": outlet or self.outlet}],
            ORDER_ITEMS_IN=[{"ITM_NUMBER": "000010", "MATERIAL": material or self.material}],
            ORDER_SCHEDULES_IN=[{"ITM_NUMBER": "000010", "REQ_QTY": quantity}])
        assert result["SALESDOCUMENT"], result["RETURN"]
        self.commit()
        return str(result["SALESDOCUMENT"])

    def return_order(self, quantity: str, *, reference: str, outlet: str | None = None,
                     material: str | None = None) -> str:
        """A committed returns order (RE) whose PURCH_NO_C is the CRM return's reference."""
        result = self.rfc.call(
            "BAPI_CUSTOMERRETURN_CREATE",
            RETURN_HEADER_IN={"DOC_TYPE": "RE", **SALES_AREA, "PURCH_NO_C": reference},
            RETURN_PARTNERS=[{"PARTN_ROLE": "AG", "PARTN_NUMB": outlet or self.outlet}],
            RETURN_ITEMS_IN=[{"ITM_NUMBER": "000010",
                              "MATERIAL": material or self.material}],
            RETURN_SCHEDULES_IN=[{"ITM_NUMBER": "000010", "REQ_QTY": quantity}])
        assert result["SALESDOCUMENT"], result["RETURN"]
        self.commit()
        return str(result["SALESDOCUMENT"])

    def deliver(self, order: str, quantity: str) -> str:
        """A committed delivery (LF, or LR for a returns order) of part of item 10."""
        result = self.rfc.call("BAPI_OUTB_DELIVERY_CREATE_SLS", SALES_ORDER_ITEMS=[
            {"REF_DOC": order, "REF_ITEM": "000010", "DLV_QTY": quantity}])
        assert result["DELIVERY"], result["RETURN"]
        self.commit()
        return str(result["DELIVERY"])

    def goods_movement(self, delivery: str, counted: str | None = None) -> None:
        """WS_DELIVERY_UPDATE: goods issue, or the goods receipt of a returns delivery
        (``counted``: the quantity counted of item 10)."""
        rows = [{"VBELN_VL": delivery, "POSNR_VL": "000010", "PIKMG": counted}] \
            if counted is not None else []
        result = self.rfc.call("WS_DELIVERY_UPDATE", VBKOK_WA={"VBELN_VL": delivery,
                                                               "WABUC": "X"},
                               DELIVERY=delivery, SYNCHRON="X", COMMIT="X", VBPOK_TAB=rows)
        assert result["EF_ERROR_ANY_0"] == "", result["PROT"]

    def delete_delivery(self, delivery: str) -> None:
        result = self.rfc.call("BAPI_OUTB_DELIVERY_CHANGE", DELIVERY=delivery,
                               HEADER_DATA={"DELIV_NUMB": delivery},
                               HEADER_CONTROL={"DELIV_NUMB": delivery, "DLV_DEL": "X"})
        assert all(r["TYPE"] not in ("E", "A") for r in result["RETURN"]), result["RETURN"]
        self.commit()

    # --- SAP: finance -------------------------------------------------------------------

    def clear(self, customer: str) -> dict[str, Any]:
        """The finance clerk's payment run over the customer's open items."""
        with self.sap.http() as http:
            response = http.post(f"/_fake/clients/{self.sap.number}/fi/clearing",
                                 json={"company_code": "1000", "customer": customer})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def table(self, name: str, fields: list[str], **where: str) -> list[dict[str, str]]:
        return read_table(self.rfc, name, fields, [equals(k, v) for k, v in where.items()])

    # --- ALE: DESADV to the adapter ----------------------------------------------------

    def desadvs(self) -> list[dict[str, Any]]:
        """SAP's outbound DESADV IDocs, oldest first."""
        found = self.sap.idocs(mestyp="DESADV", direction="outbound")
        return sorted(found, key=lambda i: i["docnum"])

    def sync(self) -> list[dict[str, Any]]:
        """Wait until SAP has passed every DESADV to the adapter (status 03: the adapter
        stored and processed it before answering)."""
        self.sap.dispatch()
        return eventually(self.desadvs, lambda idocs: all(i["status"] == "03" for i in idocs),
                          timeout=15.0, what="every DESADV passed to the adapter")

    def desadv_xml(self, delivery: str, event: str) -> str:
        """The IDoc-XML SAP sent for a delivery event."""
        for idoc in self.desadvs():
            xml = str(self.sap.idoc(idoc["docnum"])["xml"])
            if f"<VBELN>{delivery}</VBELN>" in xml and f"<ZEVENT>{event}</ZEVENT>" in xml:
                return xml
        raise AssertionError(f"no DESADV {event} for delivery {delivery}")

    def resend(self, xml: str, docnum: str | None = None) -> Any:
        """Post an IDoc to the adapter's receiver again, optionally under another DOCNUM
        (what SAP's repeated output does)."""
        if docnum is not None:
            xml = re.sub(r"<DOCNUM>\d+</DOCNUM>", f"<DOCNUM>{docnum}</DOCNUM>", xml)
        return self.http.post("/sap/idoc", data=xml.encode("utf-8"),
                              auth=(RECEIVER_USER, RECEIVER_PASSWORD),
                              headers={"Content-Type": "application/xml"})

    # --- the CRM ------------------------------------------------------------------------

    def work(self) -> None:
        """Perform every due outbox entry (and those they enqueue)."""
        worker = OutboxWorker(self.db, self.connect_sap, FAST, tables=outbox_tables())
        try:
            if not worker.run_until_idle():
                raise AssertionError("the outbox did not settle")
        finally:
            worker.close()

    def application(self, quantity: str, *, material: str | None = None,
                    outlet: str | None = None) -> dict[str, Any]:
        """An application in the CRM store, in SAP already (status in_sap) but without its
        SAP document number: SAP's order will name it only by PURCH_NO_C."""
        with self.db.write() as conn:
            application_id = application_store.create(
                conn, "sales_order", outlet or self.outlet,
                [Item(material or self.material, Decimal(quantity))])
            application_store.set_status(conn, application_id, ApplicationStatus.IN_SAP)
            found = application_store.get(conn, application_id)
        assert found is not None
        return found

    def link(self, application_id: int, sap_document_number: str) -> None:
        """Record the application's SAP order, as the applications flow does."""
        with self.db.write() as conn:
            application_store.link_sap_document(conn, application_id, sap_document_number)

    def outbox(self) -> list[dict[str, Any]]:
        return outbox.entries(self.db)

    def stored_application(self, application_id: int) -> dict[str, Any]:
        with self.db.read() as conn:
            found = application_store.get(conn, application_id)
        assert found is not None
        return found

    def crm_return(self, quantity: str) -> dict[str, Any]:
        """A return in the CRM store (submitted)."""
        with self.db.write() as conn:
            return_id = return_store.create(conn, self.outlet, "",
                                            [Item(self.material, Decimal(quantity))])
            found = return_store.get(conn, return_id)
        assert found is not None
        return found

    def link_return(self, return_id: int, sap_return_order: str) -> None:
        """Record the return's SAP return order, as the returns flow does (status in_sap)."""
        with self.db.write() as conn:
            return_store.link_return_order(conn, return_id, sap_return_order)

    def stored_return(self, return_id: int) -> dict[str, Any]:
        with self.db.read() as conn:
            found = return_store.get(conn, return_id)
        assert found is not None
        return found

    def api(self, path: str) -> dict[str, Any]:
        response = self.http.get(path)
        assert response.status_code == 200, response.text
        return dict(body(response))

    def delivery(self, number: str) -> dict[str, Any]:
        return dict(self.api(f"/api/deliveries/{number}")["delivery"])

    def application_delivery(self, application_id: int) -> dict[str, Any]:
        return dict(self.api(f"/api/applications/{application_id}/delivery")["delivery"])

    def inventory(self, outlet: str | None = None, material: str | None = None) -> Decimal:
        with self.db.read() as conn:
            value = conn.execute(select(outlet_inventory.c.quantity).where(
                outlet_inventory.c.outlet == (outlet or self.outlet),
                outlet_inventory.c.material_number == (material or self.material))).scalar()
        return Decimal(0) if value is None else Decimal(value)

    def set_inventory(self, quantity: str, outlet: str | None = None,
                      material: str | None = None) -> None:
        with self.db.write() as conn:
            conn.execute(insert(outlet_inventory).values(
                outlet=outlet or self.outlet, material_number=material or self.material,
                quantity=Decimal(quantity), updated_at=datetime.now(UTC)))

    def inbox(self, **where: Any) -> list[dict[str, Any]]:
        """Inbox entries (DESADV) in the order they arrived."""
        query = select(inbox).where(inbox.c.message_type == "DESADV").order_by(inbox.c.id)
        for column, value in where.items():
            query = query.where(inbox.c[column] == value)
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]
