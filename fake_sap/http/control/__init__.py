"""The emulator's control API under ``/_fake/``: things SAP has no interface for.

Routes are grouped by concern (clients, IDoc monitor, partners, master data); each module
adds its routes to the one blueprint, and ``openapi`` describes them all.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("control", __name__, url_prefix="/_fake")

from fake_sap.http.control import (  # noqa: E402,F401
    clients,
    clock,
    faults,
    finance,
    master_data,
    monitor,
    partners,
    seeding,
)
