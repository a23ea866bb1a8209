"""See crm_adapter/__init__.py for the layout."""
