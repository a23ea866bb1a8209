"""ISO codes <-> SAP's internal codes for units of measure (T006), currencies (TCURC) and
countries (T005): the conversion SAP's ALE layer makes at the IDoc boundary.

Layer: business (plain Python over three small tables). :class:`IsoCodes` is built from the
rows of a client's tables and converts in both directions:

- internal -> ISO: the ISO code of the entry (T006-ISOCODE, TCURC-ISOCD, T005-INTCA);
- ISO -> internal: the entry flagged primary for that ISO code (T006-PRIMARY,
  TCURC-XPRIMARY); an ISO code only one entry carries converts to that entry even without the
  flag. Countries have no primary flag: the first country key (in key order) with that code.

A process keeps one copy of a client's codes: the client state's, under ``state_version``
(:mod:`fake_sap.basis.client_state`). Every change of an entry (the control API's
:func:`put_entry` and :func:`delete_entry`, ``fake-sap codes``, a client created or reset)
bumps that version, so every process sees the change with its next request. The edges
(IDoc-XML, SOAP-RFC and its commits, BD10/BD12 from the control API) hand that copy to the
transactions they open (:func:`use_in_transaction`); :func:`for_client` takes it from there,
and reads the tables in the caller's transaction when it was given none.

The checks of the customizing keys read units from here as well (:func:`checked_customizing`):
T006 is the one list of units. docs/iso-codes.md describes the tables, their sources and the
rules of the maintenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Float, Integer, String, Table

from fake_sap.customizing import COUNTRIES, CURRENCIES, UNITS
from fake_sap.db import iso_codes as tables
from fake_sap.db.engine import Database
from fake_sap.errors import BadRequest, Conflict

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
    #: every internal code of the table, also those without an ISO code
    defined: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rows: Iterable[CodeRow]) -> CodeMap:
        to_iso: dict[str, str] = {}
        candidates: dict[str, list[tuple[bool, str]]] = {}
        defined: set[str] = set()
        for internal, iso, primary in rows:
            defined.add(internal)
            if not iso:
                continue
            to_iso[internal] = iso
            candidates.setdefault(iso, []).append((primary != "X", internal))
        # the primary entry first; without one, the first internal code in key order
        from_iso = {iso: min(entries)[1] for iso, entries in candidates.items()}
        return cls(MappingProxyType(to_iso), MappingProxyType(from_iso), frozenset(defined))

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


#: where a connection keeps the source of codes its transaction was given (see
#: use_in_transaction)
_GIVEN = "fake_sap.iso_codes.given"

#: a source of a client's codes: (the transaction's connection, mandt) -> the codes
CodesSource = Callable[[Connection, str], IsoCodes]


def use_in_transaction(conn: Connection, source: CodesSource) -> None:
    """Let :func:`for_client` take the codes from ``source`` for the rest of the
    connection's current transaction.

    An edge that has checked ``state_version`` for the request (its client state,
    :mod:`fake_sap.basis.client_state`) passes the process's copy kept under that version,
    so the conversions of the request read neither the tables nor a version of their own.
    ``conn.info`` outlives the transaction (it belongs to the pooled connection), hence the
    transaction is kept with the source and compared."""
    transaction = conn.get_transaction()
    if transaction is not None:
        conn.info[_GIVEN] = (transaction, source)


def for_client(conn: Connection, mandt: str) -> IsoCodes:
    """The client's codes: from the source the transaction was given
    (:func:`use_in_transaction`), else read from the tables in ``conn``'s transaction.

    There is no copy of this module's own: the one copy a process keeps is the client
    state's, kept under ``state_version`` (:meth:`fake_sap.basis.client_state.ClientStates.codes`),
    which the edges hand to their transactions. A caller without it (BD87, BD21 from the
    console, a command) reads the three small tables, so it always sees them as stored."""
    given = conn.info.get(_GIVEN)
    if given is not None and given[0] is conn.get_transaction():
        return given[1](conn, mandt)  # type: ignore[no-any-return]
    return read(conn, mandt)


def checked_customizing(conn: Connection, mandt: str, keys: Mapping[str, set[str]]
                        ) -> dict[str, set[str]]:
    """The customizing keys a check looks up, with the units of measure ("T006") taken
    from the client's T006: the customizing table holds no second list of them."""
    return {**keys, "T006": set(for_client(conn, mandt).units.defined)}


def for_posting(conn: Connection | None, mandt: str) -> IsoCodes:
    """The client's codes for a posting; the baseline's when the posting has no database
    (a mapping checked on its own)."""
    return BASELINE if conn is None else for_client(conn, mandt)


# --- maintenance (SAP's CUNI for T006, OY03 for TCURC, SM30 for T005) -----------------------

#: INT2 fields of T006; its other integers (ZAEHL, NENNR) are INT4
_INT2 = frozenset({"ANDEC", "EXP10", "EXPON", "DECAN"})
_INT_RANGES = {2: (-32768, 32767), 4: (-2147483648, 2147483647)}
#: the value patterns of fields whose values have a known form; other character fields take
#: upper-case letters, digits and "_" (the emulator's rule, see docs/iso-codes.md)
_PATTERNS = {
    "ISOCODE": "([A-Z0-9]{2,3})?",  # UN/ECE Recommendation 20: two or three characters
    "ISOCD": "([A-Z]{3})?",  # ISO 4217 alphabetic
    "ALTWR": "([0-9]{3})?",  # ISO 4217 numeric
    "GDATU": "([0-9]{8})?",  # a date, YYYYMMDD
    "INTCA": "([A-Z]{2})?",  # ISO 3166-1 alpha-2
    "INTCA3": "([A-Z]{3})?",  # ISO 3166-1 alpha-3
    "INTCN3": "([0-9]{3})?",  # ISO 3166-1 numeric
    "LNPLZ": "([0-9]{2})?",  # NUMC 2
    "ADDKO": r"(-?[0-9]{1,3}(\.[0-9]{1,6})?)?",  # DEC 9,6 as decimal text
    "SPRAS": "[A-Z0-9]?",  # a language key, not a flag
}


@dataclass(frozen=True)
class FieldRule:
    """What one field of an entry takes, read from the table's declaration."""

    name: str  # SAP's field name, as the control API spells it
    column: str
    kind: str  # "flag", "char", "integer", "number"
    max_length: int = 0
    pattern: str = ""
    bounds: tuple[int, int] = (0, 0)
    default: Any = ""

    def json_schema(self) -> dict[str, Any]:
        if self.kind == "flag":
            return {"type": "string", "enum": ["", "X"]}
        if self.kind == "integer":
            return {"type": "integer", "minimum": self.bounds[0], "maximum": self.bounds[1]}
        if self.kind == "number":
            return {"type": "number", "minimum": -1e300, "maximum": 1e300}
        return {"type": "string", "maxLength": self.max_length, "pattern": f"^{self.pattern}$"}

    def check(self, value: Any) -> Any:
        """``value`` as stored; raises :class:`BadRequest` saying what the field takes."""
        if self.kind == "flag":
            if value not in ("", "X"):
                raise BadRequest(f"'{self.name}' is a flag: \"X\" or \"\"")
            return value
        if self.kind == "integer":
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, int) \
                    or not self.bounds[0] <= value <= self.bounds[1]:
                raise BadRequest(f"'{self.name}' must be a whole number from {self.bounds[0]} "
                                 f"to {self.bounds[1]}")
            return value
        if self.kind == "number":
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not -1e300 <= value <= 1e300:
                raise BadRequest(f"'{self.name}' must be a number")
            return float(value)
        if not isinstance(value, str) or len(value) > self.max_length \
                or not re.fullmatch(self.pattern, value):
            raise BadRequest(f"'{self.name}' must be at most {self.max_length} characters "
                             f"matching {self.pattern}, not {str(value)[:40]!r}")
        return value


def _rules(table: Table, key: str) -> tuple[FieldRule, ...]:
    rules = []
    for column in table.columns:
        if column.name in ("mandt", key):
            continue
        name = column.name.upper()
        default = column.default.arg if column.default is not None else ""  # type: ignore[attr-defined]
        if isinstance(column.type, Integer):
            size = 2 if name in _INT2 else 4
            rules.append(FieldRule(name, column.name, "integer", bounds=_INT_RANGES[size],
                                   default=default))
        elif isinstance(column.type, Float):
            rules.append(FieldRule(name, column.name, "number", default=default))
        else:
            assert isinstance(column.type, String) and column.type.length is not None
            length = column.type.length
            if length == 1 and name not in _PATTERNS:
                rules.append(FieldRule(name, column.name, "flag", 1, default=default))
            else:
                rules.append(FieldRule(name, column.name, "char", length,
                                       _PATTERNS.get(name, f"[A-Z0-9_]{{0,{length}}}"),
                                       default=default))
    return tuple(rules)


@dataclass(frozen=True)
class CodeTable:
    """One of the three code tables as the control API maintains it."""

    resource: str  # the control API's name: "units", "currencies", "countries"
    sap_name: str  # T006, TCURC, T005
    tabname: str  # the database table
    key: str  # SAP's key field after MANDT
    key_pattern: str
    #: the ISO code field and the field flagging the entry an ISO code converts to
    iso_field: str
    primary_field: str | None
    rules: tuple[FieldRule, ...] = field(default=())

    def check_key(self, value: str) -> str:
        if not re.fullmatch(self.key_pattern, value):
            raise BadRequest(f"{self.sap_name}-{self.key} is {self.key_pattern}, "
                             f"not {value[:40]!r}")
        return value

    def row(self, key: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """The stored row for an entry given as a JSON object of SAP field names (the key
        is the path's; a field left out gets its initial value)."""
        known = {rule.name: rule for rule in self.rules}
        unknown = sorted(set(body) - set(known))
        if unknown:
            raise BadRequest(f"{self.sap_name} has no field {', '.join(unknown)[:200]} "
                             f"here; the fields are {', '.join(known)}")
        row = {self.key.lower(): self.check_key(key)}
        for rule in self.rules:
            row[rule.column] = rule.check(body[rule.name]) if rule.name in body \
                else rule.default
        return row

    def from_text(self, assignments: Iterable[str]) -> dict[str, Any]:
        """An entry's fields from ``FIELD=VALUE`` texts (the command line's), typed as
        :meth:`row` takes them: numbers for the integer and floating-point fields."""
        kinds = {rule.name: rule.kind for rule in self.rules}
        body: dict[str, Any] = {}
        for assignment in assignments:
            name, separator, value = assignment.partition("=")
            name = name.strip().upper()
            if not separator:
                raise BadRequest(f"Give a field as FIELD=VALUE, not {assignment[:40]!r}")
            try:
                body[name] = int(value) if kinds.get(name) == "integer" \
                    else float(value) if kinds.get(name) == "number" else value
            except ValueError:
                raise BadRequest(f"'{name}' must be a number, not {value[:40]!r}") from None
        return body

    def view(self, row: Mapping[str, Any]) -> dict[str, Any]:
        return {self.key: row[self.key.lower()],
                **{rule.name: row[rule.column] for rule in self.rules}}

    def json_schema(self) -> dict[str, Any]:
        """The JSON schema of an entry's fields (the body of a PUT)."""
        return {"type": "object", "additionalProperties": False,
                "properties": {rule.name: rule.json_schema() for rule in self.rules}}


def _code_table(resource: str, sap_name: str, key_pattern: str, iso_field: str,
                primary_field: str | None) -> CodeTable:
    table, key = tables.KEYS[sap_name.lower()]
    return CodeTable(resource, sap_name, table.name, key.upper(), key_pattern, iso_field,
                     primary_field, _rules(table, key))


#: the maintained tables by the control API's name
CODE_TABLES: Mapping[str, CodeTable] = MappingProxyType({
    "units": _code_table("units", "T006", "[A-Z0-9_]{1,3}", "ISOCODE", "PRIMARY"),
    "currencies": _code_table("currencies", "TCURC", "[A-Z0-9_]{1,5}", "ISOCD", "XPRIMARY"),
    "countries": _code_table("countries", "T005", "[A-Z0-9]{1,3}", "INTCA", None),
})


def list_entries(db: Database, mandt: str, table: CodeTable) -> list[dict[str, Any]]:
    """Every entry of the client's table, in key order."""
    with db.read() as conn:
        return [table.view(row) for row in tables.entries(conn, table.tabname, mandt)]


def get_entry(db: Database, mandt: str, table: CodeTable, key: str) -> dict[str, Any] | None:
    with db.read() as conn:
        rows = tables.entries(conn, table.tabname, mandt, table.check_key(key))
    return table.view(rows[0]) if rows else None


def put_entry(db: Database, mandt: str, table: CodeTable, key: str, body: Mapping[str, Any]
              ) -> dict[str, Any]:
    """Create or replace an entry. Raises :class:`BadRequest` for a field it does not take
    and :class:`Conflict` when another entry is already flagged primary for its ISO code
    (one entry per ISO code may be, as the conversion ISO -> internal needs one answer)."""
    row = table.row(key, body)
    with db.write() as conn:
        if table.primary_field is not None:
            _check_primary(conn, mandt, table, row)
        tables.replace(conn, table.tabname, mandt, row)
    return table.view(row)


def _check_primary(conn: Connection, mandt: str, table: CodeTable, row: Mapping[str, Any]
                   ) -> None:
    assert table.primary_field is not None
    iso, primary = table.iso_field.lower(), table.primary_field.lower()
    if not row[iso] or row[primary] != "X":
        return
    key = table.key.lower()
    taken = [other[key] for other in tables.entries(conn, table.tabname, mandt)
             if other[key] != row[key] and other[iso] == row[iso] and other[primary] == "X"]
    if taken:
        raise Conflict(f"{table.sap_name}: ISO code {row[iso]} is already flagged primary for "
                       f"{taken[0]}; one entry per ISO code may be ({table.primary_field})")


def delete_entry(db: Database, mandt: str, table: CodeTable, key: str) -> bool:
    """Delete an entry; False when the client has none with ``key``."""
    with db.write() as conn:
        removed = tables.remove(conn, table.tabname, mandt, table.check_key(key))
    return removed
