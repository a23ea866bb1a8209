"""Outbox: unit_id, the TID of the transactional RFC unit an entry creates its SAP document in.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 11:32:06.751817
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("outbox")}
    if "unit_id" in columns:
        # a database without a version table whose tables were made by a newer schema: the
        # baseline step took it for 0.1.0 and already added what was missing
        return
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_id', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('unit_id')
