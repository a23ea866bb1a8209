"""SQLite writers of all threads and processes take the database in turns, first come
first served.

SQLite lets one writer at a time in; a writer that finds the database locked sleeps in
growing steps (up to 100 ms) and retries, so two busy processes mostly wait for each other.
A blocking ``flock`` on a file beside the database wakes a waiter the moment the lock is
free, but it is not fair: the kernel wakes every waiter and the first to run wins, and a
writer that writes again at once (a mass creation committing packet after packet) takes the
lock again within microseconds, before a woken process is even running. Here the writers
queue instead, like the customers at a counter who draw a ticket:

- ``<database>.writelock`` is held (``flock``) for the whole write by the writer whose turn
  it is;
- ``<database>.writelock.queue/tickets`` holds two counters: the next ticket, and the first
  ticket not yet served. A writer locks it just long enough to draw a ticket (and, at the
  end of its write, to record it served);
- a writer with nobody ahead takes the database lock at once. Any other creates and locks a
  file named after its ticket (``<database>.writelock.queue/<ticket>``) and waits for the
  lock of its predecessor's file, which the predecessor frees (and removes) when its write
  has ended; a predecessor without a file holds the database lock, so then it waits for
  that.

So the lock passes from each writer to the next in ticket order, and a writer alone costs a
few system calls, no file made. A writer that wants to write again draws a new ticket and
queues behind those already waiting. All of these are ``flock`` locks, which the kernel
frees when a process dies, so a crashed writer blocks nobody (its successor removes the file
it left). At rest the queue folder holds the ticket file only.

A ``flock`` belongs to the open file, not to the thread or the process: two threads sharing
one handle would both "hold" it. So each thread has its own handles (opened at its first
write and kept, so that a write does not open and close files), and a process forked from
this one opens its own rather than using its parent's.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_TICKET_BYTES = 8


def lock_path_of(database_file: str) -> str | None:
    """The writers' lock file of a SQLite database file; ``None`` for a database without a
    file of its own (in memory), whose writers are the threads of one process."""
    return f"{database_file}.writelock" if database_file else None


class WritersQueue:
    """The writers' turns on one SQLite database file (see the module text).

    ``turn()`` is a context manager: it waits for this writer's turn and holds it for the
    block. A turn inside a turn of the same thread does not queue again (it would wait for
    itself); a process forked inside a turn queues for its own. Without a lock path (an
    in-memory database) ``turn()`` does nothing.
    """

    def __init__(self, lock_path: str | None) -> None:
        self.lock_path = lock_path
        self._queue_dir = f"{lock_path}.queue" if lock_path else None
        self._held = threading.local()

    @contextmanager
    def turn(self) -> Iterator[None]:
        # the process holding this thread's turn, if any: a process forked inside a turn
        # does not hold its parent's, it queues for its own
        if self.lock_path is None or getattr(self._held, "holder", None) == os.getpid():
            yield
            return
        handles = self._handles()
        ticket, ticket_fd = self._draw_ticket(handles)
        try:
            if ticket_fd is not None:
                self._wait_for_predecessor(handles, ticket - 1)
            self._held.holder = os.getpid()
            try:
                yield
            finally:
                self._held.holder = None
                fcntl.flock(handles.lock, fcntl.LOCK_UN)
                self._serve_next(handles, ticket)
        finally:
            if ticket_fd is not None:
                # the successor's turn: it finds the file gone, or its lock free (freed
                # explicitly: a process forked meanwhile shares the open file, which
                # closing this descriptor alone would leave locked)
                _remove(self._ticket_file(ticket))
                fcntl.flock(ticket_fd, fcntl.LOCK_UN)
                os.close(ticket_fd)

    def _draw_ticket(self, handles: _Handles) -> tuple[int, int | None]:
        """Draw a ticket while holding the ticket file; (the ticket, the open file of the
        ticket, or None when it is this writer's turn at once).

        With nobody ahead (every earlier ticket served) the writer takes the database lock
        there and then, and needs no file of its own: a writer that comes meanwhile finds
        no file of its predecessor's and waits for the database lock, which nobody else
        waits for (whoever comes after waits for that writer's file). Otherwise it creates
        and locks its file before it lets go of the ticket file, so that its successor
        cannot find it missing or free too early."""
        tickets = handles.tickets
        fcntl.flock(tickets, fcntl.LOCK_EX)
        try:
            ticket, serving = _counters(tickets)
            os.pwrite(tickets, (ticket + 1).to_bytes(_TICKET_BYTES, "big"), 0)
            if ticket == serving:
                fcntl.flock(handles.lock, fcntl.LOCK_EX)  # free: every earlier write ended
                return ticket, None
            ticket_fd = os.open(self._ticket_file(ticket), os.O_RDWR | os.O_CREAT, 0o666)
            fcntl.flock(ticket_fd, fcntl.LOCK_EX)
            return ticket, ticket_fd
        finally:
            fcntl.flock(tickets, fcntl.LOCK_UN)

    def _wait_for_predecessor(self, handles: _Handles, ticket: int) -> None:
        """Until the writer of ``ticket`` has ended its write (or died), then take the
        database lock."""
        path = self._ticket_file(ticket)
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            pass  # done and gone, or it needed no file: it holds the database lock
        else:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            finally:
                os.close(fd)
            _remove(path)  # a writer that died left it behind
        fcntl.flock(handles.lock, fcntl.LOCK_EX)

    def _serve_next(self, handles: _Handles, ticket: int) -> None:
        """Record that every ticket up to ``ticket`` is served (a writer that died in its
        turn leaves the record behind: the writers after it then take the way with files,
        until one of them records its own ticket)."""
        tickets = handles.tickets
        fcntl.flock(tickets, fcntl.LOCK_EX)
        try:
            os.pwrite(tickets, (ticket + 1).to_bytes(_TICKET_BYTES, "big"), _TICKET_BYTES)
        finally:
            fcntl.flock(tickets, fcntl.LOCK_UN)

    def _ticket_file(self, ticket: int) -> str:
        assert self._queue_dir is not None
        return os.path.join(self._queue_dir, str(ticket))

    def _handles(self) -> _Handles:
        handles: _Handles | None = getattr(self._held, "handles", None)
        if handles is not None and handles.pid == os.getpid():
            return handles
        assert self.lock_path is not None and self._queue_dir is not None
        handles = _Handles(self.lock_path, self._queue_dir)
        self._held.handles = handles
        return handles


def _counters(tickets: int) -> tuple[int, int]:
    """The ticket file's counters: the next ticket, and the first one not yet served."""
    # a new file is empty, and one no write has ended in yet holds the first counter only
    raw = os.pread(tickets, 2 * _TICKET_BYTES, 0).ljust(2 * _TICKET_BYTES, b"\0")
    return (int.from_bytes(raw[:_TICKET_BYTES], "big"),
            int.from_bytes(raw[_TICKET_BYTES:], "big"))


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class _Handles:
    """One thread's open files of a writers' queue, opened at its first write and kept for
    its later ones."""

    def __init__(self, lock_path: str, queue_dir: str) -> None:
        self.pid = os.getpid()
        Path(queue_dir).mkdir(exist_ok=True)
        self.lock: BinaryIO = open(lock_path, "a+b")  # noqa: SIM115
        # a plain descriptor: pwrite on a file opened for appending would append
        self.tickets = os.open(os.path.join(queue_dir, "tickets"), os.O_RDWR | os.O_CREAT,
                               0o666)

    def __del__(self) -> None:
        os.close(self.tickets)
