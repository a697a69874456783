"""Reading plans for pages: every function issues a fixed number of queries, whatever the data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from typing import Any

from django.db.models import Count

from followthrough.core.access import allowed
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.access import standing_of

from .access import AMEND
from .models import (
    Action,
    ActionPlan,
    Decision,
    Escalation,
    PlanVersion,
    ProgressRecord,
    Response,
    Review,
    TargetRevision,
    Tracked,
)
from .querysets import STATES
from .smart import Advice, smart_score, tracked_advice


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
    return states_summary([action.state for action in actions])


def states_summary(states: list[str]) -> str:
    """`action_summary` from the actions' states alone, for pages that show no action itself."""
    if not states:
        return "No actions"
    counts: dict[str, int] = defaultdict(int)
    for state in states:
        counts[state] += 1
    parts = [f"{counts[s]} {label.lower()}" for s, label in STATES.items() if counts.get(s)]
    noun = "action" if len(states) == 1 else "actions"
    return f"{len(states)} {noun}: {', '.join(parts)}"


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


@dataclass(frozen=True)
class ActionView:
    """An action as a page shows it: the record, its SMART advice and whether the reader may
    report progress on it."""

    action: Action
    advice: list[Advice]
    can_report_progress: bool = False


@dataclass(frozen=True)
class ResponseView:
    """A response in a plan's table: its actions, their SMART score and whether the reader may
    amend it."""

    response: Response
    actions: list[ActionView]
    smart_score: int | None
    can_edit: bool = False


@dataclass(frozen=True)
class PlanSection:
    """One part of a plan as published: main or additional recommendations, by addressee."""

    section: str
    title: str
    groups: list[tuple[str, list[ResponseView]]]


def action_views(actions: Iterable[Action], *, plan_date: date | None) -> list[ActionView]:
    """Each action with its SMART advice, read against the date its plan was submitted."""
    return [ActionView(action, tracked_advice(action, plan_date=plan_date)) for action in actions]


def plan_smart_score(sections: list[PlanSection]) -> int | None:
    scores = [
        r.smart_score
        for part in sections
        for _, rs in part.groups
        for r in rs
        if r.smart_score is not None
    ]
    return round(sum(scores) / len(scores)) if scores else None


def plan_table(plan: ActionPlan, *, today: date, user: Any = None) -> list[PlanSection]:
    """The plan laid out as published, each response with its actions (their `state` as of
    today) and SMART advice, and, given a user, whether they may amend it. Pages and every
    export read this, so they always agree."""
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
    rows = []
    for response in responses:
        # The amend rule reads `response.action_plan`: the reverse manager has already set it
        # to `plan`, so it costs no query per response.
        actions = action_views(by_response.get(response.pk, []), plan_date=plan.plan_date(today))
        rows.append(
            ResponseView(
                response,
                actions,
                smart_score([a.advice for a in actions]),
                can_edit=user is not None and _may_amend(user, response),
            )
        )
    sections = []
    for section, items in groupby(rows, key=lambda r: r.response.recommendation.section):
        groups = [
            (addressee, list(group))
            for addressee, group in groupby(
                items, key=lambda r: r.response.recommendation.addressee_text
            )
        ]
        title = "Additional recommendations" if section == "additional" else "Recommendations"
        sections.append(PlanSection(section, title, groups))
    return sections


def _may_amend(user: Any, response: Response) -> bool:
    """The amend rule itself, as the plan page has always applied it: `user.has_perm` would also
    let a superuser through on a submitted plan, which cannot be amended."""
    return bool(allowed(user, AMEND, response))


@dataclass(frozen=True)
class RevisionView:
    """A proposed or decided new target, and whether the reader may decide it."""

    revision: TargetRevision
    can_decide: bool


def target_revisions(action: Action, *, user: Any) -> list[RevisionView]:
    """The action's target ledger, oldest first, each entry with the reader's right to decide."""
    return [
        RevisionView(revision, allowed(user, "actionplans.decide_target", revision))
        for revision in action.target_revisions.select_related("proposed_by", "decided_by")
    ]


STATUS_LABELS = dict(Action.Status.choices)


@dataclass(frozen=True)
class ReviewView:
    """An inspectorate judgement and what moved after it was made, in words."""

    review: Review
    since: list[str]


def review_drift(reviews: Iterable[Review], actions: list[Action]) -> list[ReviewView]:
    """Each review with `since`: what moved after it was made, read against its frozen
    snapshot — targets that slipped (by how much, and the reasons given), status changes and
    actions added. One query for the target ledger, whatever the number of reviews."""
    current = {a.pk: a for a in actions}
    ledger: dict[int, list[Any]] = defaultdict(list)
    for revision in TargetRevision.objects.filter(
        action_id__in=list(current), status=TargetRevision.Status.APPROVED
    ).order_by("decided_on", "id"):
        ledger[revision.action_id].append(revision)
    return [ReviewView(review, _since(review, actions, current, ledger)) for review in reviews]


def _since(
    review: Review,
    actions: list[Action],
    current: dict[int, Action],
    ledger: dict[int, list[Any]],
) -> list[str]:
    then = [a for r in (review.snapshot or {}).get("responses", []) for a in r.get("actions", [])]
    since: list[str] = []
    if not then or "id" not in then[0]:
        return since
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
                r.reason for r in ledger[action.pk] if r.decided_on and r.decided_on >= review.date
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
    return since


def last_review_date(plan: ActionPlan) -> date | None:
    """The date of the inspectorate's latest judgement on any of the plan's recommendations."""
    latest: date | None = (
        Review.objects.filter(recommendation__responses__action_plan=plan)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    return latest


def plan_versions(plan: ActionPlan) -> list[PlanVersion]:
    """Every version of a published plan, newest first, with its author."""
    return list(plan.versions.select_related("author").order_by("-number"))


def latest_version_number(plan: ActionPlan) -> int | None:
    """The number of the plan's newest version, or None before publication."""
    number: int | None = plan.versions.order_by("-number").values_list("number", flat=True).first()
    return number


def progress_updates(action: Tracked) -> list[ProgressRecord]:
    """A tracked action's progress updates (plan or improvement action), with their authors."""
    return list(action.updates.select_related("author"))


def escalation_steps(action: Action) -> list[Escalation]:
    """Each rung of the escalation ladder the action reached, open or cleared."""
    return list(action.escalations.all())


def history_starts_for(user: Any, record: Any) -> datetime | None:
    """When a plan record's history starts for this reader: at the plan's first publication for
    anyone outside the drafting organisation and the inspectorate, so draft wording stays with
    those who drafted it; None (the whole history) for them, and for any other record."""
    if isinstance(record, ActionPlan):
        plan = record
    elif isinstance(record, Response):
        plan = record.action_plan
    elif isinstance(record, Action):
        plan = record.response.action_plan
    else:
        return None
    standing = standing_of(user)
    if standing.sees_all_drafts or plan.coordinating_organisation_id in standing.organisation_ids:
        return None
    first: datetime | None = (
        plan.versions.order_by("number").values_list("created_at", flat=True).first()
    )
    return first
