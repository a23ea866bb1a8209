"""RFC_READ_TABLE over the emulator's SAP tables.

Each readable table is declared once with :func:`sap_table`: the SAP fields it exposes (in
SAP's order, with DDIC type and short text) and the column behind each. Columns that are the
emulator's own bookkeeping (EDIDC's stored XML, dispatch counters ...) are simply not
declared, so they can be neither selected nor used in a condition. The declarations are in
``fake_sap.rfc.tables`` (``BY_NAME``), which RFC_READ_TABLE hands to :func:`read`; later
tables (VBAK, LIPS, BKPF ...) join with one more there. Declaring a table registers nothing.

The output follows RFC_READ_TABLE: FIELDS describes the layout (FIELDNAME, OFFSET, LENGTH,
TYPE, FIELDTEXT), DATA holds one fixed-width line per row (WA, at most 512 characters),
fields separated by DELIMITER when one is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, Integer, Numeric, String, Table, cast, func, select
from sqlalchemy.sql.elements import ColumnElement

from fake_sap.db.engine import Database
from fake_sap.rfc import where
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.model import CLNT, AbapType, Elementary, char

#: the width of DATA-WA
LINE_WIDTH = 512
_PACKED = (AbapType.DEC, AbapType.QUAN, AbapType.CURR)


@dataclass(frozen=True)
class TableField:
    """One SAP field of a readable table and the column that holds it."""

    name: str
    type: Elementary
    text: str
    column: str


@dataclass(frozen=True)
class ReadableTable:
    name: str
    text: str
    table: Table
    fields: tuple[TableField, ...]

    def field(self, name: str) -> TableField | None:
        return next((f for f in self.fields if f.name == name), None)


FieldSpec = str | tuple[Elementary, str]


def sap_table(table: Table, name: str, text: str, fields: dict[str, FieldSpec]
              ) -> ReadableTable:
    """Declare a readable table.

    ``fields`` maps SAP field names (the column of the same name, lower case) to a short
    text, or to ``(type, text)`` when the type is not simply the column's CHAR length.
    MANDT comes first by itself.
    """
    declared = [TableField("MANDT", CLNT, "Client", "mandt")]
    for field_name, spec in fields.items():
        column = table.c[field_name.lower()]
        if isinstance(spec, tuple):
            field_type, field_text = spec
        else:
            field_type, field_text = _column_type(column), spec
        declared.append(TableField(field_name, field_type, field_text, column.name))
    return ReadableTable(name, text, table, tuple(declared))


def _column_type(column: Any) -> Elementary:
    if isinstance(column.type, String) and column.type.length:
        return char(column.type.length)
    raise ValueError(f"declare the ABAP type of column {column.name}")


# -- reading -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Layout:
    field: TableField
    offset: int
    width: int


def read_committed(db: Database, mandt: str, query_table: str, **options: Any
                   ) -> tuple[list[dict[str, Any]], list[str]]:
    """:func:`read` in a read transaction of its own (what the function module does)."""
    with db.read() as conn:
        return read(conn, mandt, query_table, **options)


def read(conn: Connection, mandt: str, query_table: str, *,
         tables: Mapping[str, ReadableTable], delimiter: str = "",
         no_data: bool = False, rowskips: int = 0, rowcount: int = 0,
         options: list[str] | None = None, field_names: list[str] | None = None
         ) -> tuple[list[dict[str, Any]], list[str]]:
    """FIELDS and DATA of RFC_READ_TABLE over ``tables`` (by name); raises its classic
    exceptions."""
    table = tables.get(query_table.strip().upper())
    if table is None:
        raise AbapException("TABLE_NOT_AVAILABLE", f"Table {query_table} is not available")
    layout = _layout(table, [n.strip().upper() for n in field_names or [] if n.strip()],
                     delimiter)
    fields = [{"FIELDNAME": item.field.name, "OFFSET": item.offset, "LENGTH": item.width,
               "TYPE": item.field.type.internal_type, "FIELDTEXT": item.field.text}
              for item in layout]
    if no_data:
        return fields, []
    statement = select(*[table.table.c[item.field.column] for item in layout]).where(
        table.table.c.mandt == mandt)
    condition = _condition(conn, table, " ".join(options or []))
    if condition is not None:
        statement = statement.where(condition)
    statement = statement.order_by(*table.table.primary_key.columns)
    if rowskips > 0:
        statement = statement.offset(rowskips)
    if rowcount > 0:
        statement = statement.limit(rowcount)
    separator = delimiter or ""
    data = [separator.join(_format(item, value) for item, value in zip(layout, row,
                                                                       strict=True))
            for row in conn.execute(statement)]
    return fields, data


def _layout(table: ReadableTable, names: list[str], delimiter: str) -> list[Layout]:
    chosen = []
    for name in names:
        field = table.field(name)
        if field is None:
            raise AbapException("FIELD_NOT_VALID", f"Field {name} is not a field of table "
                                                   f"{table.name}")
        chosen.append(field)
    layout: list[Layout] = []
    offset = 0
    for field in chosen or list(table.fields):
        if layout:
            offset += len(delimiter)
        layout.append(Layout(field, offset, field.type.width))
        offset += field.type.width
    if offset > LINE_WIDTH:
        raise AbapException("DATA_BUFFER_EXCEEDED",
                            f"The selected fields need {offset} characters; a DATA line "
                            f"holds {LINE_WIDTH}. Select fewer fields.")
    return layout


def _condition(conn: Connection, table: ReadableTable, text: str
               ) -> ColumnElement[bool] | None:
    try:
        tree = where.parse(text)
        if tree is None:
            return None
        return where.to_sql(tree, lambda name: _Column(table, name), _like_for(conn))
    except where.WhereSyntaxError as error:
        raise AbapException("OPTION_NOT_VALID", f"Invalid selection criteria: {error}") \
            from None


def _like_for(conn: Connection):  # type: ignore[no-untyped-def]
    """LIKE is case-sensitive in SAP's databases; SQLite's is not, so GLOB stands in."""
    if conn.dialect.name != "sqlite":
        return lambda expression, pattern, escape: expression.like(pattern, escape=escape)
    return lambda expression, pattern, escape: expression.op("GLOB")(
        _glob(pattern, escape))


def _glob(pattern: str, escape: str | None) -> str:
    result, escaped = [], False
    for char_ in pattern:
        if escaped:
            result.append(f"[{char_}]" if char_ in "*?[" else char_)
            escaped = False
        elif escape is not None and char_ == escape:
            escaped = True
        elif char_ == "%":
            result.append("*")
        elif char_ == "_":
            result.append("?")
        else:
            result.append(f"[{char_}]" if char_ in "*?[" else char_)
    return "".join(result)


class _Column:
    """A declared field as a condition sees it (see :class:`fake_sap.rfc.where.Column`)."""

    def __init__(self, table: ReadableTable, name: str) -> None:
        field = table.field(name)
        if field is None:
            raise where.UnknownField(f"unknown field {name}")
        self.field = field
        self.column = table.table.c[field.column]

    @property
    def _numeric_text(self) -> bool:
        # amounts are stored as canonical decimal text; compare them as numbers
        return self.field.type.type in _PACKED and isinstance(self.column.type, String)

    def expression(self, for_like: bool = False) -> ColumnElement[Any]:
        if self._numeric_text and not for_like:
            # an empty text is an initial amount; PostgreSQL would refuse to cast it
            return cast(func.nullif(self.column, ""), Numeric(31, 14))
        return self.column

    def value(self, literal: where.Literal) -> Any:
        if isinstance(self.column.type, Integer):
            try:
                return int(literal.text)
            except ValueError:
                raise where.WhereSyntaxError(f"'{literal.text}' is not a number for "
                                             f"{self.field.name}") from None
        if self._numeric_text:
            try:
                return Decimal(literal.text.strip() or "0")
            except InvalidOperation:
                raise where.WhereSyntaxError(f"'{literal.text}' is not a number for "
                                             f"{self.field.name}") from None
        # trailing blanks do not count in ABAP character comparisons
        return literal.text.rstrip(" ") if literal.quoted else literal.text

    def initial_values(self) -> list[Any]:
        if isinstance(self.column.type, Integer):
            return [0]
        if self._numeric_text:
            return [Decimal(0)]
        initial = self.field.type.initial()
        return sorted({"", str(initial)})


def _format(item: Layout, value: Any) -> str:
    kind, width = item.field.type.type, item.width
    if value is None or value == "":
        value = item.field.type.initial()
    if kind in _PACKED:
        try:
            number = item.field.type.coerce(value)
        except ValueError:
            return str(value)[:width].rjust(width)
        return item.field.type.to_text(number).rjust(width)[:width]
    if isinstance(value, int):
        text = str(value)
        return text.zfill(width) if kind is AbapType.NUMC else text.rjust(width)
    return str(value)[:width].ljust(width)
