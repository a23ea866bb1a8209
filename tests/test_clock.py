"""The emulator's clock as SAP shows it: DATS, TIMS and ALE serialization keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fake_sap import clock

pytestmark = pytest.mark.unit


def test_consecutive_moments_are_a_microsecond_apart_with_their_sap_texts():
    start = datetime(2026, 12, 31, 23, 59, 59, 999_998, tzinfo=UTC)

    moments = list(clock.consecutive(start, 4))

    assert [m for m, *_ in moments] == [start + timedelta(microseconds=i) for i in range(4)]
    # across a second, a day and a year
    assert [texts for _, *texts in moments] == [
        ["20261231", "235959", "20261231235959"],
        ["20261231", "235959", "20261231235959"],
        ["20270101", "000000", "20270101000000"],
        ["20270101", "000000", "20270101000000"],
    ]
    assert all((clock.dats(m), clock.tims(m), clock.serial(m)) == (d, t, s)
               for m, d, t, s in moments)


def test_no_moments():
    assert list(clock.consecutive(datetime(2026, 3, 1, tzinfo=UTC), 0)) == []
