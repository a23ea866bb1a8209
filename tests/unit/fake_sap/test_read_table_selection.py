"""RFC_READ_TABLE works out a selection of fields (layout, query, line writer) once and
keeps it: later calls read their own client, condition and row window with it, and get the
same FIELDS and DATA as the first. A refused selection is refused every time. An in-memory
SQLite database; no process is started."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Column, Connection, MetaData, String, Table, create_engine, insert

from fake_sap.rfc import read_table
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.model import quan
from fake_sap.rfc.read_table import ReadableTable
from unit.fake_sap.readable_tables import sap_table

pytestmark = pytest.mark.unit

metadata = MetaData()
zkept = Table(
    "zkept", metadata,
    Column("mandt", String(3), primary_key=True),
    Column("matnr", String(18), primary_key=True),
    Column("mtart", String(4), nullable=False),
    Column("brgew", String(24), nullable=False),
)
ZKEPT = sap_table(zkept, "ZKEPT", "Kept selections", {
    "MATNR": "Material", "MTART": "Material type",
    "BRGEW": (quan(13, 3), "Gross weight")})
TABLES: dict[str, ReadableTable] = {"ZKEPT": ZKEPT}


@pytest.fixture
def conn() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(zkept), [
            {"mandt": "100", "matnr": "A", "mtart": "FERT", "brgew": "1.5"},
            {"mandt": "100", "matnr": "B", "mtart": "HAWA", "brgew": "-2"},
            {"mandt": "200", "matnr": "C", "mtart": "FERT", "brgew": "0"},
        ])
        yield connection


def test_a_kept_selection_reads_each_client_and_condition_afresh(conn: Connection) -> None:
    first = read_table.read(conn, "100", "ZKEPT", tables=TABLES, delimiter="|")
    again = read_table.read(conn, "100", "ZKEPT", tables=TABLES, delimiter="|")
    other_client = read_table.read(conn, "200", "ZKEPT", tables=TABLES, delimiter="|")
    filtered = read_table.read(conn, "100", "ZKEPT", tables=TABLES, delimiter="|",
                               options=["MTART = 'HAWA'"])
    window = read_table.read(conn, "100", "ZKEPT", tables=TABLES, delimiter="|",
                             rowskips=1, rowcount=1)

    assert first == again
    assert first[1] == ["100|A                 |FERT|        1.500",
                        "100|B                 |HAWA|       -2.000"]
    assert other_client[1] == ["200|C                 |FERT|        0.000"]
    assert filtered[1] == window[1] == first[1][1:]


def test_the_fields_rows_are_the_callers_own(conn: Connection) -> None:
    fields, _ = read_table.read(conn, "100", "ZKEPT", tables=TABLES, field_names=["MATNR"])
    fields[0]["FIELDNAME"] = "CHANGED"

    again, _ = read_table.read(conn, "100", "ZKEPT", tables=TABLES, field_names=["MATNR"])

    assert again[0]["FIELDNAME"] == "MATNR"


def test_a_refused_selection_is_refused_every_time(conn: Connection) -> None:
    for _ in range(2):
        with pytest.raises(AbapException, match="FIELD_NOT_VALID|not a field"):
            read_table.read(conn, "100", "ZKEPT", tables=TABLES, field_names=["NOPE"])
