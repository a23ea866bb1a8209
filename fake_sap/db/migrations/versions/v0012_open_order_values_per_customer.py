"""The open order value per customer (``open_order_values``), which the credit check reads.

The table keeps, per client and sold-to party, the net value of the sales orders that are
not yet completely delivered, in cents (see ``fake_sap.sd.open_orders``). A database made
before holds orders already: their sums are computed here, with the same rule, so that the
credit check answers as before.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 19:23:16.679922
"""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("open_order_values"):
        # a database without a version table whose tables were made by a newer schema: the
        # baseline step took it for 0.1.0 and already made the table
        return
    op.create_table(
        'open_order_values',
        sa.Column('mandt', sa.String(length=3), nullable=False),
        sa.Column('kunnr', sa.String(length=10), nullable=False),
        sa.Column('netwr_cents', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('mandt', 'kunnr'),
    )
    conn = op.get_bind()
    # the sum of the orders' net values in Python, exact (NETWR is decimal text)
    rows = conn.execute(sa.text(
        "SELECT vbak.mandt, vbak.kunnr, vbak.netwr FROM vbak JOIN vbuk "
        "ON vbuk.mandt = vbak.mandt AND vbuk.vbeln = vbak.vbeln "
        "WHERE vbak.vbtyp = 'C' AND vbuk.lfgsk != 'C'"))
    sums: dict[tuple[str, str], Decimal] = {}
    for mandt, kunnr, netwr in rows:
        sums[mandt, kunnr] = sums.get((mandt, kunnr), Decimal(0)) + Decimal(netwr)
    if sums:
        conn.execute(sa.text(
            "INSERT INTO open_order_values (mandt, kunnr, netwr_cents) "
            "VALUES (:mandt, :kunnr, :netwr_cents)"),
            [{"mandt": mandt, "kunnr": kunnr,
              "netwr_cents": int(value.scaleb(2).to_integral_value())}
             for (mandt, kunnr), value in sums.items()])


def downgrade() -> None:
    op.drop_table('open_order_values', if_exists=True)
