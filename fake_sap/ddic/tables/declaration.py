"""A transparent SAP table (SE11) declared as data, and the database table made from it.

A :class:`TableDeclaration` names the SAP table, its short text, the public listing its fields
were taken from, and its fields in SAP's order: name, elementary ABAP type, key flag and short
text. From that one declaration come

- the SQLAlchemy table (:meth:`TableDeclaration.table`): one text column per field, named
  after it in lower case, as long as the field's characters; the key fields (MANDT first)
  as primary key; and whatever the emulator keeps beside SAP's fields
  (:attr:`TableDeclaration.own_columns`, never an SAP field);
- the table RFC_READ_TABLE and DDIF_FIELDINFO_GET answer for
  (``fake_sap.rfc.read_table.declared_table``).

Values are kept the way they travel in IDocs: keys in internal format, dates as ``YYYYMMDD``,
packed numbers (QUAN, CURR, DEC) as canonical decimal text in a column of
:data:`PACKED_TEXT_LENGTH` characters. This module imports SQLAlchemy and the elementary types
only, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, MetaData, String, Table
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.types import AbapType, Elementary

#: characters of the text column that holds a packed number (sign, digits, point)
PACKED_TEXT_LENGTH = 24
_PACKED = frozenset({AbapType.DEC, AbapType.QUAN, AbapType.CURR})
#: marks a field whose column has no default: every insert must give its value
REQUIRED = None


@dataclass(frozen=True)
class DeclaredField:
    """One field of a table: SAP's name, type, key flag and short text, and how the
    emulator stores it."""

    name: str
    type: Elementary
    text: str
    key: bool = False
    #: the value a new row gets when none is given (:data:`REQUIRED`: none; the insert
    #: must name it)
    initial: str | None = ""
    #: characters of the column, when not the type's own (a price unit kept in 6)
    stored_length: int | None = None

    @property
    def column_name(self) -> str:
        return self.name.lower()

    @property
    def column_length(self) -> int:
        if self.stored_length is not None:
            return self.stored_length
        if self.type.type in _PACKED:
            return PACKED_TEXT_LENGTH
        return self.type.width


def key(name: str, type_: Elementary, text: str, *, initial: str | None = REQUIRED
        ) -> DeclaredField:
    """A key field (MANDT, MATNR, WERKS ...)."""
    return DeclaredField(name, type_, text, key=True, initial=initial)


def data(name: str, type_: Elementary, text: str, *, initial: str | None = "",
         stored_length: int | None = None) -> DeclaredField:
    """A non-key field."""
    return DeclaredField(name, type_, text, initial=initial, stored_length=stored_length)


def _no_own_columns() -> Sequence[SchemaItem]:
    return ()


@dataclass(frozen=True)
class TableDeclaration:
    """An SAP table: its fields in SAP's order and where they were taken from."""

    name: str
    text: str
    fields: tuple[DeclaredField, ...]
    #: the public data-dictionary listing the fields come from (shown in the docs)
    source: str
    #: what the listing does not confirm, or what is left out and why (shown in the docs)
    notes: str = ""
    #: the columns of the table's first schema revision, in their order. A database
    #: upgraded by a later revision has the columns added since at the end, so a table
    #: created from the declaration must put them there too
    first_columns: tuple[str, ...] = ()
    #: the emulator's own columns and indexes (never SAP fields: not readable)
    own_columns: Callable[[], Sequence[SchemaItem]] = _no_own_columns
    _index: dict[str, DeclaredField] = field(default_factory=dict, compare=False,
                                             repr=False)

    def __post_init__(self) -> None:
        self._index.update({f.name: f for f in self.fields})
        if len(self._index) != len(self.fields):
            raise ValueError(f"{self.name}: a field is declared twice")
        unknown = set(self.first_columns) - {f.column_name for f in self.fields}
        if unknown:
            raise ValueError(f"{self.name}: first columns that are no field: {unknown}")

    def field(self, name: str) -> DeclaredField | None:
        return self._index.get(name)

    @property
    def key_fields(self) -> tuple[DeclaredField, ...]:
        return tuple(f for f in self.fields if f.key)

    def storage_order(self) -> list[DeclaredField]:
        """The fields in column order: the first revision's columns as it made them, then
        the fields added since, in SAP's order."""
        by_column = {f.column_name: f for f in self.fields}
        first = [by_column[name] for name in self.first_columns]
        return first + [f for f in self.fields if f.column_name not in self.first_columns]

    def added_since_first_revision(self) -> list[DeclaredField]:
        """The fields whose columns a later revision added (their initial value is a server
        default, so that the rows already stored get it too)."""
        if not self.first_columns:
            return []
        return [f for f in self.fields if f.column_name not in self.first_columns]

    @property
    def table_name(self) -> str:
        """The database table's name: the SAP name in lower case."""
        return self.name.lower()

    def schema_items(self) -> list[SchemaItem]:
        """The columns (in :meth:`storage_order`) and the emulator's own columns and
        indexes of the database table: ``Table(declaration.table_name, metadata,
        *declaration.schema_items())``. The schema module writes that ``Table(...)`` call
        out, so that a reader (and the one-writer-per-table scan) sees the table's name."""
        added = {f.name for f in self.added_since_first_revision()}
        return [*(column_of(f, server_default=f.name in added) for f in self.storage_order()),
                *self.own_columns()]

    def table(self, metadata: MetaData) -> Table:
        """The SQLAlchemy table of the declaration, in ``metadata``."""
        return Table(self.table_name, metadata, *self.schema_items())


def column_of(declared: DeclaredField, server_default: bool = False) -> Column[str]:
    """The text column that holds a field."""
    options: dict[str, Any] = {}
    if declared.initial is not None:
        # a column added by a later revision has its initial value as the database's default
        # alone: an insert that leaves it out need not name it (MARA has ~190 fields, a
        # MATMAS fills a few), while the first revision's columns keep their defaults in
        # Python, as they always had
        options["server_default" if server_default else "default"] = declared.initial
    if declared.key:
        return Column(declared.column_name, String(declared.column_length),
                      primary_key=True, **options)
    return Column(declared.column_name, String(declared.column_length), nullable=False,
                  **options)
