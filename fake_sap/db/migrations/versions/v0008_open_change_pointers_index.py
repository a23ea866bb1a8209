"""An index for the open change pointers of a client (``ix_bdcp2_client_open``).

ALE outbound asks for a client's open pointers (BDCP2-PROCESS blank) without naming a
message type: after every inbound IDoc when nobody is subscribed (all are marked
processed), and in BD21. The index on (client, message type, processing flag) cannot
answer that, so every such statement walked all pointers the client ever had, and an
inbound IDoc got slower with each one posted before it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 17:45:00.000000
"""

from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_bdcp2_client_open", "bdcp2", ["mandt", "process"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_bdcp2_client_open", table_name="bdcp2", if_exists=True)
