"""The benchmark harness against real processes: mock-sap, the peer of ``make bench``,
started as the benchmarks start it, takes the same single-MATMAS05 stream and the same
order envelopes as fake-sap, and counts what it stored; PostgreSQL's counters for the
two-process benchmark grow with the statements run."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from bench import load, mock_sap, postgres
from bench.bapi_orders import OrderLoad, cycle, order_request
from bench.processes import cpu_seconds

SECONDS = 1.0


def test_mock_sap_files_every_single_idoc_of_the_stream_in_status_53() -> None:
    with mock_sap.running() as peer:
        before = mock_sap.idoc_count(peer.url)
        result = load.run_python(peer.url, 1_000, load.LoadSettings(connections=2,
                                                                    seconds=SECONDS),
                                 mock_sap.IDOC_PATH)
        assert result.sent > 0
        assert result.failed == result.socket_errors == 0
        assert mock_sap.idoc_count(peer.url) - before == result.sent
        assert cpu_seconds(peer.pid) > 0


def test_mock_sap_stores_every_order_the_soap_load_commits() -> None:
    with mock_sap.running() as peer:
        customers, products = mock_sap.master_data(peer.url)
        assert customers and products
        bodies = [order_request(sold_to, material) for sold_to, material in
                  zip(cycle(customers, 10), cycle(products, 10), strict=True)]
        before = mock_sap.sales_order_count(peer.url)
        result = OrderLoad(peer.url, bodies, 2, mock_sap.BAPI_SOAP_PATH).run(
            SECONDS, lambda: cpu_seconds(peer.pid))
        assert result.failures == []
        assert result.committed
        assert mock_sap.sales_order_count(peer.url) - before == len(result.committed)


def test_the_benchmark_database_counts_transactions_statements_and_server_cpu() -> None:
    with postgres.database() as database:
        engine = create_engine(database.url)
        try:
            before = database.counters()
            with engine.connect() as conn:
                for _ in range(20):
                    conn.execute(text("SELECT 1"))
                    conn.commit()
            after = database.counters()
        finally:
            engine.dispose()
    assert after.transactions - before.transactions >= 20
    if database.statements_available:  # the throw-away server loads pg_stat_statements
        assert after.statements is not None and before.statements is not None
        assert after.statements - before.statements >= 20
    if database.postmaster_pid is not None:  # the server runs on this machine
        assert after.cpu_seconds is not None and before.cpu_seconds is not None
        assert after.cpu_seconds >= before.cpu_seconds
