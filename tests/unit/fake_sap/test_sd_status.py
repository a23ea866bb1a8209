"""Status derivation of SD documents (VBUK/VBUP values A, B, C)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.sd.status import overall_level, processing_level

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("done", "total", "level"), [
    ("0", "10", "A"),
    ("-1", "10", "A"),
    ("3", "10", "B"),
    ("10", "10", "C"),
    ("12", "10", "C"),
])
def test_an_item_is_not_yet_partly_or_completely_processed(done: str, total: str,
                                                           level: str) -> None:
    assert processing_level(Decimal(done), Decimal(total)) == level


@pytest.mark.parametrize(("levels", "overall"), [
    ([], "C"),
    (["C", "C"], "C"),
    (["A", "A"], "A"),
    (["A", "C"], "B"),
    (["B"], "B"),
])
def test_the_header_status_follows_its_items(levels: list[str], overall: str) -> None:
    assert overall_level(levels) == overall
