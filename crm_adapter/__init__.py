"""crm_adapter: the CRM side of the SAP integration.

It talks to SAP only through SAP's own interfaces (IDoc-XML over HTTP, BAPIs over SOAP-RFC
with the pyrfc-shaped client of ``sap_client``) and never imports ``fake_sap``, so the same
adapter runs against a real SAP R/3.

Layout (edges -> core -> persistence); the SAP edge is the separate package ``sap_client``
(RFC client, BAPIRET2 evaluation, conversion exits and codes, IDoc-XML reading):

- ``http``    the IDoc receiver SAP's XML-HTTP port posts to, and the CRM's JSON API
- ``flows``   use cases: master data, material applications, deliveries, returns,
              labour-fee settlement, sales statistics
- ``domain``  CRM business rules in plain Python (no HTTP, no SQL)
- ``store``   SQLAlchemy tables and repositories of the CRM's documents
- ``outbox``  every call to SAP goes through a transactional outbox and a worker
- ``testing`` test support (step library, contract recording); never imported by the rest
"""
