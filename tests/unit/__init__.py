"""The unit layer: fast tests of pure logic (``pytest -m unit``), no process, no socket.

Layer: tests. Each module here marks itself ``pytestmark = pytest.mark.unit`` and imports the
code under test and the libraries that code uses (lxml, httpx with an in-memory transport);
it never starts the emulator or the CRM adapter and never opens a socket
(:mod:`unit.isolation` makes either fail the test). What needs a real process belongs to
the integration or the BDD layer (docs/adr/0008).

The directory is a package (``unit``) so that its modules do not clash by name with the
integration tests' modules, and so that ``unit.fake_sap`` and ``unit.crm_adapter`` never
shadow the packages they test.
"""
