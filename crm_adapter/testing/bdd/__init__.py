"""The CRM side of the Gherkin step library: applications, approvals, returns, deliveries
and inventory, repairs and the labour-fee settlement, sales statistics, master data as the
CRM shows it.

Layer: ``crm_adapter.testing`` (test support, shipped with the adapter so that scenarios can
run against it anywhere). Builds on the generic step kit :mod:`sap_client.steps` (the
scenario's world, the step decorators, the logon to SAP); never imports ``fake_sap``. The
CRM steps talk to the adapter only (its JSON API and the outbox worker, see
:mod:`crm_adapter.testing.bdd.driver`); the few that act on SAP too (the business date, the
connected landscape) take any SAP driver that is a :class:`sap_client.steps.landscape.
SapSystem` (fixture ``sap``).

Use it from a ``conftest.py`` at the root of the features, with a SAP side such as the
emulator's (:mod:`fake_sap.testing.bdd`)::

    pytest_plugins = [*fake_sap.testing.bdd.PLUGINS, *crm_adapter.testing.bdd.PLUGINS]

The fixture ``crm`` needs a fixture ``sap_logon`` (:class:`sap_client.steps.landscape.
SapLogon`): ``fake_sap.testing.bdd`` gives the emulator's; a project testing against a real
SAP gives its own.
"""

#: the modules to load as pytest plugins: fixtures, then the step modules
PLUGINS = [
    "crm_adapter.testing.bdd.fixtures",
    "crm_adapter.testing.bdd.common_steps",
    "crm_adapter.testing.bdd.application_steps",
    "crm_adapter.testing.bdd.delivery_steps",
    "crm_adapter.testing.bdd.return_steps",
    "crm_adapter.testing.bdd.master_data_steps",
    "crm_adapter.testing.bdd.labour_fee_steps",
    "crm_adapter.testing.bdd.statistics_steps",
]
