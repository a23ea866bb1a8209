"""MARC: the MRP and purchasing fields of BAPI_MARC (MAABC to ALTSL), which
BAPI_MATERIAL_SAVEDATA stores.

Each new column is text, NOT NULL, with its initial value as server default (blank; a plant
view already stored gets it too). A database whose MARC a newer schema made already has
some of them; only the missing ones are added.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 22:34:28.477448
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

#: (column, length, server default), in SAP's order: written out, so that the revision stays
#: what it was whatever the declaration of MARC says later
MARC_COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("maabc", 1, ""),
    ("kzkri", 1, ""),
    ("ausme", 3, ""),
    ("dispr", 4, ""),
    ("dispo", 3, ""),
    ("plifz", 24, ""),
    ("webaz", 24, ""),
    ("perkz", 1, ""),
    ("ausss", 24, ""),
    ("disls", 2, ""),
    ("beskz", 1, ""),
    ("sobsl", 2, ""),
    ("minbe", 24, ""),
    ("eisbe", 24, ""),
    ("bstmi", 24, ""),
    ("bstma", 24, ""),
    ("bstfe", 24, ""),
    ("bstrf", 24, ""),
    ("mabst", 24, ""),
    ("sbdkz", 1, ""),
    ("lagpr", 1, ""),
    ("altsl", 1, ""),
)


def upgrade() -> None:
    existing = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("marc")}
    # one ALTER TABLE per column on SQLite (batch mode would copy the table instead)
    for name, length, default in MARC_COLUMNS:
        if name not in existing:
            op.add_column("marc", sa.Column(name, sa.String(length=length), nullable=False,
                                            server_default=default))


def downgrade() -> None:
    with op.batch_alter_table("marc") as batch:
        for name, _length, _default in reversed(MARC_COLUMNS):
            batch.drop_column(name)
