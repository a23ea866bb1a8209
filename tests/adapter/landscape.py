"""Test helpers for the CRM → SAP flows: the adapter with a real SAP client behind it.

A :class:`Landscape` is one test's world: a fresh client on the real fake-sap server,
seeded with materials (stock in plant 1000) and customers; the adapter (its store, its JSON
API through Flask's test client) holding the same master data as MATMAS/DEBMAS would have
brought; and an outbox worker that performs the calls to SAP when the test says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from crm_driver import body
from sqlalchemy import update

from crm_adapter import outbox
from crm_adapter.compose import outbox_tables
from crm_adapter.config import AdapterSettings
from crm_adapter.domain.master_data import CustomerKind, Prices, SapCustomer, SapMaterial
from crm_adapter.outbox import OutboxWorker, WorkerSettings
from crm_adapter.store import master_data
from crm_adapter.store.engine import Database
from crm_adapter.store.schema import materials
from crm_adapter.worker import sap_connector
from fake_sap.testing.process import SapClient
from sap_client.rfc import Connection
from sap_client.tables import equals, read_table, read_table_in

#: fast retries, so that retrying is observable within a test
FAST = WorkerSettings(retry_base_seconds=0.05, retry_max_seconds=0.2, poll_seconds=0.02,
                      stale_seconds=0.0)


def sap_settings(settings: AdapterSettings, sap: SapClient) -> AdapterSettings:
    """The adapter's settings with the SAP logon of a test's client."""
    return replace(settings, sap_url=sap.server.url, sap_client=sap.number,
                   sap_user=sap.auth[0], sap_password=sap.auth[1], sap_timeout_seconds=60.0)


def copy_master_data(rfc: Connection, db: Database, customers: list[str],
                     material_numbers: list[str]) -> None:
    """Put SAP's customers and materials into the CRM as DEBMAS and MATMAS would."""
    names = read_table_in(rfc, "KNA1", ["KUNNR", "NAME1", "ORT01", "REGIO", "KTOKD"], "KUNNR",
                          customers)
    centers = {row["KUNNR"]: row["KUNN2"] for row in read_table_in(
        rfc, "KNVP", ["KUNNR", "KUNN2"], "KUNNR", customers, [equals("PARVW", "ZP")])}
    general = read_table_in(rfc, "MARA", ["MATNR", "MTART", "MATKL", "MEINS"], "MATNR",
                            material_numbers)
    texts = {row["MATNR"]: row["MAKTX"] for row in read_table_in(
        rfc, "MAKT", ["MATNR", "MAKTX"], "MATNR", material_numbers, [equals("SPRAS", "E")])}
    prices = {row["MATNR"]: row for row in read_table_in(
        rfc, "MBEW", ["MATNR", "STPRS", "VERPR", "ZPLP1", "ZPLP2", "PEINH"], "MATNR",
        material_numbers, [equals("BWKEY", "1000")])}
    with db.write() as conn:
        # centers first, so that no outlet's mapping is pending
        for row in sorted(names, key=lambda r: r["KTOKD"] != "ZPC"):
            kind = CustomerKind.PROVINCIAL_CENTER if row["KTOKD"] == "ZPC" \
                else CustomerKind.OUTLET
            master_data.upsert_customer(conn, SapCustomer(
                row["KUNNR"], kind, row["NAME1"], row["ORT01"], row["REGIO"], False,
                centers.get(row["KUNNR"], "") if kind is CustomerKind.OUTLET else None))
        for row in general:
            valuation = prices.get(row["MATNR"])
            master_data.create_material(conn, SapMaterial(
                row["MATNR"], texts.get(row["MATNR"], ""), "", row["MTART"], row["MATKL"],
                row["MEINS"], None if valuation is None else Prices(
                    Decimal(valuation["STPRS"]), Decimal(valuation["VERPR"]),
                    Decimal(valuation["ZPLP1"]), Decimal(valuation["ZPLP2"]),
                    int(valuation["PEINH"] or 1)), False))


@dataclass
class Landscape:
    sap: SapClient
    settings: AdapterSettings
    db: Database
    http: Any  # the adapter's JSON API (Flask test client)
    rfc: Connection  # for the test's own look into SAP
    outlets: list[str]
    centers: list[str]
    materials: list[str]

    # --- the JSON API ---------------------------------------------------------------------

    def apply(self, outlet: str, kind: str, items: dict[str, Any]) -> dict[str, Any]:
        """Create an application; ``items``: material → quantity."""
        response = self.http.post("/api/applications", json={
            "outlet": outlet, "type": kind,
            "items": [{"material": m, "quantity": q} for m, q in items.items()]})
        assert response.status_code == 201, response.text
        return dict(body(response)["application"])

    def approve(self, application_id: int) -> dict[str, Any]:
        response = self.http.post(f"/api/applications/{application_id}/approve")
        assert response.status_code == 202, response.text
        return dict(body(response)["application"])

    def application(self, application_id: int) -> dict[str, Any]:
        response = self.http.get(f"/api/applications/{application_id}")
        assert response.status_code == 200, response.text
        return dict(body(response)["application"])

    def reapply(self, application_id: int, items: dict[str, Any] | None = None) -> Any:
        payload = {} if items is None else {
            "items": [{"material": m, "quantity": q} for m, q in items.items()]}
        return self.http.post(f"/api/applications/{application_id}/reapply", json=payload)

    # --- the worker -----------------------------------------------------------------------

    def worker(self, connect: Callable[[], Any] | None = None,
               settings: WorkerSettings = FAST) -> OutboxWorker:
        return OutboxWorker(self.db, connect or sap_connector(self.settings), settings,
                            tables=outbox_tables())

    def work(self, worker: OutboxWorker | None = None) -> None:
        """Perform every due outbox entry, including those the performed ones enqueue."""
        worker = worker or self.worker()
        try:
            if not worker.run_until_idle():
                raise AssertionError("the outbox did not settle")
        finally:
            worker.close()

    def outbox(self, **filters: Any) -> list[dict[str, Any]]:
        entries = outbox.entries(self.db, filters.pop("status", None))
        return [e for e in entries if all(e[k] == v for k, v in filters.items())]

    # --- SAP ------------------------------------------------------------------------------

    def sales_documents(self, reference: str) -> list[dict[str, str]]:
        """VBAK rows whose customer PO number is the CRM reference."""
        return read_table(self.rfc, "VBAK", ["VBELN", "AUART", "KUNNR", "BSTNK", "VGBEL"],
                          [equals("BSTNK", reference)])

    def purchase_orders(self) -> list[dict[str, str]]:
        return read_table(self.rfc, "EKKO", ["EBELN", "BSART", "RESWK"])

    def purchase_order_items(self, number: str) -> list[dict[str, str]]:
        return read_table(self.rfc, "EKPO", ["EBELP", "MATNR", "WERKS", "MENGE"],
                          [equals("EBELN", number)])

    def order_value(self, application: dict[str, Any]) -> Decimal:
        """VBAK-NETWR of the application's SAP order."""
        [row] = read_table(self.rfc, "VBAK", ["NETWR"],
                           [equals("VBELN", application["sap_document_number"])])
        return Decimal(row["NETWR"])

    def credit_limit(self, outlet: str) -> Decimal:
        [row] = read_table(self.rfc, "KNKK", ["KLIMK"], [equals("KUNNR", outlet)])
        return Decimal(row["KLIMK"])

    # --- the CRM's data -------------------------------------------------------------------

    def set_outlet_purchase_price(self, material: str, price: Decimal) -> None:
        with self.db.write() as conn:
            conn.execute(update(materials).where(materials.c.material_number == material)
                         .values(outlet_purchase_price=price, price_unit=1,
                                 updated_at=datetime.now(UTC)))
