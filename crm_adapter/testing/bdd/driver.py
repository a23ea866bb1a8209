"""The CRM driver of the step library: the real adapter served on a loopback port, and every
CRM action a scenario takes, through the adapter's JSON API.

Layer: ``crm_adapter.testing`` (imports the adapter and ``sap_client``, never ``fake_sap``).
Steps call these methods and hold no HTTP details. The one thing the driver does not do
through HTTP is the **outbox worker** (the same :class:`~crm_adapter.outbox.OutboxWorker`
the ``crm-adapter worker`` process runs): it works in this process when a step says so
(:meth:`CrmDriver.perform_sap_calls`), so that a scenario decides when the CRM talks to SAP
(and can make SAP unavailable first).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx
from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from crm_adapter import outbox
from crm_adapter.compose import outbox_tables
from crm_adapter.config import AdapterSettings
from crm_adapter.http.app import create_app
from crm_adapter.outbox import OutboxWorker, WorkerSettings
from crm_adapter.store.engine import Database
from sap_client.steps.landscape import Receiver, SapLogon
from sap_client.steps.library import eventually
from sap_client.tls import default_tls_context

#: Basic credentials of the receiver, as SAP's XML-HTTP port (SM59) would send them
RECEIVER_USER, RECEIVER_PASSWORD = "sap-port", "port-secret"
#: retries fast enough to watch within a scenario
FAST_RETRIES = WorkerSettings(retry_base_seconds=0.05, retry_max_seconds=0.2, poll_seconds=0.02,
                              stale_seconds=0.0)
#: at most this many passes of the worker per step (an approval takes two: check, create)
MAX_PASSES = 20


class CrmRefused(Exception):
    """The CRM's JSON API refused an action (4xx) with a message for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Scenario output stays readable: no access log line per request."""


@contextmanager
def served(app: Flask) -> Iterator[str]:
    """Serve ``app`` on a free loopback port in a thread; yields its base URL."""
    server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True,
                                         request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def running_adapter(folder: Path, logon: SapLogon) -> Iterator[CrmDriver]:
    """A fresh adapter (its own SQLite database in ``folder``) served on loopback and logged
    on to SAP with ``logon``; yields its driver."""
    settings = AdapterSettings(db_url=f"sqlite:///{folder / 'crm.db'}",
                               receiver_user=RECEIVER_USER, receiver_password=RECEIVER_PASSWORD,
                               sap_url=logon.url, sap_client=logon.client, sap_user=logon.user,
                               sap_password=logon.password, sap_timeout_seconds=60.0)
    app = create_app(settings)
    db: Database = app.extensions["crm_adapter"].db
    try:
        with served(app) as url, httpx.Client(base_url=url, timeout=60.0,
                                               verify=default_tls_context()) as http:
            worker = OutboxWorker(db, logon.connector(), FAST_RETRIES, tables=outbox_tables())
            try:
                yield CrmDriver(http, db, Receiver(f"{url}/sap/idoc", RECEIVER_USER,
                                                   RECEIVER_PASSWORD), worker)
            finally:
                worker.close()
    finally:
        db.dispose()


#: the material fields the JSON API answers as exact decimals in text
_MATERIAL_DECIMALS = ("standard_price", "moving_average_price", "outlet_purchase_price",
                      "retail_price")
#: the most a listing of the JSON API answers at once
_PAGE = 1000


class MasterDataQueries:
    """The CRM's master data read through its JSON API, by numbers as people write them
    (for a driver with an ``http`` client: httpx, or Flask's test client, whose calls take
    the same shapes used here). Prices come back as :class:`~decimal.Decimal`, as the CRM
    keeps them."""

    http: Any

    def _get_or_none(self, path: str, key: str) -> dict[str, Any] | None:
        response = self.http.get(path)
        if response.status_code == 404:
            return None
        body = _body(response)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {body}"
        found: dict[str, Any] = body[key]
        return found

    def _listing(self, path: str, key: str, number: str, **filters: str
                 ) -> list[dict[str, Any]]:
        """Every entry of a paged listing: the next page starts ``after`` the ``number``
        field of the last entry."""
        entries: list[dict[str, Any]] = []
        query = {**filters, "limit": str(_PAGE)}
        while True:
            response = self.http.get(f"{path}?{urlencode(query)}")
            body = _body(response)
            assert response.status_code == 200, f"GET {path}: {response.status_code} {body}"
            page: list[dict[str, Any]] = body[key]
            entries += page
            if len(page) < _PAGE:
                return entries
            query["after"] = page[-1][number]

    def material(self, number: str) -> dict[str, Any] | None:
        found = self._get_or_none(f"/api/materials/{quote(number, safe='')}", "material")
        if found is None:
            return None
        return {**found, **{name: None if found.get(name) is None else Decimal(found[name])
                            for name in _MATERIAL_DECIMALS}}

    def outlet(self, number: str) -> dict[str, Any] | None:
        return self._get_or_none(f"/api/outlets/{quote(number, safe='')}", "outlet")

    def provincial_center(self, number: str) -> dict[str, Any] | None:
        return self._get_or_none(f"/api/provincial-centers/{quote(number, safe='')}",
                                 "provincial_center")

    def outlets_of(self, center: str) -> list[str]:
        """The outlets SAP assigns to the center (deleted ones too), also while the CRM
        does not have the center itself yet."""
        return [o["customer_number"] for o in self._listing(
            "/api/outlets", "outlets", "customer_number", provincial_center=center,
            include_deleted="true")]

    def outlets_with_pending_center(self) -> list[str]:
        return [o["customer_number"] for o in self._listing(
            "/api/outlets", "outlets", "customer_number", center_pending="true",
            include_deleted="true")]


@dataclass
class CrmDriver(MasterDataQueries):
    """One adapter under test: its JSON API, its receiver's address, its outbox worker."""

    http: httpx.Client
    db: Database
    receiver: Receiver
    worker: OutboxWorker

    # --- plumbing --------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self.http.request(method, path, **kwargs)
        if 400 <= response.status_code < 500:
            body = _json(response)
            raise CrmRefused(response.status_code, str(body.get("code", "")),
                             str(body.get("message", response.text)))
        if response.status_code >= 500:
            raise AssertionError(f"{method} {path} failed: {response.status_code} "
                                 f"{response.text[:2000]}")
        return _json(response)

    # --- the outbox worker -----------------------------------------------------------------

    def perform_sap_calls(self) -> None:
        """Let the worker perform every due call to SAP, and those they lead to; a call SAP
        does not answer stays due for a retry."""
        if not self.worker.run_until_idle(MAX_PASSES):
            raise AssertionError(f"the outbox was still busy after {MAX_PASSES} passes")

    def perform_sap_calls_until_done(self, timeout: float = 10.0) -> None:
        """Keep the worker going (retries included) until no call to SAP is waiting."""
        def waiting() -> list[dict[str, Any]]:
            self.worker.run_once()
            return [e for e in outbox.entries(self.db)
                    if e["status"] in (outbox.PENDING, outbox.IN_PROGRESS)]
        eventually(waiting, lambda entries: not entries, timeout=timeout,
                   what="the CRM's calls to SAP to be done")

    # --- material applications -------------------------------------------------------------

    def apply(self, outlet: str, application_type: str,
              items: list[tuple[str, Decimal]]) -> dict[str, Any]:
        return self._call("POST", "/api/applications", json={
            "outlet": outlet, "type": application_type,
            "items": [{"material": m, "quantity": str(q)} for m, q in items]})["application"]

    def approve(self, application_id: int) -> dict[str, Any]:
        return self._call("POST", f"/api/applications/{application_id}/approve")["application"]

    def reject(self, application_id: int, reason: str) -> dict[str, Any]:
        return self._call("POST", f"/api/applications/{application_id}/reject",
                          json={"reason": reason})["application"]

    def reapply(self, application_id: int,
                items: list[tuple[str, Decimal]] | None = None) -> dict[str, Any]:
        body = {} if items is None else {
            "items": [{"material": m, "quantity": str(q)} for m, q in items]}
        return self._call("POST", f"/api/applications/{application_id}/reapply",
                          json=body)["application"]

    def application(self, application_id: int) -> dict[str, Any]:
        return self._call("GET", f"/api/applications/{application_id}")["application"]

    # --- deliveries and inventory ----------------------------------------------------------

    def application_delivery(self, application_id: int) -> dict[str, Any] | None:
        """The application's delivery record (ordered, shipped, open; its sub-deliveries),
        None before its first delivery."""
        try:
            return self._call("GET", f"/api/applications/{application_id}/delivery")["delivery"]
        except CrmRefused as refused:
            if refused.status == 404:
                return None
            raise

    def delivery(self, number: str) -> dict[str, Any] | None:
        try:
            return self._call("GET", f"/api/deliveries/{number}")["delivery"]
        except CrmRefused as refused:
            if refused.status == 404:
                return None
            raise

    def inventory(self, outlet: str) -> dict[str, Decimal]:
        """The outlet's online inventory: material → quantity."""
        lines = self._call("GET", f"/api/outlets/{outlet}/inventory")["inventory"]
        return {line["material_number"]: Decimal(line["quantity"]) for line in lines}

    # --- returns ---------------------------------------------------------------------------

    def create_return(self, outlet: str, application_id: int,
                      items: list[tuple[str, Decimal]]) -> dict[str, Any]:
        return self._call("POST", "/api/returns", json={
            "outlet": outlet, "application_id": application_id,
            "items": [{"material": m, "quantity": str(q)} for m, q in items]})["return"]

    def approve_return(self, return_id: int) -> dict[str, Any]:
        return self._call("POST", f"/api/returns/{return_id}/approve")["return"]

    def return_(self, return_id: int) -> dict[str, Any]:
        return self._call("GET", f"/api/returns/{return_id}")["return"]

    # --- repairs and labour-fee settlement -------------------------------------------------

    def set_business_date(self, day: date) -> None:
        self._call("PUT", "/api/clock", json={"today": day.isoformat()})

    def set_labour_fee(self, level: str, fee: Decimal) -> dict[str, Any]:
        return self._call("PUT", f"/api/labour-fee-rules/{level}",
                          json={"fee": str(fee)})["rule"]

    def record_repair(self, outlet: str, repair_date: date, method: str,
                      materials: Sequence[tuple[str, Decimal]] = ()) -> dict[str, Any]:
        return self._call("POST", "/api/repairs", json={
            "outlet": outlet, "repair_date": repair_date.isoformat(), "repair_method": method,
            "materials": [{"material": m, "quantity": str(q)} for m, q in materials]})["repair"]

    def repairs(self, **filters: str) -> list[dict[str, Any]]:
        return list(self._call("GET", "/api/repairs", params=filters)["repairs"])

    def run_settlement(self, month: str | None = None, *, force: bool = False
                       ) -> dict[str, Any]:
        body: dict[str, Any] = {"force": force}
        if month is not None:
            body["month"] = month
        return self._call("POST", "/api/settlements/run", json=body)["run"]

    def settlements(self, **filters: str) -> list[dict[str, Any]]:
        return list(self._call("GET", "/api/settlements", params=filters)["settlements"])

    def reconcile_settlements(self) -> dict[str, Any]:
        return self._call("POST", "/api/settlements/reconcile")["reconciliation"]

    # --- sales statistics ------------------------------------------------------------------

    def import_statistics(self, month: str) -> dict[str, Any]:
        return self._call("POST", "/api/statistics/import", json={"month": month})["import"]

    def statistics(self, **filters: str) -> list[dict[str, Any]]:
        return list(self._call("GET", "/api/statistics", params=filters)["statistics"])

    # --- master data -----------------------------------------------------------------------

    def maintenance_queue(self) -> list[str]:
        materials = self._call("GET", "/api/materials/maintenance")["materials"]
        return [m["material_number"] for m in materials]

    def maintain(self, material: str, position_number: str, repair_level: str
                 ) -> dict[str, Any]:
        return self._call("PUT", f"/api/materials/{material}/maintenance", json={
            "position_number": position_number, "repair_level": repair_level})["material"]

    # --- the inbox -------------------------------------------------------------------------

    def inbox(self, status: str | None = None, message_type: str | None = None
              ) -> list[dict[str, Any]]:
        """IDocs the CRM received, newest first."""
        params = {k: v for k, v in (("status", status), ("message_type", message_type)) if v}
        return list(self._call("GET", "/api/inbox", params={**params, "limit": "1000"})
                    ["entries"])


def _body(response: Any) -> Any:
    """The JSON body of an httpx response or a Flask test response."""
    return response.json() if callable(response.json) else response.json


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"message": response.text}
    return body if isinstance(body, dict) else {"message": str(body)}
