"""The national dataset's plan actions with their progress, target ledger and the
inspectorate's reviews, built in bulk the way `action_save`, `progress_update_add`,
`target_revision_propose` / `_decide` and `review_record` build them: the same target reader,
the same rules (completion has evidence, a moved target keeps the first, a review snapshots the
published plan), history rows for each."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from simple_history.utils import bulk_create_with_history

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    ProgressUpdate,
    Review,
    TargetRevision,
    Tracked,
)
from followthrough.actionplans.services.actions import tracked_fill

from .people import People
from .plans import Plan
from .sizes import ACTIONS_PER_RECOMMENDATION, REVIEW_EVERY, REVISION_EVERY, UPDATES_CYCLE

STEPS = [
    "Draft the protocol with partners",
    "Consult youth justice services on the draft",
    "Publish the agreed protocol",
    "Train staff in the new arrangements",
    "Audit a sample of cases against it",
    "Report the audit's findings to the oversight board",
]
Status = Tracked.Status


def _month(d: date) -> str:
    return f"{d:%B %Y}"


def _target(rng: random.Random, starts: date, today: date, k: int) -> str:
    """A target as plans write them: mostly a month, some quarters, a few done or ongoing."""
    if k % 20 == 7:
        return "Completed"
    if k % 20 == 13:
        return f"Ongoing, review {_month(today + timedelta(days=rng.randint(30, 300)))}"
    due = starts + timedelta(days=rng.randint(45, max(60, (today - starts).days + 540)))
    if k % 10 == 4:
        return f"Q{(due.month - 1) // 3 + 1} {due.year}"
    return _month(due)


def _days_between(rng: random.Random, start: date, end: date, count: int) -> list[date]:
    end = max(start, end)
    return sorted(start + timedelta(days=rng.randint(0, (end - start).days)) for _ in range(count))


class Builder:
    """Collects every row of every action, then writes each table with its history."""

    def __init__(self, people: People, rng: random.Random, today: date) -> None:
        self.people, self.rng, self.today = people, rng, today
        self.actions: list[Action] = []
        self.updates: list[tuple[Action, ProgressUpdate]] = []
        self.revisions: list[tuple[Action, TargetRevision]] = []

    def plan(self, plan: Plan) -> None:
        starts = plan.plan.plan_date(self.today) or self.today
        draft = plan.plan.status == ActionPlan.Status.DRAFT
        for response in plan.responses:
            for order in range(ACTIONS_PER_RECOMMENDATION):
                self.action(response, order, starts, draft)

    def action(self, response: Any, order: int, starts: date, draft: bool) -> None:
        k = len(self.actions)
        rng, today = self.rng, self.today
        action = Action(response=response, order=order)
        owner = response.responding_organisation
        tracked_fill(
            action,
            description=f"{STEPS[order % len(STEPS)]} (synthetic action {k + 1}).",
            owner_text=f"Synthetic lead, {owner.short_name}",
            target_text=_target(rng, max(starts, today) if draft else starts, today, k),
            measure="Synthetic measure: the record that shows it is done.",
        )
        action.original_target_text = action.target_text
        action.owner_organisation = owner
        self.actions.append(action)
        if draft:
            return
        contributor = self.people.user("contributor", k)
        if k % REVISION_EVERY == 3 and action.due_date and action.status != Status.COMPLETED:
            self.revision(action, k, starts, contributor)
        count = UPDATES_CYCLE[k % len(UPDATES_CYCLE)]
        if not count or action.status == Status.COMPLETED:
            return
        due = action.due_date
        overdue = due is not None and due < today
        final = Status.IN_PROGRESS
        roll = rng.random()
        if (overdue and roll < 0.65) or (not overdue and roll < 0.1):
            final = Status.COMPLETED
        elif overdue and roll < 0.7:
            final = Status.WITHDRAWN
        end = min(today, due + timedelta(days=30)) if due and final == Status.COMPLETED else today
        for n, on in enumerate(_days_between(rng, starts, end, count)):
            last = n == count - 1
            new_status = final if last else (Status.IN_PROGRESS if n == 0 else "")
            update = ProgressUpdate(
                action=action,
                date=on,
                author=contributor,
                new_status=new_status,
                text=(
                    "Synthetic update: withdrawn, as the work moved to another action."
                    if new_status == Status.WITHDRAWN
                    else f"Synthetic update {n + 1}: what happened since the last one."
                ),
                evidence=f"Synthetic evidence reference {k + 1}"
                if new_status == Status.COMPLETED
                else "",
            )
            self.updates.append((action, update))
            if new_status and new_status != action.status:
                action.status = new_status
                action.version += 1
                if new_status == Status.COMPLETED:
                    action.completed_on, action.evidence = on, update.evidence

    def revision(self, action: Action, k: int, starts: date, contributor: Any) -> None:
        """The owner asks for more time; an approver agrees (or, one in five, refuses; one in
        five still waits)."""
        assert action.due_date is not None
        rng, today = self.rng, self.today
        proposed_on = min(today, action.due_date - timedelta(days=rng.randint(0, 60)))
        proposed_on = max(proposed_on, starts)
        new_due = action.due_date + timedelta(days=rng.randint(90, 270))
        new_text = _month(new_due)
        probe = Action()
        target = tracked_fill(
            probe, description="", owner_text="", target_text=new_text, measure=""
        )
        status = [TargetRevision.Status.APPROVED] * 3 + [
            TargetRevision.Status.REJECTED,
            TargetRevision.Status.PROPOSED,
        ]
        decision = status[(k // REVISION_EVERY) % 5]
        decided = decision != TargetRevision.Status.PROPOSED
        revision = TargetRevision(
            action=action,
            previous_text=action.target_text,
            previous_due=action.due_date,
            new_text=new_text,
            new_kind=target.kind,
            new_value=target.value or "",
            new_due=probe.due_date,
            reason="Synthetic reason: a partner needs longer to agree the work.",
            proposed_by=contributor,
            proposed_on=proposed_on,
            status=decision,
            decided_by=self.people.user("approver", k) if decided else None,
            decided_on=min(today, proposed_on + timedelta(days=7)) if decided else None,
        )
        self.revisions.append((action, revision))
        if decision == TargetRevision.Status.APPROVED:
            action.target_text, action.target_kind = revision.new_text, revision.new_kind
            action.target_value, action.due_date = revision.new_value, revision.new_due
            action.version += 1

    def write(self, advance: Any) -> None:
        people = self.people
        writer = people.user("contributor")
        stamp = people.stamp(writer)
        for start in range(0, len(self.actions), 5000):
            chunk = self.actions[start : start + 5000]
            bulk_create_with_history(
                chunk, Action, batch_size=1000, default_user=writer, custom_historical_attrs=stamp
            )
            advance(len(chunk))
        for _, update in self.updates:
            update.action_id = update.action.pk
        for start in range(0, len(self.updates), 10000):
            updates = [u for _, u in self.updates[start : start + 10000]]
            bulk_create_with_history(
                updates,
                ProgressUpdate,
                batch_size=1000,
                default_user=writer,
                custom_historical_attrs=stamp,
            )
            advance(len(updates))
        revisions = [r for _, r in self.revisions]
        for revision in revisions:
            revision.action_id = revision.action.pk
        bulk_create_with_history(
            revisions,
            TargetRevision,
            batch_size=1000,
            default_user=writer,
            custom_historical_attrs=stamp,
        )
        advance(len(revisions))


def actions_build(
    people: People, plans: list[Plan], rng: random.Random, today: date, advance: Any
) -> Builder:
    builder = Builder(people, rng, today)
    for plan in plans:
        builder.plan(plan)
    builder.write(advance)
    return builder


def reviews_build(
    people: People, plans: list[Plan], builder: Builder, rng: random.Random, today: date
) -> list[Review]:
    """Two in five recommendations on a published plan judged by an inspector, each with the
    'as at' snapshot `review_record` keeps: the published response and its actions."""
    by_response: dict[int, list[Action]] = {}
    for action in builder.actions:
        by_response.setdefault(action.response_id, []).append(action)
    judgements = [j for j, _ in Review.Judgement.choices]
    grades = [g for g, _ in Review.EvidenceGrade.choices]
    reviews = []
    for number, plan in enumerate(plans):
        if plan.plan.status != ActionPlan.Status.PUBLISHED or plan.plan.submitted is None:
            continue
        for n, response in enumerate(plan.responses):
            if n % REVIEW_EVERY not in (1, 3):
                continue
            on = plan.plan.submitted + timedelta(days=rng.randint(90, 400))
            on = min(today, on)
            actions = by_response.get(response.pk, [])
            snapshot = {
                "as_at": on.isoformat(),
                "responses": [
                    {
                        "plan": plan.plan.title,
                        "decision": response.decision,
                        "actions": [
                            {
                                "id": a.pk,
                                "owner": a.owner_text,
                                "target": a.target_text,
                                "due": a.due_date.isoformat() if a.due_date else None,
                                "status": a.status,
                            }
                            for a in actions
                        ],
                    }
                ],
            }
            reviews.append(
                Review(
                    recommendation=response.recommendation,
                    reviewer=people.user("inspector", n),
                    date=on,
                    judgement=judgements[(n + number) % len(judgements)],
                    evidence_grade=grades[n % len(grades)],
                    commentary="Synthetic commentary: what the inspectorate saw, and why.",
                    snapshot=snapshot,
                )
            )
    inspector = people.user("inspector")
    bulk_create_with_history(
        reviews,
        Review,
        batch_size=1000,
        default_user=inspector,
        custom_historical_attrs=people.stamp(inspector),
    )
    return reviews
