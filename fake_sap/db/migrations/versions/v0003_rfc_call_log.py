"""The emulator's log of recent SOAP-RFC calls (``rfc_call_log``), shown by the console.

Like the baseline, the table is created only when it is missing: a database made before
there were migrations is brought to the baseline and then through this revision, and one
made by this version already has the table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 11:31:36.335879
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fake_sap.db.migrations import create_missing

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_missing(op.get_bind(), call_log_schema())


def downgrade() -> None:
    call_log_schema().drop_all(op.get_bind())


def call_log_schema() -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table(
        "rfc_call_log",
        metadata,
        sa.Column("call_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("mandt", sa.String(length=3), nullable=False),
        sa.Column("function", sa.String(length=30), nullable=False),
        sa.Column("uname", sa.String(length=12), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Float(), nullable=False),
        sa.Column("parameters", sa.Text(), nullable=False),
        sa.Column("return_rows", sa.Text(), nullable=False),
        sa.Column("error", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("call_id"),
        sa.Index("ix_rfc_call_log_client", "mandt", "call_id"),
    )
    return metadata
