"""Drop the change pointer index no query uses (``ix_bdcp2_open``).

Every statement on BDCP2 asks for a client's open pointers (BDCP2-PROCESS blank) without
naming a message type: BD21, and marking them processed after an inbound IDoc when nobody
receives them. They use ``ix_bdcp2_client_open`` (client, processing flag). The index on
(client, message type, processing flag) answered none of them, yet every pointer written
and every pointer marked processed changed it: about two of the pages SQLite writes for a
single inbound IDoc.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 22:47:32.634127
"""

from __future__ import annotations

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_bdcp2_open", table_name="bdcp2", if_exists=True)


def downgrade() -> None:
    op.create_index("ix_bdcp2_open", "bdcp2", ["mandt", "mestyp", "process"],
                    if_not_exists=True)
