"""Clients (SAP's MANDT) and their customizing.

The one writer of ``clients``, ``customizing`` and ``logon_failures`` (the failed-logon
counter and lock of a client's users); a client's number ranges are created
through ``numbers``. :func:`wipe` deletes every row of a client in every client table: the
reset of the control API, the one write that is not about a single table.
:func:`customizing_view` reads the customizing entries of one SAP table as that table
(RFC_READ_TABLE's T001W, TVKO, TVTA ...); it writes nothing. Each change of
the clients bumps ``state_version`` (every request's logon reads a per-process copy).
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    String,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Subquery

from fake_sap import clock
from fake_sap.customizing import STORED
from fake_sap.db import iso_codes, numbers, state_version
from fake_sap.db.logon_schema import LOCKED_BY_FAILED_LOGONS, logon_failures
from fake_sap.db.schema import client_tables, clients, customizing
from fake_sap.db.upsert import insert_if_absent
from fake_sap.ddic.tables.declaration import TableDeclaration

#: what joins the parts of a customizing key (``fake_sap.customizing.sales_area_key``)
KEY_SEPARATOR = "/"


def exists(conn: Connection, mandt: str) -> bool:
    return conn.execute(select(clients.c.mandt).where(clients.c.mandt == mandt)).first() \
        is not None


def get(conn: Connection, mandt: str) -> dict[str, Any] | None:
    row = conn.execute(select(clients).where(clients.c.mandt == mandt)).mappings().first()
    return dict(row) if row else None


def list_all(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(clients).order_by(clients.c.mandt)).mappings()]


def create(conn: Connection, mandt: str, description: str = "") -> None:
    """Create a client with the baseline customizing (the caller checks it is new)."""
    conn.execute(insert(clients).values(mandt=mandt, description=description,
                                        strict_partner_check=False, created_at=clock.now()))
    install_baseline(conn, mandt)
    state_version.bump(conn)


def create_if_absent(conn: Connection, mandt: str, description: str = "") \
        -> dict[str, Any] | None:
    """Create a client with the baseline customizing unless the number is taken: the new
    client's row (as :func:`get` reads it), or None when a client of that number exists.

    The insert itself tells whether the number was free (``ON CONFLICT DO NOTHING``), so a
    new client costs no look-up before it and no read-back after it; two creators of the
    same number at once get one client and one None."""
    row = {"mandt": mandt, "description": description, "strict_partner_check": False,
           "created_at": clock.now()}
    if not insert_if_absent(conn, clients, row):
        return None
    install_baseline(conn, mandt)
    state_version.bump(conn)
    return row


def install_baseline(conn: Connection, mandt: str) -> None:
    conn.execute(insert(customizing), [{**row, "mandt": mandt} for row in _baseline_rows()])
    iso_codes.install(conn, mandt)
    numbers.install(conn, mandt)


@cache
def _baseline_rows() -> tuple[dict[str, Any], ...]:
    """The baseline customizing as rows without their client (made once per process)."""
    return tuple({"tabname": tabname, "tabkey": key, "data": data}
                 for tabname, entries in STORED.items() for key, data in entries.items())


def wipe(conn: Connection, mandt: str, keep_client_row: bool) -> None:
    """Delete every row of the client (children first); keep the client itself on reset."""
    for table in reversed(client_tables()):
        if keep_client_row and table is clients:
            continue
        conn.execute(delete(table).where(table.c.mandt == mandt))
    # the client's business date and faults went with it (and with a delete, the client)
    state_version.bump(conn)


def set_options(conn: Connection, mandt: str, **options: Any) -> None:
    conn.execute(update(clients).where(clients.c.mandt == mandt).values(**options))
    state_version.bump(conn)


def failed_logons(conn: Connection, mandt: str) -> dict[str, tuple[int, int]]:
    """The users of the client with failed logons: user -> (LOCNT, UFLAG)."""
    rows = conn.execute(select(logon_failures.c.bname, logon_failures.c.locnt,
                               logon_failures.c.uflag).where(logon_failures.c.mandt == mandt))
    return {bname: (int(locnt), int(uflag)) for bname, locnt, uflag in rows}


def count_failed_logon(conn: Connection, mandt: str, bname: str) -> tuple[int, int]:
    """One more failed logon of a user that is not locked: (LOCNT, UFLAG) afterwards.

    The count is raised by the UPDATE itself, not read and written back, so that two
    failed logons at the same moment (two workers) count twice; under PostgreSQL the
    UPDATE also holds the row until the caller's transaction ends, so its decision to
    lock (:func:`lock_user`) is taken on the count it raised."""
    insert_if_absent(conn, logon_failures, {"mandt": mandt, "bname": bname, "locnt": 0,
                                            "uflag": 0})
    key = (logon_failures.c.mandt == mandt) & (logon_failures.c.bname == bname)
    conn.execute(update(logon_failures).where(key, logon_failures.c.uflag == 0)
                 .values(locnt=logon_failures.c.locnt + 1))
    row = conn.execute(select(logon_failures.c.locnt, logon_failures.c.uflag)
                       .where(key)).one()
    state_version.bump(conn)
    return int(row[0]), int(row[1])


def lock_user(conn: Connection, mandt: str, bname: str) -> None:
    """Lock a user that has failed too often (UFLAG 128); its count stays as it is."""
    conn.execute(update(logon_failures).where(
        logon_failures.c.mandt == mandt, logon_failures.c.bname == bname)
        .values(uflag=LOCKED_BY_FAILED_LOGONS))
    state_version.bump(conn)


def clear_failed_logons(conn: Connection, mandt: str, bname: str) -> bool:
    """Back to no failed logons and no lock (a successful logon, an unlock); True when the
    user had any."""
    deleted = conn.execute(delete(logon_failures).where(
        logon_failures.c.mandt == mandt, logon_failures.c.bname == bname)).rowcount
    if deleted:
        state_version.bump(conn)
    return bool(deleted)


def customizing_keys(conn: Connection, mandt: str, tabname: str) -> set[str]:
    rows = conn.execute(select(customizing.c.tabkey).where(
        customizing.c.mandt == mandt, customizing.c.tabname == tabname))
    return {r[0] for r in rows}


#: customizing is read for every inbound request but changes only when a client is created or
#: reset (and then to the same baseline), so each process keeps it for a few seconds
_CUSTOMIZING_TTL_SECONDS = 5.0
_customizing_cache: dict[str, tuple[float, dict[str, set[str]]]] = {}


def customizing_keys_by_table(conn: Connection, mandt: str) -> dict[str, set[str]]:
    """Customizing keys per SAP table of a client (cached briefly per process)."""
    now = time.monotonic()
    cached = _customizing_cache.get(mandt)
    if cached is not None and now - cached[0] < _CUSTOMIZING_TTL_SECONDS:
        return cached[1]
    keys = {tab: set(entries) for tab, entries in customizing_entries(conn, mandt).items()}
    _customizing_cache[mandt] = (now, keys)
    return keys


def customizing_entries(conn: Connection, mandt: str) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = {}
    rows = conn.execute(select(customizing).where(customizing.c.mandt == mandt))
    for row in rows.mappings():
        result.setdefault(row["tabname"], {})[row["tabkey"]] = row["data"]
    return result


# -- the customizing tables as SAP tables (read only) -----------------------------------------

class _Position(FunctionElement[int]):
    """The 1-based place of a text in another (0: not found): ``instr`` in SQLite,
    ``strpos`` in PostgreSQL."""

    type = Integer()
    inherit_cache = True


@compiles(_Position)
def _position_default(element: _Position, compiler: SQLCompiler, **kw: object) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


@compiles(_Position, "sqlite")
def _position_sqlite(element: _Position, compiler: SQLCompiler, **kw: object) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


def _key_parts(tabkey: ColumnElement[str], count: int) -> list[ColumnElement[str]]:
    """The ``count`` parts of a stored key (``1000/10/00``), as SQL: each part up to the
    next separator, the last one the rest (a key with fewer parts gives blank ones)."""
    parts: list[ColumnElement[str]] = []
    rest: ColumnElement[str] = tabkey
    for _ in range(count - 1):
        at = _Position(rest, KEY_SEPARATOR)
        parts.append(case((at > 0, func.substr(rest, 1, at - 1)), else_=rest))
        rest = case((at > 0, func.substr(rest, at + 1)), else_=literal("", String()))
    parts.append(rest)
    return parts


def customizing_view(declaration: TableDeclaration) -> Subquery:
    """The client's customizing entries of one SAP table as that table, read only: MANDT,
    the key fields after it (the parts of the stored key, in the declaration's order) and
    each kept field (the entry's JSON value of the field's name, blank when it has none);
    one column per field, named like the field in lower case. RFC_READ_TABLE reads it like
    a table (``fake_sap.ddic.tables.customizing``); it is a query, not a second copy, so a
    changed entry shows at once."""
    keys = [f for f in declaration.key_fields if f.name != "MANDT"]
    columns: list[ColumnElement[Any]] = [customizing.c.mandt.label("mandt")]
    columns += [part.label(field.column_name)
                for field, part in zip(keys, _key_parts(customizing.c.tabkey, len(keys)),
                                       strict=True)]
    columns += [func.coalesce(customizing.c.data[field.name].as_string(), "")
                .label(field.column_name)
                for field in declaration.kept_fields if not field.key]
    return select(*columns).where(
        customizing.c.tabname == declaration.name).subquery(declaration.table_name)
