"""Partial indexes: EDIDC's dispatcher indexes hold outbound IDocs, BDCP2's open pointers.

The dispatcher's indexes on EDIDC (``ix_edidc_outbound_queue``, ``ix_edidc_partner_queue``)
answer queries that all name DIRECT = '1' (outbound), yet every inbound IDoc added an entry
to each: two of the pages SQLite writes for a single inbound IDoc. They now hold outbound
IDocs only (``WHERE direct = '1'``). ``ix_bdcp2_client_open`` answers queries that all ask
for open pointers (PROCESS blank), yet it held every pointer ever processed; it now holds
the open ones only (``WHERE process = ''``) and stays small. The columns are unchanged.

The monitor's indexes (``ix_edidc_status``, ``ix_edidc_created``) stay: its counts and
searches by status and by creation time read them.

SQLite and PostgreSQL both know partial indexes; each index is dropped and created again
with its condition.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08 01:50:00.000000
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

#: name, table, columns, condition
INDEXES = (
    ("ix_edidc_outbound_queue", "edidc", ["direct", "status", "next_attempt_at"],
     "direct = '1'"),
    ("ix_edidc_partner_queue", "edidc", ["mandt", "rcvprn", "direct", "status", "docnum"],
     "direct = '1'"),
    ("ix_bdcp2_client_open", "bdcp2", ["mandt", "process"], "process = ''"),
)


def upgrade() -> None:
    for name, table, columns, condition in INDEXES:
        op.drop_index(name, table_name=table, if_exists=True)
        op.create_index(name, table, columns, sqlite_where=text(condition),
                        postgresql_where=text(condition))


def downgrade() -> None:
    for name, table, columns, _condition in INDEXES:
        op.drop_index(name, table_name=table, if_exists=True)
        op.create_index(name, table, columns)
