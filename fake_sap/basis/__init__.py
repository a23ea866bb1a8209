"""Basis services: the emulator's own control data, which SAP keeps in its Basis layer.

Clients (SCC4), business dates, injected faults, partner profiles (WE20) and the IDoc
monitor (WE02/BD87). Each module here is the one writer of its tables; the control API
(``fake_sap.http.control``) calls these functions and never touches the database itself.

Layer: service. May import ``fake_sap.db``, ``fake_sap.ale``, ``fake_sap.clock`` and
``fake_sap.errors``; never Flask or ``fake_sap.http``.
"""
