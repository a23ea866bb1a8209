"""Persistence: SQLAlchemy Core tables named after their SAP counterparts, and repositories."""
