from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.inspections.models import Recommendation

from .charts import bar_chart_svg
from .services import overview_figure, overview_figures

SEARCH_LIMIT = 50


def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "reporting/overview.html",
        {"figures": overview_figures(today=today), "today": today},
    )


def chart(request: HttpRequest, slug: str) -> HttpResponse:
    figure = overview_figure(slug, today=timezone.localdate())
    if figure is None:
        raise Http404
    response = HttpResponse(
        bar_chart_svg(figure.title, figure.chart_rows), content_type="image/svg+xml"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        results = list(
            Recommendation.objects.visible_to(request.user)
            .matching(query)
            .select_related("report")
            .order_by("report__title", "order")[:SEARCH_LIMIT]
        )
    return render(
        request,
        "reporting/search.html",
        {"query": query, "results": results, "limit": SEARCH_LIMIT},
    )
