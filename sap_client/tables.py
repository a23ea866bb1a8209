"""Reading SAP tables with RFC_READ_TABLE: rows as dicts, WHERE clauses built safely.

Layer: ``sap_client`` (imports ``bapi`` only; never ``fake_sap`` or ``crm_adapter``). Works
with any pyrfc-shaped connection. RFC_READ_TABLE hands back each row as one fixed-width
text (``DATA-WA``) and the layout of the fields (``FIELDS``: offset and length); rows are
cut along that layout, so values may contain any character. The WHERE clause travels as
lines of at most 72 characters (``OPTIONS-TEXT``); :func:`where` builds it from conditions
with quoted literals, never from text a user typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sap_client.bapi import RfcConnection

#: RFC_DB_OPT-TEXT: the length of one WHERE clause line
OPTION_LINE_LENGTH = 72
#: values per IN ( ... ) list, so that a clause stays a reasonable size
IN_LIST_CHUNK = 50


def literal(value: str) -> str:
    """An Open SQL literal: the value in single quotes, quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def equals(field: str, value: str) -> str:
    return f"{field} = {literal(value)}"


def one_of(field: str, values: Iterable[str]) -> str:
    return f"{field} IN ( {' , '.join(literal(v) for v in values)} )"


def where(*conditions: str) -> list[str]:
    """The conditions joined with AND, as OPTIONS lines of at most 72 characters (broken
    between tokens, never inside a literal)."""
    tokens: list[str] = []
    for index, condition in enumerate(conditions):
        if index:
            tokens.append("AND")
        tokens.extend(_tokens(condition))
    lines: list[str] = []
    for token in tokens:
        if len(token) > OPTION_LINE_LENGTH:
            raise ValueError(f"a WHERE token longer than {OPTION_LINE_LENGTH} characters: "
                             f"{token[:20]}...")
        if lines and len(lines[-1]) + 1 + len(token) <= OPTION_LINE_LENGTH:
            lines[-1] += " " + token
        else:
            lines.append(token)
    return lines


def _tokens(condition: str) -> list[str]:
    """Split at blanks outside quoted literals."""
    tokens: list[str] = []
    current, quoted = "", False
    for char in condition:
        if char == "'":
            quoted = not quoted
        if char == " " and not quoted:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    if current:
        tokens.append(current)
    return tokens


def read_table(conn: RfcConnection, table: str, fields: Sequence[str],
               conditions: Sequence[str] = (), *, max_rows: int = 0) -> list[dict[str, str]]:
    """Rows of ``table`` (only ``fields``) matching all ``conditions``; values stripped."""
    result = conn.call("RFC_READ_TABLE", QUERY_TABLE=table, DELIMITER="", ROWCOUNT=max_rows,
                       FIELDS=[{"FIELDNAME": name} for name in fields],
                       OPTIONS=[{"TEXT": line} for line in where(*conditions)])
    layout = [(str(f["FIELDNAME"]).strip(), int(f["OFFSET"]), int(f["LENGTH"]))
              for f in _rows(result.get("FIELDS"))]
    return [{name: str(row["WA"])[offset:offset + length].strip()
             for name, offset, length in layout} for row in _rows(result.get("DATA"))]


def read_table_in(conn: RfcConnection, table: str, fields: Sequence[str], field: str,
                  values: Sequence[str], conditions: Sequence[str] = ()
                  ) -> list[dict[str, str]]:
    """Like :func:`read_table` for rows whose ``field`` is one of ``values`` (read in chunks
    of :data:`IN_LIST_CHUNK`)."""
    rows: list[dict[str, str]] = []
    unique = sorted(set(values))
    for start in range(0, len(unique), IN_LIST_CHUNK):
        chunk = unique[start:start + IN_LIST_CHUNK]
        rows.extend(read_table(conn, table, fields, [*conditions, one_of(field, chunk)]))
    return rows


def _rows(value: Any) -> list[Mapping[str, Any]]:
    # untyped calls return an empty table as ""
    return [row for row in value or [] if isinstance(row, Mapping)]
