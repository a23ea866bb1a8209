"""The registry of declared IDoc types (basic types and extensions)."""

from __future__ import annotations

from fake_sap.idoc.model import IdocType
from fake_sap.idoc.types.debmas07 import DEBMAS07
from fake_sap.idoc.types.delvry07 import DELVRY07, ZDELVRY07
from fake_sap.idoc.types.matmas05 import MATMAS05
from fake_sap.idoc.types.orders05 import ORDERS05

IDOC_TYPES: dict[str, IdocType] = {
    t.name: t for t in (MATMAS05, DEBMAS07, ORDERS05, DELVRY07, ZDELVRY07)
}


def register(idoc_type: IdocType) -> IdocType:
    """Add a type (e.g. a project's own extension) to the registry."""
    IDOC_TYPES[idoc_type.name] = idoc_type
    return idoc_type


def lookup(idoctyp: str, cimtyp: str = "") -> IdocType | None:
    """The declaration for a control record's IDOCTYP/CIMTYP pair, or ``None``."""
    declared = IDOC_TYPES.get(cimtyp or idoctyp)
    if declared is None or declared.idoctyp != idoctyp:
        return None
    return declared
