"""Inbox: an IDoc is told apart by its sender, DOCNUM, CREDAT and CRETIM, not by the first two.

A sender restored from a backup or refreshed by a system copy hands out DOCNUMs again; with
(sender, DOCNUM) alone a new IDoc under an old number was taken for a resend and dropped.
The entries stored before get CREDAT and CRETIM from the control record of their stored
IDoc-XML, so that a resend of one of them still finds it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 04:45:00.000000
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "credat" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("inbox")}:
        return  # made by a newer schema and taken for the baseline
    op.add_column('inbox', sa.Column('credat', sa.String(length=8), nullable=False,
                                     server_default=''))
    op.add_column('inbox', sa.Column('cretim', sa.String(length=6), nullable=False,
                                     server_default=''))
    _fill_creation_times()
    # batch mode: SQLite changes a table's constraints only by copying the table
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        batch_op.drop_constraint('uq_inbox_sender_docnum', type_='unique')
        batch_op.create_unique_constraint('uq_inbox_idoc_identity',
                                          ['sender', 'docnum', 'credat', 'cretim'])


#: the control record of an entry's document (each document holds its one IDoc), and the
#: two fields in it; SAP writes them as digits, anything else is left empty
_CONTROL = re.compile(r"<EDI_DC40\b.*?</EDI_DC40>", re.DOTALL)
_CREDAT = re.compile(r"<CREDAT>\s*(\d{8})\s*</CREDAT>")
_CRETIM = re.compile(r"<CRETIM>\s*(\d{6})\s*</CRETIM>")


#: entries read at a time, and how much of each document: its control record comes first
_PAGE_SIZE = 1_000
_CONTROL_RECORD_CHARACTERS = 4_000


def _fill_creation_times() -> None:
    """CREDAT and CRETIM of the entries stored so far, from their documents, a page at a
    time (an inbox may hold a hundred thousand documents)."""
    bind = op.get_bind()
    page = sa.text("SELECT entry_id, substr(xml, 1, :length) FROM inbox_documents "
                   "WHERE entry_id > :after ORDER BY entry_id LIMIT :size")
    after = -1
    while True:
        entries = bind.execute(page, {"length": _CONTROL_RECORD_CHARACTERS, "after": after,
                                      "size": _PAGE_SIZE}).all()
        if not entries:
            return
        after = entries[-1][0]
        updates = [update for entry_id, start in entries
                   if (update := _creation_time(entry_id, start)) is not None]
        if updates:
            bind.execute(sa.text("UPDATE inbox SET credat = :credat, cretim = :cretim "
                                 "WHERE id = :id"), updates)


def _creation_time(entry_id: int, document_start: str) -> dict[str, object] | None:
    control = _CONTROL.search(document_start)
    if control is None:
        return None
    credat, cretim = _CREDAT.search(control.group()), _CRETIM.search(control.group())
    if credat is None and cretim is None:
        return None
    return {"id": entry_id, "credat": credat.group(1) if credat else "",
            "cretim": cretim.group(1) if cretim else ""}


def downgrade() -> None:
    # entries that share a sender's DOCNUM cannot all stay: the newest of each is kept
    op.execute("DELETE FROM inbox_documents WHERE entry_id IN (SELECT id FROM inbox i WHERE "
               "EXISTS (SELECT 1 FROM inbox n WHERE n.sender = i.sender "
               "AND n.docnum = i.docnum AND n.id > i.id))")
    op.execute("DELETE FROM inbox WHERE EXISTS (SELECT 1 FROM inbox n WHERE "
               "n.sender = inbox.sender AND n.docnum = inbox.docnum AND n.id > inbox.id)")
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        batch_op.drop_constraint('uq_inbox_idoc_identity', type_='unique')
        batch_op.create_unique_constraint('uq_inbox_sender_docnum', ['sender', 'docnum'])
        batch_op.drop_column('cretim')
        batch_op.drop_column('credat')
