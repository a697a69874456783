"""Recommendations as pages show them: with the responses and actions answering them on a
report's pages, and open across reports, with each one's status, for the inspectorate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from followthrough.actionplans.models import Action, Response, Review
from followthrough.actionplans.selectors import (
    ActionView,
    action_summary,
    actions_by_recommendation,
    responses_by_recommendation,
)
from followthrough.actionplans.smart import tracked_advice
from followthrough.core.access import allowed
from followthrough.inspections.models import Recommendation
from followthrough.organisations.access import standing_of

CLOSED_JUDGEMENTS = {"achieved", "superseded"}
NOT_MET_JUDGEMENTS = ("partly_achieved", "not_achieved")


FINISHED_STATES = {"completed", "withdrawn"}


REC_STATUSES = {
    "no_actions": "No actions recorded",
    "in_progress": "Actions in progress",
    "actions_complete": "Actions complete, awaiting judgement",
    "not_met": "Judged partly or not achieved",
}


def recommendation_status(latest_review: Review | None, actions: list[Action]) -> str:
    """Where an open recommendation stands: the body's declaration and the inspectorate's
    judgement are two stages, never merged."""
    if latest_review and latest_review.judgement in NOT_MET_JUDGEMENTS:
        return "not_met"
    if not actions:
        return "no_actions"
    if all(a.state in FINISHED_STATES for a in actions):
        return "actions_complete"
    return "in_progress"


@dataclass(frozen=True)
class RecommendationView:
    """A recommendation on a report's pages: the responses the user may see, each action with
    its SMART advice and whether the user may report progress on it, and a one-line summary."""

    recommendation: Recommendation
    responses: list[Response]
    actions: list[ActionView]
    summary: str


def recommendation_views(
    recommendations: list[Recommendation], *, today: date, user: Any
) -> list[RecommendationView]:
    """Each recommendation with what answers it, in two queries however many there are."""
    ids = [r.pk for r in recommendations]
    actions = actions_by_recommendation(ids, today=today, user=user)
    responses = responses_by_recommendation(ids, user=user)
    writes = standing_of(user).writes_for_any  # else no action is theirs to report on
    views = []
    for rec in recommendations:
        found = actions.get(rec.pk, [])
        views.append(
            RecommendationView(
                rec,
                responses.get(rec.pk, []),
                [
                    ActionView(
                        action,
                        tracked_advice(action, plan_date=action.response.action_plan.submitted),
                        can_report_progress=writes
                        and allowed(user, "actionplans.add_progress", action),
                    )
                    for action in found
                ],
                action_summary(found),
            )
        )
    return views


@dataclass(frozen=True)
class OpenRecommendation:
    """A recommendation not yet judged achieved or superseded, for the inspectorate's list."""

    recommendation: Recommendation
    responses: list[Response]
    actions: list[Action]
    latest_review: Review | None

    @property
    def summary(self) -> str:
        return action_summary(self.actions)

    @property
    def overdue(self) -> int:
        return sum(a.state == "overdue" for a in self.actions)

    @property
    def status(self) -> str:
        return recommendation_status(self.latest_review, self.actions)

    @property
    def status_label(self) -> str:
        return REC_STATUSES[self.status]


SORTS = {
    "newest": "Newest report first",
    "oldest": "Oldest report first",
    "overdue": "Most overdue actions first",
    "report": "Report title, A to Z",
}

_ORDER = {
    "newest": ("-report__published", "report__title", "order", "pk"),
    "oldest": ("report__published", "report__title", "order", "pk"),
    "overdue": ("-overdue_count", "-report__published", "report__title", "order", "pk"),
    "report": ("report__title", "-report__published", "order", "pk"),
}


def open_recommendation_queryset(
    *,
    user: Any,
    today: date,
    report_id: int | None = None,
    organisation_id: int | None = None,
    decision: str | None = None,
    theme: str | None = None,
    status: str | None = None,
    overdue_only: bool = False,
    year: int | None = None,
    sort: str = "newest",
) -> Any:
    """The recommendations not judged achieved or superseded, filtered as asked, each annotated
    with its status and its number of overdue actions: every filter runs in the database, so
    counts and pages are exact whatever the volume."""
    recs: Any = Recommendation.objects.visible_to(user)
    if report_id:
        recs = recs.filter(report_id=report_id)
    if organisation_id:
        recs = recs.filter(addressees=organisation_id)
    if year:
        recs = recs.filter(report__published__year=year)
    if theme:
        recs = recs.filter(themes__icontains=f'"{theme}"')
    if decision:
        recs = recs.filter(
            Exists(
                Response.objects.visible_to(user).filter(
                    recommendation=OuterRef("pk"), decision=decision
                )
            )
        )
    latest = Review.objects.filter(recommendation=OuterRef("pk")).order_by("-date", "-id")
    actions = Action.objects.visible_to(user).filter(response__recommendation=OuterRef("pk"))
    unfinished = actions.exclude(status__in=FINISHED_STATES).exclude(
        target_kind=Action.TargetKind.COMPLETED
    )
    overdue = (
        Action.objects.visible_to(user)
        .overdue(today=today)
        .filter(response__recommendation=OuterRef("pk"))
        .order_by()
        .values("response__recommendation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    recs = recs.annotate(
        latest_judgement=Subquery(latest.values("judgement")[:1]),
        overdue_count=Coalesce(Subquery(overdue), 0),
    ).filter(Q(latest_judgement__isnull=True) | ~Q(latest_judgement__in=CLOSED_JUDGEMENTS))
    recs = recs.annotate(
        status=Case(
            When(latest_judgement__in=NOT_MET_JUDGEMENTS, then=Value("not_met")),
            When(~Exists(actions), then=Value("no_actions")),
            When(~Exists(unfinished), then=Value("actions_complete")),
            default=Value("in_progress"),
            output_field=CharField(),
        )
    )
    if status:
        recs = recs.filter(status=status)
    if overdue_only:
        recs = recs.filter(overdue_count__gt=0)
    return recs.select_related("report").order_by(*_ORDER.get(sort, _ORDER["newest"]))


def status_counts(recs: Any) -> dict[str, int]:
    """How many of these recommendations stand at each status, in one query."""
    counts = dict.fromkeys(REC_STATUSES, 0)
    rows = recs.order_by().values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def open_recommendation_rows(recs: Any, *, user: Any, today: date) -> list[OpenRecommendation]:
    """These recommendations (a page, or all of them for an export) with their responses,
    actions and latest judgement, in a fixed number of queries."""
    chosen = list(recs)
    ids = [rec.pk for rec in chosen]
    latest: dict[int, Any] = {}
    for review in Review.objects.filter(recommendation_id__in=ids).order_by("-date", "-id"):
        latest.setdefault(review.recommendation_id, review)
    responses: dict[int, list[Any]] = {}
    for response in Response.objects.visible_to(user).filter(recommendation_id__in=ids):
        responses.setdefault(response.recommendation_id, []).append(response)
    actions: dict[int, list[Any]] = {}
    for action in (
        Action.objects.visible_to(user)
        .filter(response__recommendation_id__in=ids)
        .with_state(today=today)
        .select_related("response")
    ):
        actions.setdefault(action.response.recommendation_id, []).append(action)
    return [
        OpenRecommendation(
            rec, responses.get(rec.pk, []), actions.get(rec.pk, []), latest.get(rec.pk)
        )
        for rec in chosen
    ]


def open_recommendations(*, user: Any, today: date, **filters: Any) -> list[OpenRecommendation]:
    """Every open recommendation matching the filters, complete (for exports)."""
    recs = open_recommendation_queryset(user=user, today=today, **filters)
    return open_recommendation_rows(recs, user=user, today=today)
