"""The emulator's log of recent SOAP-RFC calls (``rfc_call_log``), shown by the console.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 11:31:36.335879
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'rfc_call_log',
        sa.Column('call_id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('mandt', sa.String(length=3), nullable=False),
        sa.Column('function', sa.String(length=30), nullable=False),
        sa.Column('uname', sa.String(length=12), nullable=False),
        sa.Column('called_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('duration_ms', sa.Float(), nullable=False),
        sa.Column('parameters', sa.Text(), nullable=False),
        sa.Column('return_rows', sa.Text(), nullable=False),
        sa.Column('error', sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint('call_id'),
    )
    with op.batch_alter_table('rfc_call_log', schema=None) as batch_op:
        batch_op.create_index('ix_rfc_call_log_client', ['mandt', 'call_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rfc_call_log', schema=None) as batch_op:
        batch_op.drop_index('ix_rfc_call_log_client')
    op.drop_table('rfc_call_log')
