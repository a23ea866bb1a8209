"""fake_sap: a fake SAP R/3 that speaks IDoc-XML and SOAP-RFC for integration tests.

Layout (edges -> core -> persistence):

- ``http``      Flask blueprints: SAP ICF paths (``/sap/bc/...``) and the control API (``/_fake/``)
- ``idoc``      IDoc types declared once; parsing, validation, XML generation, XSD and docs
- ``ale``       inbound IDoc processing (status trail, duplicates, serialization) and outbound
                distribution (change pointers, partner profiles, XML-HTTP ports)
- ``mm`` / ``sd`` the business objects: materials, customers
- ``db``        SQLAlchemy tables and the small repository layer
- ``testing``   test support (pytest plugin, test process, step library, fuzz strategies);
                never imported by the modules above

The emulator never imports ``crm_adapter``; its test support uses the SAP client package
``sap_client``.
"""

__version__ = "0.1.0"
