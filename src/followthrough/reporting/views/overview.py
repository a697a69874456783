"""The overview (figures with their tables, and each chart as an image) and search."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.core.access import access
from followthrough.core.forms import text_param
from followthrough.core.replica import reads_from_replica

from ..charts import bar_chart_svg
from ..selectors import (
    SearchFilters,
    overview_figure,
    overview_figures,
    overview_version,
    search_choices,
)
from ..selectors import search as search_records


@access("signed_in")
@reads_from_replica
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    # The figures' tables are rendered once per version of their data and kept: the template's
    # cache calls `figures` only when it has no rendering for `version`.
    return render(
        request,
        "reporting/overview.html",
        {
            "figures": lambda: overview_figures(today=today, user=request.user),
            "version": overview_version(today=today, user=request.user),
            "today": today,
        },
    )


@access("signed_in")
def chart(request: HttpRequest, slug: str) -> HttpResponse:
    figure = overview_figure(slug, today=timezone.localdate(), user=request.user)
    if figure is None:
        raise Http404
    response = HttpResponse(
        bar_chart_svg(figure.title, figure.chart_rows), content_type="image/svg+xml"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response


def _int_param(value: object) -> int | None:
    text = text_param(value)
    return int(text) if text.isdigit() and len(text) < 10 else None


@access("signed_in")
def search(request: HttpRequest) -> HttpResponse:
    query = text_param(request.GET.get("q"))
    choices = search_choices()
    kind = text_param(request.GET.get("kind"), limit=20)
    theme = text_param(request.GET.get("theme"), limit=40)
    filters = SearchFilters(
        report=_int_param(request.GET.get("report")),
        addressee=_int_param(request.GET.get("addressee")),
        theme=theme if theme in dict(choices["themes"]) else "",
        kind=kind if kind in dict(choices["kinds"]) else "",
    )
    results = search_records(
        query, user=request.user, filters=filters, page_number=request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "reporting/search.html",
        {
            "query": query,
            "results": results,
            "filters": filters,
            "choices": choices,
            "page_params": params.urlencode(),
        },
    )
