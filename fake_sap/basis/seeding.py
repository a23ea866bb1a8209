"""Loading deterministic master data into a client, and what the control API lists of it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fake_sap.db.engine import Database
from fake_sap.db.schema import kna1, mara
from fake_sap.seed import SeedPlan, seed


@dataclass(frozen=True)
class SeedSummary:
    materials: list[str]
    provincial_centers: list[str]
    outlets: list[str]
    seconds: float


def seed_client(db: Database, plan: SeedPlan, listed: int) -> SeedSummary:
    """Seed the client and list (up to ``listed`` of) its materials and customers."""
    result = seed(db, plan)
    with db.read() as conn:
        materials = conn.execute(select(mara.c.matnr).where(mara.c.mandt == plan.client)
                                 .order_by(mara.c.matnr).limit(listed)).scalars().all()
        customers = conn.execute(select(kna1.c.kunnr, kna1.c.ktokd).where(
            kna1.c.mandt == plan.client).order_by(kna1.c.kunnr).limit(listed)).all()
    return SeedSummary(
        materials=list(materials),
        provincial_centers=[k for k, group in customers if group == "ZPC"],
        outlets=[k for k, group in customers if group == "ZOUT"],
        seconds=result.seconds)
