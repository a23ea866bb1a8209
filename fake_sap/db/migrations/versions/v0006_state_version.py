"""The version of the clients, business dates and injected faults (``state_version``).

Every SAP request reads this one row to learn whether its process's copy of those settings
is still current (see ``fake_sap.db.state_version``). The table is created when it is
missing, like the tables of the earlier revisions, and gets its one row with a random first
version.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 13:50:46.573235
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

from fake_sap.db.migrations import create_missing

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    metadata = state_version_schema()
    create_missing(bind, metadata)
    table = metadata.tables["state_version"]
    if bind.execute(sa.select(table.c.id)).first() is None:
        bind.execute(table.insert().values(id=1, version=secrets.randbits(62) + 1))


def downgrade() -> None:
    state_version_schema().drop_all(op.get_bind())


def state_version_schema() -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table(
        "state_version",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    return metadata
