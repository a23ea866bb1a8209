"""RFC_READ_TABLE over the emulator's SAP tables.

Each readable table is declared once, in the ABAP Dictionary (``fake_sap.ddic.tables``), and
made readable by :func:`declared_table`: the SAP fields it exposes (in SAP's order, with DDIC
type and short text) and the column behind each. Columns that are the
emulator's own bookkeeping (EDIDC's stored XML, dispatch counters ...) are simply not
declared, so they can be neither selected nor used in a condition. The declarations are in
``fake_sap.rfc.tables`` (``BY_NAME``), which RFC_READ_TABLE hands to :func:`read`; later
tables (VBAK, LIPS, BKPF ...) join with one more there. Declaring a table registers nothing.

The output follows RFC_READ_TABLE: FIELDS describes the layout (FIELDNAME, OFFSET, LENGTH,
TYPE, FIELDTEXT), DATA holds one fixed-width line per row (WA, at most 512 characters),
fields separated by DELIMITER when one is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Numeric,
    Select,
    String,
    bindparam,
    cast,
    func,
    literal,
    select,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import FromClause

from fake_sap.db.engine import Database
from fake_sap.ddic.tables import TableDeclaration
from fake_sap.rfc import where
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.model import AbapType, Elementary

#: the width of DATA-WA
LINE_WIDTH = 512
_PACKED = (AbapType.DEC, AbapType.QUAN, AbapType.CURR)


@dataclass(frozen=True)
class TableField:
    """One SAP field of a readable table and the column that holds it ("" for a field the
    emulator declares but does not keep: it reads as its initial value)."""

    name: str
    type: Elementary
    text: str
    column: str
    #: the data element (DFIES-ROLLNAME) and check table, where declared
    element: str = ""
    check_table: str = ""


@dataclass(frozen=True)
class ReadableTable:
    """A table RFC_READ_TABLE reads: its fields and what holds them (a database table, or
    a read-only query such as a view over the client's customizing)."""

    name: str
    text: str
    table: FromClause
    fields: tuple[TableField, ...]
    #: the columns the rows come in order of (SAP's key); empty: the primary key's
    order: tuple[str, ...] = ()

    def field(self, name: str) -> TableField | None:
        return next((f for f in self.fields if f.name == name), None)


def declared_table(declaration: TableDeclaration, table: FromClause) -> ReadableTable:
    """The readable table of a dictionary declaration (``fake_sap.ddic.tables``): every
    declared field, in SAP's order, in the column the declaration made for it (``table``,
    from :meth:`TableDeclaration.table`). The emulator's own columns are no fields; a field
    declared not kept has no column and reads as its initial value. ``table`` may be a
    read-only query with a column per kept field (the customizing tables): its rows come
    in the order of the declaration's key fields."""
    return ReadableTable(declaration.name, declaration.text, table, tuple(
        TableField(f.name, f.type, f.text, f.column_name if f.kept else "", f.element,
                   f.check_table)
        for f in declaration.fields), tuple(f.column_name for f in declaration.key_fields))


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
    names = tuple(n.strip().upper() for n in field_names or [] if n.strip())
    if no_data:
        layout = layout_of(table, list(names), delimiter, check_width=False)
        return _field_rows(layout), []
    selection = _selection(table, names, delimiter)
    statement = selection.statement
    condition = _condition(conn, table, " ".join(options or []))
    if condition is not None:
        statement = statement.where(condition)
    if rowskips > 0:
        statement = statement.offset(rowskips)
    if rowcount > 0:
        statement = statement.limit(rowcount)
    # all() fetches the rows in one go (iterating the result fetches them one by one)
    data = selection.write_lines(conn.execute(statement, {"mandt": mandt}).all())
    return _field_rows(selection.layout), data


def _field_rows(layout: Sequence[Layout]) -> list[dict[str, Any]]:
    """FIELDS: one row per selected field."""
    return [{"FIELDNAME": item.field.name, "OFFSET": item.offset, "LENGTH": item.width,
             "TYPE": item.field.type.internal_type, "FIELDTEXT": item.field.text}
            for item in layout]


@dataclass(frozen=True)
class _Selection:
    """What a selection of fields of a table needs, whatever the rows: its layout, the
    query of its columns (client, condition and row window still to be added) and the
    writer of its DATA lines."""

    layout: tuple[Layout, ...]
    statement: Select[Any]
    write_lines: Callable[[Sequence[Sequence[Any]]], list[str]]


@lru_cache(maxsize=256)
def _selection(table: ReadableTable, names: tuple[str, ...], delimiter: str) -> _Selection:
    """The :class:`_Selection` of ``names`` (all fields when empty) of ``table``, worked
    out once per process: building the query's column expressions and the line template
    cost more than reading a thousand rows with them. The declarations do not change while
    the process runs, so nothing here ever goes stale; a refused selection (an unknown
    field, too wide a line) raises each time and is not kept."""
    layout = layout_of(table, list(names), delimiter)
    statement = select(*[selected_column(table, item) for item in layout]).where(
        table.table.c.mandt == bindparam("mandt")
    ).order_by(*([table.table.c[name] for name in table.order] if table.order
                 else list(table.table.primary_key)))
    return _Selection(tuple(layout), statement, lines_writer(table, layout, delimiter))


def layout_of(table: ReadableTable, names: list[str], delimiter: str,
              check_width: bool = True) -> list[Layout]:
    """The selected fields (all when ``names`` is empty) with their place in a DATA line;
    raises FIELD_NOT_VALID for an unknown field and, with ``check_width``,
    DATA_BUFFER_EXCEEDED when they do not fit a line. SAP checks the width only when data
    is read: with NO_DATA the layout of any selection comes back."""
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
    if check_width and offset > LINE_WIDTH:
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
        self.column: ColumnElement[Any] = table.table.c[field.column] if field.column else \
            _initial_literal(field)

    @property
    def _numeric_text(self) -> bool:
        # amounts are stored as canonical decimal text; compare them as numbers
        return self.field.type.type in _PACKED and isinstance(self.column.type, String)

    def expression(self, for_like: bool = False) -> ColumnElement[Any]:
        if not self.field.column:
            return literal(Decimal(0), Numeric(31, 14)) if self._numeric_text and \
                not for_like else self.column
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


def _initial_literal(field: TableField) -> ColumnElement[Any]:
    """What a field the emulator does not keep holds in every row: its initial value, as the
    text a stored column would have (a packed number as "", which reads as zero)."""
    initial = field.type.initial()
    return literal(initial if isinstance(initial, str) and field.type.type not in _PACKED
                   else "", String())


def lines_writer(table: ReadableTable, layout: Sequence[Layout], delimiter: str = ""
                 ) -> Callable[[Sequence[Sequence[Any]]], list[str]]:
    """A function that turns the rows selected with :func:`selected_column` per layout
    item into their DATA-WA texts: every field at its width, separated by ``delimiter``,
    without trailing blanks (a CHAR value has none). Each field's text equals
    :func:`format_value` (``tests/unit/fake_sap/test_read_table_lines.py``).

    Worked out once per call, so that a row costs one ``%`` formatting: a text column
    (CHAR, NUMC, DATS, TIMS ...) comes from the query with its initial value in place of
    NULL or blank and goes through the template as it is (``%-W.Ws``: cut to W and padded
    to W); only packed numbers and columns that are not text are converted in Python, a
    column at a time (a list comprehension per column, not a loop per row)."""
    template, converters = _line_template(table, layout, delimiter)

    def write(rows: Sequence[Sequence[Any]]) -> list[str]:
        if converters and rows:
            columns = list(zip(*rows, strict=True))
            for index, convert in converters:
                columns[index] = tuple([convert(value) for value in columns[index]])
            rows = list(zip(*columns, strict=True))
        return [(template % tuple(row)).rstrip(" ") for row in rows]

    return write


def _line_template(table: ReadableTable, layout: Sequence[Layout], delimiter: str
                   ) -> tuple[str, list[tuple[int, Callable[[Any], str]]]]:
    """The ``%`` template of a DATA line and the converters of the columns that are not
    taken as stored (by their index in the row)."""
    specs: list[str] = []
    converters: list[tuple[int, Callable[[Any], str]]] = []
    for index, item in enumerate(layout):
        if _as_stored_text(table, item):
            specs.append(f"%-{item.width}.{item.width}s")
        else:
            specs.append("%s")
            converters.append((index, _packed_writer(item) if item.field.type.type
                               in _PACKED else partial(format_value, item)))
    return delimiter.replace("%", "%%").join(specs), converters


def selected_column(table: ReadableTable, item: Layout) -> ColumnElement[Any]:
    """The column of a layout item as the query selects it for :func:`lines_writer`: a
    text column with its field's initial value where it holds NULL or nothing, so that no
    value needs looking at in Python. A field the emulator does not keep is its initial
    value's text."""
    if not item.field.column:
        return _initial_literal(item.field)
    column = table.table.c[item.field.column]
    if not _as_stored_text(table, item):
        return column
    initial = str(item.field.type.initial())
    if initial:  # NUMC 000..., DATS 00000000, TIMS 000000
        return func.coalesce(func.nullif(column, ""), initial)
    return func.coalesce(column, "") if getattr(column, "nullable", False) else column


def _as_stored_text(table: ReadableTable, item: Layout) -> bool:
    """Whether the field's stored text is its DATA text, cut or padded on the right."""
    column = table.table.c[item.field.column] if item.field.column else \
        _initial_literal(item.field)
    return (isinstance(column.type, String) and item.field.type.type not in _PACKED
            and isinstance(item.field.type.initial(), str))


def _packed_writer(item: Layout) -> Callable[[Any], str]:
    """:func:`format_value` for a packed number (amounts and quantities are stored as
    decimal text): the usual few distinct values of a column are converted once."""
    elementary, width = item.field.type, item.width
    decimals = elementary.decimals
    integer_places = elementary.length - decimals
    known: dict[Any, str] = {}

    def write(value: Any) -> str:
        text = known.get(value)
        if text is None:
            text = _packed_text(value) or format_value(item, value)
            if len(known) < _KNOWN_VALUES:
                known[value] = text
        return text

    def _packed_text(value: Any) -> str | None:
        """format_value's text for a stored canonical decimal text (``-12.5``) whose
        digits fit, by padding its decimals; None for anything else (format_value then
        decides: rounding, overflow, other notations)."""
        match = _CANONICAL_DECIMAL.match(value) if isinstance(value, str) else None
        if match is None:
            return None
        sign, integer, fraction = match.groups()
        fraction = fraction or ""
        if len(integer) > integer_places or len(fraction) > decimals or (
                sign and integer == "0" and not fraction.strip("0")):
            return None  # too long, to be rounded, or -0
        text = f"{sign}{integer}.{fraction.ljust(decimals, '0')}" if decimals else \
            f"{sign}{integer}"
        return text.rjust(width) if len(text) <= width else None  # None: overflow

    return write


#: a decimal as amounts are stored: sign, integer digits without leading zeros, decimals
_CANONICAL_DECIMAL = re.compile(r"(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?\Z")
#: distinct values of a packed column kept by :func:`_packed_writer` (whose writer lives
#: as long as its selection is kept, see :func:`_selection`)
_KNOWN_VALUES = 4096


def _packed_in(text: str, width: int) -> str:
    """A packed number's text in its DATA field of the dictionary length: right-aligned;
    one too long for it (the decimal point takes a place the length does not count) is
    ``*`` and its last characters, as SAP's RFC_READ_TABLE writes it (a DEC 3.1 of 99.0
    comes back as ``*.0``)."""
    if len(text) <= width:
        return text.rjust(width)
    return "*" + text[len(text) - width + 1:]


def format_value(item: Layout, value: Any) -> str:
    """One field's text in DATA-WA: CHAR left-aligned, numbers right-aligned, at the
    field's width."""
    kind, width = item.field.type.type, item.width
    if value is None or value == "":
        value = item.field.type.initial()
    if kind in _PACKED:
        try:
            number = item.field.type.coerce(value)
        except ValueError:
            return str(value)[:width].rjust(width)
        return _packed_in(item.field.type.to_text(number), width)
    if isinstance(value, int):
        text = str(value)
        return text.zfill(width) if kind is AbapType.NUMC else text.rjust(width)
    return str(value)[:width].ljust(width)
