"""Recommendations as pages show them: with the responses and actions answering them on a
report's pages, and open across reports, with each one's status, for the inspectorate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

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

CLOSED_JUDGEMENTS = {"achieved", "superseded"}


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
    if latest_review and latest_review.judgement in ("partly_achieved", "not_achieved"):
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
                        can_report_progress=allowed(user, "actionplans.add_progress", action),
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


def open_recommendations(
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
    limit: int = 500,
) -> list[OpenRecommendation]:
    """Every recommendation the inspectorate has not judged achieved or superseded, with its
    responses, actions and latest judgement, filtered as asked. A fixed number of queries."""

    recs = Recommendation.objects.visible_to(user).select_related("report")
    if report_id:
        recs = recs.filter(report_id=report_id)
    if organisation_id:
        recs = recs.filter(addressees=organisation_id)
    if year:
        recs = recs.filter(report__published__year=year)
    if theme:
        recs = recs.filter(themes__icontains=f'"{theme}"')
    chosen = list(recs.order_by("-report__published", "report__title", "order")[: limit * 2])
    ids = [r.pk for r in chosen]
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
    out = []
    for rec in chosen:
        judged = latest.get(rec.pk)
        if judged and judged.judgement in CLOSED_JUDGEMENTS:
            continue
        row = OpenRecommendation(rec, responses.get(rec.pk, []), actions.get(rec.pk, []), judged)
        if status and row.status != status:
            continue
        if decision and not any(r.decision == decision for r in row.responses):
            continue
        if overdue_only and not row.overdue:
            continue
        out.append(row)
    return out[:limit]
