"""A report's pages: the list of reports, a report's recommendations with the decisions and actions
answering them, one recommendation, the plan as published in other formats, and the annual
progress report."""

from __future__ import annotations

from typing import cast

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify

from followthrough.actionplans.access import get_action_plan_for_report
from followthrough.actionplans.selectors import review_drift
from followthrough.core.access import access, allowed
from followthrough.inspections.access import get_recommendation_for_user, get_report_for_user
from followthrough.inspections.selectors import related_practice

from ..exports import FORMATS
from ..exports.annual import ANNUAL_FORMATS, charts
from ..selectors import annual_report, recommendation_views
from ..selectors.annual import AnnualReport, annual_report_version
from ..selectors.reports import (
    recommendation_criteria,
    recommendation_reviews,
    report_list_page,
    report_list_rows,
    report_list_version,
    report_page,
)

# Reports a page: enough to scan, and the list stays light with every report in England and Wales.
PAGE_SIZE = 50


@access("signed_in")
def report_list(request: HttpRequest) -> HttpResponse:
    """Every report, newest first, a page at a time, each with how it was answered."""
    today = timezone.localdate()
    page = Paginator(report_list_rows(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    # The rows are rendered once per version of their data and kept: the template's cache calls
    # `rows` only when it has no rendering for `version`.
    return render(
        request,
        "reporting/report_list.html",
        {
            "rows": lambda: report_list_page(page, user=request.user, today=today),
            "version": report_list_version(page, user=request.user, today=today),
            "page": page,
            "today": today,
        },
    )


@access("signed_in")
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    report = get_report_for_user(request.user, pk)
    page = report_page(report, user=request.user, today=today)
    can_start_plan = allowed(request.user, "organisations.write_for_any")
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "sections": page.sections,
            "plans": page.plans,
            "today": today,
            "can_start_plan": can_start_plan,
            "findings_count": page.findings_count,
            "practice_examples": page.practice_examples,
        },
    )


@access("signed_in")
def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    recommendation = get_recommendation_for_user(request.user, pk)
    (view,) = recommendation_views([recommendation], today=today, user=request.user)
    reviews = recommendation_reviews(recommendation)
    related = related_practice(recommendation)
    drift = review_drift(reviews, [a.action for a in view.actions])
    can_review = allowed(request.user, "actionplans.add_review", recommendation)
    return render(
        request,
        "reporting/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "view": view,
            "report": recommendation.report,
            "today": today,
            "reviews": drift,
            "can_review": can_review,
            "related_practice": related,
            "criteria": recommendation_criteria(recommendation, user=request.user),
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
    today = timezone.localdate()
    # Read only when the template's cache has no rendering for `version`, and then once.
    ar = SimpleLazyObject(lambda: annual_report(report, user=request.user, today=today))
    context = {
        "report": report,
        "ar": ar,
        "figures": SimpleLazyObject(lambda: charts(cast(AnnualReport, ar), "svg")),
        "version": annual_report_version(report, user=request.user, today=today),
    }
    return render(request, "reporting/annual_report.html", context)


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
