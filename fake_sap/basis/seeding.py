"""Loading deterministic master data into a client, and what the control API lists of it.

The rows themselves come from :mod:`fake_sap.seed`, which needs Faker; it is imported when a
client is seeded, not when the server starts, as most servers never seed. The command line's
parser (:mod:`fake_sap.cli`) reads the plan's limits from here, so this module imports
no more than that for every ``fake-sap`` command; the database is imported when a client is
seeded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fake_sap.db.engine import Database

#: one provincial center per this many customers (at least one)
CUSTOMERS_PER_CENTER = 20
#: outlets get numbers FIRST_OUTLET + i (:mod:`fake_sap.seed`), so centers must stay below
#: that range
MAX_CUSTOMERS = 1_000_000


@dataclass(frozen=True)
class SeedPlan:
    """What to load into which client."""

    client: str
    materials: int
    customers: int
    seed: int
    #: unrestricted stock (MARD-LABST) of new materials in plant 1000 / storage location 0001
    initial_stock: str = "0"


@dataclass(frozen=True)
class SeedSummary:
    materials: list[str]
    provincial_centers: list[str]
    outlets: list[str]
    seconds: float


def seed_client(db: Database, plan: SeedPlan, listed: int) -> SeedSummary:
    """Seed the client and list (up to ``listed`` of) its materials and customers."""
    from sqlalchemy import select

    from fake_sap.db.schema import kna1, mara
    from fake_sap.seed import seed

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
