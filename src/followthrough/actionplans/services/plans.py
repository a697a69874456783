"""Plans: starting a draft, recording responses, submitting and publishing. Callers hold the
transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.concurrency import locked_for_edit
from followthrough.core.events import record_event
from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation

from ..models import Action, ActionPlan, Decision, Response
from .versions import amendment_begin, plan_lock, version_record


def action_plan_start(*, report: Report, organisation: Organisation, actor: Any) -> ActionPlan:
    """A draft plan for one organisation, with a response to each recommendation addressed to
    it (or to every recommendation, when the report names no addressee that resolves)."""
    return action_plan_find_or_start(report=report, organisation=organisation, actor=actor)[0]


def action_plan_find_or_start(
    *, report: Report, organisation: Organisation, actor: Any
) -> tuple[ActionPlan, bool]:
    """The organisation's plan for the report, and whether it was started now. The report is
    locked first, so two starts at once make one plan."""
    Report.objects.select_for_update().filter(pk=report.pk).first()
    existing = report.action_plans.filter(coordinating_organisation=organisation).first()
    if existing is not None:
        return existing, False
    recommendations = list(report.recommendations.filter(addressees=organisation))
    if not recommendations:
        recommendations = list(report.recommendations.all())
    if not recommendations:
        raise ValidationError("This report has no recommendations to respond to")
    plan = ActionPlan(
        report=report,
        title=f"Action plan: {report.title} ({organisation.short_name})",
        coordinating_organisation=organisation,
        status=ActionPlan.Status.DRAFT,
    )
    plan._history_user = actor
    plan.full_clean()
    plan.save()
    for recommendation in recommendations:
        response = Response(
            action_plan=plan, recommendation=recommendation, responding_organisation=organisation
        )
        response._history_user = actor
        response.save()
    record_event(
        plan,
        "actionplans.action_plan.started",
        actor=actor,
        data={"organisation": organisation.short_name, "responses": len(recommendations)},
    )
    return plan, True


def response_record(
    *,
    response: Response,
    decision: str,
    reason_categories: list[str],
    agreed_part: str,
    narrative: str,
    version: int,
    actor: Any,
    change_reason: str = "",
) -> Response:
    """Save a response, refusing an edit made to an older version of it. On a published plan
    the change needs a reason and becomes the plan's next version."""
    current = locked_for_edit(response, version)
    amending = amendment_begin(current.action_plan, change_reason=change_reason)
    before = {"decision": current.decision, "reasons": current.reason_categories}
    current.decision = decision
    current.reason_categories = [] if decision == "agreed" else sorted(set(reason_categories))
    current.agreed_part = agreed_part.strip() if decision == "partly_agreed" else ""
    current.narrative = narrative.strip()
    current.full_clean()
    current.version += 1
    current._history_user = actor
    current.save()
    record_event(
        current,
        "actionplans.response.recorded",
        actor=actor,
        data={"before": before, "decision": current.decision, "reasons": current.reason_categories},
    )
    if amending:
        version_record(current.action_plan, actor=actor, note=change_reason)
    return current


def action_plan_submit(*, plan: ActionPlan, actor: Any, today: date) -> ActionPlan:
    """Draft → submitted: every response has a decision that meets the decision rules."""
    plan_lock(plan)  # two approvers pressing at once move it once
    if plan.status != ActionPlan.Status.DRAFT:
        raise ValidationError("Only a draft plan can be submitted")
    problems = submit_problems(plan, today=today)
    if problems:
        raise ValidationError(problems)
    return _move(plan, ActionPlan.Status.SUBMITTED, actor, submitted=today)


def submit_problems(plan: ActionPlan, *, today: date | None) -> list[str]:
    """Everything that stops a plan going out, every response in order, so the approver fixes
    them in one pass: a decision that meets the decision rules, the response's words, an action
    for what is agreed, and no target already missed on the day it is sent."""
    problems: list[str] = []
    responses = plan.responses.select_related("recommendation").order_by("recommendation__order")
    actions = Action.objects.filter(response__action_plan=plan).order_by("response_id", "order")
    by_response: dict[int, list[Action]] = {}
    for action in actions:
        by_response.setdefault(action.response_id, []).append(action)
    for response in responses:
        label = response.recommendation.display_label
        if not response.decision:
            problems.append(f"{label}: select a decision")
            continue
        try:
            response.full_clean()
        except ValidationError as exc:
            problems.extend(f"{label}: {m[:1].lower()}{m[1:]}" for m in exc.messages)
        if response.decision == Decision.AGREED and not response.narrative.strip():
            problems.append(f"{label}: enter the response to the recommendation")
        own = by_response.get(response.pk, [])
        if response.decision != Decision.NOT_AGREED and not own:
            problems.append(f"{label}: add at least one action saying what will be done")
        for action in own:
            missed = today and action.due_date and action.due_date < today
            if missed and action.status != Action.Status.COMPLETED:
                problems.append(
                    f"{label}: the target {action.target_text} is before the plan's date; "
                    "give a later one"
                )
    return problems


def action_plan_publish(*, plan: ActionPlan, actor: Any) -> ActionPlan:
    """Submitted → published: from now on every signed-in user can read it."""
    plan_lock(plan)  # two approvers pressing at once move it once
    if plan.status != ActionPlan.Status.SUBMITTED:
        raise ValidationError("Only a submitted plan can be published")
    problems = submit_problems(plan, today=plan.submitted)
    if problems:
        raise ValidationError(problems)
    _move(plan, ActionPlan.Status.PUBLISHED, actor)
    version_record(plan, actor=actor, note="Published")
    return plan


def _move(plan: ActionPlan, status: str, actor: Any, submitted: date | None = None) -> ActionPlan:
    before = plan.status
    plan.status = status
    if submitted is not None:
        plan.submitted = submitted
    plan._history_user = actor
    plan.save()
    record_event(
        plan, f"actionplans.action_plan.{status}", actor=actor, data={"from": before, "to": status}
    )
    return plan


def action_plan_status_as_at_set(
    *, plan: ActionPlan, as_at: date | None, note: str, actor: Any, today: date
) -> ActionPlan:
    """The inspectorate marks a historic plan it no longer tracks: its actions read as they
    stood at its last review and nobody is chased for them. No date tracks it again."""
    if plan.status != ActionPlan.Status.PUBLISHED:
        raise ValidationError("Only a published plan can be marked as no longer tracked")
    note = note.strip()
    if as_at is not None:
        if as_at > today:
            raise ValidationError(
                {"as_at": "The date of the last review must be today or in the past"}
            )
        if plan.submitted and as_at < plan.submitted:
            raise ValidationError(
                {
                    "as_at": "The date of the last review must be on or after the plan was "
                    f"submitted, {plan.submitted.day} {plan.submitted:%B %Y}"
                }
            )
        if not note:
            raise ValidationError({"note": "Enter why the plan is no longer tracked"})
    before = {"status_as_at": _day(plan.status_as_at), "note": plan.status_as_at_note}
    plan.status_as_at, plan.status_as_at_note = as_at, note if as_at else ""
    plan._history_user = actor
    plan.save(update_fields=["status_as_at", "status_as_at_note", "updated_at"])
    record_event(
        plan,
        "actionplans.action_plan.marked_historic"
        if as_at
        else "actionplans.action_plan.tracked_again",
        actor=actor,
        data={
            "before": before,
            "after": {"status_as_at": _day(as_at), "note": plan.status_as_at_note},
        },
    )
    return plan


def _day(value: date | None) -> str | None:
    return f"{value.day} {value:%B %Y}" if value else None
