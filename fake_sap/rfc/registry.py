"""The function directory (SE37): every implemented function module by name.

Layer: RFC (the directory type only). It imports no business area: which function modules
exist is decided in :func:`fake_sap.compose.function_directory`, from the ``FUNCTIONS``
tuple each module of :mod:`fake_sap.rfc.functions` exposes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fake_sap.rfc.call import RfcFunction
from fake_sap.rfc.errors import FunctionNotFound


class FunctionDirectory:
    """Function modules by name; read-only once built."""

    def __init__(self, functions: Iterable[RfcFunction]) -> None:
        by_name: dict[str, RfcFunction] = {}
        for function in functions:
            if function.name in by_name:
                raise ValueError(f"function module {function.name} is declared twice")
            by_name[function.name] = function
        self._by_name = by_name

    def lookup(self, name: str) -> RfcFunction:
        """The function module ``name``; raises FU_NOT_FOUND like SAP for an unknown one."""
        function = self._by_name.get(name.strip().upper())
        if function is None:
            raise FunctionNotFound(name.strip()[:30])
        return function

    def implemented(self) -> list[RfcFunction]:
        """Every function module, by name."""
        return [self._by_name[name] for name in sorted(self._by_name)]

    def names(self) -> list[str]:
        return sorted(self._by_name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._by_name))

    def __len__(self) -> int:
        return len(self._by_name)
