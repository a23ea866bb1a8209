"""Buffered number ranges (SNRO main-memory buffering): which objects may be buffered, and
how a process's blocks share one range with the other processes on the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_sap.db import numbers
from fake_sap.db.engine import Database
from fake_sap.db.numbers import Buffering, BufferingError, NumberBuffer
from fake_sap.db.schema import number_ranges

pytestmark = pytest.mark.unit

ORDERS = "RV_BELEG"
FIRST_ORDER = numbers.RANGE_STARTS[ORDERS]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'numbers.db'}")
    number_ranges.create(database.engine)
    with database.write() as conn:
        numbers.install(conn, "100")
    yield database
    database.dispose()


def next_in_database(db: Database, obj: str = ORDERS) -> int | None:
    with db.read() as conn:
        return numbers.current(conn, "100", obj)


def test_the_setting_names_objects_and_their_numbers_in_the_buffer() -> None:
    buffering = Buffering.parse(" rv_beleg=100, EINKBELEG=10 ,")

    assert buffering.sizes == {"RV_BELEG": 100, "EINKBELEG": 10}
    assert buffering.size("RV_BELEG") == 100
    assert buffering.size("MATBELEG") == 1  # not named: not buffered
    assert Buffering.parse("").sizes == {}


@pytest.mark.parametrize(("setting", "reason"), [
    ("RF_BELEG=10", "never buffered"),  # accounting documents stay without gaps
    ("EDI_DOCNUM=10", "cannot be buffered"),  # drawn inside the posting transaction
    ("NO_SUCH_OBJECT=10", "cannot be buffered"),
    ("RV_BELEG", "OBJECT=COUNT"),
    ("RV_BELEG=ten", "OBJECT=COUNT"),
    ("RV_BELEG=0", "must be 1 to"),
])
def test_a_setting_that_cannot_be_honoured_is_refused(setting: str, reason: str) -> None:
    with pytest.raises(BufferingError, match=reason):
        Buffering.parse(setting)


def test_an_unbuffered_object_draws_every_number_from_the_database(db: Database) -> None:
    buffer = NumberBuffer()

    drawn = [buffer.draw(db, "100", ORDERS) for _ in range(3)]

    assert drawn == [FIRST_ORDER, FIRST_ORDER + 1, FIRST_ORDER + 2]
    assert next_in_database(db) == FIRST_ORDER + 3


def test_a_buffered_object_draws_a_block_and_hands_it_out_from_memory(db: Database) -> None:
    buffer = NumberBuffer(Buffering({ORDERS: 5}))

    first = [buffer.draw(db, "100", ORDERS) for _ in range(3)]
    # the database holds the status after the whole block
    assert next_in_database(db) == FIRST_ORDER + 5
    rest = [buffer.draw(db, "100", ORDERS) for _ in range(3)]

    assert first + rest == list(range(FIRST_ORDER, FIRST_ORDER + 6))
    assert next_in_database(db) == FIRST_ORDER + 10  # the sixth number opened a new block


def test_two_processes_draw_different_blocks_of_one_range(db: Database) -> None:
    one, other = NumberBuffer(Buffering({ORDERS: 5})), NumberBuffer(Buffering({ORDERS: 5}))

    drawn = [buffer.draw(db, "100", ORDERS) for buffer in (one, other, one, other)]

    # not ascending across processes, as in SAP, but never the same number twice
    assert drawn == [FIRST_ORDER, FIRST_ORDER + 5, FIRST_ORDER + 1, FIRST_ORDER + 6]


def test_blocks_are_per_client_and_object(db: Database) -> None:
    buffer = NumberBuffer(Buffering({ORDERS: 5, "EINKBELEG": 5}))
    with db.write() as conn:
        numbers.install(conn, "200")

    buffer.draw(db, "100", ORDERS)

    assert buffer.draw(db, "200", ORDERS) == FIRST_ORDER
    assert buffer.draw(db, "100", "EINKBELEG") == numbers.RANGE_STARTS["EINKBELEG"]
