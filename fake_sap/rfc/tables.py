"""The SAP tables RFC_READ_TABLE can read: one declaration each.

The material and customer master tables, the code tables (T006, TCURC, T005) and the IDoc
tables (EDIDC, EDIDS) are declared in the ABAP Dictionary (``fake_sap.ddic.tables``), which
the database schema is made from as well; the customizing tables (T001, TVKO, T001W ...) are
declared there too and read through a read-only view over the client's customizing entries
(``fake_sap.db.clients.customizing_view``); the document tables are listed in
``fake_sap.rfc.document_tables``. A column that is not declared as a field (EDIDC's stored
XML ...) is not an SAP field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from fake_sap.db import clients, iso_codes, schema
from fake_sap.ddic.tables import codes, customer, customizing, idoc, material
from fake_sap.ddic.tables.declaration import linked_element
from fake_sap.rfc import document_tables
from fake_sap.rfc.read_table import ReadableTable, declared_table

#: the tables declared in the ABAP Dictionary, with the database table made from each
_DICTIONARY_TABLES = ((material.MARA, schema.mara), (material.MAKT, schema.makt),
                      (material.MARC, schema.marc), (material.MARD, schema.mard),
                      (material.MBEW, schema.mbew), (material.MVKE, schema.mvke),
                      (material.MARM, schema.marm),
                      (customer.KNA1, schema.kna1), (customer.KNVV, schema.knvv),
                      (customer.KNVP, schema.knvp), (customer.KNB1, schema.knb1),
                      (customer.KNKK, schema.knkk), (codes.T006, iso_codes.t006),
                      (codes.TCURC, iso_codes.tcurc), (codes.T005, iso_codes.t005),
                      (idoc.EDIDC, schema.edidc), (idoc.EDIDS, schema.edids))

TABLES: list[ReadableTable] = [
    declared_table(declaration, table) for declaration, table in _DICTIONARY_TABLES]

TABLES += [declared_table(declaration, clients.customizing_view(declaration))
           for declaration in customizing.TABLES]
TABLES += document_tables.TABLES  # VBAK ... BKPF, BSEG, S001: declared with the documents

#: the data elements (DD03L-ROLLNAME) of fields of the tables declared here, as the tables'
#: public listings name them (see docs/ddic.md); a field not named here has none declared.
#: Unlike the dictionary tables, these are not linked by field name: in SAP's document
#: tables the element often differs from the field (VBAP-VBELN is VBELN_VA, EKPO-MEINS
#: is BSTME)
_ELEMENTS: Mapping[str, Mapping[str, str]] = {
    # leanx.eu and sapdatasheet.org, table VBAP; datapanda.eu, table VBDKR (WAERK)
    "VBAK": {"WAERK": "WAERK", "VKORG": "VKORG", "VTWEG": "VTWEG", "SPART": "SPART"},
    "VBAP": {"VBELN": "VBELN_VA", "POSNR": "POSNR_VA", "MATNR": "MATNR", "PSTYV": "PSTYV",
             "ARKTX": "ARKTX", "WAERK": "WAERK", "VRKME": "VRKME", "MEINS": "MEINS",
             "LGORT": "LGORT_D"},
    # leanx.eu, table LIPS
    "LIPS": {"MATNR": "MATNR", "WERKS": "WERKS_D", "LGORT": "LGORT_D", "MEINS": "MEINS",
             "VRKME": "VRKME"},
}


def _with_elements(table: ReadableTable) -> ReadableTable:
    """``table`` with its fields linked to the data elements :data:`_ELEMENTS` names
    (the field takes the element's type: same width, so RFC_READ_TABLE's output does not
    change)."""
    names = _ELEMENTS.get(table.name)
    if not names:
        return table
    fields = []
    for field in table.fields:
        if field.name in names:
            type_, element = linked_element(field.name, field.type, names[field.name])
            field = replace(field, type=type_, element=element.name if element else "")
        fields.append(field)
    return replace(table, fields=tuple(fields))


TABLES = [_with_elements(table) for table in TABLES]

#: the readable tables by name, as RFC_READ_TABLE looks them up
BY_NAME: Mapping[str, ReadableTable] = MappingProxyType({t.name: t for t in TABLES})
