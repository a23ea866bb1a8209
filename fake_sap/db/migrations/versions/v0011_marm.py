"""MARM (Units of Measure for Material): one row per material and alternative unit.

The columns are the fields of the declaration that the emulator keeps, in SAP's order, each
text and NOT NULL (packed numbers as canonical decimal text); the key is MANDT, MATNR,
MEINH. Written out, so that the revision stays what it was whatever the declaration says
later.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 19:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

#: the data columns (column, length) after the key, in SAP's order
MARM_COLUMNS: tuple[tuple[str, int], ...] = (
    ("umrez", 24), ("umren", 24), ("ean11", 18), ("numtp", 2), ("laeng", 24),
    ("breit", 24), ("hoehe", 24), ("meabm", 3), ("volum", 24), ("voleh", 3),
    ("brgew", 24), ("gewei", 3), ("mesub", 3), ("gtin_variant", 2), ("nest_ftr", 24),
    ("max_stack", 3), ("capause", 24), ("ty2tq", 1),
)


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("marm"):
        # a database without a version table whose tables were made by a newer schema: the
        # baseline step took it for 0.1.0 and already made the table
        return
    op.create_table(
        "marm",
        sa.Column("mandt", sa.String(3), primary_key=True),
        sa.Column("matnr", sa.String(18), primary_key=True),
        sa.Column("meinh", sa.String(3), primary_key=True),
        *(sa.Column(name, sa.String(length), nullable=False) for name, length in MARM_COLUMNS),
    )


def downgrade() -> None:
    op.drop_table("marm")
