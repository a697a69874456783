"""Reading plans for pages: every function issues a fixed number of queries, whatever the data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from django.db.models import Count

from followthrough.inspections.models import Recommendation, Report

from .models import Action, ActionPlan, Decision, Response
from .querysets import STATES
from .smart import smart_score, tracked_advice


def actions_by_recommendation(
    recommendation_ids: Iterable[int], *, today: date, user: Any
) -> dict[int, list[Action]]:
    """Each recommendation's actions the user may see, in plan order, with `state` as of today."""
    grouped: dict[int, list[Action]] = defaultdict(list)
    actions = (
        Action.objects.visible_to(user)
        .filter(response__recommendation_id__in=list(recommendation_ids))
        .with_state(today=today)
        .select_related("owner_organisation", "response__action_plan")
        .order_by("response__action_plan_id", "response_id", "order")
    )
    for action in actions:
        grouped[action.response.recommendation_id].append(action)
    return grouped


def action_summary(actions: list[Action]) -> str:
    """One line a reader takes in at a glance: "3 actions: 2 completed, 1 overdue"."""
    if not actions:
        return "No actions"
    counts: dict[str, int] = defaultdict(int)
    for action in actions:
        counts[action.state] += 1
    parts = [f"{counts[s]} {label.lower()}" for s, label in STATES.items() if counts.get(s)]
    noun = "action" if len(actions) == 1 else "actions"
    return f"{len(actions)} {noun}: {', '.join(parts)}"


def responses_by_recommendation(
    recommendation_ids: Iterable[int], *, user: Any
) -> dict[int, list[Response]]:
    grouped: dict[int, list[Response]] = defaultdict(list)
    responses = (
        Response.objects.visible_to(user).filter(recommendation_id__in=list(recommendation_ids))
    ).select_related("action_plan", "responding_organisation")
    for response in responses:
        grouped[response.recommendation_id].append(response)
    return grouped


def report_summaries(
    reports: Iterable[Report], *, today: date, user: Any
) -> dict[int, dict[str, int]]:
    """Per report: recommendations, responses by decision, and actions overdue, counting only
    what the user may see."""
    ids = [r.pk for r in reports]
    summary: dict[int, dict[str, int]] = {
        pk: {
            "recommendations": 0,
            "responses": 0,
            "overdue": 0,
            **dict.fromkeys(Decision.values, 0),
        }
        for pk in ids
    }
    for row in (
        Recommendation.objects.filter(report_id__in=ids).values("report_id").annotate(n=Count("id"))
    ):
        summary[row["report_id"]]["recommendations"] = row["n"]
    for row in (
        Response.objects.visible_to(user)
        .filter(recommendation__report_id__in=ids)
        .values("recommendation__report_id", "decision")
        .annotate(n=Count("id"))
    ):
        entry = summary[row["recommendation__report_id"]]
        entry["responses"] += row["n"]
        if row["decision"]:
            entry[row["decision"]] += row["n"]
    for row in (
        Action.objects.visible_to(user)
        .filter(response__recommendation__report_id__in=ids)
        .overdue(today=today)
        .values("response__recommendation__report_id")
        .annotate(n=Count("id"))
    ):
        summary[row["response__recommendation__report_id"]]["overdue"] = row["n"]
    return summary


@dataclass
class PlanSection:
    """One part of a plan as published: main or additional recommendations, by addressee."""

    section: str
    title: str
    groups: list[tuple[str, list[Response]]]


def advise(response: Response, *, plan_date: date | None) -> None:
    """Attach SMART advice to each of the response's actions and a score to the response."""
    for action in response.action_list:
        action.advice = tracked_advice(action, plan_date=plan_date)
    response.smart_score = smart_score([a.advice for a in response.action_list])


def plan_smart_score(sections: list[PlanSection]) -> int | None:
    scores = [
        r.smart_score
        for part in sections
        for _, rs in part.groups
        for r in rs
        if r.smart_score is not None
    ]
    return round(sum(scores) / len(scores)) if scores else None


def plan_table(plan: ActionPlan, *, today: date) -> list[PlanSection]:
    """The plan laid out as published, each response carrying `action_list` (with `state` as of
    today) and `action_summary`. Pages and every export read this, so they always agree."""
    responses = list(
        plan.responses.select_related("recommendation", "responding_organisation").order_by(
            "recommendation__order"
        )
    )
    by_response: dict[int, list[Action]] = defaultdict(list)
    for action in (
        Action.objects.filter(response__action_plan=plan)
        .with_state(today=today)
        .select_related("owner_organisation")
        .order_by("response_id", "order")
    ):
        by_response[action.response_id].append(action)
    for response in responses:
        response.action_list = by_response.get(response.pk, [])
        response.action_summary = action_summary(response.action_list)
        advise(response, plan_date=plan.submitted)
    sections = []
    for section, rows in groupby(responses, key=lambda r: r.recommendation.section):
        groups = [
            (addressee, list(items))
            for addressee, items in groupby(rows, key=lambda r: r.recommendation.addressee_text)
        ]
        title = "Additional recommendations" if section == "additional" else "Recommendations"
        sections.append(PlanSection(section, title, groups))
    return sections


STATUS_LABELS = dict(Action.Status.choices)


def review_drift(reviews: list[Any], actions: list[Action]) -> None:
    """Give each review `since`: what moved after it was made, read against its frozen
    snapshot — targets that slipped (by how much, and the reasons given), status changes and
    actions added. One query for the target ledger, whatever the number of reviews."""
    from .models import TargetRevision

    current = {a.pk: a for a in actions}
    ledger: dict[int, list[Any]] = defaultdict(list)
    for revision in TargetRevision.objects.filter(
        action_id__in=list(current), status=TargetRevision.Status.APPROVED
    ).order_by("decided_on", "id"):
        ledger[revision.action_id].append(revision)
    for review in reviews:
        then = [
            a for r in (review.snapshot or {}).get("responses", []) for a in r.get("actions", [])
        ]
        since: list[str] = []
        if not then or "id" not in then[0]:
            review.since = since
            continue
        seen = set()
        for old in then:
            action = current.get(old["id"])
            if action is None:
                continue
            seen.add(action.pk)
            name = action.owner_text or "An action"
            if old["target"] != action.target_text:
                slip = ""
                if old.get("due") and action.due_date:
                    days = (action.due_date - date.fromisoformat(old["due"])).days
                    slip = f" ({'+' if days >= 0 else ''}{days} days)"
                reasons = [
                    r.reason
                    for r in ledger[action.pk]
                    if r.decided_on and r.decided_on >= review.date
                ]
                why = f": {'; '.join(reasons)}" if reasons else ""
                since.append(
                    f"{name}: target moved from {old['target'] or 'none'} to "
                    f"{action.target_text or 'none'}{slip}{why}"
                )
            if old["status"] != action.status:
                since.append(
                    f"{name}: {STATUS_LABELS.get(old['status'], old['status']).lower()} → "
                    f"{action.get_status_display().lower()}"
                )
        added = [a for a in actions if a.pk not in seen and a.created_at.date() > review.date]
        since.extend(f"{a.owner_text or 'An action'}: added" for a in added)
        review.since = since
