"""The customizing tables (T001W, TVTA, T001L ...) as RFC_READ_TABLE reads them: a read-only
view over the client's customizing entries (``fake_sap.db.clients.customizing_view``), the
key fields the parts of the stored key, the kept fields the JSON values, every other
declared field its initial value. An in-memory SQLite database; no process is started."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, create_engine, insert

from fake_sap.customizing import STORED
from fake_sap.db import clients, schema
from fake_sap.ddic.tables import customizing
from fake_sap.rfc import read_table
from fake_sap.rfc import tables as readable_tables
from fake_sap.rfc.errors import AbapException

pytestmark = pytest.mark.unit

TABLES = readable_tables.BY_NAME


@pytest.fixture
def conn() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    schema.metadata.create_all(engine)
    with engine.begin() as connection:
        clients.create(connection, "100", "test")
        clients.create(connection, "200", "other")
        yield connection


def _lines(conn: Connection, table: str, fields: list[str], where: str = "",
           mandt: str = "100") -> list[str]:
    return read_table.read(conn, mandt, table, tables=TABLES, delimiter="|",
                           field_names=fields, options=[where] if where else [])[1]


@pytest.mark.parametrize("declaration", customizing.TABLES, ids=lambda d: d.name)
def test_every_customizing_table_is_readable_with_its_declared_fields(declaration):
    readable = TABLES[declaration.name]
    assert [f.name for f in readable.fields] == [f.name for f in declaration.fields]
    assert readable.order == tuple(f.column_name for f in declaration.key_fields)


@pytest.mark.parametrize("declaration", customizing.TABLES, ids=lambda d: d.name)
def test_the_baseline_entries_come_back_by_their_key(conn, declaration):
    keys = [f.name for f in declaration.key_fields if f.name != "MANDT"]
    lines = _lines(conn, declaration.name, keys)
    assert lines == sorted(lines)
    assert len(lines) == len(STORED[declaration.name])
    # the key parts, joined as the customizing keeps them, are the stored keys
    assert {"/".join(line.split("|")) for line in lines} == set(STORED[declaration.name])


def test_a_multi_part_key_is_split_into_its_fields_and_filtered_on(conn):
    assert _lines(conn, "TVTA", ["VKORG", "VTWEG", "SPART"], "SPART = '00'") == [
        "1000|10|00"]
    assert _lines(conn, "T001L", ["WERKS", "LGORT"], "WERKS = '1100'") == ["1100|0001"]
    assert _lines(conn, "T001L", ["WERKS"], "LGORT <> '0001'") == []


def test_a_kept_field_is_the_json_value_and_the_others_their_initial_value(conn):
    assert _lines(conn, "T001W", ["WERKS", "NAME1", "BWKEY", "VKORG", "LAND1"]) == [
        "1000|Central warehouse             |1000|1000|",
        "1100|Provincial warehouse          |1100|1000|"]
    assert _lines(conn, "TVTA", ["VKORG", "REGGB"]) == ["1000|000"]  # NUMC initial


def test_a_value_missing_from_an_entry_reads_blank(conn):
    conn.execute(insert(schema.customizing), [{
        "mandt": "100", "tabname": "T001W", "tabkey": "1200", "data": {"NAME1": "Coast"}}])
    assert _lines(conn, "T001W", ["WERKS", "BWKEY"], "WERKS = '1200'") == ["1200|"]


def test_a_key_with_fewer_parts_reads_the_missing_ones_blank(conn):
    conn.execute(insert(schema.customizing), [{
        "mandt": "100", "tabname": "TVTA", "tabkey": "2000/20", "data": {}}])
    assert _lines(conn, "TVTA", ["VKORG", "VTWEG", "SPART"], "VKORG = '2000'") == [
        "2000|20|"]


def test_only_the_clients_own_entries_are_read(conn):
    conn.execute(insert(schema.customizing), [{
        "mandt": "200", "tabname": "T134", "tabkey": "ZOWN", "data": {}}])
    assert "ZOWN" not in _lines(conn, "T134", ["MTART"])
    assert "ZOWN" in _lines(conn, "T134", ["MTART"], mandt="200")


def test_a_text_table_field_is_not_a_field_of_the_table(conn):
    with pytest.raises(AbapException) as raised:
        _lines(conn, "TVKO", ["VKORG", "VTEXT"])
    assert raised.value.name == "FIELD_NOT_VALID"


def test_the_view_splits_keys_with_each_databases_own_function():
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql, sqlite

    view = clients.customizing_view(customizing.TVTA)
    assert "instr(" in str(select(view).compile(dialect=sqlite.dialect()))
    assert "strpos(" in str(select(view).compile(dialect=postgresql.dialect()))
