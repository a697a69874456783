"""The board pack's and the national view's aggregates, suppressed: what each measure counts
(measures.py), what they read of each case as plain values (reading.py), the tables the pages
and exports show (pack.py), and those packs counted once per change of the casework, the
national view's services a page at a time (national.py)."""

from .measures import AGE_BANDS, BREAKDOWNS, KPI_DEFINITION, NO_NATIONAL, kpi_definition
from .national import (
    SERVICE_ORDERS,
    NationalPage,
    board_pack,
    national_pack,
    national_page,
    national_page_version,
)
from .pack import Figure, Measure, Pack, Section, percent

__all__ = [
    "AGE_BANDS",
    "BREAKDOWNS",
    "KPI_DEFINITION",
    "NO_NATIONAL",
    "SERVICE_ORDERS",
    "Figure",
    "Measure",
    "NationalPage",
    "Pack",
    "Section",
    "board_pack",
    "kpi_definition",
    "national_pack",
    "national_page",
    "national_page_version",
    "percent",
]
