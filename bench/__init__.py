"""Benchmarks of fake-sap: ``python -m bench`` runs them all, ``python -m bench NAME`` one.

Each benchmark starts real ``fake-sap serve`` processes on throw-away SQLite databases and
measures them from the outside, the way an integration team would use the emulator.
"""
