"""What the engines of both stores share, the emulator's database (``fake_sap.db``) and the
CRM adapter's store (``crm_adapter.store``), which never import each other:

- :mod:`store_engines.writers_queue`: the SQLite writers of all processes take their turns
  in the order they asked (a fair lock on files beside the database);
- :mod:`store_engines.idle_ping`: a pooled connection to a database server is tested before
  use only when it has lain idle.

It imports the standard library and SQLAlchemy only.
"""
