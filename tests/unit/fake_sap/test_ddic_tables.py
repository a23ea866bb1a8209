"""The SAP tables declared in the ABAP Dictionary (``fake_sap.ddic.tables``): the database
tables made from them, and the readable tables RFC_READ_TABLE and DDIF_FIELDINFO_GET answer
for. No process is started."""

from __future__ import annotations

import pytest
from sqlalchemy import MetaData, String

from fake_sap.db import schema
from fake_sap.ddic.tables import TABLES
from fake_sap.ddic.tables.declaration import PACKED_TEXT_LENGTH, TableDeclaration, data, key
from fake_sap.ddic.tables.material import MARA
from fake_sap.ddic.types import CLNT, DATS, char, numc, quan
from fake_sap.rfc import tables as readable_tables
from fake_sap.rfc.read_table import LINE_WIDTH, layout_of

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("declaration", TABLES, ids=lambda d: d.name)
def test_the_schema_table_is_the_one_the_declaration_makes(declaration: TableDeclaration):
    made = declaration.table(MetaData())
    stored = schema.metadata.tables[declaration.table_name]
    assert [(c.name, str(c.type), c.nullable, c.primary_key) for c in made.columns] == \
        [(c.name, str(c.type), c.nullable, c.primary_key) for c in stored.columns]
    assert [f.column_name for f in declaration.key_fields] == \
        [c.name for c in stored.primary_key.columns]


@pytest.mark.parametrize("declaration", TABLES, ids=lambda d: d.name)
def test_the_readable_table_has_every_declared_field_in_sap_order(
        declaration: TableDeclaration):
    readable = readable_tables.BY_NAME[declaration.name]
    assert [(f.name, f.type, f.text) for f in readable.fields] == \
        [(f.name, f.type, f.text) for f in declaration.fields]
    assert readable.fields[0].name == "MANDT"


def test_a_declaration_makes_text_columns_as_long_as_the_fields():
    declaration = TableDeclaration("ZTEST", "Test", (
        key("MANDT", CLNT, "Client"), key("ZKEY", char(10), "Key"),
        data("ZDATE", DATS, "Date"), data("ZQUAN", quan(13), "Quantity"),
        data("ZNUMC", numc(3), "Number", initial="000"),
    ), source="none", first_columns=("mandt", "zkey", "zdate"))
    table = declaration.table(MetaData())
    assert [c.name for c in table.columns] == ["mandt", "zkey", "zdate", "zquan", "znumc"]
    assert [c.type.length for c in table.columns if isinstance(c.type, String)] == \
        [3, 10, 8, PACKED_TEXT_LENGTH, 3]
    # the columns added after the first revision carry their initial value as server default
    assert table.c.zdate.server_default is None
    assert table.c.znumc.server_default.arg == "000" and table.c.znumc.default is None
    assert table.c.zdate.default.arg == ""
    assert table.c.zkey.default is None


def test_a_first_column_that_is_no_field_is_refused():
    with pytest.raises(ValueError):
        TableDeclaration("ZTEST", "Test", (key("MANDT", CLNT, "Client"),), source="none",
                         first_columns=("mandt", "nope"))


def test_mara_has_sap_standard_fields_and_its_full_row_is_wider_than_a_data_line():
    names = [f.name for f in MARA.fields]
    assert names[:4] == ["MANDT", "MATNR", "ERSDA", "ERNAM"]
    for standard in ("BLANZ", "EKWSL", "GROES", "LAENG", "BREIT", "HOEHE", "VOLUM",
                     "MSTAE", "MSTDE", "MHDRZ", "MTPOS_MARA", "RMATP", "FASHGRD"):
        assert standard in names
    assert len(names) > 190
    assert MARA.field("BLANZ").type == numc(3)  # type: ignore[union-attr]
    with pytest.raises(Exception, match="DATA_BUFFER_EXCEEDED|characters"):
        layout_of(readable_tables.BY_NAME["MARA"], [], "")
    width = sum(f.type.width for f in MARA.fields)
    assert width > LINE_WIDTH


def test_get_detail_gives_back_every_general_field_named_like_a_bapi_mara_field(monkeypatch):
    from fake_sap.rfc.functions import material as material_functions
    from fake_sap.rfc.model import Field, structure

    wider = structure("BAPIMATDOA", "Material data, general",
                      Field("SIZE_DIM", char(32), "Size/dimensions"),
                      Field("NO_SHEETS", numc(3), "Number of sheets"),
                      Field("NET_WEIGHT", quan(13), "Net weight"),
                      Field("MATL_DESC", char(40), "Material description"))
    monkeypatch.setattr(material_functions, "BAPIMATDOA", wider)
    assert material_functions._general_columns() == {
        "SIZE_DIM": "groes", "NO_SHEETS": "blanz", "NET_WEIGHT": "ntgew"}


def test_matmas_maps_every_other_standard_e1maram_field_to_its_mara_field():
    from fake_sap.ale.inbound import matmas
    from fake_sap.idoc.document import Idoc, SegmentData

    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "4711", "MTART": "FERT",
                                     "MEINS": "ST", "BLANZ": "7", "EKWSL": "EKWS",
                                     "GROES": "10x20", "MEABM": "MTR", "LAENG": "1.5"})
    command = matmas.to_command(Idoc(control={}, segments=[header]))
    other = command.other_general_fields  # type: ignore[union-attr]
    assert (other["BLANZ"], other["EKWSL"], other["GROES"], other["MEABM"],
            other["LAENG"]) == ("007", "EKWS", "10x20", "M", "1.5")
    # a MATMAS replaces the general data: a field it leaves out becomes initial
    assert other["BREIT"] == "" and "MTART" not in other and "ERSDA" not in other
