"""How many database transactions a committed order costs, counted in one process with
SQLAlchemy's engine events: the order BAPI reads its checks in one transaction and draws its
number, registers its update task and writes its call-log row in a second; the commit runs
the task and writes its own log row in a third."""

from __future__ import annotations

from pathlib import Path

from bench import profile_orders
from bench.bapi_orders import order_request


def test_a_committed_order_costs_three_transactions(tmp_path: Path) -> None:
    with profile_orders._app(tmp_path, "") as (client, db):
        master = profile_orders._seed(client)
        bodies = [order_request(master["outlets"][0], material)
                  for material in master["materials"][:3]]
        tally = profile_orders.SqlTally()
        profile_orders._watch(db, tally)
        profile_orders._orders(client, bodies, 3, tally)  # the first one opens the session
        tally.reset()
        profile_orders._orders(client, bodies, 3, tally)

    assert tally.transactions["BAPI"] == 2 * 3
    assert tally.transactions["COMMIT"] == 1 * 3
    assert sum(count for text, count in tally.texts.items()
               if text.startswith("INSERT INTO rfc_call_log")) == 2 * 3
