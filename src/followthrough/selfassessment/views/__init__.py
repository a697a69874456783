"""The self-assessment pages, one module per record a page is about."""
