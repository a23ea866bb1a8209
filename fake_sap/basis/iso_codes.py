"""ISO codes <-> SAP's internal codes for units of measure (T006), currencies (TCURC) and
countries (T005): the conversion SAP's ALE layer makes at the IDoc boundary.

Layer: business (plain Python over three small tables). :class:`IsoCodes` is built from the
rows of a client's tables and converts in both directions:

- internal -> ISO: the ISO code of the entry (T006-ISOCODE, TCURC-ISOCD, T005-INTCA);
- ISO -> internal: the entry flagged primary for that ISO code (T006-PRIMARY,
  TCURC-XPRIMARY); an ISO code only one entry carries converts to that entry even without the
  flag. Countries have no primary flag: the first country key (in key order) with that code.

:func:`for_client` reads the tables once per client and process and keeps the result. The
entries only ever come from the baseline customizing (a new or reset client gets the same
rows; no interface changes them), so a process never holds an outdated copy; the cache is
still dropped after a few seconds, so that a table changed underneath (a test, a migration)
is seen without a restart. docs/iso-codes.md describes the tables and their sources.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import Connection

from fake_sap.customizing import COUNTRIES, CURRENCIES, UNITS
from fake_sap.db import iso_codes as tables

#: internal one-character language keys (SPRAS) for the ISO codes (SPRAS_ISO, T002-LAISO) the
#: project uses; segments carry both, so both directions are needed at the ALE boundary
LANGUAGES_BY_ISO = {"EN": "E", "ZH": "1", "DE": "D"}
ISO_BY_LANGUAGE = {v: k for k, v in LANGUAGES_BY_ISO.items()}

#: (internal code, ISO code, primary flag) as the tables hold them
CodeRow = tuple[str, str, str]


@dataclass(frozen=True)
class CodeMap:
    """One kind of code: internal -> ISO, and ISO -> the primary internal code."""

    to_iso: Mapping[str, str]
    from_iso: Mapping[str, str]

    @classmethod
    def of(cls, rows: Iterable[CodeRow]) -> CodeMap:
        to_iso: dict[str, str] = {}
        candidates: dict[str, list[tuple[bool, str]]] = {}
        for internal, iso, primary in rows:
            if not iso:
                continue
            to_iso[internal] = iso
            candidates.setdefault(iso, []).append((primary != "X", internal))
        # the primary entry first; without one, the first internal code in key order
        from_iso = {iso: min(entries)[1] for iso, entries in candidates.items()}
        return cls(MappingProxyType(to_iso), MappingProxyType(from_iso))

    def iso(self, internal: str) -> str | None:
        """The ISO code of an internal code, None when it has none."""
        return self.to_iso.get(internal)

    def internal(self, iso: str) -> str | None:
        """The internal code an ISO code converts to, None when none does."""
        return self.from_iso.get(iso)

    def knows(self, internal: str) -> bool:
        return internal in self.to_iso


@dataclass(frozen=True)
class IsoCodes:
    """A client's units, currencies and countries with their ISO codes."""

    units: CodeMap
    currencies: CodeMap
    countries: CodeMap

    @classmethod
    def of(cls, units: Iterable[CodeRow], currencies: Iterable[CodeRow],
           countries: Iterable[CodeRow]) -> IsoCodes:
        return cls(CodeMap.of(units), CodeMap.of(currencies), CodeMap.of(countries))


#: the baseline customizing's codes, without a database (every client starts with them)
BASELINE = IsoCodes.of(
    ((unit, fields.get("ISOCODE", ""), fields.get("PRIMARY", ""))
     for unit, fields in UNITS.items()),
    ((currency, fields.get("ISOCD", ""), fields.get("XPRIMARY", ""))
     for currency, fields in CURRENCIES.items()),
    # no primary flag in T005: every country is its own "primary" entry
    ((country, fields.get("INTCA", ""), "X") for country, fields in COUNTRIES.items()))


def read(conn: Connection, mandt: str) -> IsoCodes:
    """The client's codes as its tables hold them now."""
    return IsoCodes.of(tables.units(conn, mandt), tables.currencies(conn, mandt),
                       ((land1, intca, "X") for land1, intca, _ in
                        tables.countries(conn, mandt)))


#: how long a process keeps a client's codes (see the module text for why this is safe)
_TTL_SECONDS = 5.0
_cache: dict[str, tuple[float, IsoCodes]] = {}


def for_client(conn: Connection, mandt: str) -> IsoCodes:
    """The client's codes, read at most once every few seconds per process."""
    now = time.monotonic()
    cached = _cache.get(mandt)
    if cached is not None and now - cached[0] < _TTL_SECONDS:
        return cached[1]
    codes = read(conn, mandt)
    _cache[mandt] = (now, codes)
    return codes


def for_posting(conn: Connection | None, mandt: str) -> IsoCodes:
    """The client's codes for a posting; the baseline's when the posting has no database
    (a mapping checked on its own)."""
    return BASELINE if conn is None else for_client(conn, mandt)


def forget(mandt: str | None = None) -> None:
    """Drop the cached codes of a client (all clients when None)."""
    if mandt is None:
        _cache.clear()
    else:
        _cache.pop(mandt, None)
