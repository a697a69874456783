"""Fetching reports and recommendations for a user: outsiders get 404, never a hint."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed

from .models import Recommendation, Report


def get_report_for_user(user: Any, pk: int) -> Report:
    report = get_object_or_404(Report.objects.prefetch_related("inspectorates"), pk=pk)
    if not allowed(user, "inspections.view_report", report):
        raise Http404
    return report


def get_recommendation_for_user(user: Any, pk: int, *, perm: str | None = None) -> Recommendation:
    """A recommendation; `perm` names what the user must also be allowed to do with it (the
    inspectorate's judgement is `actionplans.add_review`)."""
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("report", "source").prefetch_related("addressees"),
        pk=pk,
    )
    if not allowed(user, "inspections.view_recommendation", recommendation):
        raise Http404
    if perm and not allowed(user, perm, recommendation):
        raise Http404
    return recommendation
