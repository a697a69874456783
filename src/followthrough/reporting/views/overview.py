"""The overview (figures with their tables, and each chart as an image) and search."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.core.access import access
from followthrough.core.forms import text_param

from ..charts import bar_chart_svg
from ..selectors import overview_figure, overview_figures, recommendations_matching


@access("signed_in")
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "reporting/overview.html",
        {"figures": overview_figures(today=today, user=request.user), "today": today},
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


SEARCH_LIMIT = 50


@access("signed_in")
def search(request: HttpRequest) -> HttpResponse:
    query = text_param(request.GET.get("q"))
    results = []
    if query:
        results = recommendations_matching(query, user=request.user, limit=SEARCH_LIMIT)
    return render(
        request,
        "reporting/search.html",
        {"query": query, "results": results, "limit": SEARCH_LIMIT},
    )
