"""Reminders: each owning organisation's contacts get one digest of what is overdue or due soon.

A flow, not a service: it reads actions, reads organisations' members and sends email."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from followthrough.actionplans.models import Action, ReminderLog
from followthrough.actionplans.querysets import PAST_TARGET
from followthrough.audits.models import ReviewImprovement
from followthrough.organisations.models import Membership, Organisation
from followthrough.selfassessment.models import ImprovementAction

DUE_SOON_DAYS = 30
CONTACT_ROLES = (Membership.Role.CONTRIBUTOR, Membership.Role.APPROVER, Membership.Role.ADMIN)


@dataclass
class Digest:
    organisation: Organisation
    recipients: list[str]
    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    # A youth justice service's own improvement actions, from its self-assessments.
    improvements_overdue: list[Any] = field(default_factory=list)
    improvements_due_soon: list[Any] = field(default_factory=list)
    # And those from its reviews against the resettlement standard.
    review_improvements_overdue: list[Any] = field(default_factory=list)
    review_improvements_due_soon: list[Any] = field(default_factory=list)
    status: str = "to send"  # sent, already sent today, no contacts, would send

    @property
    def count(self) -> int:
        return (
            len(self.overdue)
            + len(self.due_soon)
            + len(self.improvements_overdue)
            + len(self.improvements_due_soon)
            + len(self.review_improvements_overdue)
            + len(self.review_improvements_due_soon)
        )

    @property
    def overdue_count(self) -> int:
        return (
            len(self.overdue)
            + len(self.improvements_overdue)
            + len(self.review_improvements_overdue)
        )

    @property
    def due_soon_count(self) -> int:
        return (
            len(self.due_soon)
            + len(self.improvements_due_soon)
            + len(self.review_improvements_due_soon)
        )


def reminder_digests(*, as_of: date) -> list[Digest]:
    """What each organisation would be told today, in a fixed number of queries."""
    actions = (
        Action.objects.filter(
            response__action_plan__status="published",
            response__action_plan__status_as_at__isnull=True,  # a historic plan is not chased
            owner_organisation__isnull=False,
        )
        .with_state(today=as_of)
        .filter(
            state__in=[*PAST_TARGET, "due_soon"], due_date__lte=as_of + timedelta(DUE_SOON_DAYS)
        )
        .select_related("owner_organisation", "response__recommendation__report")
        .order_by("owner_organisation__name", "due_date")
    )
    by_org: dict[int, list[Action]] = defaultdict(list)
    organisations: dict[int, Organisation] = {}
    for action in actions:
        by_org[action.owner_organisation_id].append(action)
        organisations[action.owner_organisation_id] = action.owner_organisation
    improvements: dict[int, list[Any]] = defaultdict(list)
    for improvement in _improvements_due(as_of):
        org = improvement.item.assessment.organisation
        improvements[org.pk].append(improvement)
        organisations[org.pk] = org
        by_org.setdefault(org.pk, [])
    from_reviews: dict[int, list[Any]] = defaultdict(list)
    for improvement in _review_improvements_due(as_of):
        org = improvement.review.organisation
        from_reviews[org.pk].append(improvement)
        organisations[org.pk] = org
        by_org.setdefault(org.pk, [])
    contacts: dict[int, list[str]] = defaultdict(list)
    for org_id, email in (
        Membership.objects.filter(
            organisation_id__in=list(by_org),
            is_active=True,
            role__in=CONTACT_ROLES,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("organisation_id", "user__email")
        .order_by("user__email")
    ):
        contacts[org_id].append(email)
    digests = []
    for org_id, items in by_org.items():
        digests.append(
            Digest(
                organisation=organisations[org_id],
                recipients=contacts.get(org_id, []),
                overdue=[a for a in items if a.state in PAST_TARGET],
                due_soon=[a for a in items if a.state == "due_soon"],
                improvements_overdue=[a for a in improvements[org_id] if a.state in PAST_TARGET],
                improvements_due_soon=[a for a in improvements[org_id] if a.state == "due_soon"],
                review_improvements_overdue=[
                    a for a in from_reviews[org_id] if a.state in PAST_TARGET
                ],
                review_improvements_due_soon=[
                    a for a in from_reviews[org_id] if a.state == "due_soon"
                ],
            )
        )
    return digests


def _improvements_due(as_of: date) -> Any:
    """Improvement actions from services' self-assessments that are overdue or due soon: the
    same states and window as plan actions, owned by the service that assessed itself."""
    return (
        ImprovementAction.objects.with_state(today=as_of)
        .filter(
            state__in=[*PAST_TARGET, "due_soon"], due_date__lte=as_of + timedelta(DUE_SOON_DAYS)
        )
        .select_related("item__assessment__organisation", "item__recommendation__report")
        .order_by("due_date")
    )


def _review_improvements_due(as_of: date) -> Any:
    """Improvement actions from services' reviews against the resettlement standard: the same
    states and window, owned by the service that reviewed itself."""
    return (
        ReviewImprovement.objects.with_state(today=as_of)
        .filter(
            state__in=[*PAST_TARGET, "due_soon"], due_date__lte=as_of + timedelta(DUE_SOON_DAYS)
        )
        .select_related("review__organisation")
        .order_by("due_date")
    )


def reminders_send(*, as_of: date, dry_run: bool) -> list[Digest]:
    """Send each digest once a day; running again the same day sends nothing new."""
    digests = reminder_digests(as_of=as_of)
    already = set(ReminderLog.objects.filter(day=as_of).values_list("organisation_id", flat=True))
    for digest in digests:
        if not digest.recipients:
            digest.status = "no contacts"
        elif digest.organisation.pk in already:
            digest.status = "already sent today"
        elif dry_run:
            digest.status = "would send"
        else:
            try:
                with transaction.atomic():
                    ReminderLog.objects.create(
                        organisation=digest.organisation,
                        day=as_of,
                        recipients=digest.recipients,
                        actions=digest.count,
                    )
                    send_mail(
                        subject=f"Followthrough: {digest.overdue_count} overdue and "
                        f"{digest.due_soon_count} due soon for "
                        f"{digest.organisation.short_name}",
                        message=render_to_string(
                            "flows/reminder_email.txt", {"digest": digest, "as_of": as_of}
                        ),
                        from_email=None,
                        recipient_list=digest.recipients,
                    )
            except IntegrityError:  # another run got there first
                digest.status = "already sent today"
            else:
                digest.status = "sent"
    return digests
