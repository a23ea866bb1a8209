"""SD customizing codes: sales document types, partner functions, units, their external forms.

Internal codes are what the database holds and what RFC callers must send; the English
external codes (``OR`` for ``TA``, ``SP`` for ``AG``, ``PC`` for ``ST``) are what SAP's
conversion exits AUART, PARVW and CUNIT turn into internal ones, which
BAPI_SALESORDER_CREATEFROMDAT2 does only when asked to (``CONVERT = 'X'``).
"""

from __future__ import annotations

from dataclasses import dataclass

from fake_sap.customizing import UNITS as _T006


@dataclass(frozen=True)
class SalesDocumentType:
    auart: str  # internal code (TVAK-AUART)
    external: str  # English external code (conversion exit AUART)
    vbtyp: str  # document category
    item_category: str
    delivery_type: str
    name: str
    #: returns: goods come back, no ATP or credit check
    is_return: bool = False
    #: relevant for pricing; a consignment fill-up only moves stock, it has no value
    priced: bool = True


SALES_DOCUMENT_TYPES: dict[str, SalesDocumentType] = {
    t.auart: t for t in (
        SalesDocumentType("TA", "OR", "C", "TAN", "LF", "Standard Order"),
        SalesDocumentType("KB", "CF", "C", "KBN", "LF", "Consignment Fill-up", priced=False),
        SalesDocumentType("RE", "RE", "H", "REN", "LR", "Returns", is_return=True),
    )
}
DOCUMENT_TYPE_BY_EXTERNAL = {t.external: t.auart for t in SALES_DOCUMENT_TYPES.values()}

#: partner functions: internal (German) code -> English external code (exit PARVW)
PARTNER_FUNCTIONS = {"AG": "SP", "WE": "SH", "RE": "BP", "RG": "PY", "ZP": "ZP"}
PARTNER_FUNCTION_BY_EXTERNAL = {v: k for k, v in PARTNER_FUNCTIONS.items()}
SOLD_TO, SHIP_TO, BILL_TO, PAYER = "AG", "WE", "RE", "RG"

#: units of measure: internal -> English external (exit CUNIT)
UNITS = {"ST": "PC", "KG": "KG", "L": "L", "M": "M", "EA": "EA", "SET": "SET"}
UNIT_BY_EXTERNAL = {v: k for k, v in UNITS.items()}
#: units of measure: internal -> ISO code (T006-ISOCODE), as IDocs and *_ISO fields carry them;
#: the units each ISO code converts back to (T006-PRIMARY), so that the map is one-to-one
ISO_UNITS = {unit: fields["ISOCODE"] for unit, fields in _T006.items()
             if fields.get("ISOCODE") and fields.get("PRIMARY") == "X"}
UNIT_BY_ISO = {v: k for k, v in ISO_UNITS.items()}


def document_type(code: str, convert: bool) -> str:
    """The internal document type for ``code``; external codes only when ``convert``.

    An unknown code comes back unchanged, so that the check names what the caller sent.
    """
    return DOCUMENT_TYPE_BY_EXTERNAL.get(code, code) if convert else code


def partner_function(code: str, convert: bool) -> str:
    return PARTNER_FUNCTION_BY_EXTERNAL.get(code, code) if convert else code


def unit(code: str, convert: bool) -> str:
    return UNIT_BY_EXTERNAL.get(code, code) if convert else code


def unit_from_iso(code: str) -> str:
    """The internal unit for an ISO code (PCE -> ST); '' when there is none."""
    return UNIT_BY_ISO.get(code, "")
