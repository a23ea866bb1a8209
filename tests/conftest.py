"""Shared fixtures: one real ``fake-sap serve`` process per test session, a fresh SAP
client per test (so tests never see each other's data)."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from run_all_process import RunAllProcess
from unit.isolation import no_process_or_socket
from worker_databases import configure_worker, unconfigure_worker

from fake_sap.testing.process import FakeSapProcess, SapClient

# a stand-alone project that uses the pytest plugin; test_pytest_plugin.py runs it on its own
collect_ignore = ["sample_project"]


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``pytest -m unit`` imports only the modules that use the ``unit`` marker: importing the
    others (and building their schemathesis and hypothesis tests) would cost more than running
    every unit test. Any other selection collects everything."""
    if config.option.markexpr.strip() != "unit" or collection_path.suffix != ".py" \
            or not collection_path.name.startswith("test_"):
        return None
    return "mark.unit" not in collection_path.read_text(encoding="utf-8")


# --- pytest-xdist ---------------------------------------------------------------------------
# ``make test`` runs the suite with ``-n ... --dist loadfile``: every worker is a session of
# its own (its own ``fake-sap serve``, temporary folders, browser) and runs whole files, so
# a module fixture starts once and a file's tests run in their order. Each worker also gets
# databases of its own (worker_databases.py).

#: the Gherkin scenarios are all in one file (about 90 s of tests); each builds its own landscape
#: (function fixtures only: the autouse ``connected``), so they are spread one by one
SPREAD_ONE_BY_ONE = "features/"


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # before xdist's own; xdist may be off
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadfile``, but the tests under :data:`SPREAD_ONE_BY_ONE` go to whichever
    worker is free, one at a time."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LoadFileButSpreadScenarios(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid if nodeid.startswith(SPREAD_ONE_BY_ONE) else super()._split_scope(
                nodeid)

    return LoadFileButSpreadScenarios(config, log)


def pytest_configure(config: pytest.Config) -> None:
    configure_worker(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    unconfigure_worker(config)


# A test marked ``unit`` starts no process and opens no socket, not even through a fixture
# (the session's ``fake-sap serve`` below). Setup and call are guarded, teardown is not: the
# last test of a run also tears down the session's servers.

@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, object, object]:
    return (yield from _isolated_when_unit(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    return (yield from _isolated_when_unit(item))


def _isolated_when_unit(item: pytest.Item) -> Generator[None, object, object]:
    if item.get_closest_marker("unit") is None:
        return (yield)
    with no_process_or_socket(item.nodeid):
        return (yield)


def _database_url(folder: Path) -> str:
    """SQLite by default; FAKE_SAP_TEST_DB_URL runs the suite against PostgreSQL."""
    return os.environ.get("FAKE_SAP_TEST_DB_URL") or f"sqlite:///{folder / 'sap.db'}"


@pytest.fixture(scope="session")
def sap_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    folder = tmp_path_factory.mktemp("fake-sap")
    server = FakeSapProcess.start(
        _database_url(folder), log=folder / "fake-sap.log",
        # fast retries so that retry behaviour is observable within a test
        env={"FAKE_SAP_RETRY_BASE_SECONDS": "0.2", "FAKE_SAP_DISPATCH_POLL_SECONDS": "0.1"},
        extra_args=["--max-body-mb", "8"],
    )
    yield server
    server.stop()


@pytest.fixture
def sap(sap_server: FakeSapProcess) -> SapClient:
    """A fresh, empty SAP client with baseline customizing on the shared server."""
    return sap_server.new_client()


@pytest.fixture(scope="module")
def run_all(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunAllProcess]:
    """``make run``: fake-sap, the CRM adapter and its worker, wired, demo data passed."""
    launched = RunAllProcess.start(tmp_path_factory.mktemp("var"))
    yield launched
    launched.stop()
