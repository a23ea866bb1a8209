"""Table fields linked to their data elements (:func:`fake_sap.ddic.tables.declaration.
linked_element`), and what DDIF_FIELDINFO_GET makes of the link: ROLLNAME, DOMNAME, CONVEXIT,
CHECKTABLE and the element's DDIC type; IDoc segment types as structures. No process is
started."""

from __future__ import annotations

import pytest

from fake_sap import compose
from fake_sap.ddic.elements import DATA_ELEMENTS
from fake_sap.ddic.tables import material
from fake_sap.ddic.tables.declaration import data, linked_element
from fake_sap.ddic.types import LANG, char, numc, unit
from fake_sap.rfc import read_table
from fake_sap.rfc.functions import ddic

pytestmark = pytest.mark.unit

TABLES = compose.readable_tables()
OBJECTS = ddic.dictionary([], TABLES.values(), ddic.idoc_segments())


def _rows(name: str) -> dict[str, dict[str, str]]:
    return {row["FIELDNAME"]: row for row in ddic.field_rows(OBJECTS[name], "E")}


def test_a_field_is_linked_to_the_element_of_its_name_and_takes_its_type():
    assert linked_element("MEINS", char(3)) == (unit(), DATA_ELEMENTS["MEINS"])
    declared = data("SPRAS", char(1), "Language Key")
    assert (declared.type, declared.element) == (LANG, "SPRAS")


def test_no_link_when_the_element_does_not_fit_or_none_is_wanted():
    assert linked_element("MATNR", char(40)) == (char(40), None)
    assert linked_element("MEINS", numc(3)) == (numc(3), None)
    assert linked_element("KUNNR", char(10), "") == (char(10), None)
    assert linked_element("ZZNOPE", char(3)) == (char(3), None)


def test_a_named_element_that_does_not_fit_or_is_not_declared_is_refused():
    with pytest.raises(ValueError):
        linked_element("LVORM", char(2), "LVOMA")
    with pytest.raises(ValueError):
        linked_element("LVORM", char(1), "ZZNOPE")


def test_every_linked_field_has_its_elements_type():
    linked = 0
    for table in TABLES.values():
        for field in table.fields:
            if field.element:
                assert field.type == DATA_ELEMENTS[field.element].type, \
                    f"{table.name}-{field.name}"
                linked += 1
    assert linked >= 60


def test_unit_currency_and_language_fields_of_readable_tables_are_not_char():
    """The fields the document tables and the dictionary tables keep for units,
    currencies and language keys carry SAP's DDIC type, whatever their element."""
    expected = {("MARA", "MEINS"): "UNIT", ("MARA", "GEWEI"): "UNIT",
                ("MAKT", "SPRAS"): "LANG", ("VBAK", "WAERK"): "CUKY",
                ("VBAP", "WAERK"): "CUKY", ("VBAP", "VRKME"): "UNIT",
                ("VBAP", "MEINS"): "UNIT", ("LIPS", "MEINS"): "UNIT",
                ("LIPS", "VRKME"): "UNIT", ("VBFA", "MEINS"): "UNIT",
                ("VBFA", "WAERS"): "CUKY", ("MSEG", "MEINS"): "UNIT",
                ("MSEG", "ERFME"): "UNIT", ("EKKO", "WAERS"): "CUKY",
                ("EKPO", "MEINS"): "UNIT", ("BKPF", "WAERS"): "CUKY",
                ("S001", "STWAE"): "CUKY", ("S001", "BASME"): "UNIT"}
    for (table, field), ddic_type in expected.items():
        assert TABLES[table].field(field).type.ddic_type == ddic_type, f"{table}-{field}"


def test_the_element_type_keeps_rfc_read_tables_width_and_type_letter():
    for table, names in (("VBAP", ["WAERK", "VRKME", "MEINS"]), ("MAKT", ["SPRAS"]),
                         ("EKPO", ["MEINS"]), ("S001", ["STWAE", "BASME"])):
        layout = read_table.layout_of(TABLES[table], names, "")
        assert [(item.width, item.field.type.internal_type) for item in layout] == [
            (TABLES[table].field(name).type.length, "C") for name in names]
    widths = [item.width for item in read_table.layout_of(TABLES["VBAP"], ["WAERK", "MEINS"],
                                                          "")]
    assert widths == [5, 3]


def test_dfies_of_mara_meins_and_matnr_come_from_their_elements():
    rows = _rows("MARA")
    meins = rows["MEINS"]
    assert (meins["DATATYPE"], meins["ROLLNAME"], meins["DOMNAME"], meins["CONVEXIT"],
            meins["CHECKTABLE"], meins["INTTYPE"]) == ("UNIT", "MEINS", "MEINS", "CUNIT",
                                                      "T006", "C")
    assert (rows["MATNR"]["ROLLNAME"], rows["MATNR"]["CONVEXIT"]) == ("MATNR", "MATN1")
    assert rows["LVORM"]["ROLLNAME"] == "LVOMA"
    assert "ROLLNAME" not in rows["KUNNR"] and rows["KUNNR"]["CHECKTABLE"] == "KNA1"
    assert rows["MANDT"]["CHECKTABLE"] == "T000"
    # a field without a declared element keeps them initial
    assert "ROLLNAME" not in rows["ZEINR"] and rows["ZEINR"]["CHECKTABLE"] == ""


def test_document_tables_name_the_element_of_their_listing():
    vbap, ekpo = _rows("VBAP"), _rows("EKPO")
    assert (vbap["VBELN"]["ROLLNAME"], vbap["VBELN"]["DOMNAME"]) == ("VBELN_VA", "VBELN")
    assert (vbap["VRKME"]["ROLLNAME"], vbap["VRKME"]["CONVEXIT"]) == ("VRKME", "CUNIT")
    assert (vbap["WAERK"]["DATATYPE"], vbap["WAERK"]["ROLLNAME"]) == ("CUKY", "WAERK")
    assert (ekpo["MEINS"]["ROLLNAME"], ekpo["MEINS"]["DATATYPE"]) == ("BSTME", "UNIT")
    lips = _rows("LIPS")
    assert (lips["WERKS"]["ROLLNAME"], lips["VRKME"]["ROLLNAME"]) == ("WERKS_D", "VRKME")
    # not linked by name in the document tables: the element is not confirmed
    assert "ROLLNAME" not in _rows("VBFA")["WAERS"]


def test_an_idoc_segment_type_is_a_structure_of_character_fields():
    segment = OBJECTS["E1MARAM"]
    assert segment.kind == "INTTAB"
    rows = _rows("E1MARAM")
    assert (rows["MATNR"]["DATATYPE"], rows["MATNR"]["LENG"]) == ("CHAR", "18")
    assert (rows["BRGEW"]["DATATYPE"], rows["BRGEW"]["LENG"]) == ("CHAR", "14")
    assert all(row["DATATYPE"] == "CHAR" and row["INTTYPE"] == "C" for row in rows.values())
    assert {"E1MAKTM", "E1KNA1M", "E1EDK01"} <= set(OBJECTS)


def test_the_material_declarations_name_their_check_tables_only_from_the_listing():
    checked = {f.name: f.check_table for f in material.MARA.fields if f.check_table}
    assert checked["MEINS"] == "T006" and checked["MTART"] == "T134"
    assert "MATNR" not in checked and "ZEINR" not in checked
