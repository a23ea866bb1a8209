"""The SAP tables RFC_READ_TABLE can read: one declaration each.

The material and customer master tables are declared in the ABAP Dictionary
(``fake_sap.ddic.tables``), which the database schema is made from as well. The others are
declared here with ``read_table.sap_table``: each lists the SAP fields it exposes with their
DDIC type where it is not the column's CHAR length, and SAP's short text; a column that is
not listed is not an SAP field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from fake_sap.db import iso_codes, schema
from fake_sap.ddic.tables import customer, material
from fake_sap.ddic.tables.declaration import linked_element
from fake_sap.rfc import document_tables
from fake_sap.rfc.model import (
    DATS,
    INT4,
    LANG,
    TIMS,
    AbapType,
    Elementary,
    cuky,
    curr,
    dec,
    numc,
    quan,
    unit,
)
from fake_sap.rfc.read_table import ReadableTable, declared_table, sap_table

_AMOUNT = curr(11)
_QUANTITY = quan(13)
_INT2 = Elementary(AbapType.INT2, 5)
_FLTP = Elementary(AbapType.FLTP, 16, 16)

#: the tables declared in the ABAP Dictionary, with the database table made from each
_DICTIONARY_TABLES = ((material.MARA, schema.mara), (material.MAKT, schema.makt),
                      (material.MARC, schema.marc), (material.MARD, schema.mard),
                      (material.MBEW, schema.mbew), (material.MVKE, schema.mvke),
                      (customer.KNA1, schema.kna1), (customer.KNVV, schema.knvv),
                      (customer.KNVP, schema.knvp), (customer.KNB1, schema.knb1),
                      (customer.KNKK, schema.knkk))

TABLES: list[ReadableTable] = [
    *(declared_table(declaration, table) for declaration, table in _DICTIONARY_TABLES),
    sap_table(iso_codes.t006, "T006", "Units of Measurement", {
        "MSEHI": (unit(), "Unit of Measurement"),
        "KZEX3": "3-char indicator for external unit of measurement",
        "KZEX6": "6-char. ID for external unit of measurement",
        "ANDEC": (_INT2, "No. of decimal places to which rounding should be performed"),
        "KZKEH": "Commercial measurement unit ID",
        "KZWOB": "Value-based commitment indicator",
        "KZ1EH": "Indicator (1) unit (indicator not yet defined)",
        "KZ2EH": "Indicator (2) unit (indicator not yet defined)",
        "DIMID": "Dimension key",
        "ZAEHL": (INT4, "Numerator for conversion to SI unit"),
        "NENNR": (INT4, "Denominator for conversion into SI unit"),
        "EXP10": (_INT2, "base ten exponent for conversion to SI unit"),
        "ADDKO": (dec(9, 6), "Additive constant for conversion to SI unit"),
        "EXPON": (_INT2, "Base ten exponent for floating-point display"),
        "DECAN": (_INT2, "Number of decimal places for number display"),
        "ISOCODE": "ISO code for unit of measurement",
        "PRIMARY": "Selection field for conversion from ISO code to int. code",
        "TEMP_VALUE": (_FLTP, "Temperature"),
        "TEMP_UNIT": (unit(), "Temperature unit"),
        "FAMUNIT": "Unit of measurement family",
        "PRESS_VAL": (_FLTP, "Pressure Value"),
        "PRESS_UNIT": (unit(), "Unit of Pressure"),
    }),
    sap_table(iso_codes.tcurc, "TCURC", "Currency Codes", {
        "WAERS": (cuky(), "Currency Key"),
        "ISOCD": "ISO currency code",
        "ALTWR": "Alternative key for currencies",
        "GDATU": (DATS, "Date until which the alternative key is valid"),
        "XPRIMARY": "Primary SAP Currency Code for ISO Code",
    }),
    sap_table(iso_codes.t005, "T005", "Countries", {
        "LAND1": "Country Key",
        "LANDK": "Vehicle country key",
        "LNPLZ": (numc(2), "Postal code length"),
        "PRPLZ": "Rule for the postal code field check",
        "ADDRS": "Formatting routine key for printing addresses",
        "XPLZS": "Flag: Street address postal code required entry?",
        "XPLPF": "Flag: PO Box postal code required?",
        "SPRAS": (LANG, "Language Key"),
        "XLAND": "Country version flag",
        "XADDR": "Flag: Print country name in foreign addresses?",
        "NMFMT": "Standard name format",
        "XREGS": "Flag: City file address check",
        "XPLST": "Flag: Street-specific postal code? (City file)",
        "INTCA": "Country ISO code",
        "INTCA3": "ISO country code 3 char",
        "INTCN3": (numc(3), "ISO Country Code Numeric 3-Characters"),
        "XEGLD": "Indicator: European Union Member?",
        "XSKFN": "Indicator: Discount base amount is the net value",
        "XMWSN": "Indicator: Base amount for tax is net of discount ?",
    }),
    sap_table(schema.edidc, "EDIDC", "Control record (IDoc)", {
        "DOCNUM": (numc(16), "IDoc number"),
        "STATUS": "Status of IDoc",
        "DIRECT": "Direction for IDoc",
        "IDOCTP": "Basic type",
        "CIMTYP": "Extension",
        "MESTYP": "Message Type",
        "MESCOD": "Message code",
        "MESFCT": "Message function",
        "SNDPOR": "Sender port (SAP System, EDI subsystem)",
        "SNDPRT": "Partner Type of Sender",
        "SNDPRN": "Partner Number of Sender",
        "RCVPOR": "Receiver port",
        "RCVPRT": "Partner Type of Receiver",
        "RCVPRN": "Partner Number of Receiver",
        "CREDAT": (DATS, "IDoc Created On"),
        "CRETIM": (TIMS, "IDoc Created at"),
        "REFINT": "Transmission file (EDI Interchange)",
        "SERIAL": "Serialization",
    }),
    sap_table(schema.edids, "EDIDS", "Status Record (IDoc)", {
        "DOCNUM": (numc(16), "IDoc number"),
        "LOGDAT": (DATS, "Date of status information"),
        "LOGTIM": (TIMS, "Time of status information"),
        "COUNTR": (numc(16), "IDoc status counter"),
        "STATUS": "Status of IDoc",
        "STATXT": "Text for status code",
        "SEGNUM": "Number of SAP segment",
        "SEGFLD": "Field Name in SAP Segment",
        "STATYP": "Type of system error message (A, W, E, S, I)",
        "STAMID": "Status message ID",
        "STAMNO": "Status message number",
        "STAPA1": "Parameter 1",
        "STAPA2": "Parameter 2",
        "STAPA3": "Parameter 3",
        "STAPA4": "Parameter 4",
    }),
]

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
    # sapdatasheet.org, table field NAST-SPRAS (domain SPRAS): the language key element
    "T005": {"SPRAS": "SPRAS"},
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
