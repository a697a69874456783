"""The action-plan pages, one module per record a page is about."""
