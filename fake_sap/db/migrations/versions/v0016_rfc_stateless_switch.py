"""SOAP-RFC switch per client: ``stateless``, a service that keeps no SAP session.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08 01:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("rfc_client_settings")}
    if "stateless" in columns:
        # tables made by a newer schema and taken for the baseline: nothing is missing
        return
    with op.batch_alter_table('rfc_client_settings', schema=None) as batch_op:
        # the clients switched before keep their sessions
        batch_op.add_column(sa.Column('stateless', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('rfc_client_settings', schema=None) as batch_op:
        batch_op.drop_column('stateless')
