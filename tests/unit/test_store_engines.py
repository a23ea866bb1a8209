"""What both stores' engines share (:mod:`store_engines`).

The SQLite writers' queue: one writer at a time, across the threads of a process and across
processes; the lock is held while a write runs and free again once it ends (each thread keeps
its handles between writes); writers get their turns in the order they asked, so a writer
that writes again at once queues behind one already waiting; a write inside a write of the
same thread does not wait for itself; a database without a file of its own has no lock file.

The idle ping: a pooled connection to a database server is tested (``SELECT 1``) before use
only when it has lain idle in the pool: one used a moment ago is not, and one that fails the
test is replaced before the caller gets it."""

from __future__ import annotations

import errno
import fcntl
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from writers_queue_waits import queued, wait_until

from crm_adapter.store.engine import Database as CrmDatabase
from fake_sap.db.engine import Database as SapDatabase
from store_engines.disk_errors import DiskTrouble, disk_trouble
from store_engines.idle_ping import ping_when_idle
from store_engines.writers_queue import WritersQueue, lock_path_of

pytestmark = pytest.mark.unit

AnyDatabase = SapDatabase | CrmDatabase
ENGINES: list[Callable[[str], AnyDatabase]] = [SapDatabase, CrmDatabase]


def _database(make: Callable[[str], AnyDatabase], path: Path) -> AnyDatabase:
    db = make(f"sqlite:///{path}")
    with db.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    return db


def _lock_is_free(lock_path: Path) -> bool:
    """What another process sees: its own open of the lock file, tried without waiting."""
    with open(lock_path, "a+b") as other:
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(other, fcntl.LOCK_UN)
        return True


# --- the writers' queue through both engines ------------------------------------------------

@pytest.mark.parametrize("make", ENGINES)
def test_a_write_holds_the_lock_for_other_processes_and_frees_it_when_it_ends(
        make: Callable[[str], AnyDatabase], tmp_path: Path) -> None:
    db = _database(make, tmp_path / "store.db")
    lock_path = tmp_path / "store.db.writelock"

    for _ in range(2):  # the second write reuses the handles the first one opened
        with db.write() as conn:
            conn.execute(text("INSERT INTO t VALUES ('a')"))
            assert not _lock_is_free(lock_path)
        assert _lock_is_free(lock_path)
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 2
    # at rest the queue holds its ticket counter only
    assert os.listdir(tmp_path / "store.db.writelock.queue") == ["tickets"]
    db.dispose()


@pytest.mark.parametrize("make", ENGINES)
def test_a_thread_waits_while_another_thread_of_the_process_writes(
        make: Callable[[str], AnyDatabase], tmp_path: Path) -> None:
    db = _database(make, tmp_path / "store.db")
    first_writing, second_trying = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with db.write() as conn:
            first_writing.set()
            second_trying.wait(timeout=30)
            conn.execute(text("INSERT INTO t VALUES ('first')"))
            order.append("first done")

    def second() -> None:
        first_writing.wait(timeout=30)
        second_trying.set()
        with db.write() as conn:
            order.append("second in")
            conn.execute(text("INSERT INTO t VALUES ('second')"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert order == ["first done", "second in"]
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 2
    db.dispose()


@pytest.mark.parametrize("make", ENGINES)
def test_a_write_inside_a_write_of_the_same_thread_does_not_wait_for_itself(
        make: Callable[[str], AnyDatabase], tmp_path: Path) -> None:
    db = _database(make, tmp_path / "store.db")
    with db.write() as outer:
        outer.execute(text("INSERT INTO t VALUES ('a')"))
        with db.writers.turn():  # would wait forever if it queued behind the outer write
            assert not _lock_is_free(tmp_path / "store.db.writelock")
    assert _lock_is_free(tmp_path / "store.db.writelock")
    db.dispose()


@pytest.mark.parametrize("make", ENGINES)
@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_writes_without_a_lock_file(
        make: Callable[[str], AnyDatabase], url: str) -> None:
    db = make(url)
    with db.write() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
        conn.execute(text("INSERT INTO t VALUES ('a')"))
    assert db.writers.lock_path is None
    db.dispose()


def test_a_database_file_s_lock_lies_beside_it() -> None:
    assert lock_path_of("/data/sap.db") == "/data/sap.db.writelock"
    assert lock_path_of("") is None


# --- the order of the turns -----------------------------------------------------------------

def test_writers_get_their_turns_in_the_order_they_asked(tmp_path: Path) -> None:
    queue = WritersQueue(str(tmp_path / "store.db.writelock"))
    queue_dir = tmp_path / "store.db.writelock.queue"
    entered: list[str] = []

    def writer(name: str) -> None:
        with queue.turn():
            entered.append(name)

    threads: list[threading.Thread] = []
    with queue.turn():
        for number, name in enumerate(["first", "second", "third", "fourth"], start=1):
            thread = threading.Thread(target=writer, args=(name,))
            thread.start()
            threads.append(thread)
            wait_until(lambda number=number: queued(queue_dir) == number)  # type: ignore[misc]
    for thread in threads:
        thread.join(timeout=60)

    # with a bare flock the kernel wakes every waiter and the first to run wins
    assert entered == ["first", "second", "third", "fourth"]


def test_a_waiting_writer_gets_its_turn_while_another_keeps_writing(tmp_path: Path) -> None:
    """A writer committing turn after turn (a mass creation, packet after packet) lets one
    already waiting in at its next release, instead of taking the lock straight back."""
    queue = WritersQueue(str(tmp_path / "store.db.writelock"))
    queue_dir = tmp_path / "store.db.writelock.queue"
    entered: list[str] = []

    def waiter() -> None:
        with queue.turn():
            entered.append("waiter")

    thread = threading.Thread(target=waiter)
    for turn in range(5):  # asking again the moment each turn ends
        with queue.turn():
            entered.append("busy")
            if turn == 0:
                thread.start()
                wait_until(lambda: queued(queue_dir) == 1)
    thread.join(timeout=60)

    assert entered[:3] == ["busy", "waiter", "busy"]


# --- the idle ping --------------------------------------------------------------------------

def engine_with_pings(tmp_path: Path, idle_seconds: float, fail_first: bool = False
                      ) -> tuple[Engine, list[Any]]:
    engine = create_engine(f"sqlite:///{tmp_path / 'pool.db'}", pool_size=1)
    pinged: list[Any] = []

    def do_ping(dbapi_connection: Any) -> bool:
        pinged.append(dbapi_connection)
        if fail_first and len(pinged) == 1:
            raise ConnectionError("server closed the connection unexpectedly")
        return True

    engine.dialect.do_ping = do_ping  # type: ignore[method-assign]
    ping_when_idle(engine, idle_seconds)
    return engine, pinged


def driver_connection(engine: Engine) -> Any:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        return conn.connection.dbapi_connection


def test_a_new_or_recently_used_connection_is_not_tested(tmp_path: Path) -> None:
    engine, pinged = engine_with_pings(tmp_path, idle_seconds=3600)
    first, second = driver_connection(engine), driver_connection(engine)
    engine.dispose()
    assert first is second and pinged == []


def test_an_idle_connection_is_tested_before_use(tmp_path: Path) -> None:
    engine, pinged = engine_with_pings(tmp_path, idle_seconds=0)
    first = driver_connection(engine)  # new: not tested
    second = driver_connection(engine)
    engine.dispose()
    assert second is first and pinged == [first]


def test_a_connection_failing_its_test_is_replaced(tmp_path: Path) -> None:
    engine, pinged = engine_with_pings(tmp_path, idle_seconds=0, fail_first=True)
    first = driver_connection(engine)
    second = driver_connection(engine)
    engine.dispose()
    assert pinged == [first] and second is not first


# --- disk errors ----------------------------------------------------------------------------

@pytest.mark.parametrize(("number", "trouble"), [
    (errno.ENOSPC, DiskTrouble.FULL), (errno.EDQUOT, DiskTrouble.FULL),
    (errno.EROFS, DiskTrouble.READ_ONLY), (errno.EACCES, DiskTrouble.READ_ONLY),
    (errno.EIO, DiskTrouble.IO), (errno.EBADF, None)])
def test_an_os_error_names_the_disk_trouble_behind_it(number: int,
                                                      trouble: DiskTrouble | None) -> None:
    assert disk_trouble(OSError(number, os.strerror(number))) is trouble


def test_an_os_error_without_a_number_is_no_disk_trouble() -> None:
    assert disk_trouble(OSError("no number")) is None
