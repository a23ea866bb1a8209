"""Schema migrations of the CRM store (Alembic).

Layer: store. The environment (``env.py``) and the revisions (``versions/``)
ship inside this package; :class:`schema_migrations.Migrations` runs them from Python (no
``alembic.ini``, no ``alembic`` command), once however many processes start together. Start-up
and ``crm-adapter db ...`` call the functions below.
"""

from __future__ import annotations

from pathlib import Path

from crm_adapter.store.schema import metadata
from schema_migrations import Migrations, Revision, create_missing

MIGRATIONS = Migrations(
    metadata, Path(__file__).resolve().parent,
    # its own version table: the emulator's tables may live in the same database
    version_table="alembic_version_crm",
    # PostgreSQL advisory lock held while the schema is upgraded (the ASCII of "crmadpt1")
    advisory_lock_key=0x63726D6164707431)
VERSION_TABLE = MIGRATIONS.version_table

alembic_config = MIGRATIONS.alembic_config
head_revision = MIGRATIONS.head_revision
history = MIGRATIONS.history
current_revision = MIGRATIONS.current_revision
is_unversioned_with_tables = MIGRATIONS.is_unversioned_with_tables
upgrade = MIGRATIONS.upgrade
schema_differences = MIGRATIONS.schema_differences
make_revision = MIGRATIONS.make_revision
drop_version_table = MIGRATIONS.drop_version_table
include_name = MIGRATIONS.include_name
describe = MIGRATIONS.describe

__all__ = ["MIGRATIONS", "VERSION_TABLE", "Revision", "alembic_config", "create_missing",
           "current_revision", "describe", "drop_version_table", "head_revision", "history",
           "include_name", "is_unversioned_with_tables", "make_revision",
           "schema_differences", "upgrade"]
