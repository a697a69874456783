"""The case audit pages, one module per record a page is about."""
