"""Per-client business dates (``PUT /_fake/clients/NNN/date``): SAP has one system clock,
tests want to say "today is the last day of the month" for their own client only.

The offset is in whole days from the system date, so the time of day keeps running. Keyed
by MANDT, so a client reset or delete brings the client back to the system date.
Written only by ``fake_sap.basis.business_date``.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table

from fake_sap.db.schema import metadata

business_dates = Table(
    "business_dates",
    metadata,
    Column("mandt", String(3), primary_key=True),
    Column("offset_days", Integer, nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)
