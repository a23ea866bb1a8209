"""KNA1 and KNVV with SAP's standard fields: those a public listing confirms and those
their DEBMAS07 segments (E1KNA1M, E1KNVVM) carry.

Each new column is text, NOT NULL, with its initial value as server default (blank; a
customer already stored gets it too). A database whose tables a newer schema made already
has some of them; only the missing ones are added.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

#: (column, length, server default), in SAP's order: written out, so that the revision stays
#: what it was whatever the declarations of the tables say later
KNA1_COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("telfx", 31, ""),
    ("xcpdk", 1, ""),
    ("adrnr", 10, ""),
    ("mcod1", 25, ""),
    ("mcod2", 25, ""),
    ("mcod3", 25, ""),
    ("bahne", 25, ""),
    ("bahns", 25, ""),
    ("bbbnr", 7, ""),
    ("bbsnr", 5, ""),
    ("begru", 4, ""),
    ("brsch", 4, ""),
    ("bubkz", 1, ""),
    ("datlt", 14, ""),
    ("exabl", 1, ""),
    ("fiskn", 10, ""),
    ("knazk", 2, ""),
    ("knrza", 10, ""),
    ("konzs", 10, ""),
    ("kukla", 2, ""),
    ("lifnr", 10, ""),
    ("locco", 10, ""),
    ("name3", 35, ""),
    ("name4", 35, ""),
    ("niels", 2, ""),
    ("ort02", 35, ""),
    ("pfach", 10, ""),
    ("pstl2", 10, ""),
    ("stcd1", 16, ""),
)
KNVV_COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("ernam", 12, ""),
    ("erdat", 8, ""),
    ("begru", 4, ""),
    ("versg", 1, ""),
    ("kalks", 1, ""),
    ("konda", 2, ""),
    ("pltyp", 2, ""),
    ("awahr", 3, ""),
    ("inco1", 3, ""),
    ("inco2", 28, ""),
    ("autlf", 1, ""),
    ("antlf", 24, ""),
    ("kzazu", 1, ""),
    ("chspl", 1, ""),
    ("lprio", 2, ""),
    ("eikto", 12, ""),
    ("faksd", 2, ""),
    ("mrnkz", 1, ""),
    ("perfk", 2, ""),
    ("perrl", 2, ""),
    ("vkgrp", 3, ""),
    ("vkbur", 4, ""),
    ("vsort", 10, ""),
    ("kvgr1", 3, ""),
    ("kvgr2", 3, ""),
    ("kvgr3", 3, ""),
    ("kvgr4", 3, ""),
    ("kvgr5", 3, ""),
    ("bokre", 1, ""),
    ("kurst", 4, ""),
    ("prfre", 1, ""),
    ("klabc", 2, ""),
    ("kabss", 4, ""),
    ("kkber", 4, ""),
    ("cassd", 2, ""),
    ("rdoff", 1, ""),
    ("agrel", 1, ""),
    ("megru", 4, ""),
    ("uebtk", 1, ""),
    ("pvksm", 2, ""),
    ("podkz", 1, ""),
    ("blind", 1, ""),
)
NEW_COLUMNS = {"kna1": KNA1_COLUMNS, "knvv": KNVV_COLUMNS}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table, columns in NEW_COLUMNS.items():
        existing = {column["name"] for column in inspector.get_columns(table)}
        # one ALTER TABLE per column on SQLite (batch mode would copy the table instead)
        for name, length, default in columns:
            if name not in existing:
                op.add_column(table, sa.Column(name, sa.String(length=length), nullable=False,
                                               server_default=default))


def downgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, _length, _default in reversed(columns):
                batch.drop_column(name)
