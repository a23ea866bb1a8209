"""What the engines of both stores share, the emulator's database (``fake_sap.db``) and the
CRM adapter's store (``crm_adapter.store``), which never import each other:

- :mod:`store_engines.writers_queue`: the SQLite writers of all processes take their turns
  in the order they asked (a fair lock on files beside the database);
- :mod:`store_engines.idle_ping`: a pooled connection to a database server is tested before
  use only when it has lain idle;
- :mod:`store_engines.disk_errors`: what an ``OSError`` of a store's files says about the
  disk (full, read-only, failing), which each store maps to its own 503 error.

It imports the standard library and SQLAlchemy only.
"""
