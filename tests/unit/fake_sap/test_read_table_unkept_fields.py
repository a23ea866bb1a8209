"""A field the dictionary declares but the emulator does not keep (``kept=False``) has no
column, and RFC_READ_TABLE answers for it all the same: FIELDS describes it, DATA holds its
initial value (blank, zeros for NUMC and dates, 0 for a packed number), a condition on it
compares with that initial value, and the key fields must be kept. An in-memory SQLite
database; no process is started."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Connection, MetaData, create_engine, insert

from fake_sap.ddic.tables import TableDeclaration
from fake_sap.ddic.tables.declaration import data, key
from fake_sap.ddic.types import CLNT, DATS, char, numc, quan
from fake_sap.rfc import read_table
from fake_sap.rfc.read_table import ReadableTable, declared_table

pytestmark = pytest.mark.unit

ZHALF = TableDeclaration("ZHALF", "Half kept", (
    key("MANDT", CLNT, "Client", element=""),
    key("VBELN", char(10), "Document", element=""),
    data("ERNAM", char(12), "Created by", element="", kept=False),
    data("AUART", char(4), "Type", element=""),
    data("STCUR", numc(5), "A NUMC not kept", element="", kept=False),
    data("GUEBG", DATS, "A date not kept", element="", kept=False),
    data("BRGEW", quan(13, 3), "A quantity not kept", element="", kept=False),
), source="test declaration")
metadata = MetaData()
zhalf = ZHALF.table(metadata)
TABLES: dict[str, ReadableTable] = {"ZHALF": declared_table(ZHALF, zhalf)}


@pytest.fixture
def conn() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(zhalf), [
            {"mandt": "100", "vbeln": "0000000001", "auart": "TA"},
            {"mandt": "100", "vbeln": "0000000002", "auart": "KB"},
        ])
        yield connection


def test_a_field_not_kept_has_no_column() -> None:
    assert [c.name for c in zhalf.columns] == ["mandt", "vbeln", "auart"]
    assert [f.name for f in ZHALF.kept_fields] == ["MANDT", "VBELN", "AUART"]


def test_fields_and_data_give_the_initial_values_of_the_fields_not_kept(
        conn: Connection) -> None:
    fields, lines = read_table.read(conn, "100", "ZHALF", tables=TABLES, delimiter="|")
    assert [(f["FIELDNAME"], f["LENGTH"], f["TYPE"]) for f in fields] == [
        ("MANDT", 3, "C"), ("VBELN", 10, "C"), ("ERNAM", 12, "C"), ("AUART", 4, "C"),
        ("STCUR", 5, "N"), ("GUEBG", 8, "D"), ("BRGEW", 13, "P")]
    assert lines == [
        "100|0000000001|            |TA  |00000|00000000|        0.000",
        "100|0000000002|            |KB  |00000|00000000|        0.000",
    ]


@pytest.mark.parametrize(("condition", "expected"), [
    ("ERNAM = ''", 2),
    ("ERNAM = 'SAPUSER'", 0),
    ("STCUR = '00000'", 2),
    ("BRGEW = 0", 2),
    ("BRGEW > 1", 0),
    ("AUART = 'TA' AND ERNAM = ' '", 1),
])
def test_a_condition_on_a_field_not_kept_compares_its_initial_value(
        conn: Connection, condition: str, expected: int) -> None:
    _, lines = read_table.read(conn, "100", "ZHALF", tables=TABLES, options=[condition],
                               field_names=["VBELN", "ERNAM"])
    assert len(lines) == expected


def test_a_key_field_must_be_kept() -> None:
    unkept_key = replace(key("VBELN", char(10), "Document", element=""), kept=False)
    with pytest.raises(ValueError, match="key field must be kept"):
        TableDeclaration("ZBAD", "Bad", (key("MANDT", CLNT, "Client", element=""),
                                         unkept_key), source="test")
