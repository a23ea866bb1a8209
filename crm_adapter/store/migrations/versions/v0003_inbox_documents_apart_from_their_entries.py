"""Inbox: each entry's IDoc-XML moves from ``inbox.xml`` to its own table ``inbox_documents``.

Processing rewrites an entry's row (status, reason, attempts); SQLite writes a changed row
out whole, so with the document in it every status change wrote the IDoc's XML again. The
documents already stored are copied over before the column goes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 22:43:14.295072
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "inbox_documents" not in inspector.get_table_names():
        op.create_table(
            'inbox_documents',
            sa.Column('entry_id', sa.Integer(), autoincrement=False, nullable=False),
            sa.Column('xml', sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint('entry_id'))
    if "xml" in {c["name"] for c in inspector.get_columns("inbox")}:
        op.execute("INSERT INTO inbox_documents (entry_id, xml) SELECT id, xml FROM inbox")
        with op.batch_alter_table('inbox', schema=None) as batch_op:
            batch_op.drop_column('xml')


def downgrade() -> None:
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        # every row gets its document below; the default only fills the column meanwhile
        batch_op.add_column(sa.Column('xml', sa.Text(), nullable=False, server_default=''))
    op.execute("UPDATE inbox SET xml = (SELECT d.xml FROM inbox_documents d "
               "WHERE d.entry_id = inbox.id) WHERE id IN (SELECT entry_id FROM inbox_documents)")
    op.drop_table('inbox_documents')
