"""Readable tables made up for the RFC_READ_TABLE unit tests, and a row-at-a-time view of
the runtime's line writer.

The emulator's readable tables are all declared in the ABAP Dictionary
(:func:`fake_sap.rfc.read_table.declared_table`); the tests declare small tables of their
own, with columns of every kind, straight from an SQLAlchemy table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import String, Table

from fake_sap.rfc.model import CLNT, Elementary, char
from fake_sap.rfc.read_table import Layout, ReadableTable, TableField, lines_writer

FieldSpec = str | tuple[Elementary, str]


def sap_table(table: Table, name: str, text: str, fields: dict[str, FieldSpec]
              ) -> ReadableTable:
    """A readable table: ``fields`` maps SAP field names (the column of the same name, lower
    case) to a short text, or to ``(type, text)`` when the type is not simply the column's
    CHAR length. MANDT comes first by itself."""
    declared = [TableField("MANDT", CLNT, "Client", "mandt")]
    for field_name, spec in fields.items():
        column = table.c[field_name.lower()]
        if isinstance(spec, tuple):
            field_type, field_text = spec
        else:
            field_type, field_text = _column_type(column), spec
        declared.append(TableField(field_name, field_type, field_text, column.name))
    return ReadableTable(name, text, table, tuple(declared))


def line_writer(table: ReadableTable, layout: Sequence[Layout], delimiter: str = ""
                ) -> Callable[[Sequence[Any]], str]:
    """The DATA-WA text of one row, as the runtime's :func:`lines_writer` writes it among
    all rows of a call."""
    write_lines = lines_writer(table, layout, delimiter)
    return lambda row: write_lines([row])[0]


def _column_type(column: Any) -> Elementary:
    if isinstance(column.type, String) and column.type.length:
        return char(column.type.length)
    raise ValueError(f"declare the ABAP type of column {column.name}")
