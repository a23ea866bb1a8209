"""The table of faults a test injects into a client's SAP interfaces (``/_fake/.../faults``).

Kept in the database rather than in a worker's memory, so that every gunicorn worker (and
every machine over one PostgreSQL database) sees the same faults and a fault meant to happen
once happens once. Keyed by MANDT, so a client reset or delete removes its faults too.
Written only by ``fake_sap.basis.faults``.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Integer, String, Table

from fake_sap.db.schema import metadata

injected_faults = Table(
    "injected_faults",
    metadata,
    Column("mandt", String(3), primary_key=True),
    # numbered per client in the order the faults were added; the oldest matching one fires
    Column("fault_id", Integer, primary_key=True, autoincrement=False),
    # a function module name, IDOC_XML (the inbound IDoc service) or * (every SAP call)
    Column("target", String(30), nullable=False),
    Column("kind", String(20), nullable=False),
    # calls left to fail; NULL: every call until the fault is removed
    Column("remaining", Integer, nullable=True),
    # for a timeout: how long the call is held before it is processed
    Column("seconds", Float, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
