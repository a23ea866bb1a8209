"""How the two sides of a scenario reach each other: the logon a caller uses for SAP, the
receiver SAP sends IDocs to, and what the caller's steps need of the SAP driver.

Layer: ``sap_client.steps`` (test support). Imports ``sap_client.rfc`` and the standard
library; never ``fake_sap`` or ``crm_adapter``. Both step libraries build on these types,
so neither needs the other: the SAP side hands out a :class:`SapLogon` (fixture
``sap_logon``), the caller's side a :class:`Receiver`, and the caller's steps that act on
SAP as well (the business date, a landscape connected or not) take any driver that is a
:class:`SapSystem`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sap_client.rfc import Connection
from sap_client.tls import default_tls_context


@dataclass(frozen=True)
class SapLogon:
    """How a caller logs on to SAP (SOAP-RFC)."""

    url: str
    client: str
    user: str
    password: str

    def connector(self, timeout: float = 60.0) -> Callable[[], Connection]:
        """Opens RFC connections (one SAP session each) with this logon, as a worker's
        ``sap_connector`` does from its settings."""
        def connect() -> Connection:
            return Connection(url=self.url, client=self.client, user=self.user,
                              passwd=self.password, lang="EN", timeout=timeout,
                              verify=default_tls_context())
        return connect


@dataclass(frozen=True)
class Receiver:
    """Where SAP's XML-HTTP port (SM59/WE21) sends a partner's IDocs, with which Basic
    credentials."""

    url: str
    user: str
    password: str


class SapSystem(Protocol):
    """What a caller's steps and fixtures need of the SAP driver of a scenario."""

    def connect_crm(self, receiver: Receiver) -> None:
        """Partner profile and XML-HTTP port: SAP distributes to ``receiver`` from now on."""

    def deliver_pending_messages(self) -> None:
        """What SAP has due for the caller reaches it now."""

    def set_date(self, day: date) -> None:
        """Today, in SAP."""
