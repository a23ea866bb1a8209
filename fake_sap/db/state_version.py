"""The version of the state every SAP request reads: clients, business dates, faults.

Each request needs its client (the logon), the client's business date and its injected
faults. They change rarely (through the control API) but must take effect at once in every
worker process and on every machine sharing the database. So each process keeps them in
memory (:mod:`fake_sap.basis.client_state`) together with the version it read them at, and
a request reads only this one row to learn whether its copy is still current.

Every writer of those tables calls :func:`bump` in the transaction that changes them, so a
change and its new version commit together. The version is a random number, not a count:
a process compares it only for equality, and a database that was dropped and created again
cannot come back with a version some process still holds.

The one writer of ``state_version``.
"""

from __future__ import annotations

import secrets

from sqlalchemy import BigInteger, Column, Connection, Engine, Integer, Table, select, update

from fake_sap.db.schema import metadata
from fake_sap.db.upsert import insert_if_absent

#: the key of the table's only row
ROW_ID = 1

state_version = Table(
    "state_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False),
)

_READ = select(state_version.c.version).where(state_version.c.id == ROW_ID)
#: the same, as plain SQL every driver takes (no parameters, so no parameter style)
_READ_SQL = f"SELECT version FROM state_version WHERE id = {ROW_ID}"


def new_version() -> int:
    """A fresh version: random, positive, and within a signed 64-bit column."""
    return secrets.randbits(62) + 1


def read(conn: Connection) -> int | None:
    """The current version; None on a database without the row (made by ``create_all``)."""
    version = conn.execute(_READ).scalar()
    return None if version is None else int(version)


def read_quickly(engine: Engine) -> int | None:
    """:func:`read` on a pooled driver connection, outside a transaction of SQLAlchemy's.

    Every SAP request runs this statement and, while nothing has changed, no other before
    its own work. Run through SQLAlchemy, the transaction around it (checkout, ``BEGIN``,
    result objects, commit) costs several times the statement itself; a lone ``SELECT`` of
    one row needs none of it, as it sees one committed state anyway. Raises the driver's
    error; the caller falls back to :func:`read`, which classifies it.
    """
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            cursor.execute(_READ_SQL)
            row = cursor.fetchone()
        finally:
            cursor.close()
    finally:
        connection.close()  # back to the pool, which ends the driver's transaction if any
    return None if row is None else int(row[0])


def bump(conn: Connection) -> None:
    """Mark the clients, business dates, faults or code tables (T006, TCURC, T005; kept per
    process with the client state, ``fake_sap.basis.client_state``) as changed, in the caller's
    transaction."""
    version = new_version()
    changed = conn.execute(update(state_version).where(state_version.c.id == ROW_ID)
                           .values(version=version)).rowcount
    if not changed:
        insert_if_absent(conn, state_version, {"id": ROW_ID, "version": version})
