"""Opening RFC connections to SAP from the adapter's settings.

Layer: adapter to SAP (settings -> :class:`sap_client.rfc.Connection`). Imports the
settings and the RFC client only, so that the worker and the HTTP areas that call SAP
(settlement reconciliation, the statistics import) share one way to log on without
importing each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from crm_adapter.config import AdapterSettings
from sap_client.rfc import Connection


def sap_connector(settings: AdapterSettings) -> Callable[[], Connection]:
    """A function opening an RFC connection (one SAP session) with the settings' logon."""
    def connect() -> Connection:
        return Connection(url=settings.sap_url, client=settings.sap_client,
                          user=settings.sap_user, passwd=settings.sap_password,
                          lang=settings.sap_language, timeout=settings.sap_timeout_seconds)
    return connect


def logon_digest(settings: AdapterSettings) -> str:
    """A digest of the settings SAP's logon depends on (URL, client, user, password,
    language): a halt of SAP calls met with other settings no longer holds (see
    :mod:`crm_adapter.outbox`). A digest, so that the password is not stored."""
    logon = "\n".join((settings.sap_url, settings.sap_client, settings.sap_user,
                       settings.sap_password, settings.sap_language))
    return hashlib.sha256(logon.encode("utf-8")).hexdigest()
