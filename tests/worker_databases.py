"""A database of its own for every pytest-xdist worker.

The suite's session server (``sap_server``) and a few module fixtures run on the database
``FAKE_SAP_TEST_DB_URL`` names, and the adapter's store fixtures empty the one
``CRM_ADAPTER_TEST_DB_URL`` names before every test. Workers sharing one of them would see
each other's clients and empty each other's stores, so under xdist each worker points the
variable at a database of its own: ``<database>_<worker>`` (``fake_sap_test_gw0``) on the
same PostgreSQL server, created empty when the worker starts and dropped when it ends, or
``<file>_<worker>.db`` next to a SQLite file. Subprocesses the tests start inherit the
rewritten variables. A run without xdist uses the databases as given.

The migration tests need none: they create (and drop) a database with a random name per
test on the server of ``FAKE_SAP_TEST_PG_URL`` (see ``migration_stores.fresh_database``).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, text
from sqlalchemy.engine import make_url

#: the variables naming a database the suite writes to, which each worker gets one of its own of
SHARED_DATABASE_VARIABLES = ("FAKE_SAP_TEST_DB_URL", "CRM_ADAPTER_TEST_DB_URL")
#: PostgreSQL's longest identifier (longer names are cut, and two workers could collide)
MAX_NAME_LENGTH = 63


def worker_database_name(database: str, worker: str) -> str:
    """``fake_sap_test`` of worker ``gw3``: ``fake_sap_test_gw3`` (the worker's id is kept
    whole when the name has to be shortened)."""
    suffix = f"_{worker}"
    return database[:MAX_NAME_LENGTH - len(suffix)] + suffix


def worker_url(url: URL, worker: str) -> URL:
    """The URL of the worker's own database in place of the one ``url`` names."""
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return url  # in memory: every process has its own anyway
        path = Path(url.database)
        return url.set(database=str(path.with_name(f"{path.stem}_{worker}{path.suffix}")))
    return url.set(database=worker_database_name(url.database or "", worker))


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


@dataclass
class WorkerDatabases:
    """The PostgreSQL databases made for one worker (dropped when it ends)."""

    worker: str
    #: (the database given, the worker's own) of every PostgreSQL database made
    created: list[tuple[URL, URL]] = field(default_factory=list)

    def point_variables_at_own_databases(self, environ: MutableMapping[str, str]) -> None:
        """Rewrite every variable of :data:`SHARED_DATABASE_VARIABLES` that is set to the
        worker's own database; a PostgreSQL one is created empty (dropped first if a killed
        run left it behind). Two variables naming one database get one database."""
        own: dict[str, str] = {}
        for variable in SHARED_DATABASE_VARIABLES:
            given = environ.get(variable)
            if not given:
                continue
            if given not in own:
                mine = worker_url(make_url(given), self.worker)
                if mine.get_backend_name() == "postgresql":
                    self._create(make_url(given), mine)
                own[given] = _render(mine)
            environ[variable] = own[given]

    def _create(self, given: URL, mine: URL) -> None:
        # connected to the given database, which exists; CREATE DATABASE cannot run in a
        # transaction
        admin = create_engine(given, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{mine.database}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{mine.database}"'))
        finally:
            admin.dispose()
        self.created.append((given, mine))

    def drop(self) -> None:
        """Drop the worker's databases (connected to the ones they stand in for)."""
        for given, mine in self.created:
            admin = create_engine(given, isolation_level="AUTOCOMMIT")
            try:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{mine.database}" WITH (FORCE)'))
            finally:
                admin.dispose()
        self.created.clear()


WORKER_DATABASES = pytest.StashKey[WorkerDatabases]()


def configure_worker(config: pytest.Config) -> None:
    """``pytest_configure``: on an xdist worker, point the variables at its own databases."""
    if hasattr(config, "workerinput"):  # an xdist worker (the controller runs no test)
        databases = WorkerDatabases(os.environ["PYTEST_XDIST_WORKER"])
        databases.point_variables_at_own_databases(os.environ)
        config.stash[WORKER_DATABASES] = databases


def unconfigure_worker(config: pytest.Config) -> None:
    """``pytest_unconfigure``: drop the worker's databases (its servers have stopped)."""
    databases = config.stash.get(WORKER_DATABASES, None)
    if databases is not None:
        databases.drop()
