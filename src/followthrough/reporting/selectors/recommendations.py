"""Open recommendations across reports for the inspectorate's dashboard, with each one's status."""

from __future__ import annotations

from datetime import date
from typing import Any

from followthrough.actionplans.models import Action, Response, Review
from followthrough.actionplans.selectors import action_summary
from followthrough.inspections.models import Recommendation

CLOSED_JUDGEMENTS = {"achieved", "superseded"}


FINISHED_STATES = {"completed", "withdrawn"}


REC_STATUSES = {
    "no_actions": "No actions recorded",
    "in_progress": "Actions in progress",
    "actions_complete": "Actions complete, awaiting judgement",
    "not_met": "Judged partly or not achieved",
}


def recommendation_status(rec: Any) -> str:
    """Where an open recommendation stands: the body's declaration and the inspectorate's
    judgement are two stages, never merged."""
    if rec.latest_review and rec.latest_review.judgement in ("partly_achieved", "not_achieved"):
        return "not_met"
    if not rec.action_list:
        return "no_actions"
    if all(a.state in FINISHED_STATES for a in rec.action_list):
        return "actions_complete"
    return "in_progress"


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
) -> list[Any]:
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
    recs = list(recs.order_by("-report__published", "report__title", "order")[: limit * 2])
    ids = [r.pk for r in recs]
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
    for rec in recs:
        rec.latest_review = latest.get(rec.pk)
        if rec.latest_review and rec.latest_review.judgement in CLOSED_JUDGEMENTS:
            continue
        rec.response_list = responses.get(rec.pk, [])
        rec.action_list = actions.get(rec.pk, [])
        rec.action_summary = action_summary(rec.action_list)
        rec.overdue = sum(a.state == "overdue" for a in rec.action_list)
        rec.status = recommendation_status(rec)
        rec.status_label = REC_STATUSES[rec.status]
        if status and rec.status != status:
            continue
        if decision and not any(r.decision == decision for r in rec.response_list):
            continue
        if overdue_only and not rec.overdue:
            continue
        out.append(rec)
    return out[:limit]
