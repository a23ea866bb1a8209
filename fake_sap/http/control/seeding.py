"""Control API: load deterministic master data into a client (what ``fake-sap seed`` does)."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, jsonify

from fake_sap.basis.seeding import SeedPlan
from fake_sap.basis.seeding import seed_client as seed_and_list
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, json_body, json_integer
from fake_sap.http.runtime import runtime

#: a control-API load is for tests: keep one request short
MAX_MATERIALS, MAX_CUSTOMERS = 10_000, 2_000
LISTED = 1_000
#: an initial stock as the OpenAPI document declares it: up to nine digits
WHOLE_QUANTITY = re.compile(r"[0-9]{1,9}")


def _count(body: dict[str, Any], name: str, default: int, maximum: int) -> int:
    value = json_integer(body.get(name, default))
    if value is None or not 0 <= value <= maximum:
        raise BadRequest(f"'{name}' must be a whole number from 0 to {maximum}")
    return value


@bp.post("/clients/<mandt>/seed")
def seed_client(mandt: str) -> Response:
    """Materials (with initial stock in plant 1000 / 0001) and customers: provincial
    centers and their outlets. The same seed always gives the same data."""
    existing_client(mandt)
    body = json_body()
    stock = body.get("initial_stock", "0")
    if not isinstance(stock, str):
        stock = json_integer(stock)
    # ASCII digits only: str.isdigit would also take "²", which is no quantity
    if stock is None or not WHOLE_QUANTITY.fullmatch(str(stock)):
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
