"""sap_client: what any caller of SAP or receiver of its IDocs needs, for a real SAP R/3 or
for the emulator alike.

Layer: the bottom package of three. It imports neither ``fake_sap`` (the emulator) nor
``crm_adapter`` (one consumer of SAP); both of them use it. Runtime modules import the
standard library, httpx and lxml only.

- ``rfc``         a pyrfc-shaped RFC client (``Connection``) over SAP's SOAP-RFC service
- ``soap``        the SOAP-RFC envelopes and the WSDL, as plain functions
- ``metadata``    RFC parameter types and the value conversions between Python and the wire
- ``errors``      pyrfc's exception tree
- ``bapi``        BAPI RETURN evaluation and the call-check-commit sequence of write BAPIs
- ``tables``      RFC_READ_TABLE: rows as dicts, safe WHERE clauses
- ``conversion``  SAP conversion exits (ALPHA, MATN1, units, order types, partner roles)
- ``idoc``        reading IDoc-XML as SAP's XML-HTTP port posts it
- ``steps``       test support: the generic part of a Gherkin step kit (pytest-bdd); never
                  imported by the modules above
"""
