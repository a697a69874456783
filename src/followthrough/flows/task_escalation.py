"""The ladder an overdue partner task on a child's case climbs: a reminder to the agency that
owns it, then the youth justice service's managers, then the management board's next pack.

Like the action ladder (flows/escalation.py), run by `followthrough remind`: one rung per run at
most, each standing CASE_TASK_STEP_GAP_DAYS before the next, cleared (dated, never deleted) when
the task is done, no longer needed or re-dated. Running it twice on a day changes nothing.
Emails carry the case reference and the step only: what the agency already sees of the case."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.template.loader import render_to_string

from followthrough.api.webhooks.services import webhook_deliveries_queue
from followthrough.cases.models import Task, TaskEscalation
from followthrough.core.models import DomainEvent
from followthrough.organisations.models import CASE_ROLES, Membership, Organisation

from .escalation import ladder_step
from .reminders import CONTACT_ROLES

MANAGER_ROLES = (Membership.Role.APPROVER, Membership.Role.ADMIN)


@dataclass
class TaskRun:
    raised: list[TaskEscalation] = field(default_factory=list)
    cleared: list[TaskEscalation] = field(default_factory=list)
    emails: list[tuple[str, list[str], int]] = field(default_factory=list)  # subject, to, n


def overdue_tasks(*, as_of: date) -> dict[int, tuple[Task, int]]:
    """Open tasks past their due date on open cases, with the days overdue, in one query."""
    tasks = Task.objects.filter(
        status=Task.Status.OPEN,
        due_date__lt=as_of,
        case__closed_on__isnull=True,
        case__anonymised_on__isnull=True,
    ).select_related("case__service", "owner")
    return {task.pk: (task, (as_of - task.due_date).days) for task in tasks.order_by("pk")}


def _emails(org_ids: set[int], roles: tuple[str, ...]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for org_id, email in (
        Membership.objects.filter(
            organisation_id__in=org_ids, is_active=True, role__in=roles, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("organisation_id", "user__email")
        .order_by("user__email")
    ):
        found[org_id].append(email)
    return found


def task_escalations_run(*, as_of: date, dry_run: bool = False, quiet: bool = False) -> TaskRun:
    """Raise the rungs each overdue task has reached, clear those it no longer qualifies for,
    email each agency (step 1) and each service's managers (step 2) once, and log every change
    on the task's timeline. Step 3 is read by the board pack. `quiet` records without emailing
    (the demo's history). The caller holds the transaction."""
    thresholds = settings.CASE_TASK_OVERDUE_DAYS
    standings = {
        pk: (task, days, ladder_step(days, thresholds))
        for pk, (task, days) in overdue_tasks(as_of=as_of).items()
        if ladder_step(days, thresholds) > 0
    }
    run = TaskRun()
    held: dict[tuple[int, int], TaskEscalation] = {}
    for rung in TaskEscalation.objects.filter(cleared_on__isnull=True):
        standing = standings.get(rung.task_id)
        if standing is None or standing[2] < rung.step:
            rung.cleared_on = as_of
            run.cleared.append(rung)
        else:
            held[(rung.task_id, rung.step)] = rung
    tops: dict[int, int] = defaultdict(int)
    for task_id, step in held:
        tops[task_id] = max(tops[task_id], step)
    for task, days, step in standings.values():
        top = tops[task.pk]
        below = held.get((task.pk, top))
        if top >= step or (
            below is not None and (as_of - below.raised_on).days < settings.CASE_TASK_STEP_GAP_DAYS
        ):
            continue
        run.raised.append(TaskEscalation(task=task, step=top + 1, days=days, raised_on=as_of))
    _notify(run, as_of=as_of, dry_run=dry_run or quiet)
    if not dry_run:
        _save(run)
    return run


def _notify(run: TaskRun, *, as_of: date, dry_run: bool) -> None:
    groups: dict[tuple[int, int], list[TaskEscalation]] = defaultdict(list)
    organisations: dict[int, Organisation] = {}
    for rung in run.raised:
        if rung.step == TaskEscalation.Step.AGENCY:
            org = rung.task.owner
        elif rung.step == TaskEscalation.Step.MANAGER:
            org = rung.task.case.service
        else:
            continue  # the board reads its pack; nobody is emailed
        groups[(org.pk, rung.step)].append(rung)
        organisations[org.pk] = org
    # An agency's writers are reminded; a service that owns a task itself, its case workers
    # (its board members and contributors read no case).
    owners = {o for o, s in groups if s == 1}
    services = {
        o for o in owners if organisations[o].kind == Organisation.Kind.YOUTH_JUSTICE_SERVICE
    }
    agencies = _emails(owners - services, CONTACT_ROLES) | _emails(services, tuple(CASE_ROLES))
    managers = _emails({o for o, s in groups if s == 2}, MANAGER_ROLES)
    for (org_id, step), rungs in sorted(groups.items()):
        to = (agencies if step == 1 else managers).get(org_id, [])
        for rung in rungs:
            rung.notified = [] if dry_run else to
        if not to:
            continue
        org = organisations[org_id]
        n = len(rungs)
        subject = (
            f"Followthrough: {n} overdue task{'s' if n != 1 else ''} on children's cases "
            f"{'for ' if step == 1 else 'escalated to '}{org.short_name}"
        )
        run.emails.append((subject, to, n))
        if not dry_run:
            body = render_to_string(
                "flows/task_escalation_email.txt",
                {"organisation": org, "step": step, "rungs": rungs, "as_of": as_of},
            )
            send_mail(subject=subject, message=body, from_email=None, recipient_list=to)


def _save(run: TaskRun) -> None:
    TaskEscalation.objects.bulk_update(run.cleared, ["cleared_on"])
    TaskEscalation.objects.bulk_create(run.raised)
    content_type = ContentType.objects.get_for_model(Task)
    events = DomainEvent.objects.bulk_create(
        [
            DomainEvent(
                content_type=content_type,
                object_id=rung.task_id,
                code="cases.task.escalated",
                data={"step": rung.step, "days": rung.days, "notified": rung.notified},
            )
            for rung in run.raised
        ]
        + [
            DomainEvent(
                content_type=content_type,
                object_id=rung.task_id,
                code="cases.task.escalation_cleared",
                data={"step": rung.step},
            )
            for rung in run.cleared
        ]
    )
    # Written in bulk, so no save signal: the overdue tasks' webhooks are queued here.
    webhook_deliveries_queue(
        event_ids=[e.pk for e in events if e.code == "cases.task.escalated" and e.pk]
    )
