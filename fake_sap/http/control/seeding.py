"""Control API: load deterministic master data into a client (what ``fake-sap seed`` does)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from sqlalchemy import select

from fake_sap.db.schema import kna1, mara
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp
from fake_sap.http.control.requests import existing_client, json_body
from fake_sap.http.runtime import runtime
from fake_sap.seed import SeedPlan, seed

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
    result = seed(runtime().db, plan)
    with runtime().db.read() as conn:
        materials = conn.execute(select(mara.c.matnr).where(mara.c.mandt == mandt)
                                 .order_by(mara.c.matnr).limit(LISTED)).scalars().all()
        customers = conn.execute(select(kna1.c.kunnr, kna1.c.ktokd).where(
            kna1.c.mandt == mandt).order_by(kna1.c.kunnr).limit(LISTED)).all()
    return jsonify({
        "materials": list(materials),
        "provincial_centers": [k for k, group in customers if group == "ZPC"],
        "outlets": [k for k, group in customers if group == "ZOUT"],
        "seconds": round(result.seconds, 3),
    })
