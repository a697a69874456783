"""A report's pages: the list of reports, a report's recommendations with the decisions and actions
answering them, one recommendation, the plan as published in other formats, and the annual
progress report."""

from __future__ import annotations

from itertools import groupby

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from followthrough.actionplans.access import get_action_plan_for_report
from followthrough.actionplans.selectors import (
    action_summary,
    actions_by_recommendation,
    advise,
    report_summaries,
    responses_by_recommendation,
    review_drift,
)
from followthrough.core.access import access
from followthrough.inspections.access import get_recommendation_for_user, get_report_for_user
from followthrough.inspections.models import Report
from followthrough.inspections.selectors import related_practice
from followthrough.organisations.access import standing_of

from ..exports import FORMATS
from ..exports.annual import ANNUAL_FORMATS, charts
from ..selectors import annual_report


@access("signed_in")
def report_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    reports = list(Report.objects.visible_to(request.user).prefetch_related("inspectorates"))
    summaries = report_summaries(reports, today=today, user=request.user)
    rows = [(report, summaries[report.pk]) for report in reports]
    return render(request, "reporting/report_list.html", {"rows": rows, "today": today})


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
    can_start_plan = bool(standing_of(request.user).writer_organisation_ids)
    return render(
        request,
        "reporting/report_detail.html",
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
        "reporting/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "report": recommendation.report,
            "today": today,
            "reviews": reviews,
            "can_review": can_review,
            "related_practice": related,
        },
    )


@access("published_or_member")
def action_plan_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The plan as CSV, Excel, Word or PDF, with statuses as of today."""
    if fmt not in FORMATS:
        raise Http404
    plan = get_action_plan_for_report(request.user, pk, request.GET.get("plan"))
    today = timezone.localdate()
    content_type, render_export = FORMATS[fmt]
    response = HttpResponse(render_export(plan, today=today), content_type=content_type)
    name = slugify(plan.report.title)[:80] or "action-plan"
    response["Content-Disposition"] = (
        f'attachment; filename="action-plan-{name}-{today:%Y-%m-%d}.{fmt}"'
    )
    return response


@access("signed_in")
def annual_report_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's progress report: what was agreed, done and judged, with summary charts."""
    report = get_report_for_user(request.user, pk)
    ar = annual_report(report, user=request.user, today=timezone.localdate())
    return render(request, "reporting/annual_report.html", {"ar": ar, "figures": charts(ar, "svg")})


@access("signed_in")
def annual_report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ANNUAL_FORMATS:
        raise Http404
    report = get_report_for_user(request.user, pk)
    today = timezone.localdate()
    content_type, render_export = ANNUAL_FORMATS[fmt]
    response = HttpResponse(
        render_export(annual_report(report, user=request.user, today=today)),
        content_type=content_type,
    )
    name = slugify(report.title)[:80] or "report"
    response["Content-Disposition"] = (
        f'attachment; filename="progress-report-{name}-{today:%Y-%m-%d}.{fmt}"'
    )
    return response
