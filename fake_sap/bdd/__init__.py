"""The SAP side of the Gherkin step library: master data arriving from the master-data
system, SAP shipping, deleting and receiving deliveries, finance clearing, the business
date and faults; and the step catalogue (``python -m fake_sap.bdd.catalogue``).

Layer: test support, shipped with the emulator. The steps drive one fresh SAP client per
scenario on a real ``fake-sap serve`` process, through SAP's own interfaces (IDoc-XML,
SOAP-RFC BAPIs) and the control API for what SAP has no interface for
(:mod:`fake_sap.bdd.driver`). It builds on the CRM side, :mod:`crm_adapter.bdd` (the
scenario's world, the step decorators, the CRM driver), never the other way round.

Use both from a ``conftest.py`` at the root of the features::

    import crm_adapter.bdd
    import fake_sap.bdd

    pytest_plugins = [*fake_sap.bdd.PLUGINS, *crm_adapter.bdd.PLUGINS]

How QA writes scenarios: ``docs/features.md``; every step phrase: ``docs/steps.md``.
"""

#: the modules to load as pytest plugins: fixtures, then the step modules
PLUGINS = [
    "fake_sap.bdd.fixtures",
    "fake_sap.bdd.master_data_steps",
    "fake_sap.bdd.logistics_steps",
    "fake_sap.bdd.finance_steps",
    "fake_sap.bdd.fault_steps",
]
