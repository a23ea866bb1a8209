"""The sales and delivery tables declared in the dictionary (``fake_sap.ddic.tables.sales``
and ``shipping``): SAP's field lists, the same database columns as before, and which of them
fit a DATA line of RFC_READ_TABLE. No process is started."""

from __future__ import annotations

import pytest

from fake_sap.db import documents
from fake_sap.ddic.tables import sales, shipping
from fake_sap.ddic.tables.declaration import PACKED_TEXT_LENGTH, TableDeclaration
from fake_sap.ddic.types import PACKED_TYPES, char
from fake_sap.rfc.read_table import LINE_WIDTH

pytestmark = pytest.mark.unit

DECLARATIONS = (*sales.TABLES, *shipping.TABLES)


def _width(declaration: TableDeclaration) -> int:
    return sum(f.type.width for f in declaration.fields)


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=lambda d: d.name)
def test_every_kept_field_is_a_column_of_the_first_revision(declaration: TableDeclaration):
    """The declarations add no column: the tables keep the columns the baseline revision made,
    in its order, so no schema revision is needed."""
    table = getattr(documents, declaration.table_name)
    assert [c.name for c in table.columns] == list(declaration.first_columns)
    assert not declaration.added_since_first_revision()


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=lambda d: d.name)
def test_kept_packed_fields_default_to_zero_text(declaration: TableDeclaration):
    table = getattr(documents, declaration.table_name)
    for field in declaration.kept_fields:
        if field.type.type in PACKED_TYPES:
            column = table.c[field.column_name]
            assert column.type.length == PACKED_TEXT_LENGTH
            assert column.default is not None and column.default.arg == "0", field.name


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=lambda d: d.name)
def test_the_declarations_start_with_the_client_and_keep_their_keys(
        declaration: TableDeclaration):
    assert declaration.fields[0].name == "MANDT"
    assert all(f.kept for f in declaration.key_fields)
    assert len({f.name for f in declaration.fields}) == len(declaration.fields)


def test_the_headers_and_items_are_wider_than_a_data_line_and_the_others_fit():
    wide = {d.name for d in DECLARATIONS if _width(d) > LINE_WIDTH}
    assert wide == {"VBAK", "VBAP", "LIKP", "LIPS"}


def test_vbak_bstnk_is_sap_s_20_characters_in_a_column_of_35():
    bstnk = sales.VBAK.field("BSTNK")
    assert bstnk is not None and bstnk.type == char(20) and bstnk.kept
    assert documents.vbak.c.bstnk.type.length == 35


def test_fields_no_process_fills_are_declared_but_not_kept():
    for name in ("ANGDT", "KVGR1", "KTEXT", "AMTBL"):
        field = sales.VBAK.field(name)
        assert field is not None and not field.kept, name
    assert len(sales.VBAP.fields) > 200 and len(sales.VBAP.kept_fields) == 18
