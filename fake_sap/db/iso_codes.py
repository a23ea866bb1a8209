"""The code tables behind SAP's ISO conversion: units of measure (T006), currency codes (TCURC)
and countries (T005), per client.

Layer: persistence. The one writer of ``t006``, ``tcurc`` and ``t005``: :func:`install` puts
the baseline customizing's entries (``fake_sap.customizing``) into a new client, as a client
copy of SAP's delivered customizing would. A client reset empties them with every other
client table and installs them again. :func:`replace` and :func:`remove` maintain single
entries (SAP's CUNI, OY03, SM30), each bumping ``state_version`` in the same transaction,
because every process keeps a client's codes in memory while that version holds. The
conversion itself lives in ``fake_sap.basis.iso_codes``; docs/iso-codes.md lists the fields
and their sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from fake_sap.customizing import COUNTRIES, CURRENCIES, UNITS
from fake_sap.db import state_version
from fake_sap.db.schema import metadata
from fake_sap.ddic.tables import codes as ddic_codes

# declared once, as SAP tables, in fake_sap.ddic.tables.codes
t006 = Table("t006", metadata, *ddic_codes.T006.schema_items())
tcurc = Table("tcurc", metadata, *ddic_codes.TCURC.schema_items())
t005 = Table("t005", metadata, *ddic_codes.T005.schema_items())

#: each table with its key column and the baseline entries (key -> the other fields)
_BASELINE: tuple[tuple[Table, str, Mapping[str, Mapping[str, Any]]], ...] = (
    (t006, "msehi", UNITS), (tcurc, "waers", CURRENCIES), (t005, "land1", COUNTRIES))


#: each table by name with its key column (the column after MANDT)
KEYS: Mapping[str, tuple[Table, str]] = {table.name: (table, key) for table, key, _ in _BASELINE}


def baseline_rows(mandt: str) -> dict[str, list[dict[str, Any]]]:
    """The baseline entries as rows per table name (every column given)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, key, entries in _BASELINE:
        defaults = {c.name: c.default.arg if c.default is not None else ""  # type: ignore[attr-defined]
                    for c in table.columns}
        rows[table.name] = [
            {**defaults, "mandt": mandt, key: code,
             **{name.lower(): value for name, value in fields.items()}}
            for code, fields in entries.items()]
    return rows


def install(conn: Connection, mandt: str) -> None:
    """Put the baseline entries into a client that has none (a new or a reset client)."""
    rows = baseline_rows(mandt)
    conn.execute(insert(t006), rows["t006"])
    conn.execute(insert(tcurc), rows["tcurc"])
    conn.execute(insert(t005), rows["t005"])


def units(conn: Connection, mandt: str) -> list[tuple[str, str, str]]:
    """(MSEHI, ISOCODE, PRIMARY) of every unit of the client."""
    rows = conn.execute(select(t006.c.msehi, t006.c.isocode, t006.c.primary)
                        .where(t006.c.mandt == mandt).order_by(t006.c.msehi))
    return [(r[0], r[1], r[2]) for r in rows]


def currencies(conn: Connection, mandt: str) -> list[tuple[str, str, str]]:
    """(WAERS, ISOCD, XPRIMARY) of every currency of the client."""
    rows = conn.execute(select(tcurc.c.waers, tcurc.c.isocd, tcurc.c.xprimary)
                        .where(tcurc.c.mandt == mandt).order_by(tcurc.c.waers))
    return [(r[0], r[1], r[2]) for r in rows]


def countries(conn: Connection, mandt: str) -> list[tuple[str, str, str]]:
    """(LAND1, INTCA, INTCA3) of every country of the client."""
    rows = conn.execute(select(t005.c.land1, t005.c.intca, t005.c.intca3)
                        .where(t005.c.mandt == mandt).order_by(t005.c.land1))
    return [(r[0], r[1], r[2]) for r in rows]


def entries(conn: Connection, tabname: str, mandt: str, key: str | None = None
            ) -> list[dict[str, Any]]:
    """Every row of the client's table ``tabname`` ("t006", "tcurc", "t005") in key order,
    or the one with ``key``; the rows without MANDT."""
    table, key_column = KEYS[tabname]
    query = select(table).where(table.c.mandt == mandt).order_by(table.c[key_column])
    if key is not None:
        query = query.where(table.c[key_column] == key)
    return [{name: value for name, value in row.items() if name != "mandt"}
            for row in conn.execute(query).mappings()]


def replace(conn: Connection, tabname: str, mandt: str, row: Mapping[str, Any]) -> None:
    """Write one entry (every column but MANDT given), replacing the one with its key."""
    table, key_column = KEYS[tabname]
    conn.execute(delete(table).where(table.c.mandt == mandt,
                                     table.c[key_column] == row[key_column]))
    conn.execute(insert(table).values({**row, "mandt": mandt}))
    state_version.bump(conn)


def remove(conn: Connection, tabname: str, mandt: str, key: str) -> bool:
    """Delete one entry; False when the client has none with ``key``."""
    table, key_column = KEYS[tabname]
    deleted = conn.execute(delete(table).where(table.c.mandt == mandt,
                                               table.c[key_column] == key)).rowcount
    if deleted:
        state_version.bump(conn)
    return bool(deleted)
