"""SD customizing codes: sales document types, partner functions, their external forms."""

from __future__ import annotations

from dataclasses import dataclass


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


SALES_DOCUMENT_TYPES: dict[str, SalesDocumentType] = {
    t.auart: t for t in (
        SalesDocumentType("TA", "OR", "C", "TAN", "LF", "Standard Order"),
        SalesDocumentType("KB", "CF", "C", "KBN", "LF", "Consignment Fill-up"),
        SalesDocumentType("RE", "RE", "H", "REN", "LR", "Returns", is_return=True),
    )
}
DOCUMENT_TYPE_BY_EXTERNAL = {t.external: t.auart for t in SALES_DOCUMENT_TYPES.values()}

#: partner functions: internal (German) code -> English external code (exit PARVW)
PARTNER_FUNCTIONS = {"AG": "SP", "WE": "SH", "RE": "BP", "RG": "PY", "ZP": "ZP"}
PARTNER_FUNCTION_BY_EXTERNAL = {v: k for k, v in PARTNER_FUNCTIONS.items()}

#: units of measure: internal -> ISO/English external (exit CUNIT)
UNITS = {"ST": "PC", "KG": "KG", "L": "L", "M": "M", "EA": "EA"}
UNIT_BY_EXTERNAL = {v: k for k, v in UNITS.items()}


def document_type(code: str, convert: bool) -> SalesDocumentType | None:
    """Look a document type up by internal code, or by external code when ``convert``."""
    internal = DOCUMENT_TYPE_BY_EXTERNAL.get(code, code) if convert else code
    return SALES_DOCUMENT_TYPES.get(internal)


def partner_function(code: str, convert: bool) -> str:
    return PARTNER_FUNCTION_BY_EXTERNAL.get(code, code) if convert else code


def unit(code: str, convert: bool) -> str:
    return UNIT_BY_EXTERNAL.get(code, code) if convert else code
