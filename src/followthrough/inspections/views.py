from __future__ import annotations

from itertools import groupby
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from followthrough.actionplans.rules import WRITERS
from followthrough.actionplans.services import (
    action_summary,
    actions_by_recommendation,
    advise,
    report_summaries,
    responses_by_recommendation,
    review_drift,
)
from followthrough.core.access import access
from followthrough.organisations.access import standing_of

from .access import get_recommendation_for_user, get_report_for_user
from .models import Report


@access("signed_in")
def report_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    reports = list(Report.objects.visible_to(request.user).prefetch_related("inspectorates"))
    summaries = report_summaries(reports, today=today, user=request.user)
    rows = [(report, summaries[report.pk]) for report in reports]
    return render(request, "inspections/report_list.html", {"rows": rows, "today": today})


def _decorate(recommendations: list, *, today, user) -> None:
    ids = [r.pk for r in recommendations]
    actions = actions_by_recommendation(ids, today=today, user=user)
    responses = responses_by_recommendation(ids, user=user)
    for rec in recommendations:
        rec.action_list = actions.get(rec.pk, [])
        rec.response_list = responses.get(rec.pk, [])
        rec.action_summary = action_summary(rec.action_list)
        for action in rec.action_list:
            action.can_report_progress = user.has_perm("actionplans.add_progress", action)
        for response in rec.response_list:
            response.action_list = [a for a in rec.action_list if a.response_id == response.pk]
            advise(response, plan_date=response.action_plan.submitted)


RELATED_PRACTICE_LIMIT = 5


def related_practice(recommendation: Any) -> list[Any]:
    """Practice examples sharing a theme with the recommendation, good and promising first,
    from its own report first. One query."""
    from django.db.models import Case, IntegerField, Q, Value, When

    from .models import PracticeExample

    themes = list(recommendation.themes or [])[:4]
    if not themes:
        return []
    match = Q()
    for theme in themes:
        match |= Q(themes__icontains=f'"{theme}"')
    return list(
        PracticeExample.objects.filter(match)
        .select_related("report")
        .annotate(
            own=Case(
                When(report_id=recommendation.report_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("own", "kind", "report_id", "order")[:RELATED_PRACTICE_LIMIT]
    )


@access("signed_in")
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    report = get_report_for_user(request.user, pk)
    recommendations = list(report.recommendations.all())
    _decorate(recommendations, today=today, user=request.user)
    sections = []
    for section, recs in groupby(recommendations, key=lambda r: r.section):
        groups = [
            (addressee, list(items))
            for addressee, items in groupby(recs, key=lambda r: r.addressee_text)
        ]
        sections.append((section, groups))
    plans = list(report.action_plans.visible_to(request.user))
    can_start_plan = any(role in WRITERS for role in standing_of(request.user).roles.values())
    return render(
        request,
        "inspections/report_detail.html",
        {
            "report": report,
            "sections": sections,
            "plans": plans,
            "today": today,
            "can_start_plan": can_start_plan,
            "findings_count": report.findings.count(),
            "practice_examples": list(report.practice_examples.all())
            if report.kind == Report.Kind.PRACTICE_GUIDE
            else [],
        },
    )


@access("signed_in")
def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    recommendation = get_recommendation_for_user(request.user, pk)
    _decorate([recommendation], today=today, user=request.user)
    reviews = list(recommendation.reviews.select_related("reviewer"))
    related = related_practice(recommendation)
    review_drift(reviews, recommendation.action_list)
    can_review = request.user.has_perm("actionplans.add_review", recommendation)
    return render(
        request,
        "inspections/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "report": recommendation.report,
            "today": today,
            "reviews": reviews,
            "can_review": can_review,
            "related_practice": related,
        },
    )


@access("signed_in")
def report_findings(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's findings tables: every statement and its percentages, by section."""
    report = get_report_for_user(request.user, pk)
    sections: list[tuple[str, list[Any]]] = []
    columns: list[str] = []
    for finding in report.findings.all():
        if not sections or sections[-1][0] != finding.section:
            sections.append((finding.section, []))
        sections[-1][1].append(finding)
        columns.extend(c for c in finding.values if c not in columns)
    for _, findings in sections:
        for finding in findings:
            finding.cells = [finding.values.get(c) for c in columns]
    return render(
        request,
        "inspections/report_findings.html",
        {"report": report, "sections": sections, "columns": columns or ["Yes", "No"]},
    )
