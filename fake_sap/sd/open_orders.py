"""The open order value of each sold-to party, as the credit check counts it.

The static credit check adds to the receivables (KNKK-SKFOR) the net value of the
customer's sales orders that are not yet completely delivered. Summing those orders on every
check makes an order slower the more open orders its customer has, so the sum is kept
as it changes, in the emulator's own table ``open_order_values`` (one row per client and
customer): a new sales order adds its net value, and the order's delivery status moving to
or away from "completely delivered" (VBUK-LFGSK C) takes it off or puts it back. The check
then reads one row, joined into its read of the customer. The result is the same as the
sum over the orders.

SAP keeps open order values for credit management in the info structures S066 (open orders,
per credit control area, credit account and date: OEIKW) and S067 (open deliveries and
billing documents), updated by the documents' update groups. Their keys and their
per-schedule-line, per-date values are not the emulator's rule, so this table is not called
S066 and does not pretend to be it.

Layer: business (SD). The one writer of ``open_order_values``. May import ``fake_sap.db``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam

from fake_sap.db.documents import open_order_values
from fake_sap.db.upsert import dialect_insert

#: the sales document category whose open value counts (sales orders)
ORDER_CATEGORY = "C"
#: the overall delivery status of an order that no longer counts (completely delivered)
COMPLETELY_DELIVERED = "C"


def counts(vbtyp: str, lfgsk: str) -> bool:
    """Whether a sales document with category ``vbtyp`` and overall delivery status
    ``lfgsk`` is an open order for the credit check."""
    return vbtyp == ORDER_CATEGORY and lfgsk != COMPLETELY_DELIVERED


def cents(value: Decimal) -> int:
    """A net value (CURR 15.2) in whole cents."""
    return int(value.scaleb(2).to_integral_value())


def value_of(stored_cents: int | None) -> Decimal:
    """The open order value from the stored cents (None: the customer has no row)."""
    return Decimal(0) if stored_cents is None else Decimal(stored_cents).scaleb(-2)


@lru_cache(maxsize=4)
def _add_statement(dialect: str) -> Any:
    """Add to the customer's row, making it on the customer's first order: one statement
    (where an UPDATE and, for a first order, an INSERT took two), exact (integers), and
    safe against a concurrent first order of the same customer (the conflict adds to the
    row that order made). Built once per dialect."""
    statement = dialect_insert(dialect, open_order_values).values(
        mandt=bindparam("mandt"), kunnr=bindparam("kunnr"),
        netwr_cents=bindparam("change_cents"))
    return statement.on_conflict_do_update(
        index_elements=[open_order_values.c.mandt, open_order_values.c.kunnr],
        set_={"netwr_cents": open_order_values.c.netwr_cents
              + statement.excluded.netwr_cents})


def add(conn: Connection, mandt: str, kunnr: str, netwr: Decimal) -> None:
    """Change the customer's open order value by ``netwr`` (negative: an order left)."""
    conn.execute(_add_statement(conn.dialect.name),
                 {"mandt": mandt, "kunnr": kunnr, "change_cents": cents(netwr)})
