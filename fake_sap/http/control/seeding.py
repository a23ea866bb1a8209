"""Control API: load deterministic master data into a client (what ``fake-sap seed`` does)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from fake_sap.basis.seeding import seed_client as seed_and_list
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, json_body
from fake_sap.http.runtime import runtime
from fake_sap.seed import SeedPlan

#: a control-API load is for tests: keep one request short
MAX_MATERIALS, MAX_CUSTOMERS = 10_000, 2_000
LISTED = 1_000


def _count(body: dict[str, Any], name: str, default: int, maximum: int) -> int:
    value = body.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= maximum:
        raise BadRequest(f"'{name}' must be a whole number from 0 to {maximum}")
    return value


@bp.post("/clients/<mandt>/seed")
def seed_client(mandt: str) -> Response:
    """Materials (with initial stock in plant 1000 / 0001) and customers: provincial
    centers and their outlets. The same seed always gives the same data."""
    existing_client(mandt)
    body = json_body()
    stock = body.get("initial_stock", "0")
    if not isinstance(stock, str | int) or isinstance(stock, bool) or \
            not str(stock).isdigit() or len(str(stock)) > 9:
        raise BadRequest("'initial_stock' must be a whole quantity, e.g. \"100\"")
    plan = SeedPlan(mandt, _count(body, "materials", 10, MAX_MATERIALS),
                    _count(body, "customers", 10, MAX_CUSTOMERS),
                    _count(body, "seed", 1, 2**31 - 1), initial_stock=str(stock))
    summary = seed_and_list(runtime().db, plan, LISTED)
    return jsonify({
        "materials": summary.materials,
        "provincial_centers": summary.provincial_centers,
        "outlets": summary.outlets,
        "seconds": round(summary.seconds, 3),
    })
