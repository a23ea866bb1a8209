"""What an inbound application hands back: the rows to write for one posted IDoc.

Applications (``mm``, ``sd``) are pure functions from an IDoc plus lookups to a
:class:`Posting`; they never write. The inbound processor writes postings in bulk, which is
what makes a 100,000-IDoc packet fast, and keeps a failed posting from writing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, delete, update

from fake_sap.db.bulk import write_rows
from fake_sap.errors import SapMessage, sap_error


@dataclass
class Posting:
    mestyp: str
    objkey: str
    #: change pointer kind: I created, U changed, D flagged for deletion
    change: str
    message: SapMessage
    upserts: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    #: (table, column values identifying the rows) deleted before the upserts
    deletes: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    #: document-saving functions run after the upserts (e.g. saving a sales order)
    actions: list[Callable[[Connection], None]] = field(default_factory=list)
    #: (table, column values identifying the row, new values): plain UPDATEs that leave the
    #: other columns alone, e.g. a deletion flag (MSGFN 003)
    updates: list[tuple[Table, dict[str, Any], dict[str, Any]]] = field(default_factory=list)


#: columns an upsert never overwrites (creation data, quantities kept by other processes)
KEEP_ON_UPDATE: dict[str, tuple[str, ...]] = {
    "mara": ("ersda", "ernam"),
    "mard": ("labst", "insme", "speme", "retme"),
    "marc": ("trame",),
    "kna1": ("erdat", "ernam"),
    "knkk": ("skfor", "ssobl", "sauft"),
}


def write(conn: Connection, postings: Sequence[Posting]) -> None:
    """Write postings in bulk; the caller guarantees no two postings touch the same object."""
    for posting in postings:
        for table, criteria in posting.deletes:
            conn.execute(delete(table).where(*[table.c[k] == v for k, v in criteria.items()]))
    grouped: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
    for posting in postings:
        for table, row in posting.upserts:
            grouped.setdefault(table.name, (table, []))[1].append(row)
    for table, rows in grouped.values():
        write_rows(conn, table, rows, conflict="update", keep=KEEP_ON_UPDATE.get(table.name, ()))
    for posting in postings:
        for action in posting.actions:
            action(conn)
    for posting in postings:
        for table, criteria, values in posting.updates:
            conn.execute(update(table).where(*[table.c[k] == v for k, v in criteria.items()])
                         .values(**values))


def decimal_text(value: str, where: str) -> str:
    """An IDoc amount (``12.50``, SAP's trailing minus ``5.00-``) in canonical form."""
    if not value:
        return "0"
    text = value.strip()
    if text.endswith("-"):
        text = "-" + text[:-1]
    try:
        return str(Decimal(text))
    except InvalidOperation:
        raise sap_error("B1", "052", "Value &1 of field &2 is not a number", value, where) \
            from None


class SegmentFields:
    """Which columns of a master table make the fields of its outbound segment: all but
    ``skip``, named in upper case (``werks`` is WERKS). Worked out once per table, not once
    per row: BD10 turns a whole client's master data into segments."""

    def __init__(self, table: Table, skip: tuple[str, ...]) -> None:
        kept = [(i, c) for i, c in enumerate(table.columns) if c.name not in skip]
        # text columns hold text or NULL: their values need no conversion to be field values
        if not all(isinstance(c.type, String) for _, c in kept):
            raise TypeError(f"{table.name}: outbound segments are made of text columns only")
        if len(kept) < 2:  # itemgetter of one position gives a value, not a tuple
            raise ValueError(f"{table.name}: a segment of fewer than two columns")
        self._names = tuple(c.name.upper() for _, c in kept)
        self._pick = itemgetter(*(i for i, _ in kept))

    def values(self, row: Sequence[Any], msgfn: str) -> dict[str, str]:
        """A row of the table (columns in table order) as the fields of an outbound segment:
        MSGFN and the non-empty values."""
        values = {"MSGFN": msgfn}
        # (name, value) pairs with a value, without a Python-level loop: BD10 does this for
        # every row of a client's master data
        values.update(filter(_has_value, zip(self._names, self._pick(row), strict=True)))
        return values


_has_value = itemgetter(1)
