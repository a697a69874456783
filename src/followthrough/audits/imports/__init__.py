"""Cases: the case layout; audits: a criteria set's spreadsheet (`layout` writes it, `rows`
reads it back), both checked row by row before anything is written."""

from .layout import (
    COLUMNS,
    HEADER,
    SHEET,
    categories_as_text,
    categories_from_text,
    criteria_set_xlsx,
)
from .rows import ImportReport, criteria_set_import

__all__ = [
    "COLUMNS",
    "HEADER",
    "SHEET",
    "ImportReport",
    "categories_as_text",
    "categories_from_text",
    "criteria_set_import",
    "criteria_set_xlsx",
]
