"""The Alembic environment of the CRM store.

Layer: store. Alembic runs this file for every command that
:mod:`crm_adapter.store.migrations` gives it, with the connection to use (already in the
transaction that holds the migration lock) in ``config.attributes``. There is no offline
(``--sql``) mode and no URL of its own.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from crm_adapter.store.migrations import VERSION_TABLE, include_name
from crm_adapter.store.schema import ExactDecimal, metadata


def render_item(type_: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """A new revision spells :class:`ExactDecimal` as the text column it is stored in, so
    that the revision does not depend on the schema module staying as it is."""
    if type_ == "type" and isinstance(item, ExactDecimal):
        return "sa.String(length=32)"
    return False


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run the migrations through `crm-adapter db` or "
                           "crm_adapter.store.migrations, which pass the connection to use")

    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        include_name=include_name,
        compare_type=True,
        render_item=render_item,
        # SQLite changes most of a table's shape only by copying the table ("batch" mode)
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic runs this file for each command; a plain import (a tool that imports every
# module) finds no migration context and does nothing.
if hasattr(context, "config"):
    run_migrations()
