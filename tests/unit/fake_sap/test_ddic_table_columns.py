"""How a dictionary declaration (``fake_sap.ddic.tables``) lays out its database table
beyond text columns: fields kept in a number column (T006's conversion factors, EDIDS's
status counter) and the emulator's own columns placed among the fields (EDIDC's object key).
No process is started."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Float, Index, Integer, MetaData, String

from fake_sap.ddic.tables.codes import T006
from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.tables.idoc import EDIDC, EDIDS
from fake_sap.ddic.types import CLNT, INT4, char, numc

pytestmark = pytest.mark.unit


def _declaration(**options: object) -> TableDeclaration:
    return TableDeclaration(
        "ZTAB", "Test table",
        (key("MANDT", CLNT, "Client"), key("ZKEY", char(4), "Key"),
         data("COUNT", INT4, "A count", stored_type=Integer()),
         data("LABEL", char(10), "A label")),
        source="none", **options)  # type: ignore[arg-type]


def test_a_field_with_a_stored_type_gets_that_column_and_a_number_as_initial_value():
    table = _declaration().table(MetaData())

    count = table.c["count"]
    assert isinstance(count.type, Integer)
    assert count.default is not None and count.default.arg == 0  # type: ignore[attr-defined]
    assert isinstance(table.c["label"].type, String)


def test_an_own_column_named_in_first_columns_takes_its_place_among_the_fields():
    def own() -> list[object]:
        return [Column("zextra", String(5), nullable=False, default=""),
                Index("ix_ztab_label", "mandt", "label"), Column("ztail", String(1))]

    table = _declaration(first_columns=("mandt", "zkey", "zextra", "count"),
                         own_columns=own).table(MetaData())

    assert [c.name for c in table.columns] == ["mandt", "zkey", "zextra", "count", "label",
                                               "ztail"]
    assert [i.name for i in table.indexes] == ["ix_ztab_label"]


def test_first_columns_may_name_only_fields_and_own_columns():
    with pytest.raises(ValueError, match="first columns that are no field"):
        _declaration(first_columns=("mandt", "zkey", "nope"))


def test_t006_keeps_its_factors_in_number_columns():
    table = T006.table(MetaData())

    assert isinstance(table.c["zaehl"].type, Integer)
    assert isinstance(table.c["press_val"].type, Float)
    assert isinstance(table.c["addko"].type, String) and table.c["addko"].type.length == 12


def test_the_idoc_tables_keep_their_own_columns_where_the_schema_had_them():
    control = [c.name for c in EDIDC.table(MetaData()).columns]
    assert control.index("objkey") == control.index("refint") + 1
    assert control[-5:] == ["created_at", "updated_at", "xml", "attempts", "next_attempt_at"]
    assert "OBJKEY" not in {f.name for f in EDIDC.fields}
    assert isinstance(EDIDS.table(MetaData()).c["countr"].type, Integer)
    assert EDIDS.field("COUNTR").type == numc(16)  # type: ignore[union-attr]
