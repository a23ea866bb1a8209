"""Maintaining the code tables T006, TCURC and T005: the field rules read from the tables'
declaration, the primary rule, the per-process copy that follows ``state_version``, the unit
checks reading T006, and the revision that removes the customizing table's unit keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert, select

from fake_sap.basis import clients as client_admin
from fake_sap.basis import iso_codes
from fake_sap.basis.client_state import ClientStates
from fake_sap.basis.iso_codes import CODE_TABLES
from fake_sap.customizing import BASELINE, STORED, UNITS
from fake_sap.db import iso_codes as code_tables
from fake_sap.db import migrations
from fake_sap.db.engine import Database
from fake_sap.db.schema import customizing
from fake_sap.errors import BadRequest, Conflict

pytestmark = pytest.mark.unit

UNIT_TABLE = CODE_TABLES["units"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    client_admin.create(database, "100", "first")
    yield database
    database.dispose()


# --- the field rules -------------------------------------------------------------------------

def test_a_field_left_out_is_initial():
    row = UNIT_TABLE.row("KAR", {"ISOCODE": "CT", "PRIMARY": "X"})

    assert (row["msehi"], row["isocode"], row["primary"], row["dimid"], row["zaehl"],
            row["temp_value"]) == ("KAR", "CT", "X", "", 0, 0.0)


def test_the_lengths_are_the_declared_ones():
    schema = CODE_TABLES["countries"].json_schema()["properties"]

    assert (schema["INTCA"]["maxLength"], schema["INTCA3"]["maxLength"],
            schema["LANDK"]["maxLength"]) == (2, 3, 3)
    assert set(schema) == {c.name.upper() for c in code_tables.t005.columns} - {"MANDT",
                                                                                "LAND1"}


@pytest.mark.parametrize(("table", "key", "body", "named"), [
    ("units", "KAR", {"ISOCODE": "C"}, "'ISOCODE'"),
    ("units", "KAR", {"ADDKO": "1.1234567"}, "'ADDKO'"),
    ("units", "KAR", {"ZAEHL": True}, "'ZAEHL'"),
    ("units", "KAR", {"TEMP_VALUE": "20"}, "'TEMP_VALUE'"),
    ("units", "kar", {}, "T006-MSEHI"),
    ("currencies", "GBP", {"ISOCD": "GB"}, "'ISOCD'"),
    ("currencies", "GBP", {"ALTWR": "8260"}, "'ALTWR'"),
    ("countries", "GB", {"INTCN3": "82A"}, "'INTCN3'"),
    ("countries", "GB", {"XEGLD": "x"}, "'XEGLD'"),
    ("countries", "GB", {"XPRIMARY": "X"}, "no field XPRIMARY"),
])
def test_a_value_the_field_does_not_take_is_refused_naming_it(table, key, body, named):
    with pytest.raises(BadRequest, match=named):
        CODE_TABLES[table].row(key, body)


def test_a_whole_number_sent_as_a_float_is_taken():
    assert UNIT_TABLE.row("KAR", {"EXP10": -3.0})["exp10"] == -3


# --- the primary rule and the service -------------------------------------------------------

def test_one_entry_per_iso_code_may_be_primary(db):
    with pytest.raises(Conflict, match="already flagged primary for ST"):
        iso_codes.put_entry(db, "100", UNIT_TABLE, "STK", {"ISOCODE": "PCE", "PRIMARY": "X"})

    assert iso_codes.get_entry(db, "100", UNIT_TABLE, "STK") is None
    # the primary entry itself may be written again with its flag
    assert iso_codes.put_entry(db, "100", UNIT_TABLE, "ST",
                               {"ISOCODE": "PCE", "PRIMARY": "X"})["PRIMARY"] == "X"


def test_a_change_is_seen_by_a_copy_read_before_it(db):
    with db.read() as conn:
        before = iso_codes.for_client(conn, "100")
    # written as another process would: no forget() in this process, only the new version
    with db.write() as conn:
        code_tables.replace(conn, "t006", "100", UNIT_TABLE.row("KAR", {"ISOCODE": "CT"}))

    with db.read() as conn:
        after = iso_codes.for_client(conn, "100")

    assert (before.units.internal("CT"), after.units.internal("CT")) == (None, "KAR")


def test_an_unchanged_version_keeps_the_copy(db):
    # the process's one copy: the client state's (fake_sap.basis.client_state)
    states = ClientStates(db)
    version = states.get("100").version
    with db.read() as conn:
        first = states.codes(conn, "100", version)
    with db.read() as conn:
        assert states.codes(conn, "100", version) is first


def test_the_unit_checks_read_t006_also_units_without_an_iso_code(db):
    iso_codes.put_entry(db, "100", UNIT_TABLE, "ZZ", {})

    with db.read() as conn:
        keys = iso_codes.checked_customizing(conn, "100", {"T134": {"FERT"}})

    assert keys["T134"] == {"FERT"}
    assert keys["T006"] == set(UNITS) | {"ZZ"}


def test_a_deleted_entry_is_gone_and_a_second_delete_finds_none(db):
    assert iso_codes.delete_entry(db, "100", CODE_TABLES["countries"], "DE")
    assert not iso_codes.delete_entry(db, "100", CODE_TABLES["countries"], "DE")
    assert [e["LAND1"] for e in iso_codes.list_entries(db, "100", CODE_TABLES["countries"])] \
        == ["CN", "US"]


# --- one list of units -----------------------------------------------------------------------

def test_the_customizing_table_gets_no_unit_keys(db):
    with db.read() as conn:
        stored = conn.execute(select(customizing.c.tabkey).where(
            customizing.c.tabname == "T006")).all()

    assert stored == []
    assert "T006" not in STORED
    assert set(BASELINE["T006"]) == set(UNITS)


def test_the_revision_removes_the_unit_keys_and_its_downgrade_writes_them_again(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        migrations.upgrade(database.engine, "0006")
        with database.engine.begin() as conn:
            conn.execute(insert(code_tables.t006), code_tables.baseline_rows("100")["t006"])
            conn.execute(insert(customizing), [{"mandt": "100", "tabname": "T006",
                                                "tabkey": unit, "data": {}} for unit in UNITS])

        migrations.upgrade(database.engine)
        with database.engine.connect() as conn:
            after_upgrade = conn.execute(select(customizing.c.tabkey)).scalars().all()
        with database.engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), "0006")
        with database.engine.connect() as conn:
            after_downgrade = conn.execute(select(customizing.c.tabkey)).scalars().all()
    finally:
        database.dispose()

    assert (after_upgrade, sorted(after_downgrade)) == ([], sorted(UNITS))


def test_the_command_line_fields_are_typed_as_the_table_declares_them():
    body = UNIT_TABLE.from_text(["isocode=CT", "ZAEHL=1", "TEMP_VALUE=20.5", "DIMID="])

    assert body == {"ISOCODE": "CT", "ZAEHL": 1, "TEMP_VALUE": 20.5, "DIMID": ""}


@pytest.mark.parametrize(("text", "named"), [("ZAEHL=one", "'ZAEHL'"), ("ISOCODE", "FIELD=VALUE")])
def test_a_command_line_field_that_is_no_assignment_or_no_number_is_refused(text, named):
    with pytest.raises(BadRequest, match=named):
        UNIT_TABLE.from_text([text])


@pytest.mark.parametrize("table", sorted(CODE_TABLES))
def test_the_command_line_offers_every_maintained_table(table):
    from fake_sap.cli import build_parser

    args = build_parser().parse_args(["codes", "put", table, "X1", "A=B"])

    assert (args.table, args.key, args.fields) == (table, "X1", ["A=B"])
