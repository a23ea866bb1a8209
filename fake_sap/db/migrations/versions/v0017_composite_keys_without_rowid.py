"""SQLite: the composite-key tables an inbound IDoc writes are stored WITHOUT ROWID.

A SQLite table with a composite primary key keeps its rows in a b-tree by an internal row
number and its key in a second b-tree beside it, so every new row writes a page of each.
Stored WITHOUT ROWID, the rows live in the b-tree of their key and that second page is
saved: about seven of the 32 pages SQLite wrote for a single MATMAS05 (status records,
the duplicate and serialization keys, and the material master tables below MARA). The
rows are copied as they are into a table of the same definition, which keeps column
order, defaults and the other indexes; a table already stored this way is left alone.
Nothing changes on PostgreSQL, whose tables have no row ids.

EDIDC and MARA stay as they are. SQLite advises WITHOUT ROWID for rows of at most about a
twentieth of a page, some 200 bytes of a 4 KiB page (sqlite.org, "Clustered Indexes and
the WITHOUT ROWID Optimization", withoutrowid.html, "When To Use WITHOUT ROWID"), since
the b-tree's inner pages then hold whole rows: EDIDC's rows carry the IDoc-XML, and a
MATMAS05's MARA row is some 290 bytes and grows with every field MARA gains. The tables
rebuilt here hold 40 to 90 bytes a row.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08 01:00:00.000000
"""

from __future__ import annotations

import re

from alembic import op
from sqlalchemy import Connection, text

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

#: the tables, as in the schema modules (``sqlite_with_rowid=False``)
TABLES = ("edids", "idoc_inbound_keys", "idoc_serialization", "makt", "marc", "mard",
          "mbew", "mvke", "marm")
_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT\s+ROWID\s*$", re.IGNORECASE)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table in TABLES:
        _rebuild(conn, table, without_rowid=True)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table in TABLES:
        _rebuild(conn, table, without_rowid=False)


def _rebuild(conn: Connection, table: str, *, without_rowid: bool) -> None:
    """Copy ``table`` into a new one of the same definition, with or without row ids."""
    found = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' "
                              "AND name = :name"), {"name": table}).scalar()
    if found is None or bool(_WITHOUT_ROWID.search(found)) == without_rowid:
        return
    indexes = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                "AND tbl_name = :name AND sql IS NOT NULL"),
                           {"name": table}).scalars().all()
    copy = f"_new_{table}"
    # the stored CREATE TABLE names the table first: only that name changes
    definition = re.sub(r"^\s*CREATE\s+TABLE\s+(\"[^\"]+\"|\S+)",
                        f"CREATE TABLE {copy}", found, count=1, flags=re.IGNORECASE)
    definition = _WITHOUT_ROWID.sub(")", definition.rstrip())
    if without_rowid:
        definition += " WITHOUT ROWID"
    # on the driver as written: a stored default may hold a colon, which text() would bind
    conn.exec_driver_sql(definition)
    conn.exec_driver_sql(f"INSERT INTO {copy} SELECT * FROM {table}")
    conn.exec_driver_sql(f"DROP TABLE {table}")
    conn.exec_driver_sql(f"ALTER TABLE {copy} RENAME TO {table}")
    for index in indexes:
        conn.exec_driver_sql(index)
