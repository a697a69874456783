"""The casework pages, one module per kind of reader."""
