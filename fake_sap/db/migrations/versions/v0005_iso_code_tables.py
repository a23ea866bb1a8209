"""The code tables of the ISO conversion: T006 (units), TCURC (currencies), T005 (countries).

The tables are created when missing (a database made before there were migrations is brought
to the baseline, which creates every table the code declares), and every client that has no
entries yet gets the baseline customizing's, as a new client does.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 13:50:21.232599
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if not inspector.has_table("t005"):
        _create_tables()
    _seed_existing_clients(bind)


def _seed_existing_clients(bind: sa.Connection) -> None:
    # the entries as this version declares them; a later change of the entries is a revision
    # of its own
    from fake_sap.db.iso_codes import baseline_rows

    clients = [row[0] for row in bind.execute(sa.text("SELECT mandt FROM clients"))]
    for mandt in clients:
        for table_name, rows in baseline_rows(mandt).items():
            present = bind.execute(sa.text(f"SELECT COUNT(*) FROM {table_name} "  # noqa: S608
                                           "WHERE mandt = :mandt"), {"mandt": mandt}).scalar()
            if present:
                continue
            table = sa.Table(table_name, sa.MetaData(), autoload_with=bind)
            bind.execute(table.insert(), rows)


def _create_tables() -> None:
    op.create_table('t005',
    sa.Column('mandt', sa.String(length=3), nullable=False),
    sa.Column('land1', sa.String(length=3), nullable=False),
    sa.Column('landk', sa.String(length=3), nullable=False),
    sa.Column('lnplz', sa.String(length=2), nullable=False),
    sa.Column('prplz', sa.String(length=1), nullable=False),
    sa.Column('addrs', sa.String(length=3), nullable=False),
    sa.Column('xplzs', sa.String(length=1), nullable=False),
    sa.Column('xplpf', sa.String(length=1), nullable=False),
    sa.Column('spras', sa.String(length=1), nullable=False),
    sa.Column('xland', sa.String(length=1), nullable=False),
    sa.Column('xaddr', sa.String(length=1), nullable=False),
    sa.Column('nmfmt', sa.String(length=2), nullable=False),
    sa.Column('xregs', sa.String(length=1), nullable=False),
    sa.Column('xplst', sa.String(length=1), nullable=False),
    sa.Column('intca', sa.String(length=2), nullable=False),
    sa.Column('intca3', sa.String(length=3), nullable=False),
    sa.Column('intcn3', sa.String(length=3), nullable=False),
    sa.Column('xegld', sa.String(length=1), nullable=False),
    sa.Column('xskfn', sa.String(length=1), nullable=False),
    sa.Column('xmwsn', sa.String(length=1), nullable=False),
    sa.PrimaryKeyConstraint('mandt', 'land1')
    )
    op.create_table('t006',
    sa.Column('mandt', sa.String(length=3), nullable=False),
    sa.Column('msehi', sa.String(length=3), nullable=False),
    sa.Column('kzex3', sa.String(length=1), nullable=False),
    sa.Column('kzex6', sa.String(length=1), nullable=False),
    sa.Column('andec', sa.Integer(), nullable=False),
    sa.Column('kzkeh', sa.String(length=1), nullable=False),
    sa.Column('kzwob', sa.String(length=1), nullable=False),
    sa.Column('kz1eh', sa.String(length=1), nullable=False),
    sa.Column('kz2eh', sa.String(length=1), nullable=False),
    sa.Column('dimid', sa.String(length=6), nullable=False),
    sa.Column('zaehl', sa.Integer(), nullable=False),
    sa.Column('nennr', sa.Integer(), nullable=False),
    sa.Column('exp10', sa.Integer(), nullable=False),
    sa.Column('addko', sa.String(length=12), nullable=False),
    sa.Column('expon', sa.Integer(), nullable=False),
    sa.Column('decan', sa.Integer(), nullable=False),
    sa.Column('isocode', sa.String(length=3), nullable=False),
    sa.Column('primary', sa.String(length=1), nullable=False),
    sa.Column('temp_value', sa.Float(), nullable=False),
    sa.Column('temp_unit', sa.String(length=3), nullable=False),
    sa.Column('famunit', sa.String(length=1), nullable=False),
    sa.Column('press_val', sa.Float(), nullable=False),
    sa.Column('press_unit', sa.String(length=3), nullable=False),
    sa.PrimaryKeyConstraint('mandt', 'msehi')
    )
    op.create_table('tcurc',
    sa.Column('mandt', sa.String(length=3), nullable=False),
    sa.Column('waers', sa.String(length=5), nullable=False),
    sa.Column('isocd', sa.String(length=3), nullable=False),
    sa.Column('altwr', sa.String(length=3), nullable=False),
    sa.Column('gdatu', sa.String(length=8), nullable=False),
    sa.Column('xprimary', sa.String(length=1), nullable=False),
    sa.PrimaryKeyConstraint('mandt', 'waers')
    )


def downgrade() -> None:
    op.drop_table('tcurc')
    op.drop_table('t006')
    op.drop_table('t005')
