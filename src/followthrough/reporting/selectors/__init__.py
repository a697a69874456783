"""The reporting read side: overview figures, organisation counts, the inspectorate's open
recommendations, completion and slippage over time, the annual progress report and search.
Every function here issues a fixed number of queries, whatever the volume of data."""

from .annual import JUDGEMENTS, ActionProgress, AnnualReport, Entry, annual_report
from .organisation_list import organisation_rows
from .organisation_page import (
    OrganisationSummary,
    organisation_actions,
    organisation_recommendations,
    organisation_summary,
)
from .overview import (
    STALE_DAYS,
    Figure,
    organisation_dashboard,
    overview_figure,
    overview_figures,
    overview_version,
)
from .recommendations import (
    CLOSED_JUDGEMENTS,
    FINISHED_STATES,
    REC_STATUSES,
    OpenRecommendation,
    RecommendationView,
    open_recommendations,
    recommendation_status,
    recommendation_views,
)
from .search import SearchFilters, SearchResults, search, search_choices
from .trends import SLIP_BANDS, Slip, burn_up, flagged_actions, slippage

__all__ = [
    "CLOSED_JUDGEMENTS",
    "FINISHED_STATES",
    "JUDGEMENTS",
    "REC_STATUSES",
    "SLIP_BANDS",
    "STALE_DAYS",
    "ActionProgress",
    "AnnualReport",
    "Entry",
    "Figure",
    "OpenRecommendation",
    "OrganisationSummary",
    "RecommendationView",
    "SearchFilters",
    "SearchResults",
    "Slip",
    "annual_report",
    "burn_up",
    "flagged_actions",
    "open_recommendations",
    "organisation_actions",
    "organisation_dashboard",
    "organisation_recommendations",
    "organisation_rows",
    "organisation_summary",
    "overview_figure",
    "overview_figures",
    "overview_version",
    "recommendation_status",
    "recommendation_views",
    "search",
    "search_choices",
    "slippage",
]
