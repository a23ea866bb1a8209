"""crm_adapter: the CRM side of the SAP integration.

It talks to SAP only through SAP's own interfaces (IDoc-XML, SOAP-RFC BAPIs) and never
imports ``fake_sap``, so the same adapter runs against a real SAP R/3.
"""
