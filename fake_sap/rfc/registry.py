"""The function directory (SE37): every implemented function module by name."""

from __future__ import annotations

from fake_sap.rfc.call import RfcFunction
from fake_sap.rfc.errors import FunctionNotFound
from fake_sap.rfc.functions import (
    customer,
    finance,
    logistics,
    material,
    sales,
    stock,
    system,
    transaction,
)

FUNCTIONS: dict[str, RfcFunction] = {}


def register(function: RfcFunction) -> RfcFunction:
    """Add a function module (later business areas register theirs the same way)."""
    FUNCTIONS[function.name] = function
    return function


def lookup(name: str) -> RfcFunction:
    """The function module ``name``; raises FU_NOT_FOUND like SAP for an unknown one."""
    function = FUNCTIONS.get(name.strip().upper())
    if function is None:
        raise FunctionNotFound(name.strip()[:30])
    return function


def implemented() -> list[RfcFunction]:
    return [FUNCTIONS[name] for name in sorted(FUNCTIONS)]


for _module in (system, transaction, material, customer, finance, sales, logistics, stock):
    for _function in _module.FUNCTIONS:
        register(_function)
