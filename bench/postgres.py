"""A PostgreSQL database for a benchmark, and what its server did: CPU and statements.

The server is the one ``FAKE_SAP_TEST_PG_URL`` names, when set (a fresh database on it,
dropped afterwards), or else a throw-away server started the way ``.ci/postgres.sh`` starts
the test suite's: Debian's PostgreSQL (installed with apt-get when missing and allowed),
``initdb`` into a temporary folder, a free port, ``fsync=off``. The throw-away server also
loads ``pg_stat_statements``, so statements can be counted per document.

Counting: ``pg_stat_statements`` where the server has it loaded (the sum of ``calls`` in
the benchmark's database; utility statements such as BEGIN and COMMIT are tracked too, and
the COMMITs and ROLLBACKs among them are the transactions), else ``pg_stat_database``'s
committed plus rolled-back transactions, without statements. CPU: the server's processes
from ``/proc`` (the postmaster, its live children and the children it has reaped), where
the server runs on this machine.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine

from bench.processes import tree_cpu_seconds
from fake_sap.testing.process import free_port

URL_ENV = "FAKE_SAP_TEST_PG_URL"
#: an idle backend publishes its counters to pg_stat_database within PGSTAT_IDLE_INTERVAL
#: (10 s in PostgreSQL 15's pgstat.c)
STATS_IDLE_FLUSH_SECONDS = 11.0


@dataclass
class Counters:
    """What the server has done in the benchmark's database so far."""

    transactions: int
    #: None where pg_stat_statements is not loaded
    statements: int | None
    #: None where the server's processes are not visible in /proc
    cpu_seconds: float | None


@dataclass
class Database:
    url: str
    #: None where the server runs elsewhere (another machine, another container)
    postmaster_pid: int | None
    statements_available: bool
    _engine: Engine

    def counters(self) -> Counters:
        """What the server has done so far. pg_stat_statements counts each statement as it
        ends; without it, transactions come from pg_stat_database, which an idle backend
        updates only after up to PGSTAT_IDLE_INTERVAL, so that reading waits."""
        with self._engine.connect() as conn:
            if self.statements_available:
                statements, transactions = conn.execute(text(
                    "SELECT coalesce(sum(calls), 0), coalesce(sum(calls) FILTER (WHERE "
                    "query ~* '^\\s*(commit|rollback|end|abort)\\M'), 0) "
                    "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                    "WHERE d.datname = current_database()")).one()
            else:
                threading.Event().wait(STATS_IDLE_FLUSH_SECONDS)
                conn.execute(text("SELECT pg_stat_clear_snapshot()"))
                statements, transactions = None, conn.execute(text(
                    "SELECT xact_commit + xact_rollback FROM pg_stat_database "
                    "WHERE datname = current_database()")).scalar_one()
            conn.rollback()
        cpu = tree_cpu_seconds(self.postmaster_pid) if self.postmaster_pid else None
        return Counters(int(transactions), None if statements is None else int(statements),
                        cpu)


@contextmanager
def database() -> Iterator[Database]:
    """A fresh database: on ``FAKE_SAP_TEST_PG_URL``'s server, else on a throw-away one."""
    given = os.environ.get(URL_ENV)
    if given:
        yield from _fresh_database(given)
        return
    with _throw_away_server() as server_url:
        yield from _fresh_database(server_url)


def _fresh_database(server_url: str) -> Iterator[Database]:
    server = make_url(server_url)
    name = f"fake_sap_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = server.set(database=name)
        engine = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)
        try:
            yield Database(url.render_as_string(hide_password=False),
                           _postmaster_pid(engine), _enable_statements(engine), engine)
        finally:
            engine.dispose()
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _enable_statements(engine: Engine) -> bool:
    """pg_stat_statements in this database, where the server preloads its library."""
    with engine.connect() as conn:
        preloaded = conn.execute(text("SHOW shared_preload_libraries")).scalar_one()
        if "pg_stat_statements" not in str(preloaded):
            return False
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
    return True


def _postmaster_pid(engine: Engine) -> int | None:
    """Our backend's parent is the postmaster, if the server runs on this machine."""
    with engine.connect() as conn:
        backend = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        address = conn.execute(text("SELECT inet_server_addr()")).scalar_one()
    stat = Path(f"/proc/{backend}/stat")
    # a Unix socket has no address; psycopg answers an inet value as an ipaddress object
    if address is not None and str(address) not in ("127.0.0.1", "::1") or not stat.exists():
        return None
    return int(stat.read_text().rsplit(")", 1)[1].split()[1])


# -- a throw-away server, as .ci/postgres.sh starts one -----------------------------------------

def bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                   key=lambda p: [int(x) for x in p.parent.name.split(".") if x.isdigit()])
    return found[-1] if found else None


def install() -> Path | None:
    """Debian's PostgreSQL, installed as .ci/postgres.sh does when it is missing."""
    if bin_dir() is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], env=env,
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return bin_dir()


@contextmanager
def _throw_away_server() -> Iterator[str]:
    binaries = install()
    if binaries is None:
        raise Unavailable(f"no PostgreSQL: set {URL_ENV} or install Debian's postgresql")
    folder = Path(tempfile.mkdtemp(prefix="fake-sap-bench-pg-"))
    data, port = folder / "data", free_port()
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres")
    try:
        _as_postgres([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A",
                      "trust", "-E", "UTF8"])
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=200 -c fsync=off "
                   "-c shared_preload_libraries=pg_stat_statements")
        _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                      "-w", "-o", options, "start"])
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _as_postgres(command: list[str]) -> None:
    if os.geteuid() == 0:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


class Unavailable(RuntimeError):
    """No PostgreSQL server can be had on this machine."""
