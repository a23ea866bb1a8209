"""The SQLite writers' queue (:mod:`store_engines.writers_queue`) across real processes: a
writer in another process waits for its turn and gets it before a writer that asks again
later, and a writer that died in its turn, or while waiting for it, blocks nobody. (The
unit tests of the queue, with threads, are in tests/unit/test_store_engines.py.)"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from writers_queue_waits import queued, wait_until

from store_engines.writers_queue import WritersQueue


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
        wait_until(lambda: queued(queue_dir) == 1)
        with open(log, "a") as order:
            order.write("parent\n")
    with queue.turn(), open(log, "a") as order:  # queues behind the child if it is still in
        order.write("parent again\n")
    os.waitpid(pid, 0)

    assert log.read_text().splitlines() == ["parent", "child", "parent again"]


def _takes_a_turn_soon(queue: WritersQueue) -> bool:
    """Whether a turn comes within 30 seconds (in a thread, so that a stuck queue fails the
    test instead of hanging it)."""
    thread = threading.Thread(target=_one_turn, args=(queue,), daemon=True)
    thread.start()
    thread.join(timeout=30)
    return not thread.is_alive()


def _one_turn(queue: WritersQueue) -> None:
    with queue.turn():
        pass


def _counters(queue_dir: Path) -> tuple[int, int]:
    """The next ticket and the first one not served."""
    raw = (queue_dir / "tickets").read_bytes().ljust(16, b"\0")
    return int.from_bytes(raw[:8], "big"), int.from_bytes(raw[8:16], "big")


def test_a_writer_that_died_in_its_turn_blocks_nobody(tmp_path: Path) -> None:
    queue = WritersQueue(str(tmp_path / "store.db.writelock"))
    queue_dir = tmp_path / "store.db.writelock.queue"
    pid = os.fork()
    if pid == 0:  # takes its turn and dies in it
        turn = queue.turn()  # kept: a collected generator would end the turn
        turn.__enter__()
        os._exit(0)
    os.waitpid(pid, 0)
    assert _counters(queue_dir) == (1, 0)  # its ticket never served

    assert _takes_a_turn_soon(queue)
    assert _counters(queue_dir) == (2, 2)  # the record is whole again
    assert queued(queue_dir) == 0


def test_a_writer_that_died_waiting_for_its_turn_blocks_nobody(tmp_path: Path) -> None:
    queue = WritersQueue(str(tmp_path / "store.db.writelock"))
    queue_dir = tmp_path / "store.db.writelock.queue"
    with queue.turn():
        pid = os.fork()
        if pid == 0:  # queues (a waiting thread), then dies, leaving its ticket file
            try:
                threading.Thread(target=_one_turn, args=(queue,), daemon=True).start()
                wait_until(lambda: queued(queue_dir) == 1)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        assert queued(queue_dir) == 1

    assert _takes_a_turn_soon(queue)
    assert queued(queue_dir) == 0
