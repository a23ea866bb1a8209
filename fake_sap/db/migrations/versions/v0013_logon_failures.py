"""logon_failures: the failed-logon count (USR02-LOCNT) and lock (USR02-UFLAG) of each
user in each client, one row per user that has failed at least once.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 20:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("logon_failures"):
        # a database without a version table whose tables were made by a newer schema: the
        # baseline step took it for 0.1.0 and already made the table
        return
    op.create_table(
        "logon_failures",
        sa.Column("mandt", sa.String(3), primary_key=True),
        sa.Column("bname", sa.String(12), primary_key=True),
        sa.Column("locnt", sa.Integer(), nullable=False),
        sa.Column("uflag", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("logon_failures")
