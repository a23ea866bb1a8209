"""Unit tests of the CRM adapter's pure domain rules (crm_adapter.domain)."""
