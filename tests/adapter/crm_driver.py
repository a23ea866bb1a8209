"""Test helpers for the CRM adapter: a driver over one adapter instance, IDocs as SAP
sends them, and bounded polling.

The driver reads master data through the JSON API, and the inbox through the CRM's store,
over whatever HTTP client it is given (Flask's test client or httpx against a real server),
so tests state behaviour, not plumbing.
"""

from __future__ import annotations

import itertools
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from idoc_builders import packet

from crm_adapter.store import inbox as inbox_store
from crm_adapter.store.engine import Database
from crm_adapter.testing.bdd.driver import MasterDataQueries
from fake_sap.idoc.document import Idoc
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from sap_client.steps.library import eventually

#: the SAP system's logical system as the CRM sees it in EDI_DC40-SNDPRN
SAP_SENDER = "ERPCLNT100"
RECEIVER_USER, RECEIVER_PASSWORD = "sap-port", "port-secret"

_docnums = itertools.count(1)


def from_sap(idoc: Idoc, *, serial: str = "20250101120000000000", docnum: str | None = None,
             sender: str = SAP_SENDER) -> Idoc:
    """The IDoc as SAP's outbound processing fills its control record (created when its
    SERIAL says, unless the IDoc's own control record has CREDAT and CRETIM)."""
    idoc.control.update({"DOCNUM": docnum or f"{next(_docnums):016d}", "SERIAL": serial,
                         "SNDPRN": sender, "SNDPRT": "LS", "SNDPOR": "SAPERP",
                         "RCVPRN": "CRMCLNT100", "DIRECT": "1"})
    idoc.control.setdefault("CREDAT", serial[:8])
    idoc.control.setdefault("CRETIM", serial[8:14])
    return idoc


def document(*idocs: Idoc) -> bytes:
    """One IDoc-XML document of the IDocs (all of one message type)."""
    idoc_type = DEBMAS07 if idocs[0].mestyp == "DEBMAS" else MATMAS05
    return packet(idoc_type, list(idocs))


@dataclass
class CrmProcess:
    """A ``crm-adapter serve`` child process (gunicorn) on a free loopback port."""

    url: str
    db_url: str
    process: subprocess.Popen[bytes]


def body(response: Any) -> Any:
    """The JSON body of a Flask test response or an httpx response."""
    return response.json() if callable(response.json) else response.json


@dataclass
class CrmApi(MasterDataQueries):
    """The JSON API of an adapter running elsewhere (e.g. a :class:`CrmProcess`), read the
    way a CRM front end reads it."""

    http: httpx.Client


@dataclass
class CrmDriver(MasterDataQueries):
    """One adapter instance: its database, and an HTTP client for its JSON API."""

    db: Database
    http: Any  # flask.testing.FlaskClient or httpx.Client (same call shapes used here)

    # --- store --------------------------------------------------------------------------------

    def inbox(self, **filters: Any) -> list[dict[str, Any]]:
        """Inbox entries, oldest first."""
        with self.db.read() as conn:
            return list(reversed(inbox_store.listing(conn, limit=1000, **filters)))

    def inbox_entry(self, sender: str, docnum: str) -> dict[str, Any] | None:
        with self.db.read() as conn:
            return inbox_store.find(conn, sender, docnum)

    # --- HTTP ---------------------------------------------------------------------------------

    def receive(self, xml: bytes, *, auth: tuple[str, str] | None = (RECEIVER_USER,
                                                                     RECEIVER_PASSWORD),
                content_type: str = "application/xml") -> Any:
        """POST an IDoc-XML document to the receiver, as SAP's XML-HTTP port does."""
        return self.http.post("/sap/idoc", data=xml, auth=auth,
                              headers={"Content-Type": content_type})

    def maintenance_queue(self) -> list[str]:
        response = self.http.get("/api/materials/maintenance")
        assert response.status_code == 200, response.text
        return [m["material_number"] for m in body(response)["materials"]]

    def maintain(self, number: str, position_number: str, repair_level: str) -> Any:
        return self.http.put(f"/api/materials/{number}/maintenance", json={
            "position_number": position_number, "repair_level": repair_level})

    # --- waiting ------------------------------------------------------------------------------

    def wait_for_material(self, number: str, accept: Callable[[dict[str, Any]], bool]
                          = lambda m: True, timeout: float = 15.0) -> dict[str, Any]:
        found = eventually(lambda: self.material(number), lambda m: m is not None and accept(m),
                           timeout=timeout, what=f"material {number} in the CRM")
        assert found is not None
        return found

    def wait_for_outlet(self, number: str, accept: Callable[[dict[str, Any]], bool]
                        = lambda o: True, timeout: float = 15.0) -> dict[str, Any]:
        found = eventually(lambda: self.outlet(number), lambda o: o is not None and accept(o),
                           timeout=timeout, what=f"outlet {number} in the CRM")
        assert found is not None
        return found
