"""The escalation ladder: an action overdue, or silent, for long enough climbs from a reminder
to its owner, to its organisation's approver, to a flag on the inspectorate dashboard.

A flow like the reminders: it reads actions and memberships, writes rungs and sends email. The
thresholds are settings (ESCALATION_OVERDUE_DAYS, ESCALATION_NO_UPDATE_DAYS). An action climbs
one rung per run at most, and only when the rung below has stood ESCALATION_STEP_GAP_DAYS, so
each step is given time to be answered before the next. Running it twice on a day changes
nothing: a rung stays open until the action stops qualifying for it."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models import Max
from django.db.models.functions import Coalesce, TruncDate
from django.template.loader import render_to_string

from followthrough.actionplans.models import Action, Escalation
from followthrough.actionplans.querysets import PAST_TARGET
from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Membership

from .reminders import CONTACT_ROLES


def ladder_step(days: int, thresholds: Sequence[int]) -> int:
    """How many rungs `days` has passed: 0 below the first threshold, at most len(thresholds)."""
    return bisect_right(list(thresholds), days)


@dataclass
class Standing:
    """Where one action stands on the ladder today."""

    action: Action
    step: int
    cause: str
    days: int


def ladder_standings(*, as_of: date) -> list[Standing]:
    """Every open action of a published plan that has reached at least step 1, in one query."""
    overdue_at = settings.ESCALATION_OVERDUE_DAYS
    silent_at = settings.ESCALATION_NO_UPDATE_DAYS
    actions = (
        Action.objects.filter(
            response__action_plan__status="published",
            response__action_plan__status_as_at__isnull=True,  # a historic plan is not chased
        )
        .with_state(today=as_of)
        .exclude(state__in=["completed", "withdrawn"])
        .annotate(last_heard=Coalesce(Max("updates__date"), TruncDate("created_at")))
        .select_related(
            "owner_organisation",
            "response__action_plan__coordinating_organisation",
            "response__recommendation__report",
        )
        .order_by("pk")
    )
    standings = []
    for action in actions:
        overdue = (as_of - action.due_date).days if action.state in PAST_TARGET else 0
        silent = max((as_of - action.last_heard).days, 0)
        by_overdue, by_silence = ladder_step(overdue, overdue_at), ladder_step(silent, silent_at)
        if by_overdue == by_silence == 0:
            continue
        if by_overdue >= by_silence:
            standings.append(Standing(action, by_overdue, Escalation.Cause.OVERDUE, overdue))
        else:
            standings.append(Standing(action, by_silence, Escalation.Cause.NO_UPDATE, silent))
    return standings


@dataclass
class LadderRun:
    raised: list[Escalation] = field(default_factory=list)
    cleared: list[Escalation] = field(default_factory=list)
    emails: list[tuple[str, list[str], int]] = field(default_factory=list)  # subject, to, n


def _responsible(action: Action):  # type: ignore[no-untyped-def]
    return action.owner_organisation or action.response.action_plan.coordinating_organisation


def _recipients(org_ids: set[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Contacts (step 1) and approvers (step 2, falling back to admins) of each organisation."""
    contacts: dict[int, list[str]] = defaultdict(list)
    approvers: dict[int, list[str]] = defaultdict(list)
    admins: dict[int, list[str]] = defaultdict(list)
    for org_id, role, email in (
        Membership.objects.filter(
            organisation_id__in=org_ids,
            is_active=True,
            role__in=CONTACT_ROLES,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("organisation_id", "role", "user__email")
        .order_by("user__email")
    ):
        contacts[org_id].append(email)
        {"approver": approvers, "admin": admins}.get(role, {}).setdefault(org_id, []).append(email)
    for org_id in org_ids:
        approvers.setdefault(org_id, admins.get(org_id, []))
    return contacts, approvers


def escalations_run(*, as_of: date, dry_run: bool = False) -> LadderRun:
    """Raise the rungs each action has reached, clear those it no longer qualifies for, email
    each organisation one message per step, and log every change on the action's timeline.
    The caller holds the transaction."""
    standings = {s.action.pk: s for s in ladder_standings(as_of=as_of)}
    open_rungs = list(Escalation.objects.filter(cleared_on__isnull=True))
    run = LadderRun()
    held: dict[tuple[int, int], Escalation] = {}
    for e in open_rungs:
        standing = standings.get(e.action_id)
        if standing is None or standing.step < e.step:
            e.cleared_on = as_of
            run.cleared.append(e)
        else:
            held[(e.action_id, e.step)] = e
    tops: dict[int, int] = defaultdict(int)
    for action_id, step in held:
        tops[action_id] = max(tops[action_id], step)
    gap = settings.ESCALATION_STEP_GAP_DAYS
    for standing in standings.values():
        top = tops[standing.action.pk]
        if top >= standing.step:
            continue
        below = held.get((standing.action.pk, top))
        if below is not None and (as_of - below.raised_on).days < gap:
            continue  # the step below has not had its time to be answered
        run.raised.append(
            Escalation(
                action=standing.action,
                step=top + 1,
                cause=standing.cause,
                days=standing.days,
                raised_on=as_of,
            )
        )
    by_org: dict[tuple[int, int], list[Escalation]] = defaultdict(list)
    organisations = {}
    for rung in run.raised:
        org = _responsible(rung.action)
        if org is not None and rung.step < Escalation.Step.INSPECTORATE:
            by_org[(org.pk, rung.step)].append(rung)
            organisations[org.pk] = org
    contacts, approvers = _recipients(set(organisations))
    for (org_id, step), rungs in sorted(by_org.items()):
        to = (contacts if step == Escalation.Step.OWNER else approvers).get(org_id, [])
        for rung in rungs:
            rung.notified = to
        if not to:
            continue
        org = organisations[org_id]
        subject = (
            f"Followthrough: {len(rungs)} action{'s' if len(rungs) != 1 else ''} "
            f"{'need an update' if step == 1 else 'escalated to you'} for {org.short_name}"
        )
        run.emails.append((subject, to, len(rungs)))
        if not dry_run:
            body = render_to_string(
                "flows/escalation_email.txt",
                {"organisation": org, "step": step, "rungs": rungs, "as_of": as_of},
            )
            send_mail(subject=subject, message=body, from_email=None, recipient_list=to)
    if dry_run:
        return run
    Escalation.objects.bulk_update(run.cleared, ["cleared_on"])
    Escalation.objects.bulk_create(run.raised)
    content_type = ContentType.objects.get_for_model(Action)
    DomainEvent.objects.bulk_create(
        [
            DomainEvent(
                content_type=content_type,
                object_id=rung.action_id,
                code="actionplans.action.escalated",
                data={
                    "step": rung.step,
                    "cause": rung.cause,
                    "days": rung.days,
                    "notified": rung.notified,
                },
            )
            for rung in run.raised
        ]
        + [
            DomainEvent(
                content_type=content_type,
                object_id=rung.action_id,
                code="actionplans.action.escalation_cleared",
                data={"step": rung.step},
            )
            for rung in run.cleared
        ]
    )
    return run
