"""The answer to an IDoc-XML POST, written as text by the fast path, is byte for byte what
lxml writes for it: with and without status counts, and for values lxml would escape."""

from __future__ import annotations

import pytest

from fake_sap.fastpath.idoc_xml import idoc_xml_result, idoc_xml_result_with_lxml

pytestmark = pytest.mark.unit

CASES = [
    (1, "0000000000000006", "0000000000000006", [("53", 1)]),
    (100_000, "0000000000000001", "0000000000100000", [("51", 3), ("53", 99_990), ("68", 7)]),
    (0, "", "", []),
    (2, "0000000000000001", "0000000000000002", [("56", 2)]),
    # never reported by the processor, but must not be written unescaped
    (1, 'a"b', "<&>", [("5&3", 1)]),
    (1, "离心泵", "x y", [("53", 1)]),
]


@pytest.mark.parametrize(("count", "first", "last", "statuses"), CASES)
def test_the_summary_is_written_as_lxml_writes_it(count: int, first: str, last: str,
                                                   statuses: list[tuple[str, int]]) -> None:
    assert idoc_xml_result(count, first, last, statuses) == \
        idoc_xml_result_with_lxml(count, first, last, statuses)
