"""The SQLite writers' queue (:mod:`store_engines.writers_queue`) across real processes: a
writer in another process waits for its turn and gets it before a writer that asks again
later, and a writer that died in its turn blocks nobody. (The unit tests of the queue,
with threads, are in tests/unit/test_store_engines.py.)"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from store_engines.writers_queue import WritersQueue


def _queued(queue_dir: Path) -> int:
    """How many writers hold a ticket (the one whose turn it is among them)."""
    return len([name for name in os.listdir(queue_dir) if name != "tickets"])


def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, "the writer never queued"
        time.sleep(0.001)


def test_a_writer_in_another_process_waits_for_its_turn_and_gets_it(tmp_path: Path) -> None:
    queue = WritersQueue(str(tmp_path / "store.db.writelock"))
    queue_dir = tmp_path / "store.db.writelock.queue"
    log = tmp_path / "order"
    with queue.turn():
        pid = os.fork()
        if pid == 0:  # the other process: its own handles (not the parent's), its own turn
            try:
                with queue.turn(), open(log, "a") as order:
                    order.write("child\n")
            finally:
                os._exit(0)
        _wait_until(lambda: _queued(queue_dir) == 2)
        with open(log, "a") as order:
            order.write("parent\n")
    with queue.turn(), open(log, "a") as order:  # queues behind the child if it is still in
        order.write("parent again\n")
    os.waitpid(pid, 0)

    assert log.read_text().splitlines() == ["parent", "child", "parent again"]


def test_a_writer_that_died_holding_its_ticket_blocks_nobody(tmp_path: Path) -> None:
    queue = WritersQueue(str(tmp_path / "store.db.writelock"))
    queue_dir = tmp_path / "store.db.writelock.queue"
    pid = os.fork()
    if pid == 0:  # takes its turn and dies in it, leaving its ticket file behind
        turn = queue.turn()  # kept: a collected generator would end the turn
        turn.__enter__()
        os._exit(0)
    os.waitpid(pid, 0)
    assert _queued(queue_dir) == 1
    with queue.turn():
        pass
    assert _queued(queue_dir) == 0
