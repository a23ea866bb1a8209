"""Profile committed sales orders over SOAP-RFC, in one process, without a server.

``python -m bench.profile_orders [--orders N] [--rounds N] [--top N] [--sort KEY]
[--no-profile] [--number-buffers S] [--db-url URL]``

Builds the emulator's app in this process on a scratch SQLite file (or on the empty
database ``--db-url`` names, e.g. a PostgreSQL one), seeds client 100 as
the ``bapi-orders`` benchmark does, and sends N pairs of BAPI_SALESORDER_CREATEFROMDAT2 +
BAPI_TRANSACTION_COMMIT through Flask's test client (one SAP session, the envelopes the
benchmark sends). It prints:

- SQL statements and database transactions per order, counted with SQLAlchemy engine
  events (split into the BAPI call and the commit), and the statements' text by frequency;
  the driver-level rollbacks (a connection given back to the pool outside a transaction of
  SQLAlchemy's, e.g. after the state version's quick read) are counted apart;
- CPU time per order (``time.process_time``, the whole request path in this process): with
  ``--rounds``, the best and the median of that many rounds of ``--orders`` orders each
  (without the profiler and without counting statements, whose listeners send the fast
  path's driver statements through SQLAlchemy), which says more than one round on a busy
  machine;
- the cProfile table of the hottest functions (cumulative time, or with ``--sort tottime``
  the time spent in each function itself).

Counts are exact and machine-independent; the CPU figures include the test client's own
cost (building the WSGI environ, reading the answer) and the profiler's overhead when on.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import event

from bench.bapi_orders import COMMIT, CUSTOMERS, INITIAL_STOCK, MATERIALS, order_request
from bench.processes import AUTH, CLIENT
from bench.read_table import RFC_PATH, SOAP_HEADERS
from fake_sap.app import create_app, prepare_database
from fake_sap.config import Settings
from fake_sap.db.engine import Database

_DOCUMENT = re.compile(rb"<SALESDOCUMENT>(\d+)</SALESDOCUMENT>")
_ERROR = re.compile(rb"<TYPE>[EA]</TYPE>")
#: orders before the measured ones: lazy imports, first compilation of each statement
WARM_UP_ORDERS = 20


@dataclass
class SqlTally:
    """Statements and transactions seen on one engine, by phase of the order."""

    phase: str = "other"
    statements: Counter[str] = field(default_factory=Counter)
    transactions: Counter[str] = field(default_factory=Counter)
    texts: Counter[str] = field(default_factory=Counter)
    #: rollbacks of the pool's connection reset (no transaction of SQLAlchemy's)
    resets: Counter[str] = field(default_factory=Counter)

    def reset(self) -> None:
        self.statements.clear()
        self.transactions.clear()
        self.texts.clear()
        self.resets.clear()


def _watch(db: Database, tally: SqlTally) -> Callable[[], None]:
    """Count into ``tally`` from now on; returns what stops counting."""
    def before_cursor_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("BEGIN"):
            return  # the transaction itself, counted below
        tally.statements[tally.phase] += 1
        tally.texts[" ".join(statement.split())[:110]] += 1

    def begin(conn: Any) -> None:
        tally.transactions[tally.phase] += 1

    def reset(dbapi_connection: Any, record: Any, reset_state: Any) -> None:
        if not reset_state.transaction_was_reset:  # else the pool rolls nothing back
            tally.resets[tally.phase] += 1

    event.listen(db.engine, "before_cursor_execute", before_cursor_execute)
    event.listen(db.engine, "begin", begin)
    event.listen(db.engine.pool, "reset", reset)

    def stop() -> None:
        event.remove(db.engine, "before_cursor_execute", before_cursor_execute)
        event.remove(db.engine, "begin", begin)
        event.remove(db.engine.pool, "reset", reset)
    return stop


@contextmanager
def _app(folder: Path, number_buffers: str, db_url: str = ""
         ) -> Iterator[tuple[FlaskClient, Database]]:
    settings = Settings(db_url=db_url or f"sqlite:///{folder / 'sap.db'}", dispatcher=False,
                        number_buffers=number_buffers)
    prepare_database(settings)
    app = create_app(settings)
    db: Database = app.extensions["fake_sap"].db
    try:
        yield app.test_client(), db
    finally:
        db.dispose()


def _seed(client: FlaskClient) -> dict[str, Any]:
    response = client.post(f"/_fake/clients/{CLIENT}/seed", json={
        "materials": MATERIALS, "customers": CUSTOMERS, "initial_stock": INITIAL_STOCK})
    if response.status_code != 200:
        raise RuntimeError(f"seeding failed: {response.status_code} {response.text[:300]}")
    return dict(response.json)  # type: ignore[arg-type]


def _post(client: FlaskClient, body: bytes) -> bytes:
    response = client.post(RFC_PATH, data=body, headers=SOAP_HEADERS, auth=AUTH)
    if response.status_code != 200 or _ERROR.search(response.data):
        raise RuntimeError(f"call failed: {response.status_code} {response.data[:500]!r}")
    return response.data


def _orders(client: FlaskClient, bodies: list[bytes], count: int, tally: SqlTally,
            start: int = 0) -> None:
    for index in range(start, start + count):
        tally.phase = "BAPI"
        created = _post(client, bodies[index % len(bodies)])
        if _DOCUMENT.search(created) is None:
            raise RuntimeError(f"no document number: {created[:500]!r}")
        tally.phase = "COMMIT"
        _post(client, COMMIT)
    tally.phase = "other"


def _timed_rounds(client: FlaskClient, bodies: list[bytes], options: argparse.Namespace,
                  tally: SqlTally) -> list[float]:
    """CPU seconds per order of each extra round (none unless ``--rounds`` > 1)."""
    if options.rounds <= 1:
        return []
    cpu_per_order = []
    for _ in range(options.rounds):
        started = time.process_time()
        _orders(client, bodies, options.orders, tally, start=WARM_UP_ORDERS)
        cpu_per_order.append((time.process_time() - started) / options.orders)
    return cpu_per_order


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_orders",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=500, help="measured orders")
    parser.add_argument("--top", type=int, default=35, help="rows of the profile shown")
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"),
                        help="order of the profile's rows (tottime: where the CPU is spent)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="rounds of --orders orders, timed each (best and median shown)")
    parser.add_argument("--no-profile", action="store_true",
                        help="only count and time (no cProfile overhead)")
    parser.add_argument("--number-buffers", default="", metavar="SETTING",
                        help="FAKE_SAP_NUMBER_BUFFERS for the run, e.g. RV_BELEG=100")
    parser.add_argument("--db-url", default="", metavar="URL",
                        help="an empty database to run on instead of a scratch SQLite file")
    options = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="fake-sap-profile-"))
    try:
        with _app(folder, options.number_buffers, options.db_url) as (client, db):
            master = _seed(client)
            outlets, materials = master["outlets"], master["materials"]
            bodies = [order_request(outlets[i % len(outlets)], material)
                      for i, material in enumerate(materials)]
            tally = SqlTally()
            _orders(client, bodies, WARM_UP_ORDERS, tally)
            # timed without the statement events: while anything listens for them, the
            # driver statements of the fast path go through SQLAlchemy (see fastpath.driver)
            rounds = _timed_rounds(client, bodies, options, tally)
            _watch(db, tally)
            profile = None if options.no_profile else cProfile.Profile()
            started = time.process_time()
            if profile is not None:
                profile.enable()
            _orders(client, bodies, options.orders, tally, start=WARM_UP_ORDERS)
            if profile is not None:
                profile.disable()
            cpu = time.process_time() - started
        _report(tally, options.orders, cpu, profile is not None, db.engine.dialect.name)
        if rounds:
            print(f"  CPU over {len(rounds)} rounds of {options.orders} orders: best "
                  f"{1000 * min(rounds):.2f} ms, median {1000 * statistics.median(rounds):.2f}"
                  " ms per order (no profiler)")
        if profile is not None:
            pstats.Stats(profile).sort_stats(options.sort).print_stats(options.top)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _report(tally: SqlTally, orders: int, cpu: float, profiled: bool, dialect: str) -> None:
    print(f"{orders} committed orders (BAPI_SALESORDER_CREATEFROMDAT2 + "
          f"BAPI_TRANSACTION_COMMIT, one SAP session, in-process test client, {dialect})")
    for phase in ("BAPI", "COMMIT"):
        print(f"  {phase:<6}: {tally.statements[phase] / orders:5.1f} statements, "
              f"{tally.transactions[phase] / orders:4.1f} transactions per order")
    resets = sum(tally.resets.values()) / orders
    if resets:
        print(f"  pool  : {resets:4.1f} connection resets (driver rollbacks) per order")
    total = sum(tally.statements.values()) / orders
    print(f"  total : {total:5.1f} statements, "
          f"{sum(tally.transactions.values()) / orders:4.1f} transactions per order")
    note = " (under cProfile: inflated)" if profiled else ""
    print(f"  CPU   : {1000 * cpu / orders:.2f} ms per order{note}")
    print("statements per order, by text:")
    for text, count in tally.texts.most_common():
        print(f"  {count / orders:4.1f}  {text}")


if __name__ == "__main__":
    main()
