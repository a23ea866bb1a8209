"""SD customizing codes: sales document types, partner functions, units, their external forms.

Internal codes are what the database holds and what RFC callers must send; the English
external codes (``OR`` for ``TA``, ``SP`` for ``AG``, ``PC`` for ``ST``) are what SAP's
conversion exits AUART, PARVW and CUNIT turn into internal ones, which
BAPI_SALESORDER_CREATEFROMDAT2 does only when asked to (``CONVERT = 'X'``).

ISO codes of units (the BAPIs' ``*_ISO`` fields) are converted with the client's T006, the
one conversion the IDoc side uses as well (:mod:`fake_sap.basis.iso_codes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import CodeMap


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
#: the baseline T006's units with the primary flag: internal -> ISO code (T006-ISOCODE), the
#: one-to-one part of the client's table before anyone adds to it (the BAPIs convert with the
#: client's table: :func:`client_units`)
ISO_UNITS = {unit: iso for unit, iso in iso_codes.BASELINE.units.to_iso.items()
             if iso_codes.BASELINE.units.internal(iso) == unit}


def document_type(code: str, convert: bool) -> str:
    """The internal document type for ``code``; external codes only when ``convert``.

    An unknown code comes back unchanged, so that the check names what the caller sent.
    """
    return DOCUMENT_TYPE_BY_EXTERNAL.get(code, code) if convert else code


def partner_function(code: str, convert: bool) -> str:
    return PARTNER_FUNCTION_BY_EXTERNAL.get(code, code) if convert else code


def unit(code: str, convert: bool) -> str:
    return UNIT_BY_EXTERNAL.get(code, code) if convert else code


def unit_from_iso(code: str, units: CodeMap = iso_codes.BASELINE.units) -> str:
    """The internal unit for an ISO code (PCE -> ST) as UNIT_OF_MEASURE_ISO_TO_SAP finds it
    in T006 (the entry flagged primary); '' when there is none."""
    return units.internal(code) or ""


#: no units at all: for a call that converts none
NO_UNITS = CodeMap.of(())


def client_units(conn: Connection, mandt: str) -> CodeMap:
    """The client's units of measure (T006) with their ISO codes (the ones the transaction
    was given, see :func:`fake_sap.basis.iso_codes.use_in_transaction`)."""
    return iso_codes.for_client(conn, mandt).units
