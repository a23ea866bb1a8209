"""The SAP side of the Gherkin step library: master data arriving from the master-data
system, SAP shipping, deleting and receiving deliveries, finance clearing, SAP's business
date and faults.

Layer: ``fake_sap.testing`` (test support, shipped with the emulator; the emulator's runtime
never imports it). The steps drive one fresh SAP client per scenario on a real
``fake-sap serve`` process, through SAP's own interfaces (IDoc-XML, SOAP-RFC BAPIs) and the
control API for what SAP has no interface for (:mod:`fake_sap.testing.bdd.driver`). It
builds on the generic step kit :mod:`sap_client.steps` (the scenario's world, the step
decorators, the logon to SAP and the receiver SAP sends to), never on ``crm_adapter``.

Use it from a ``conftest.py`` at the root of the features, with the library of the system
SAP talks to (here the CRM's, :mod:`crm_adapter.testing.bdd`)::

    pytest_plugins = [*fake_sap.testing.bdd.PLUGINS, *crm_adapter.testing.bdd.PLUGINS]

How QA writes scenarios: ``docs/features.md``; every step phrase: ``docs/steps.md``
(``python -m sap_client.steps.catalogue fake_sap.testing.bdd crm_adapter.testing.bdd``).
"""

#: the modules to load as pytest plugins: fixtures, then the step modules
PLUGINS = [
    "fake_sap.testing.bdd.fixtures",
    "fake_sap.testing.bdd.master_data_steps",
    "fake_sap.testing.bdd.logistics_steps",
    "fake_sap.testing.bdd.finance_steps",
    "fake_sap.testing.bdd.fault_steps",
]
