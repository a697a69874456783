"""The board pack's and the national view's aggregates, suppressed: what each measure counts
(measures.py) and the tables the pages and exports show (pack.py)."""

from .measures import AGE_BANDS, BREAKDOWNS, KPI_DEFINITION, NO_NATIONAL, kpi_definition
from .pack import Figure, Measure, Pack, Section, board_pack, national_pack, percent

__all__ = [
    "AGE_BANDS",
    "BREAKDOWNS",
    "KPI_DEFINITION",
    "NO_NATIONAL",
    "Figure",
    "Measure",
    "Pack",
    "Section",
    "board_pack",
    "kpi_definition",
    "national_pack",
    "percent",
]
