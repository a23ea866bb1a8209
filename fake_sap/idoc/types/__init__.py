"""The declared IDoc types (basic types and extensions), by name.

Layer: IDoc declarations (data only). The set is fixed here, read-only: a new type is one
more entry in :data:`DECLARED` (see :func:`fake_sap.compose.idoc_types`); nothing adds
itself at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from fake_sap.idoc.model import IdocType
from fake_sap.idoc.types.debmas07 import DEBMAS07
from fake_sap.idoc.types.delvry07 import DELVRY07, ZDELVRY07
from fake_sap.idoc.types.matmas05 import MATMAS05
from fake_sap.idoc.types.orders05 import ORDERS05

#: every IDoc type the emulator reads and writes
DECLARED: tuple[IdocType, ...] = (MATMAS05, DEBMAS07, ORDERS05, DELVRY07, ZDELVRY07)

IDOC_TYPES: Mapping[str, IdocType] = MappingProxyType({t.name: t for t in DECLARED})


def lookup(idoctyp: str, cimtyp: str = "") -> IdocType | None:
    """The declaration for a control record's IDOCTYP/CIMTYP pair, or ``None``."""
    declared = IDOC_TYPES.get(cimtyp or idoctyp)
    if declared is None or declared.idoctyp != idoctyp:
        return None
    return declared
