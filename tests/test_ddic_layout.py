"""The SE11-like listings the long DDIC structures are declared with."""

from __future__ import annotations

import pytest

from fake_sap.ddic.types import AbapType, Elementary
from fake_sap.rfc.functions import material_structures, sales_structures
from fake_sap.rfc.model import Structure
from fake_sap.rfc.structures import flags, layout

pytestmark = pytest.mark.unit


def test_a_listing_line_gives_name_type_length_decimals_and_text():
    fields = layout("""
NET_WEIGHT QUAN13.3 Net weight (NTGEW)
BASE_UOM UNIT Base unit of measure
CURRENCY CUKY
REQ_DATE DATS Requested date
ITM_NUMBER NUMC6 Item
""")
    assert [(f.name, f.type, f.text) for f in fields] == [
        ("NET_WEIGHT", Elementary(AbapType.QUAN, 13, 3), "Net weight (NTGEW)"),
        ("BASE_UOM", Elementary(AbapType.UNIT, 3), "Base unit of measure"),
        ("CURRENCY", Elementary(AbapType.CUKY, 5), ""),
        ("REQ_DATE", Elementary(AbapType.DATS, 8), "Requested date"),
        ("ITM_NUMBER", Elementary(AbapType.NUMC, 6), "Item"),
    ]


@pytest.mark.parametrize("line", ["JUST_A_NAME", "FIELD BLOB12 an unknown type"])
def test_a_line_that_is_not_a_listing_line_is_refused(line):
    with pytest.raises(ValueError):
        layout(line)


def test_flags_are_one_character_fields_in_the_given_order():
    assert [(f.name, str(f.type)) for f in flags("SALES_ORG\nDIVISION  PLANT")] == [
        ("SALES_ORG", "CHAR 1"), ("DIVISION", "CHAR 1"), ("PLANT", "CHAR 1")]


def _structures(module: object) -> list[Structure]:
    return [value for value in vars(module).values() if isinstance(value, Structure)]


@pytest.mark.parametrize("structure", _structures(sales_structures)
                         + _structures(material_structures), ids=str)
def test_no_structure_declares_a_field_twice(structure):
    names = [f.name for f in structure.fields]
    assert len(names) == len(set(names))


def test_the_sales_order_structures_name_their_source():
    for structure in (sales_structures.BAPISDHD1, sales_structures.BAPISDITMX,
                      sales_structures.BAPICOND, material_structures.BAPIMATHEAD):
        assert structure.source


def test_the_x_structures_flag_the_iso_fields_sap_flags():
    # SAP's BAPISDITMX has T_UNIT_ISO but no S_UNIT_ISO flag; the X structures are SAP's
    # own lists, not mirrors of the data structures
    names = {f.name for f in sales_structures.BAPISDITMX.fields}
    assert "T_UNIT_ISO" in names and "S_UNIT_ISO" not in names


@pytest.mark.parametrize("structure", _structures(sales_structures)
                         + _structures(material_structures), ids=str)
def test_a_structure_starts_from_each_components_initial_value(structure):
    # Structure.initial() copies values computed once; they must equal the per-field ones
    initial = structure.initial()
    assert initial == {f.name: f.type.initial() for f in structure.fields}
    initial[structure.fields[0].name] = "changed"
    assert structure.initial()[structure.fields[0].name] != "changed"
