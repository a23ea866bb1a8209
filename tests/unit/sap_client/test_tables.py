"""RFC_READ_TABLE on the client side (sap_client.tables): WHERE clauses built from
quoted literals in OPTIONS lines of at most 72 characters, and the fixed-width DATA rows cut
along the FIELDS layout (offset, length)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from sap_client.tables import (
    IN_LIST_CHUNK,
    OPTION_LINE_LENGTH,
    equals,
    literal,
    one_of,
    read_table,
    read_table_in,
    where,
)

pytestmark = pytest.mark.unit


# --- literals and conditions ------------------------------------------------------------------

@pytest.mark.parametrize(("value", "quoted"), [
    ("FERT", "'FERT'"), ("O'Brien", "'O''Brien'"), ("", "''"), ("''", "''''''")])
def test_a_literal_is_quoted_with_quotes_doubled(value, quoted):
    assert literal(value) == quoted


def test_equals_and_one_of():
    assert equals("MTART", "FERT") == "MTART = 'FERT'"
    assert one_of("MATNR", ["A", "B'C"]) == "MATNR IN ( 'A' , 'B''C' )"


def test_where_joins_conditions_with_and():
    assert where(equals("MANDT", "100"), equals("MTART", "FERT")) == [
        "MANDT = '100' AND MTART = 'FERT'"]


def test_no_conditions_are_no_lines():
    assert where() == []


def test_long_clauses_are_broken_between_tokens_into_72_character_lines():
    lines = where(one_of("MATNR", [f"{n:018d}" for n in range(10)]))
    assert len(lines) > 1
    assert all(len(line) <= OPTION_LINE_LENGTH for line in lines)
    # joined with blanks, the lines are the clause again
    assert " ".join(lines) == one_of("MATNR", [f"{n:018d}" for n in range(10)])


def test_a_literal_with_blanks_is_never_split():
    value = "a b " * 15  # 60 characters with blanks
    lines = where(equals("FIELD1", "x" * 30), equals("MAKTX", value))
    assert any(literal(value) in line for line in lines)
    assert all(len(line) <= OPTION_LINE_LENGTH for line in lines)


def test_a_token_longer_than_a_line_is_refused():
    with pytest.raises(ValueError, match="longer than 72 characters"):
        where(equals("MAKTX", "x" * 80))


# --- reading ----------------------------------------------------------------------------------

class TableConnection:
    """Answers RFC_READ_TABLE like SAP: fixed-width rows and their layout; records calls."""

    def __init__(self, layout: list[tuple[str, int, int]], rows: list[str]) -> None:
        self.layout = layout
        self.rows = rows
        self.calls: list[dict[str, Any]] = []

    def call(self, func_name: str, options: Mapping[str, Any] | None = None,
             **params: Any) -> dict[str, Any]:
        assert func_name == "RFC_READ_TABLE"
        self.calls.append(params)
        return {"FIELDS": [{"FIELDNAME": name, "OFFSET": f"{offset:06d}",
                            "LENGTH": f"{length:06d}", "TYPE": "C", "FIELDTEXT": ""}
                           for name, offset, length in self.layout],
                "DATA": [{"WA": row} for row in self.rows]}


def test_rows_are_cut_along_the_layout_and_stripped():
    conn = TableConnection([("MATNR", 0, 18), ("MTART", 18, 4)],
                           ["000000000000004711FERT", "SP-100            HAWA"])
    assert read_table(conn, "MARA", ["MATNR", "MTART"]) == [
        {"MATNR": "000000000000004711", "MTART": "FERT"},
        {"MATNR": "SP-100", "MTART": "HAWA"}]


def test_values_may_hold_any_character_even_the_delimiter_sap_would_use():
    conn = TableConnection([("MAKTX", 0, 10), ("SPRAS", 10, 1)], ["a|b;c 泵   E"])
    assert read_table(conn, "MAKT", ["MAKTX", "SPRAS"]) == [{"MAKTX": "a|b;c 泵", "SPRAS": "E"}]


def test_a_short_row_gives_empty_trailing_fields():
    conn = TableConnection([("A", 0, 3), ("B", 3, 3)], ["xyz"])
    assert read_table(conn, "T", ["A", "B"]) == [{"A": "xyz", "B": ""}]


def test_the_call_asks_for_the_fields_the_conditions_and_the_row_count():
    conn = TableConnection([], [])
    read_table(conn, "MARA", ["MATNR"], [equals("MTART", "FERT")], max_rows=5)
    assert conn.calls == [{"QUERY_TABLE": "MARA", "DELIMITER": "", "ROWCOUNT": 5,
                           "FIELDS": [{"FIELDNAME": "MATNR"}],
                           "OPTIONS": [{"TEXT": "MTART = 'FERT'"}]}]


def test_an_empty_table_sent_as_text_is_no_rows():
    class Untyped:
        def call(self, func_name: str, options: Any = None, **params: Any) -> dict[str, Any]:
            return {"FIELDS": "", "DATA": ""}

    assert read_table(Untyped(), "MARA", ["MATNR"]) == []


def test_reading_by_a_list_of_values_goes_in_chunks_of_unique_sorted_values():
    conn = TableConnection([("KUNNR", 0, 10)], ["0000000001"])
    values = [f"{n:010d}" for n in range(IN_LIST_CHUNK + 5)] * 2
    rows = read_table_in(conn, "KNA1", ["KUNNR"], "KUNNR", values, [equals("MANDT", "100")])
    assert len(conn.calls) == 2
    assert len(rows) == 2  # one row per call from this fake
    first = " ".join(o["TEXT"] for o in conn.calls[0]["OPTIONS"])
    second = " ".join(o["TEXT"] for o in conn.calls[1]["OPTIONS"])
    assert first.startswith("MANDT = '100' AND KUNNR IN ( '0000000000' ,")
    assert first.count("'00000") == IN_LIST_CHUNK
    assert second.count("'00000") == 5
    assert "'0000000054'" in second


def test_reading_by_no_values_calls_nothing():
    conn = TableConnection([], [])
    assert read_table_in(conn, "KNA1", ["KUNNR"], "KUNNR", []) == []
    assert conn.calls == []
