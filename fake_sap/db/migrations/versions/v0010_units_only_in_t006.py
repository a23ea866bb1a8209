"""Units of measure are kept in T006 only: the ``customizing`` table's "T006" key list goes.

Before this revision a unit was known twice, as a row of the code table ``t006`` and as a
key in the ``customizing`` table under "T006", which the material checks read. The checks
now read ``t006``, so the key list is deleted. A downgrade writes it again from the rows of
``t006``, so that the code of the revision before finds every unit it knows.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 17:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_CUSTOMIZING = sa.table("customizing", sa.column("mandt", sa.String), sa.column(
    "tabname", sa.String), sa.column("tabkey", sa.String), sa.column("data", sa.JSON))
_T006 = sa.table("t006", sa.column("mandt", sa.String), sa.column("msehi", sa.String))


def upgrade() -> None:
    op.get_bind().execute(sa.delete(_CUSTOMIZING).where(_CUSTOMIZING.c.tabname == "T006"))


def downgrade() -> None:
    bind = op.get_bind()
    rows = [{"mandt": mandt, "tabname": "T006", "tabkey": msehi, "data": {}}
            for mandt, msehi in bind.execute(sa.select(_T006.c.mandt, _T006.c.msehi))]
    bind.execute(sa.delete(_CUSTOMIZING).where(_CUSTOMIZING.c.tabname == "T006"))
    if rows:
        bind.execute(sa.insert(_CUSTOMIZING), rows)
