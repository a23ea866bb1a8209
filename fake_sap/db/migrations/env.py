"""The Alembic environment of the emulator's database.

Layer: db. Alembic runs this file for every command that :mod:`fake_sap.db.migrations` gives
it, with the connection to use (already in the transaction that holds the migration lock) in
``config.attributes``. There is no offline (``--sql``) mode and no URL of its own.
"""

from __future__ import annotations

from alembic import context

from fake_sap.db.migrations import VERSION_TABLE, include_name
from fake_sap.db.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run the migrations through `fake-sap db` or fake_sap.db.migrations, "
                           "which pass the connection to use")

    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        include_name=include_name,
        compare_type=True,
        # SQLite changes most of a table's shape only by copying the table ("batch" mode)
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic runs this file for each command; a plain import (a tool that imports every
# module) finds no migration context and does nothing.
if hasattr(context, "config"):
    run_migrations()
