"""The inspectorate's view of progress: open recommendations with their filters, exports of the
filtered list, completion and slippage over time, actions flagged by the escalation ladder."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone

from followthrough.actionplans.models import Decision
from followthrough.core.access import access
from followthrough.core.forms import int_param
from followthrough.core.replica import reads_from_replica
from followthrough.inspections.themes import THEMES, theme_label

from ..exports import FORMATS
from ..exports.lists import LIST_FORMATS
from ..figures import bar_figure, burn_up_figure
from ..selectors import REC_STATUSES, flagged_actions, open_recommendations
from ..selectors.choices import filter_choices, organisation_named, report_named
from ..selectors.recommendations import SORTS, open_recommendation_queryset
from ..selectors.trends import dashboard_figures, dashboard_rows


def _filters(params: QueryDict) -> dict[str, Any]:
    """The dashboard's filters, read once for the page and its exports; unknown values drop."""
    decision = params.get("decision") or None
    theme = params.get("theme") or None
    status = params.get("status") or None
    return {
        "report_id": int_param(params.get("report")),
        "organisation_id": int_param(params.get("organisation")),
        "decision": decision if decision in Decision.values else None,
        "theme": theme if theme in THEMES else None,
        "status": status if status in REC_STATUSES else None,
        "overdue_only": params.get("overdue") == "on",
        "year": int_param(params.get("year")),
    }


PER_PAGE = 50


def _sort(params: QueryDict) -> str:
    sort = params.get("sort") or "newest"
    return sort if sort in SORTS else "newest"


def _query(params: QueryDict, *drop: str, **add: str) -> str:
    """The page's query string less `drop` and with `add`, for links that keep the filters."""
    query = params.copy()
    for key in (*drop, *add):
        query.pop(key, None)
    for key, value in add.items():
        query[key] = value
    return query.urlencode()


def _describe(filters: dict[str, Any]) -> str:
    """The filters in words, for export titles."""
    parts = []
    if filters["report_id"]:
        report = report_named(filters["report_id"])
        parts.append(report.title if report else "no such report")
    if filters["organisation_id"]:
        org = organisation_named(filters["organisation_id"])
        parts.append(f"addressed to {org.short_name if org else 'nobody'}")
    if filters["theme"]:
        parts.append(theme_label(filters["theme"]).lower())
    if filters["decision"]:
        parts.append(Decision(filters["decision"]).label.lower())
    if filters["status"]:
        parts.append(REC_STATUSES[filters["status"]].lower())
    if filters["year"]:
        parts.append(f"reports of {filters['year']}")
    if filters["overdue_only"]:
        parts.append("with overdue actions")
    return ", ".join(parts)


@access("inspectorate_member")
@reads_from_replica
def inspectorate_dashboard(request: HttpRequest) -> HttpResponse:
    """Open recommendations across reports, counted by status, a page at a time, with
    completion and slippage over time for the same filtered recommendations."""
    today = timezone.localdate()
    filters = _filters(request.GET)
    sort = _sort(request.GET)
    recs = open_recommendation_queryset(user=request.user, today=today, sort=sort, **filters)
    national = dashboard_figures(
        user=request.user,
        today=today,
        filters=filters,
        recommendations=recs,
        all_statuses=lambda: open_recommendation_queryset(
            user=request.user, today=today, **{**filters, "status": None}
        ),
    )
    counts, bands = national.counts, national.bands
    pages = dashboard_rows(
        user=request.user,
        today=today,
        filters=filters,
        sort=sort,
        recommendations=recs,
        counts=counts,
    )
    page = Paginator(pages, PER_PAGE).get_page(request.GET.get("page"))
    rows = page.object_list
    figures = [burn_up_figure(national.progress)] if national.progress else []
    targets_moved = any(n for _, n in bands)
    if targets_moved:
        figures.append(
            bar_figure(
                "slippage",
                "How far moved targets have slipped",
                ["Slip from first target", "Actions"],
                bands,
            )
        )
    filtered = any(value for key, value in filters.items())
    return render(
        request,
        "reporting/inspectorate.html",
        {
            "rows": rows,
            "page": page,
            "total": page.paginator.count,
            "summary": [
                (slug, label, counts[slug], _query(request.GET, "page", status=slug))
                for slug, label in REC_STATUSES.items()
            ],
            "summary_total": sum(counts.values()),
            "all_statuses": _query(request.GET, "page", "status"),
            "page_query": _query(request.GET, "page"),
            "sort": sort,
            "sorts": SORTS.items(),
            "filtered": filtered,
            "today": today,
            "params": request.GET,
            "query": _query(request.GET, "page"),
            "figures": figures,
            "targets_moved": targets_moved,
            "slips": national.slips,
            "flagged": flagged_actions(user=request.user, recommendations=recs),
            "themes": [(slug, label) for slug, (label, _) in THEMES.items()],
            "statuses": REC_STATUSES.items(),
            "choices": filter_choices(),
        },
    )


@access("inspectorate_member")
def inspectorate_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered list of open recommendations as CSV, Excel, Word or PDF: every matching
    row, not a page of them."""
    if fmt not in LIST_FORMATS:
        raise Http404
    today = timezone.localdate()
    filters = _filters(request.GET)
    sort = _sort(request.GET)
    rows = open_recommendations(user=request.user, today=today, sort=sort, **filters)
    content = LIST_FORMATS[fmt](rows, today=today, filters=_describe(filters))
    response = HttpResponse(content, content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = (
        f'attachment; filename="open-recommendations-{today:%Y-%m-%d}.{fmt}"'
    )
    return response
