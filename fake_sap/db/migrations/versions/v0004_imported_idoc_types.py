"""IDoc types imported from their XML schema: the table idoc_types (client-independent).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 13:50:31.910083
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("idoc_types"):
        # a database without a version table whose tables were made by a newer schema: the
        # baseline step took it for 0.1.0 and already created what was missing
        return
    op.create_table('idoc_types',
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('basic_type', sa.String(length=30), nullable=False),
    sa.Column('message_types', sa.Text(), nullable=False),
    sa.Column('description', sa.String(length=255), nullable=False),
    sa.Column('xml_schema', sa.Text(), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    op.drop_table('idoc_types')
