"""The generic part of a Gherkin step kit for scenarios that involve SAP (pytest-bdd).

Layer: ``sap_client.steps``, test support. Imports pytest-bdd and ``sap_client``; never
``fake_sap`` or ``crm_adapter``, and nothing outside test support imports it. The emulator's
step library (:mod:`fake_sap.testing.bdd`) and the CRM adapter's
(:mod:`crm_adapter.testing.bdd`) both build on it:

- :mod:`~sap_client.steps.library`    step decorators that record the catalogue, typed
                                      parameters, data-table helpers, ``eventually``
- :mod:`~sap_client.steps.world`      what one scenario has named so far (fixture ``world``)
- :mod:`~sap_client.steps.landscape`  the logon to SAP, the receiver SAP sends IDocs to, and
                                      the :class:`SapSystem` protocol the caller's steps use
- :mod:`~sap_client.steps.catalogue`  the step catalogue as Markdown (a command)
"""
