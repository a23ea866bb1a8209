-- Runs once, when the PostgreSQL volume is new: the CRM adapter gets a database of its own
-- beside fake-sap's (POSTGRES_DB); each keeps its own schema and migration history.
CREATE DATABASE crm_adapter OWNER fake_sap;
