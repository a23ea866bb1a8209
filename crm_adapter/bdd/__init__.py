"""The CRM side of the Gherkin step library: applications, approvals, returns, deliveries
and inventory, repairs and the labour-fee settlement, sales statistics, master data as the
CRM shows it.

Layer: test support, shipped with the adapter so that scenarios can run against it anywhere.
Never imports ``fake_sap``: the SAP side (:mod:`fake_sap.bdd`) builds on this package, not
the other way round, and the CRM steps talk to the adapter only (its JSON API and the outbox
worker, see :mod:`crm_adapter.bdd.driver`).

Use it from a ``conftest.py`` at the root of the features::

    pytest_plugins = [*fake_sap.bdd.PLUGINS, *crm_adapter.bdd.PLUGINS]

The fixture ``crm`` needs a fixture ``sap_logon`` (:class:`~crm_adapter.bdd.driver.
SapLogon`): ``fake_sap.bdd`` gives the emulator's; a project testing against a real SAP
gives its own.
"""

#: the modules to load as pytest plugins: fixtures, then the step modules
PLUGINS = [
    "crm_adapter.bdd.fixtures",
    "crm_adapter.bdd.common_steps",
    "crm_adapter.bdd.application_steps",
    "crm_adapter.bdd.delivery_steps",
    "crm_adapter.bdd.return_steps",
    "crm_adapter.bdd.master_data_steps",
    "crm_adapter.bdd.labour_fee_steps",
    "crm_adapter.bdd.statistics_steps",
]
