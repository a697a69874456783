"""A report's page: its recommendations grouped as printed (section, then addressee), each with
the responses and actions answering it, the plans the user may read, and what else the report
holds."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from followthrough.actionplans.models import Action, ActionPlan, Response, Review
from followthrough.actionplans.selectors import report_summaries, states_summary
from followthrough.audits.selectors.citations import CriterionEvidence, recommendation_evidence
from followthrough.core.freshness import freshness_key, remembered, view_of
from followthrough.inspections.models import PracticeExample, Recommendation, Report
from followthrough.organisations.access import standing_of

from .overview import COUNTED


@dataclass(frozen=True)
class RecommendationRow:
    """A recommendation as its report's page lists it: the decisions of the responses the user
    may see and one line summing up its actions (the recommendation's own page shows them)."""

    recommendation: Recommendation
    responses: list[Response]
    summary: str


# (section, [(addressee, [rows])]) in the order the report prints them.
Sections = list[tuple[str, list[tuple[str, list[RecommendationRow]]]]]


@dataclass(frozen=True)
class ReportPage:
    sections: Sections
    plans: list[ActionPlan]
    findings_count: int
    practice_examples: list[PracticeExample]


def report_page(report: Report, *, user: Any, today: date) -> ReportPage:
    """Everything the report page shows, in a fixed number of queries. The actions are read as
    their states alone: the page sums them up and builds none of them."""
    views = _recommendation_rows(list(report.recommendations.all()), today=today, user=user)
    sections: Sections = []
    for section, rows in groupby(views, key=lambda v: v.recommendation.section):
        groups = [
            (addressee, list(items))
            for addressee, items in groupby(rows, key=lambda v: v.recommendation.addressee_text)
        ]
        sections.append((section, groups))
    return ReportPage(
        sections=sections,
        plans=list(report.action_plans.visible_to(user)),
        findings_count=report.findings.count(),
        practice_examples=list(report.practice_examples.all())
        if report.kind == Report.Kind.PRACTICE_GUIDE
        else [],
    )


def _recommendation_rows(
    recommendations: list[Recommendation], *, today: date, user: Any
) -> list[RecommendationRow]:
    ids = [r.pk for r in recommendations]
    states: dict[int, list[str]] = defaultdict(list)
    for recommendation_id, state in (
        Action.objects.visible_to(user)
        .filter(response__recommendation_id__in=ids)
        .with_state(today=today)
        .values_list("response__recommendation_id", "state")
    ):
        states[recommendation_id].append(state)
    responses: dict[int, list[Response]] = defaultdict(list)
    for response in (
        Response.objects.visible_to(user)
        .filter(recommendation_id__in=ids)
        .only("recommendation_id", "decision")
        .order_by("action_plan_id", "pk")  # the model's order within one recommendation
    ):
        responses[response.recommendation_id].append(response)
    return [
        RecommendationRow(rec, responses[rec.pk], states_summary(states[rec.pk]))
        for rec in recommendations
    ]


def report_list_rows(user: Any) -> Any:
    """The reports the user may read, newest first, with their inspectorates: a queryset, so the
    list reads one page of it."""
    return (
        Report.objects.visible_to(user)
        .prefetch_related("inspectorates")
        .order_by("-published", "title", "pk")
    )


def report_list_page(page: Any, *, user: Any, today: date) -> list[tuple[Report, dict[str, int]]]:
    """One page of the list of reports (a Page of `report_list_rows`), each with how it was
    answered: counted once for each day, reader's view and state of the data
    (core/freshness.py), then read from the cache."""

    def count() -> list[tuple[Report, dict[str, int]]]:
        reports = list(page.object_list)
        summaries = report_summaries(reports, today=today, user=user)
        return [(report, summaries[report.pk]) for report in reports]

    return remembered(
        "report-list", tracked=COUNTED, scope=_list_scope(page, user, today), compute=count
    )


def report_list_version(page: Any, *, user: Any, today: date) -> str:
    """Changes whenever the page's rows would: the page keeps its rendering of them under it, so
    a visit renders no row at all until the data, the day or the reader's view changes."""
    return freshness_key("report-list-page", tracked=COUNTED, scope=_list_scope(page, user, today))


def _list_scope(page: Any, user: Any, today: date) -> list[Any]:
    return [today.isoformat(), *view_of(standing_of(user)), page.number, page.paginator.per_page]


def recommendation_reviews(recommendation: Recommendation) -> list[Review]:
    """The inspectorate's judgements on one recommendation, with their reviewers."""
    return list(recommendation.reviews.select_related("reviewer"))


def recommendation_criteria(
    recommendation: Recommendation, *, user: Any
) -> list[CriterionEvidence]:
    """The audit criteria that evidence the recommendation, each with the latest local finding
    of the user's own service and its key question's rating: a fixed number of queries."""
    return recommendation_evidence(recommendation, user=user)
