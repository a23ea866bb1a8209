"""Reading a large IDoc-XML document one step ahead of its processing.

A packet is read (lxml's ``iterparse``, the IDocs turned into :class:`Idoc` data) and
processed (checks, postings, SQL writes) in turn. Both hold the interpreter lock most of
the time, but SQLite lets it go while a statement runs: reading the next IDocs in a second
thread meanwhile puts that time to use on a second core.

What stays as it is:

- the order: the IDocs come out exactly as the reader yields them, in batches;
- memory: at most ``depth`` batches wait in the queue, so a 100,000-IDoc packet is never
  held at once (the reader blocks until the request thread takes a batch);
- errors: an exception of the reader (a document that is not well-formed, not IDoc-XML or
  too large, a broken connection) is raised in the request thread where the IDoc after the
  last good one would have been taken, as the same exception object, so the caller answers
  with the same status and rolls back the same transaction;
- no thread outlives the request: :func:`read_ahead` is a context manager whose exit stops
  the reader and waits for it, whether the IDocs were all taken or not.

The reader opens the document itself (``open_idocs`` is called in the reader thread): lxml
keeps a parser's state per thread, so the parse stays in the one thread that began it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

#: items per batch handed from the reader to the request thread: one queue operation (and
#: thread switch) per batch, not per IDoc
BATCH_SIZE = 100
#: batches that may wait in the queue: enough for the reader to stay ahead while a batch
#: is processed, few enough that memory stays flat
QUEUE_DEPTH = 2
#: how often a reader blocked on a full queue looks whether it was told to stop
_STOP_POLL_SECONDS = 0.05


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


class _End:
    """The reader's last word when the document was read to its end."""


_END = _End()


class _Reader(Generic[T]):
    def __init__(self, open_items: Callable[[], Iterator[T]], batch_size: int,
                 depth: int) -> None:
        self._open_items = open_items
        self._batch_size = batch_size
        self._queue: queue.Queue[list[T] | _Failed | _End] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="idoc-read-ahead",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def items(self) -> Iterator[T]:
        while True:
            taken = self._take()
            if isinstance(taken, _End):
                return
            if isinstance(taken, _Failed):
                raise taken.error
            yield from taken

    def stop(self) -> None:
        """Tell the reader to stop, free it if it waits on the full queue, wait for it."""
        self._stop.set()
        while self._thread.is_alive():
            try:
                self._queue.get(timeout=_STOP_POLL_SECONDS)
            except queue.Empty:
                pass
        self._thread.join()

    def _take(self) -> list[T] | _Failed | _End:
        while True:
            try:
                return self._queue.get(timeout=_STOP_POLL_SECONDS)
            except queue.Empty:
                # the reader always leaves a last word before it ends; this only guards
                # against waiting for ever on a reader that is gone without one
                if not self._thread.is_alive() and self._queue.empty():
                    raise RuntimeError("the IDoc reader thread ended unexpectedly") from None

    def _run(self) -> None:
        batch: list[T] = []
        try:
            items = self._open_items()
            try:
                for item in items:
                    batch.append(item)
                    if len(batch) >= self._batch_size:
                        if not self._put(batch):
                            return
                        batch = []
            finally:
                close = getattr(items, "close", None)
                if close is not None:
                    close()
        except BaseException as error:  # handed on to the request thread, raised there
            # the items read before the error first, as the request thread would have had
            if not batch or self._put(batch):
                self._put(_Failed(error))
            return
        if not batch or self._put(batch):
            self._put(_END)

    def _put(self, item: list[T] | _Failed | _End) -> bool:
        """Queue ``item``, waiting while the queue is full; False once told to stop."""
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_STOP_POLL_SECONDS)
            except queue.Full:
                continue
            return True
        return False


@contextmanager
def read_ahead(open_items: Callable[[], Iterator[T]], *, batch_size: int = BATCH_SIZE,
               depth: int = QUEUE_DEPTH) -> Iterator[Iterator[T]]:
    """The items ``open_items()`` yields, read in a thread of their own one step ahead.

    Call ``open_items`` nowhere else: the reader thread calls it, and it must not have
    started reading (a generator function's call, such as ``partial(iter_idocs, stream)``,
    reads nothing until its first item is asked for)."""
    reader = _Reader(open_items, batch_size, depth)
    reader.start()
    try:
        yield reader.items()
    finally:
        reader.stop()
