"""crm_adapter.testing: the adapter's tools for tests.

Layer: test support of ``crm_adapter``. The adapter's runtime modules never import this
package (an import-linter contract in ``pyproject.toml`` checks it). It may import the
adapter's modules and ``sap_client``, never ``fake_sap``; pytest and pytest-bdd only here.

- ``bdd``        the CRM side of the Gherkin step library (``CrmDriver``, its fixtures and
                 steps)
- ``recording``  recording the adapter's side of its contract with SAP (a pytest plugin:
                 ``pytest -p crm_adapter.testing.recording --record-contract PATH``)
"""
