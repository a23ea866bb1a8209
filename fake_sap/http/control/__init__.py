"""The emulator's control API under ``/_fake/``: things SAP has no interface for.

Routes are grouped by concern (clients, IDoc monitor, partners, master data); each module
adds its routes to the one blueprint, and ``openapi`` describes them all. ``auth`` guards
every ``/_fake/`` path when the server has a control token.
"""

from __future__ import annotations

from flask import Blueprint

from fake_sap.http.control.auth import require_control_token

bp = Blueprint("control", __name__, url_prefix="/_fake")
# registered before the route modules add their own request hooks, so that it runs first and
# an unauthenticated request never reaches the database (the business-date hook reads it)
bp.before_app_request(require_control_token)

from fake_sap.http.control import (  # noqa: E402,F401
    clients,
    clock,
    code_tables,
    faults,
    finance,
    idoc_types,
    master_data,
    monitor,
    partners,
    seeding,
)
