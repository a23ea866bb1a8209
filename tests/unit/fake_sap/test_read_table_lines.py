"""RFC_READ_TABLE's DATA lines, built from the query
(:func:`fake_sap.rfc.read_table.lines_writer`, here also one row at a time), equal the
fields formatted one by one (:func:`~fake_sap.rfc.read_table.format_value`), joined by the
delimiter: for text, NUMC, date and time columns holding NULL, blanks or values longer than
the field, and for packed numbers stored as canonical text, with too many decimals, out of
range or not numbers at all. An in-memory SQLite database; no process is started."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

from fake_sap.rfc.model import DATS, TIMS, curr, dec, numc, quan
from fake_sap.rfc.read_table import (
    ReadableTable,
    format_value,
    layout_of,
    lines_writer,
    selected_column,
)
from unit.fake_sap.readable_tables import line_writer, sap_table

pytestmark = pytest.mark.unit

metadata = MetaData()
zlines = Table(
    "zlines", metadata,
    Column("mandt", String(3), primary_key=True),
    Column("key", Integer, primary_key=True),
    Column("name", String(10), nullable=True),
    Column("code", String(3), nullable=False, default=""),
    Column("counter", String(6), nullable=True),
    Column("day", String(8), nullable=True),
    Column("clock", String(6), nullable=True),
    Column("weight", String(24), nullable=True),
    Column("amount", String(24), nullable=True),
    Column("units", String(24), nullable=True),
    Column("number", Integer, nullable=True),
)
ZLINES = sap_table(zlines, "ZLINES", "Lines", {
    "NAME": "Name", "CODE": "Code", "COUNTER": (numc(6), "Counter"), "DAY": (DATS, "Day"),
    "CLOCK": (TIMS, "Time"), "WEIGHT": (quan(13), "Weight"), "AMOUNT": (curr(11), "Amount"),
    "UNITS": (dec(5), "Units"), "NUMBER": (numc(4), "A NUMC kept as an integer"),
})

TEXTS = [None, "", "Pump", "a much longer name than ten", "ünïcödé", "%s %d", "trail  "]
PACKED = [None, "", "0", "-0", "-0.000", "12.5", "12.500", "-3", "0.5", "1234567890.123",
          "12345678901.5", "99999999999.9995", "1.23456", "007.5", "1e3", "12.5-", "abc",
          "NaN", "Infinity", "  4.2 ", "1_000", "-99999999.99", "0.005", "-0.0049"]


def _rows() -> list[dict[str, object]]:
    rows = []
    for key in range(max(len(TEXTS), len(PACKED))):
        rows.append({
            "mandt": "100", "key": key, "name": TEXTS[key % len(TEXTS)],
            "code": ["", "A", "ABCD"][key % 3],
            "counter": [None, "", "42", "000007", "1234567"][key % 5],
            "day": [None, "", "20240131", "2024013"][key % 4],
            "clock": [None, "", "235959"][key % 3],
            "weight": PACKED[key % len(PACKED)], "amount": PACKED[(key + 7) % len(PACKED)],
            "units": PACKED[(key + 3) % len(PACKED)],
            "number": [None, 0, 42, 123456][key % 4],
        })
    return rows


@pytest.fixture(scope="module")
def connection():
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(zlines), _rows())
    with engine.connect() as conn:
        yield conn


def _expected(table: ReadableTable, names: list[str], delimiter: str,
              raw: dict[str, object]) -> str:
    layout = layout_of(table, names, delimiter)
    return delimiter.join(format_value(item, raw[item.field.column]) for item in layout
                          ).rstrip(" ")


@pytest.mark.parametrize("delimiter", ["", "|", "%", ";", "'"])
@pytest.mark.parametrize("names", [[], ["NAME", "WEIGHT"], ["DAY", "COUNTER", "UNITS"],
                                   ["NUMBER", "AMOUNT", "CODE"]])
def test_each_line_equals_the_fields_formatted_one_by_one(connection, delimiter, names):
    layout = layout_of(ZLINES, names, delimiter)
    statement = select(*[selected_column(ZLINES, item) for item in layout]).order_by(
        zlines.c.key)
    write = line_writer(ZLINES, layout, delimiter)
    lines = [write(row) for row in connection.execute(statement).all()]
    raw_rows = connection.execute(select(zlines).order_by(zlines.c.key)).mappings().all()
    assert lines == [_expected(ZLINES, names, delimiter, dict(raw)) for raw in raw_rows]


@pytest.mark.parametrize("delimiter", ["", "|", "%"])
@pytest.mark.parametrize("names", [[], ["NAME", "WEIGHT"], ["CODE"]])
def test_all_rows_at_once_are_the_lines_of_each_row(connection, delimiter, names):
    layout = layout_of(ZLINES, names, delimiter)
    statement = select(*[selected_column(ZLINES, item) for item in layout]).order_by(
        zlines.c.key)
    rows = connection.execute(statement).all()
    write = line_writer(ZLINES, layout, delimiter)
    assert lines_writer(ZLINES, layout, delimiter)(rows) == [write(row) for row in rows]
    assert lines_writer(ZLINES, layout, delimiter)([]) == []


def test_packed_numbers_are_right_aligned_with_their_decimals():
    layout = layout_of(ZLINES, ["WEIGHT"], "")
    write = line_writer(ZLINES, layout)
    assert write(["12.5"]) == "12.500".rjust(13)
    assert write(["-0"]) == "0.000".rjust(13)
    assert write([Decimal("2")]) == "2.000".rjust(13)
    assert write([None]) == "0.000".rjust(13)
    # all 13 digits and the point do not fit the 13 characters: SAP writes * and the rest
    assert write(["9999999999.999"]) == "*99999999.999"
