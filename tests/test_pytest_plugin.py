"""The pytest plugin as another project meets it: installed with the distribution, its
fixtures there without any import or conftest.

``tests/sample_project`` is such a project (its own pytest configuration, application code
and tests, nothing from this repository's tests); it runs here from a copy in a temporary
directory, so this repository's conftest.py cannot reach it. The main run does not collect
it (``collect_ignore`` in tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

# pytester's in-process runs drop the modules a run imported first; httpx imports httpcore
# lazily and keeps its exception classes, so httpcore must be loaded before any run. The same
# holds for the SAP client: a later run would import its error classes anew while the
# connection raises the first run's, and `pytest.raises` would not recognise them
import httpcore  # noqa: F401
import pytest
from sqlalchemy import create_engine, inspect, select

import sap_client.errors  # noqa: F401
import sap_client.rfc  # noqa: F401
from fake_sap.db.schema import clients
from fake_sap.testing.process import FakeSapProcess, SapClient
from fake_sap.testing.pytest_plugin import FakeSap, FakeSapServer, database_url, worker_count

pytest_plugins = ["pytester"]

SAMPLE_PROJECT = Path(__file__).parent / "sample_project"
#: the sample project's tests (one of them runs twice, parametrized)
SAMPLE_TESTS = 7
QUIET = ("-p", "no:cacheprovider", "-q")


@pytest.fixture
def sample_project(pytester: pytest.Pytester) -> Path:
    shutil.copytree(SAMPLE_PROJECT, pytester.path, dirs_exist_ok=True)
    return pytester.path


# -- loading and options ---------------------------------------------------------------------

def test_the_distribution_registers_the_plugin_as_a_pytest11_entry_point():
    plugins = {e.name: e.value for e in entry_points(group="pytest11")}

    assert plugins.get("fake_sap") == "fake_sap.testing.pytest_plugin"


def test_a_project_that_installed_fake_sap_has_its_options(pytester: pytest.Pytester):
    result = pytester.runpytest("--help")

    result.stdout.fnmatch_lines(["*--fake-sap-db=URL*", "*--fake-sap-workers=N*"])


def test_the_control_token_option_is_offered(pytester: pytest.Pytester):
    result = pytester.runpytest("--help")

    result.stdout.fnmatch_lines(["*--fake-sap-control-token=TOKEN*"])


def test_a_run_that_uses_no_fake_sap_fixture_starts_no_emulator(pytester: pytest.Pytester):
    database = pytester.path / "never.db"
    pytester.makepyfile("def test_nothing_to_do_with_sap():\n    assert True\n")

    result = pytester.runpytest(*QUIET, "--fake-sap-db", f"sqlite:///{database}")

    result.assert_outcomes(passed=1)
    assert not database.exists()


def test_the_command_line_option_names_the_database(pytester: pytest.Pytester, monkeypatch):
    monkeypatch.setenv("FAKE_SAP_PYTEST_DB", "sqlite:///from-the-environment.db")

    config = pytester.parseconfig("--fake-sap-db", "postgresql+psycopg://sap@db/fake")

    assert database_url(config) == "postgresql+psycopg://sap@db/fake"


def test_the_environment_names_the_database_when_the_command_line_does_not(
        pytester: pytest.Pytester, monkeypatch):
    monkeypatch.setenv("FAKE_SAP_PYTEST_DB", "sqlite:///from-the-environment.db")

    assert database_url(pytester.parseconfig()) == "sqlite:///from-the-environment.db"


def test_without_a_database_the_emulator_gets_a_temporary_one(pytester: pytest.Pytester,
                                                              monkeypatch):
    monkeypatch.delenv("FAKE_SAP_PYTEST_DB", raising=False)

    assert database_url(pytester.parseconfig()) is None


def test_the_worker_count_comes_from_the_option_the_environment_or_the_default(
        pytester: pytest.Pytester, monkeypatch):
    monkeypatch.delenv("FAKE_SAP_PYTEST_WORKERS", raising=False)
    default = worker_count(pytester.parseconfig())
    monkeypatch.setenv("FAKE_SAP_PYTEST_WORKERS", "3")

    assert (default, worker_count(pytester.parseconfig()),
            worker_count(pytester.parseconfig("--fake-sap-workers", "1"))) == (2, 3, 1)


# -- the sample project ----------------------------------------------------------------------

def test_the_sample_project_passes_with_nothing_but_the_installed_plugin(
        pytester: pytest.Pytester, sample_project: Path):
    result = pytester.runpytest(*QUIET, "--fake-sap-workers", "1")

    result.assert_outcomes(passed=SAMPLE_TESTS)


GUARD_CHECK = """
import httpx


def test_the_emulator_requires_the_token(fake_sap_server):
    answer = httpx.get(fake_sap_server.url + "/_fake/clients")
    assert answer.status_code == 401
"""


@pytest.mark.parametrize("given_by", ["option", "environment"])
def test_with_a_control_token_the_emulator_requires_it_and_the_fixtures_send_it(
        pytester: pytest.Pytester, sample_project: Path, monkeypatch, given_by: str):
    pytester.makepyfile(test_guarded=GUARD_CHECK)
    options: tuple[str, ...] = ()
    if given_by == "option":
        monkeypatch.delenv("FAKE_SAP_CONTROL_TOKEN", raising=False)
        options = ("--fake-sap-control-token", "sample-token")
    else:
        monkeypatch.setenv("FAKE_SAP_CONTROL_TOKEN", "sample-token")

    result = pytester.runpytest(*QUIET, "--fake-sap-workers", "1", *options)

    result.assert_outcomes(passed=SAMPLE_TESTS + 1)


def test_the_emulator_leaves_a_database_it_was_given_as_it_found_it(
        pytester: pytest.Pytester, sample_project: Path, tmp_path: Path):
    given = os.environ.get("FAKE_SAP_TEST_DB_URL") or f"sqlite:///{tmp_path / 'given.db'}"

    result = pytester.runpytest(*QUIET, "--fake-sap-db", given, "--fake-sap-workers", "1",
                                "-k", "client_of_its_own")

    result.assert_outcomes(passed=2)
    engine = create_engine(given)
    with engine.connect() as conn:
        remaining = conn.execute(select(clients.c.description)).scalars().all()
    engine.dispose()
    assert "pytest (fake_sap fixture)" not in remaining
    assert "injected_faults" in inspect(create_engine(given)).get_table_names()


def test_each_xdist_worker_gets_an_emulator_of_its_own(pytester: pytest.Pytester,
                                                       monkeypatch, tmp_path: Path):
    # only the plugins this run needs: xdist workers then start in a fraction of the time
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setenv("SAMPLE_URLS", str(tmp_path))
    pytester.makepyfile("""
        import os
        from pathlib import Path

        def test_record_the_emulator(fake_sap):
            worker = os.environ["PYTEST_XDIST_WORKER"]
            (Path(os.environ["SAMPLE_URLS"]) / worker).write_text(fake_sap.url)
    """)

    result = pytester.runpytest(*QUIET, "-p", "xdist.plugin",
                                "-p", "fake_sap.testing.pytest_plugin", "-n", "2",
                                "--dist", "each", "--fake-sap-workers", "1")

    result.assert_outcomes(passed=2)
    urls = {path.name: path.read_text() for path in tmp_path.iterdir()}
    assert sorted(urls) == ["gw0", "gw1"]
    assert len(set(urls.values())) == 2


# -- handing out clients ---------------------------------------------------------------------

@pytest.fixture
def one_free_number(sap_server: FakeSapProcess) -> range:
    """The highest client number nobody uses on the session's server, as a range."""
    with sap_server.control() as http:
        taken = {int(c["client"]) for c in http.get("/_fake/clients").json()["clients"]}
    number = max(set(range(101, 1000)) - taken)
    return range(number, number + 1)


@pytest.fixture
def small_server(sap_server: FakeSapProcess, one_free_number: range,
                 tmp_path: Path) -> Iterator[FakeSapServer]:
    """Hands out clients of the session's server, but only one number."""
    server = FakeSapServer(sap_server, tmp_path / "log", shared_database=False,
                           numbers=one_free_number)
    yield server
    server.delete_created_clients()  # other tests may count on that number being free


def test_once_every_client_number_is_taken_a_released_client_is_reset_and_handed_out(
        small_server: FakeSapServer, sap_server: FakeSapProcess):
    first = small_server.acquire_client()
    used = FakeSap(small_server, first)
    used.post_idocs(used.material())
    small_server.release_client(first)

    second = small_server.acquire_client()

    assert second == first
    assert SapClient(sap_server, second).idocs() == []


def test_no_client_is_handed_out_while_every_number_is_in_use(small_server: FakeSapServer):
    small_server.acquire_client()

    with pytest.raises(RuntimeError, match="in use"):
        small_server.acquire_client()
