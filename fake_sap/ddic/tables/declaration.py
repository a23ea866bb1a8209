"""A transparent SAP table (SE11) declared as data, and the database table made from it.

A :class:`TableDeclaration` names the SAP table, its short text, the public listing its fields
were taken from, and its fields in SAP's order: name, elementary ABAP type, key flag and short
text. From that one declaration come

- the SQLAlchemy table (:meth:`TableDeclaration.table`): one text column per kept field,
  named after it in lower case, as long as the field's characters; the key fields (MANDT
  first) as primary key; and whatever the emulator keeps beside SAP's fields
  (:attr:`TableDeclaration.own_columns`, never an SAP field);
- the table RFC_READ_TABLE and DDIF_FIELDINFO_GET answer for
  (``fake_sap.rfc.read_table.declared_table``).

A field the emulator never fills (most of VBAP's 400 fields: no process here writes a
commission group or a route schedule) can be declared *not kept* (``kept=False``): it is
SAP's field all the same, so RFC_READ_TABLE selects it, filters on it and writes its
initial value, and DDIF_FIELDINFO_GET describes it, but it has no column. A client that
reads the table the way it reads a real SAP then gets an answer instead of FIELD_NOT_VALID,
and the database does not carry hundreds of columns that are always empty.

Values are kept the way they travel in IDocs: keys in internal format, dates as ``YYYYMMDD``,
packed numbers (QUAN, CURR, DEC) as canonical decimal text in a column of
:data:`PACKED_TEXT_LENGTH` characters. A field can name another column type
(``stored_type``) where the emulator has always kept it as a number (T006's conversion
factors, EDIDS's status counter); RFC_READ_TABLE writes it in the field's SAP type all the
same. An own column named in ``first_columns`` keeps the place the schema revisions gave it
among the fields (EDIDC's object key). This module imports SQLAlchemy and the elementary types
only, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, MetaData, String, Table
from sqlalchemy.sql.schema import SchemaItem
from sqlalchemy.types import TypeEngine

from fake_sap.ddic.elements import DATA_ELEMENTS, DataElement
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
    #: the column's type, when the emulator keeps the field other than as text (T006's
    #: INT4 and FLTP factors in number columns; EDIDS's status counter, NUMC 16 in SAP, is
    #: a number the emulator counts up)
    stored_type: TypeEngine[Any] | None = None
    #: the data element (DD03L-ROLLNAME) that types the field, "" when none is declared
    element: str = ""
    #: the check table (DD03L-CHECKTABLE) where the table's listing names one
    check_table: str = ""
    #: whether the emulator stores a value: False for a field no process fills, which has
    #: no column and always reads as its type's initial value
    kept: bool = True

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


#: DDIC types a character field of the same length may stand for: a table listing that
#: only says "CHAR 3" for a unit field is refined by its data element (UNIT 3)
_CHARACTER_LIKE = frozenset({AbapType.UNIT, AbapType.CUKY, AbapType.LANG})


def linked_element(field_name: str, type_: Elementary, element: str | None = None
                   ) -> tuple[Elementary, DataElement | None]:
    """The field's type and data element: ``element`` when named ("" for none), else the
    declared data element of the field's own name (MEINS -> MEINS) when its type fits the
    field's. A linked field takes the element's type, so a field declared CHAR 3 whose
    element is UNIT 3 becomes UNIT 3 (same width, same RFC_READ_TABLE type letter C).
    Raises ValueError when a named element does not fit the field."""
    if element == "":
        return type_, None
    chosen = DATA_ELEMENTS.get(element or field_name)
    if chosen is None:
        if element:
            raise ValueError(f"{field_name}: data element {element} is not declared")
        return type_, None
    if not _fits(type_, chosen.type):
        if element is not None:
            raise ValueError(f"{field_name}: data element {element} is {chosen.type}, "
                             f"the field {type_}")
        return type_, None
    return chosen.type, chosen


def _fits(declared: Elementary, of_element: Elementary) -> bool:
    if (declared.length, declared.decimals) != (of_element.length, of_element.decimals):
        return False
    return declared.type is of_element.type or (
        declared.type is AbapType.CHAR and of_element.type in _CHARACTER_LIKE)


def _field(name: str, type_: Elementary, text: str, element: str | None,
           **options: Any) -> DeclaredField:
    linked_type, linked = linked_element(name, type_, element)
    return DeclaredField(name, linked_type, text, element=linked.name if linked else "",
                         **options)


def key(name: str, type_: Elementary, text: str, *, initial: str | None = REQUIRED,
        element: str | None = None, check_table: str = "",
        stored_type: TypeEngine[Any] | None = None) -> DeclaredField:
    """A key field (MANDT, MATNR, WERKS ...). ``element`` names its data element when it
    is not the one of the field's name ("" for none; see :func:`linked_element`)."""
    return _field(name, type_, text, element, key=True, initial=initial,
                  check_table=check_table, stored_type=stored_type)


def data(name: str, type_: Elementary, text: str, *, initial: str | None = "",
         stored_length: int | None = None, element: str | None = None,
         check_table: str = "", kept: bool = True,
         stored_type: TypeEngine[Any] | None = None) -> DeclaredField:
    """A non-key field (``element`` as for :func:`key`; ``kept=False`` for a field the
    emulator declares but never stores, see the module's docstring)."""
    return _field(name, type_, text, element, initial=initial, stored_length=stored_length,
                  check_table=check_table, kept=kept, stored_type=stored_type)


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
    #: the emulator's own columns and indexes (never SAP fields: not readable); an own
    #: column named in :attr:`first_columns` takes its place there, the others follow the
    #: fields
    own_columns: Callable[[], Sequence[SchemaItem]] = _no_own_columns
    _index: dict[str, DeclaredField] = field(default_factory=dict, compare=False,
                                             repr=False)

    def __post_init__(self) -> None:
        self._index.update({f.name: f for f in self.fields})
        if len(self._index) != len(self.fields):
            raise ValueError(f"{self.name}: a field is declared twice")
        if any(f.key and not f.kept for f in self.fields):
            raise ValueError(f"{self.name}: a key field must be kept")
        unknown = set(self.first_columns) - {f.column_name for f in self.kept_fields} \
            - {item.name for item in self.own_columns() if isinstance(item, Column)}
        if unknown:
            raise ValueError(f"{self.name}: first columns that are no field: {unknown}")

    def field(self, name: str) -> DeclaredField | None:
        return self._index.get(name)

    @property
    def key_fields(self) -> tuple[DeclaredField, ...]:
        return tuple(f for f in self.fields if f.key)

    @property
    def kept_fields(self) -> tuple[DeclaredField, ...]:
        """The fields that have a column, in SAP's order."""
        return tuple(f for f in self.fields if f.kept)

    def storage_order(self) -> list[DeclaredField]:
        """The fields in column order: the first revision's columns as it made them, then
        the fields added since, in SAP's order (kept fields only: the others have no
        column)."""
        by_column = {f.column_name: f for f in self.kept_fields}
        first = [by_column[name] for name in self.first_columns if name in by_column]
        return first + [f for f in self.kept_fields
                        if f.column_name not in self.first_columns]

    def added_since_first_revision(self) -> list[DeclaredField]:
        """The fields whose columns a later revision added (their initial value is a server
        default, so that the rows already stored get it too)."""
        if not self.first_columns:
            return []
        return [f for f in self.kept_fields if f.column_name not in self.first_columns]

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
        own = list(self.own_columns())
        placed = {item.name: item for item in own
                  if isinstance(item, Column) and item.name in self.first_columns}
        fields = {f.column_name: column_of(f, server_default=f.name in added)
                  for f in self.storage_order()}
        first = [placed[name] if name in placed else fields.pop(name)
                 for name in self.first_columns]
        # identity, not ==: a column's == builds an SQL expression
        placed_ids = {id(item) for item in placed.values()}
        return [*first, *fields.values(), *(item for item in own if id(item) not in placed_ids)]

    def table(self, metadata: MetaData) -> Table:
        """The SQLAlchemy table of the declaration, in ``metadata``."""
        return Table(self.table_name, metadata, *self.schema_items())


def column_of(declared: DeclaredField, server_default: bool = False) -> Column[Any]:
    """The column that holds a field: text, or the field's :attr:`DeclaredField.stored_type`
    (whose initial value is then a number: 0)."""
    options: dict[str, Any] = {}
    column_type: TypeEngine[Any] = String(declared.column_length)
    initial: Any = declared.initial
    if declared.stored_type is not None:
        column_type = declared.stored_type
        if initial is not None and not isinstance(column_type, String):
            initial = column_type.python_type(initial or 0)
    if initial is not None:
        # a column added by a later revision has its initial value as the database's default
        # alone: an insert that leaves it out need not name it (MARA has ~190 fields, a
        # MATMAS fills a few), while the first revision's columns keep their defaults in
        # Python, as they always had
        options["server_default" if server_default else "default"] = \
            str(initial) if server_default else initial
    if declared.key:
        return Column(declared.column_name, column_type, primary_key=True, **options)
    return Column(declared.column_name, column_type, nullable=False, **options)
