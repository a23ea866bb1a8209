"""Transactional RFC units: the table arfcrstate (receiver-side TIDs, after SAP's ARFCRSTATE).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 11:27:07.557715
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("arfcrstate"):
        # a database without a version table whose tables were made by a newer schema: the
        # baseline step took it for 0.1.0 and already created what was missing
        return
    op.create_table('arfcrstate',
    sa.Column('mandt', sa.String(length=3), nullable=False),
    sa.Column('tid', sa.String(length=32), nullable=False),
    sa.Column('arfcstate', sa.String(length=8), nullable=False),
    sa.Column('arfcfnam', sa.String(length=30), nullable=False),
    sa.Column('arfcdatum', sa.String(length=8), nullable=False),
    sa.Column('arfcuzeit', sa.String(length=6), nullable=False),
    sa.Column('arfcuser', sa.String(length=12), nullable=False),
    sa.Column('arfcretrys', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=32), nullable=False),
    sa.Column('lease_until', sa.Float(), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('mandt', 'tid')
    )


def downgrade() -> None:
    op.drop_table('arfcrstate')
