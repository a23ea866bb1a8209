"""The function modules the emulator implements, one module per business area.

Each module declares its interfaces and implementations and lists them in ``FUNCTIONS``;
``fake_sap.rfc.registry`` collects them.
"""
