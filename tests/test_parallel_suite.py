"""``make test`` runs the suite under pytest-xdist: each worker gets databases of its own
(tests/worker_databases.py), created when it starts and, on PostgreSQL, dropped when it
ends. Checked with a real xdist run of two workers, on the suite's database (PostgreSQL when
``FAKE_SAP_TEST_DB_URL`` names one, else a SQLite file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

pytest_plugins = ["pytester"]

TESTS = Path(__file__).resolve().parent

WORKER_CONFTEST = """
from worker_databases import configure_worker, unconfigure_worker


def pytest_configure(config):
    configure_worker(config)


def pytest_unconfigure(config):
    unconfigure_worker(config)
"""

WORKER_TEST = """
import os
from pathlib import Path

from sqlalchemy import create_engine, text


def test_the_worker_writes_to_a_database_of_its_own():
    url = os.environ["FAKE_SAP_TEST_DB_URL"]
    assert os.environ["CRM_ADAPTER_TEST_DB_URL"] == url  # one database for both
    engine = create_engine(url)
    with engine.begin() as conn:  # fails if another worker had made the table
        conn.execute(text("CREATE TABLE made_by_one_worker (worker VARCHAR(8))"))
    engine.dispose()
    (Path(os.environ["SEEN"]) / os.environ["PYTEST_XDIST_WORKER"]).write_text(url)
"""


def test_every_xdist_worker_gets_a_database_of_its_own_and_drops_it(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    suite_db = os.environ.get("FAKE_SAP_TEST_DB_URL", "")
    on_postgres = suite_db.startswith("postgresql")
    given = suite_db if on_postgres else f"sqlite:///{tmp_path / 'given.db'}"
    seen = tmp_path / "seen"
    seen.mkdir()
    for variable in ("FAKE_SAP_TEST_DB_URL", "CRM_ADAPTER_TEST_DB_URL"):
        monkeypatch.setenv(variable, given)
    monkeypatch.setenv("SEEN", str(seen))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(TESTS), *filter(None, [os.environ.get("PYTHONPATH")])]))
    # only the plugins this run needs: xdist workers then start in a fraction of the time
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest(WORKER_CONFTEST)
    pytester.makepyfile(test_worker=WORKER_TEST)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "xdist.plugin",
                                           "-n", "2", "--dist", "each")

    result.assert_outcomes(passed=2)
    used = {path.name: make_url(path.read_text()) for path in seen.iterdir()}
    assert sorted(used) == ["gw0", "gw1"]
    base = make_url(given)
    if on_postgres:
        assert [url.database for url in used.values()] == [
            f"{base.database}_gw0", f"{base.database}_gw1"]
        engine = create_engine(base)
        try:
            with engine.connect() as conn:
                left = conn.execute(text("SELECT datname FROM pg_database WHERE datname IN "
                                         "(:gw0, :gw1)"), {name: url.database for name, url
                                                            in used.items()}).all()
        finally:
            engine.dispose()
        assert left == []
    else:
        assert [url.database for url in used.values()] == [
            str(tmp_path / "given_gw0.db"), str(tmp_path / "given_gw1.db")]
