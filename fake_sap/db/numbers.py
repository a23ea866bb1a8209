"""Number ranges (SNRO): gap-free within a transaction, shared by all worker processes.

The one writer of ``number_ranges`` (SAP's NRIV): every document number is drawn here.

:func:`take` draws inside the caller's transaction: the numbers are given back if it rolls
back. :class:`NumberBuffer` is SAP's main-memory buffering of a number range object: a
process draws a block of numbers from the database in a short transaction of its own and
hands them out from memory until the block is used up. Which objects are buffered, and how
many numbers a block holds, is a setting (:class:`Buffering`); without it, every number is
drawn from the database, in its own transaction. With buffering, as in SAP, numbers are no
longer ascending across processes, and the rest of a block is lost (a gap) when the process
ends. Accounting documents are never buffered (see :data:`NEVER_BUFFERED`).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Connection, insert, select

from fake_sap.db.engine import Database
from fake_sap.db.schema import number_ranges
from fake_sap.db.upsert import insert_if_absent
from fake_sap.fastpath.driver import driver_statement

#: first number of each range object, as in a freshly customized system
RANGE_STARTS: dict[str, int] = {
    "EDI_DOCNUM": 1,
    "RV_BELEG": 10000,  # sales documents (orders, returns)
    "RV_BELEG_LF": 80000000,  # deliveries
    "MATBELEG": 4900000000,  # material documents
    "EINKBELEG": 4500000000,  # purchase orders
    "RF_BELEG": 100000000,  # accounting documents (one range per company code and year)
}


@lru_cache(maxsize=4)
def _take_sql(dialect: str) -> str:
    """:func:`take`'s statement as SQL text, made once per dialect: every document (every
    single inbound IDoc) draws a number, and running a compiled UPDATE through SQLAlchemy's
    statement cache cost about half as much again as the database's own work."""
    mark = _PLACEHOLDER[dialect]
    return (f"UPDATE {number_ranges.name} SET next_value = next_value + {mark} "
            f"WHERE mandt = {mark} AND object = {mark} RETURNING next_value")


_PLACEHOLDER = {"sqlite": "?", "postgresql": "%s"}


def take(conn: Connection, mandt: str, obj: str, count: int = 1) -> int:
    """Reserve ``count`` consecutive numbers and return the first.

    The UPDATE takes a row lock (PostgreSQL) or runs under the write lock (SQLite), so two
    workers never get the same number. Numbers taken by a transaction that rolls back are
    given back with it; a later issue's LUW handling decides when gaps are wanted.
    """
    # on the driver, which raises a storage failure as SQLAlchemy would (see fastpath)
    updated, _ = driver_statement(conn, _take_sql(conn.dialect.name), (count, mandt, obj))
    if updated:
        return int(updated[0][0]) - count
    # a range created on first use (e.g. per fiscal year); racing creators are harmless
    start = RANGE_STARTS.get(obj.split(":", 1)[0], 1)
    insert_if_absent(conn, number_ranges, {"mandt": mandt, "object": obj, "next_value": start})
    return take(conn, mandt, obj, count)



def current(conn: Connection, mandt: str, obj: str) -> int | None:
    row = conn.execute(select(number_ranges.c.next_value).where(
        number_ranges.c.mandt == mandt, number_ranges.c.object == obj)).first()
    return int(row[0]) if row else None


def install(conn: Connection, mandt: str) -> None:
    """Create the client's number range rows up front, so concurrent first use cannot race."""
    conn.execute(insert(number_ranges), [
        {"mandt": mandt, "object": obj, "next_value": start}
        for obj, start in RANGE_STARTS.items()
    ])


# -- buffering (SNRO "Main memory" buffering, "No. of numbers in buffer") ----------------------

#: objects that may not be buffered: numbering of accounting documents without gaps can be a
#: legal requirement, so they are always drawn from the database in the posting's LUW
NEVER_BUFFERED = frozenset({"RF_BELEG"})
#: objects a BAPI draws at call time, which a buffer can serve; IDoc numbers and the
#: documents of inbound IDocs are drawn inside their posting transaction instead
BUFFERABLE = frozenset({"RV_BELEG", "RV_BELEG_LF", "MATBELEG", "EINKBELEG", "MATERIALNR"})
#: the emulator's own cap; SAP calls ten to a thousand numbers usual, ten thousand or more
#: for extreme cases
MAX_BUFFERED_NUMBERS = 100_000


class BufferingError(ValueError):
    """A buffering setting that names an object which cannot be buffered, or a bad size."""


@dataclass(frozen=True)
class Buffering:
    """How many numbers a process draws at once, per number range object (absent: 1, that
    is, no buffering)."""

    sizes: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> Buffering:
        """``"RV_BELEG=100,EINKBELEG=10"``; empty: nothing buffered."""
        sizes: dict[str, int] = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            name, _, size = part.partition("=")
            name = name.strip().upper()
            if name in NEVER_BUFFERED:
                raise BufferingError(f"number range object {name} is never buffered: its "
                                     "numbers must stay without gaps")
            if name not in BUFFERABLE:
                raise BufferingError(f"number range object {name} cannot be buffered; "
                                     f"buffered can be {', '.join(sorted(BUFFERABLE))}")
            try:
                count = int(size)
            except ValueError:
                raise BufferingError(f"'{part}': give the numbers in the buffer as "
                                     "OBJECT=COUNT") from None
            if not 1 <= count <= MAX_BUFFERED_NUMBERS:
                raise BufferingError(f"'{part}': the numbers in the buffer must be 1 to "
                                     f"{MAX_BUFFERED_NUMBERS}")
            sizes[name] = count
        return cls(sizes)

    def size(self, obj: str) -> int:
        return self.sizes.get(obj.split(":", 1)[0], 1)


@dataclass
class _Block:
    next: int
    end: int


class NumberBuffer:
    """The blocks of numbers this process holds, per client and number range object.

    A block is drawn in its own short write transaction, so that other processes on the same
    database draw the blocks after it at once; the numbers of a block are then handed out
    without any database access. Made once per process (in the application's runtime), never
    at import.
    """

    def __init__(self, buffering: Buffering | None = None) -> None:
        self.buffering = buffering or Buffering()
        self._blocks: dict[tuple[str, str], _Block] = {}
        # threads of one process share the blocks; a block is drawn under the lock, so two
        # threads never draw one each for the same object
        self._lock = threading.Lock()

    def buffered(self, obj: str) -> bool:
        return self.buffering.size(obj) > 1

    def draw(self, db: Database, mandt: str, obj: str) -> int:
        """The next number of ``obj``, committed at once: a document that is never saved
        leaves a gap, as in SAP."""
        size = self.buffering.size(obj)
        if size == 1:
            with db.write() as conn:
                return take(conn, mandt, obj)
        with self._lock:
            block = self._blocks.get((mandt, obj))
            if block is None or block.next >= block.end:
                with db.write() as conn:
                    first = take(conn, mandt, obj, size)
                block = self._blocks[(mandt, obj)] = _Block(first, first + size)
            number = block.next
            block.next += 1
            return number
