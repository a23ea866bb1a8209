"""The CRM console: server-rendered pages at ``/ui/`` for people who look at the adapter.

Layer: HTTP edge (like :mod:`crm_adapter.http`). It may import the flows, the inbox and
outbox, the store's read functions and Flask; never SQL of its own, and never ``fake_sap``.
Changes go through the same flow functions the JSON API calls. Wired in
:mod:`crm_adapter.compose` (:func:`~crm_adapter.compose.console_blueprints`).
"""
