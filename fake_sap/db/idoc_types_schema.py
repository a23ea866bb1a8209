"""The table of IDoc types imported from their XML schema (``fake-sap idoc import-xsd``,
``PUT /_fake/idoc-types/{name}``).

IDoc types are client-independent in SAP (WE30/WE31 objects are repository objects), so the
table has no MANDT and a client reset keeps the types. Kept in the database rather than in a
worker's memory, so that every worker and every process over the database sees the same
types. Written only by ``fake_sap.db.idoc_types``.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, String, Table, Text

from fake_sap.db.schema import metadata

idoc_types = Table(
    "idoc_types",
    metadata,
    # the type's name: a basic type (ZMATMAS01) or an extension (ZMATMAS05EXT, EDI_DC40-CIMTYP)
    Column("name", String(30), primary_key=True),
    # for an extension: the basic type it extends (EDI_DC40-IDOCTYP); "" for a basic type
    Column("basic_type", String(30), nullable=False, default=""),
    # the message types assigned to the type (WE82), separated by blanks
    Column("message_types", Text, nullable=False, default=""),
    Column("description", String(255), nullable=False, default=""),
    # the XML schema as it was imported, and its SHA-256: a reader compares the checksum with
    # the one it parsed before, so it reads and parses a schema again only after a change
    Column("xml_schema", Text, nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)
