"""Data elements (SE11), declared as data: what gives a table or structure field its type.

In SAP a field is typed with a data element (MATNR), the data element with a domain (MATNR:
CHAR 18, conversion routine MATN1). The emulator keeps the two levels in one record: a
:class:`DataElement` carries the elementary type of its domain, the domain's name and its
conversion exit where a public source names them, the short text, and the source the facts
were taken from. A declaration refers to it by name instead of repeating type and length::

    Field("MATERIAL", element("MATNR"), "Material number")

Only data elements whose type and length a public data-dictionary listing confirms are
declared here; ``source`` names that listing for each of them, and ``notes`` says what it
did not confirm. The catalogue of sources with their addresses is ``docs/ddic.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from fake_sap.ddic.types import DATS, LANG, Elementary, char, cuky, curr, dec, numc, quan, unit

# -- conversion exits (the domain's conversion routine) --------------------------------------

#: numeric values right-aligned with leading zeros, anything else left as entered
ALPHA = "ALPHA"
#: the material number: ALPHA-like for a purely numeric one, as entered otherwise
MATN1 = "MATN1"
#: units of measure: the language-dependent commercial unit (PC) to the internal one (ST)
CUNIT = "CUNIT"
#: language keys: the two-letter ISO 639 code (EN) to the one-character key (E)
ISOLA = "ISOLA"

# -- the public listings the facts come from (see docs/ddic.md for their addresses) ---------

_LEANX_MARA = "leanx.eu, SAP Table MARA (data element, data type, length, decimals)"
_LEANX_VBAP = "leanx.eu, SAP Table VBAP (data element, data type, length)"
_LEANX_MT06E = "leanx.eu, SAP Table MT06E (data element, data type, length, decimals)"
_SAPDATASHEET_VBAP = "sapdatasheet.org, table VBAP (data element with its domain)"
_SAPDATASHEET_VBAPKOM_WW = ("sapdatasheet.org, structure VBAPKOM_WW (WERKS_D, LGORT_D and "
                            "VRKME with their domains WERKS, LGORT and MEINS)")
_SAPDATASHEET_KUNNR = "sapdatasheet.org, data element KUNNR (domain KUNNR, CHAR 10)"
_SAPDATASHEET_NAST = "sapdatasheet.org, table field NAST-SPRAS (domain SPRAS, LANG 1)"
_DATAPANDA_VBDKR = "datapanda.eu, SAP table VBDKR (data element, data type, length, decimals)"
_ERPEXPLORER_TVKO = "erpexplorer.com, SAP R/3 table TVKO (VKORG CHAR 4, WERKS_D CHAR 4)"
_STECHNO_TPVSO = ("stechno.net, SAP table TPVSO (VKORG, VTWEG, SPART, VKBUR, VKGRP with data "
                  "elements)")
#: the conversion exits the SOAP-RFC metadata of the BAPIs tags fields with
_FT_EXITS = ("SAP/fundamental-tools, generated BAPI metadata (api/salesOrder): MATERIAL "
             "ALPHA=MATN1, SALES_UNIT ALPHA=CUNIT, PARTN_NUMB ALPHA=ALPHA")
#: for the few facts no public listing confirmed (each one's notes say what is assumed)
_UNCONFIRMED = "no public listing found"
_ISOLA = ("help.sap.com, ISOLA Conversion Routine; help.sap.com 4.6C, Conversion to "
          "two-character language key (data type LANG always implies the ISO 639 exit)")


@dataclass(frozen=True)
class DataElement:
    """A data element with the technical attributes of its domain."""

    name: str
    type: Elementary
    #: SE11 short description
    text: str
    #: the public listing the type and length were taken from
    source: str
    #: the domain, where the source names it
    domain: str = ""
    #: the domain's conversion routine (ALPHA, MATN1, CUNIT, ISOLA), where a source names it
    conversion_exit: str = ""
    #: what the sources did not confirm
    notes: str = ""


def _declare(*elements: DataElement) -> Mapping[str, DataElement]:
    index: dict[str, DataElement] = {}
    for declared in elements:
        if declared.name in index:
            raise ValueError(f"data element {declared.name} is declared twice")
        index[declared.name] = declared
    return MappingProxyType(index)


DATA_ELEMENTS: Mapping[str, DataElement] = _declare(
    # -- material master (MARA, MAKT, MARC, MARD) --------------------------------------------
    DataElement("MATNR", char(18), "Material Number", _LEANX_MARA, domain="MATNR",
                conversion_exit=MATN1,
                notes=f"Domain: {_SAPDATASHEET_VBAP}. Exit: {_FT_EXITS}. 18 characters as "
                      "in R/3 and ECC; S/4HANA widened it to 40."),
    DataElement("ERSDA", DATS, "Created On", _LEANX_MARA),
    DataElement("LVOMA", char(1), "Flag Material for Deletion at Client Level", _LEANX_MARA),
    DataElement("ERNAM", char(12), "Name of Person who Created the Object", _LEANX_MARA),
    DataElement("LAEDA", DATS, "Date of Last Change", _LEANX_MARA),
    DataElement("AENAM", char(12), "Name of Person Who Changed Object", _LEANX_MARA),
    DataElement("MTART", char(4), "Material Type", _LEANX_MARA),
    DataElement("MBRSH", char(1), "Industry sector", _LEANX_MARA),
    DataElement("MATKL", char(9), "Material Group", _LEANX_MARA, domain="MATKL",
                notes=f"Domain: {_SAPDATASHEET_VBAP}."),
    DataElement("BISMT", char(18), "Old material number", _LEANX_MARA),
    DataElement("MEINS", unit(), "Base Unit of Measure", _LEANX_MARA, domain="MEINS",
                conversion_exit=CUNIT,
                notes=f"Exit: {_FT_EXITS} (SALES_UNIT is typed VRKME, of domain MEINS: "
                      f"{_SAPDATASHEET_VBAPKOM_WW})."),
    DataElement("BSTME", unit(), "Purchase Order Unit of Measure", _LEANX_MARA,
                notes="Domain and conversion exit not confirmed by the sources consulted."),
    DataElement("BRGEW", quan(13, 3), "Gross Weight", _LEANX_MARA),
    DataElement("NTGEW", quan(13, 3), "Net Weight", _LEANX_MARA),
    DataElement("GEWEI", unit(), "Weight Unit", _LEANX_MARA,
                notes="Domain and conversion exit not confirmed by the sources consulted."),
    DataElement("SPART", char(2), "Division", _STECHNO_TPVSO,
                notes=f"Also {_LEANX_MARA} and {_DATAPANDA_VBDKR}."),
    DataElement("MAKTX", char(40), "Material Description (Short Text)", _LEANX_MT06E),
    DataElement("EKGRP", char(3), "Purchasing Group", _LEANX_MT06E),
    DataElement("DISPO", char(3), "MRP Controller (Materials Planner)", _LEANX_MT06E),
    DataElement("BKLAS", char(4), "Valuation Class", _LEANX_MT06E),
    DataElement("VPRSV", char(1), "Price control indicator", _LEANX_MT06E),
    DataElement("VERPR", curr(11, 2), "Moving Average Price/Periodic Unit Price", _LEANX_MT06E),
    DataElement("STPRS", curr(11, 2), "Standard price", _LEANX_MT06E),
    DataElement("PEINH", dec(5), "Price Unit", _LEANX_MT06E),
    DataElement("SPRAS", LANG, "Language Key", _DATAPANDA_VBDKR, domain="SPRAS",
                conversion_exit=ISOLA,
                notes=f"Domain: {_SAPDATASHEET_NAST}. Exit: {_ISOLA}."),
    DataElement("WERKS_D", char(4), "Plant", _ERPEXPLORER_TVKO, domain="WERKS",
                notes=f"Domain: {_SAPDATASHEET_VBAPKOM_WW}."),
    DataElement("LGORT_D", char(4), "Storage location", _SAPDATASHEET_VBAPKOM_WW,
                domain="LGORT"),
    # -- customer master and sales area --------------------------------------------------------
    DataElement("KUNNR", char(10), "Customer Number", _SAPDATASHEET_KUNNR, domain="KUNNR",
                conversion_exit=ALPHA,
                notes=f"Exit: {_FT_EXITS}; the partner number of BAPIPARNR is a customer "
                      "number."),
    DataElement("VKORG", char(4), "Sales Organization", _ERPEXPLORER_TVKO,
                notes=f"Also {_DATAPANDA_VBDKR} and {_STECHNO_TPVSO}."),
    DataElement("VTWEG", char(2), "Distribution Channel", _DATAPANDA_VBDKR,
                notes=f"Also {_STECHNO_TPVSO}."),
    DataElement("VKBUR", char(4), "Sales Office", _STECHNO_TPVSO),
    DataElement("VKGRP", char(3), "Sales Group", _STECHNO_TPVSO),
    # -- sales documents (VBAK, VBAP) ----------------------------------------------------------
    DataElement("VBELN", char(10), "Sales and Distribution Document Number",
                _DATAPANDA_VBDKR, domain="VBELN",
                notes="Numeric document numbers travel zero-padded, as with ALPHA; the "
                      "domain's conversion exit is not confirmed by a dictionary listing, so "
                      "none is declared."),
    DataElement("VBELN_VA", char(10), "Sales Document", _LEANX_VBAP, domain="VBELN",
                notes=f"Domain: {_SAPDATASHEET_VBAP}."),
    DataElement("POSNR_VA", numc(6), "Sales Document Item", _LEANX_VBAP, domain="POSNR",
                notes=f"Domain: {_SAPDATASHEET_VBAP}."),
    DataElement("MATWA", char(18), "Material entered", _LEANX_VBAP),
    DataElement("CHARG_D", char(10), "Batch Number", _LEANX_VBAP, domain="CHARG",
                notes=f"Domain: {_SAPDATASHEET_VBAP}."),
    DataElement("PSTYV", char(4), "Sales document item category", _LEANX_VBAP),
    DataElement("ARKTX", char(40), "Short text for sales order item", _LEANX_VBAP),
    DataElement("VRKME", unit(), "Sales unit", _SAPDATASHEET_VBAPKOM_WW, domain="MEINS",
                conversion_exit=CUNIT, notes=f"Exit: {_FT_EXITS}."),
    DataElement("KWMENG", quan(15, 3), "Cumulative Order Quantity in Sales Units",
                _UNCONFIRMED,
                notes="QUAN 15.3 is the type the emulator has always given VBAP-KWMENG; no "
                      "listing consulted shows the data element's length."),
    DataElement("WAERS", cuky(), "Currency Key", _DATAPANDA_VBDKR),
    DataElement("WAERK", cuky(), "SD Document Currency", _DATAPANDA_VBDKR),
    DataElement("NETWR", curr(15, 2), "Net Value in Document Currency", _DATAPANDA_VBDKR),
)


def data_element(name: str) -> DataElement:
    """The declared data element ``name``; a :class:`LookupError` names an undeclared one,
    so a typo in a declaration fails when the module is imported."""
    try:
        return DATA_ELEMENTS[name]
    except KeyError:
        raise LookupError(f"data element {name} is not declared in fake_sap.ddic.elements"
                          ) from None


def element(name: str) -> Elementary:
    """The elementary type of data element ``name``: ``element("MATNR")`` is ``CHAR 18``."""
    return data_element(name).type
