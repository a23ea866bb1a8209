"""sap_halt: the outbox worker has stopped calling SAP after a configuration error.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 01:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "sap_halt" in sa.inspect(op.get_bind()).get_table_names():
        return  # tables made by a newer schema and taken for the baseline
    op.create_table(
        'sap_halt',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('error', sa.String(length=40), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('logon', sa.String(length=64), nullable=False),
        sa.Column('halted_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('sap_halt')
