"""fake_sap.testing: the emulator's tools for tests, its own and other projects'.

Layer: test support of ``fake_sap``. The emulator's runtime modules never import this
package (an import-linter contract in ``pyproject.toml`` checks it), so nothing here is
loaded when ``fake-sap serve`` runs. It may import the emulator's modules and ``sap_client``,
never ``crm_adapter``; pytest, pytest-bdd and Hypothesis only here.

- ``process``        ``FakeSapProcess`` (a real ``fake-sap serve`` child process on a free
                     port) and ``SapClient`` (one SAP client of it: SAP paths and the control
                     API)
- ``pytest_plugin``  the pytest plugin (entry point ``pytest11``): fixtures ``fake_sap_server``,
                     ``fake_sap``, ``sap_connection``, ``idoc_receiver``
- ``sap_fixture``    ``FakeSap``, the ``fake_sap`` fixture's value
- ``idoc_receiver``  a partner's XML-HTTP port that records what SAP sends it
- ``fuzz``           Hypothesis strategies from the IDoc and function declarations (needs the
                     ``dev`` extra)
- ``bdd``            the SAP side of the Gherkin step library

Kept free of imports: the pytest plugin is loaded by every pytest run of a project that
installed fake-sap, and must cost nothing until a test asks for a fixture.
"""
