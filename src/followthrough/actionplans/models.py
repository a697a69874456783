from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import Provenanced, TimeStamped
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation

from .querysets import ActionPlanQuerySet, ActionQuerySet, ResponseQuerySet


class Decision(models.TextChoices):
    AGREED = "agreed", "Agreed"
    PARTLY_AGREED = "partly_agreed", "Partly agreed"
    NOT_AGREED = "not_agreed", "Not agreed"


class ActionPlan(Provenanced, TimeStamped):
    """A body's published answer to a report's recommendations."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        PUBLISHED = "published", "Published"

    class Vocabulary(models.TextChoices):
        AGREED = "agreed", "Agreed / Partly agreed / Not agreed"
        ACCEPTED = "accepted", "Accepted / Partially accepted / Not accepted"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="action_plans")
    title = models.CharField(max_length=500)
    coordinating_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    decision_vocabulary = models.CharField(
        max_length=20, choices=Vocabulary.choices, default=Vocabulary.AGREED
    )
    notes = models.JSONField(default=list, blank=True)
    # A historic plan the inspectorate no longer tracks: states as at its last review, unchased.
    status_as_at = models.DateField(null=True, blank=True)
    status_as_at_note = models.TextField(blank=True)
    history = audited_history()

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted", "title"]

    def __str__(self) -> str:
        return self.title

    def plan_date(self, today: date) -> date | None:
        """The date the plan speaks from: when it was submitted, or, for a draft, today (it
        cannot be submitted earlier); None for an imported plan that gives no date. A target
        before it is already missed when it is made."""
        if self.status == self.Status.DRAFT:
            return today
        return self.submitted


class Response(Provenanced, TimeStamped):
    """What one body said it would do about one recommendation."""

    class Reason(models.TextChoices):
        COMMISSIONING = "commissioning", "Commissioning"
        POLICY = "policy", "Policy"
        OPERATIONAL = "operational", "Operational"
        AFFORDABILITY = "affordability", "Affordability"

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="responses")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="responses"
    )
    responding_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    oversight_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_text = models.CharField(
        max_length=100, blank=True, help_text="The decision as printed."
    )
    reason_categories = models.JSONField(default=list, blank=True)
    agreed_part = models.TextField(blank=True)
    narrative = models.TextField(blank=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Goes up with every saved edit; a form for an older one is refused."
    )
    history = audited_history()

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["action_plan", "recommendation__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "recommendation"],
                name="one_response_per_plan_recommendation",
            )
        ]

    def __str__(self) -> str:
        return f"Response to {self.recommendation}"

    def clean(self) -> None:
        """The decision rules of the categorisation table: a response that does not agree in
        full says which reasons, and what will be done; one that agrees in part says which."""
        errors: dict[str, str] = {}
        unknown = set(self.reason_categories or []) - set(self.Reason.values)
        if unknown:
            errors["reason_categories"] = "Select reasons from the list"
        if self.decision in (Decision.PARTLY_AGREED, Decision.NOT_AGREED):
            if not self.reason_categories:
                errors["reason_categories"] = (
                    "Select at least one reason: commissioning, policy, operational or "
                    "affordability"
                )
            if not self.narrative.strip():
                errors["narrative"] = "Explain why the recommendation is not agreed in full"
        if self.decision == Decision.PARTLY_AGREED and not self.agreed_part.strip():
            errors["agreed_part"] = "Say which part of the recommendation will be implemented"
        if self.decision == Decision.AGREED and self.reason_categories:
            errors["reason_categories"] = (
                "Reasons are only for a recommendation that is partly agreed or not agreed"
            )
        if errors:
            raise ValidationError(errors)


class Tracked(models.Model):
    """What every tracked commitment shares, whoever made it: an owner, a target read the same
    way, a status, and a version that refuses stale edits. Action-plan actions and a service's
    improvement actions are both made of this, so overdue, SMART and progress mean one thing."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        ONGOING = "ongoing", "Ongoing"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class TargetKind(models.TextChoices):
        DATE = "date", "Date"
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"
        FINANCIAL_YEAR = "financial_year", "Financial year"
        COMPLETED = "completed", "Completed"
        ONGOING = "ongoing", "Ongoing"
        UNKNOWN = "unknown", "Unknown"

    order = models.PositiveIntegerField(default=0)
    description = models.TextField(blank=True)
    measure = models.TextField(blank=True, help_text="What will show the action is done.")
    original_target_text = models.CharField(
        max_length=1000, blank=True, help_text="The target as first published, kept when it moves."
    )
    owner_text = models.CharField(max_length=500, blank=True)
    target_text = models.CharField(max_length=1000, blank=True)
    target_kind = models.CharField(
        max_length=20, choices=TargetKind.choices, default=TargetKind.UNKNOWN
    )
    target_value = models.CharField(max_length=40, blank=True)
    due_date = models.DateField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Goes up with every saved edit; a form for an older one is refused."
    )

    # Domain events about the action are named under this prefix.
    EVENT_PREFIX = "tracked"

    # Declared for type checking only: each concrete model's progress records (its ProgressRecord
    # subclass, related_name "updates"), the author simple_history stamps on a save, and the
    # state TrackedQuerySet.with_state annotates on the rows it reads.
    updates: Any
    _history_user: Any
    state: str

    class Meta:
        abstract = True


class Action(Provenanced, TimeStamped, Tracked):
    """One thing a body committed to do, by whom and by when."""

    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="actions")
    owner_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="owned_actions"
    )
    history = audited_history()

    objects = ActionQuerySet.as_manager()

    EVENT_PREFIX = "actionplans.action"

    class Meta:
        ordering = ["response", "order"]

    def __str__(self) -> str:
        return f"{self.owner_text or 'No owner'} – {self.target_text or 'no target'}"


class ProgressRecord(TimeStamped):
    """A dated report of what happened on a tracked action, with evidence when it is done."""

    date = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    new_status = models.CharField(max_length=20, choices=Tracked.Status.choices, blank=True)
    text = models.TextField()
    evidence = models.TextField(blank=True)
    # An evidence file, kept outside the web root (core.uploads) and never deleted.
    evidence_file = models.CharField(max_length=100, blank=True)
    evidence_file_kind = models.CharField(max_length=10, blank=True)
    evidence_file_name = models.CharField(max_length=255, blank=True)

    class Meta:
        abstract = True
        ordering = ["-date", "-id"]


class ProgressUpdate(ProgressRecord):
    """A dated report of what happened on an action."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    history = audited_history()

    class Meta(ProgressRecord.Meta):
        # The API lists updates newest first a page at a time (?ordering=-date): by this index a
        # page is read in order and stops, rather than every update sorted for each page.
        indexes = [models.Index(fields=["date", "id"], name="progressupdate_date_id")]


class Review(TimeStamped):
    """The inspectorate's periodic judgement of how far a recommendation has been met."""

    class Judgement(models.TextChoices):
        ACHIEVED = "achieved", "Achieved"
        PARTLY_ACHIEVED = "partly_achieved", "Partly achieved"
        NOT_ACHIEVED = "not_achieved", "Not achieved"
        SUPERSEDED = "superseded", "Superseded or no longer applicable"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField()

    class EvidenceGrade(models.TextChoices):
        SELF_REPORTED = "self_reported", "Self-reported by the body"
        DOCUMENT_VERIFIED = "document_verified", "Verified from documents"
        REINSPECTION = "reinspection", "Verified on re-inspection"

    judgement = models.CharField(max_length=20, choices=Judgement.choices)
    evidence_grade = models.CharField(
        max_length=20, choices=EvidenceGrade.choices, default=EvidenceGrade.SELF_REPORTED
    )
    commentary = models.TextField(blank=True)
    snapshot = models.JSONField(
        default=dict,
        blank=True,
        help_text="The responses and actions as they stood when the judgement was made.",
    )
    history = audited_history()

    class Meta:
        ordering = ["-date", "-id"]


class TargetRevision(TimeStamped):
    """A dated entry in an action's target ledger: slippage is visible, never erased."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="target_revisions")
    previous_text = models.CharField(max_length=1000, blank=True)
    previous_due = models.DateField(null=True, blank=True)
    new_text = models.CharField(max_length=1000)
    new_kind = models.CharField(max_length=20, choices=Action.TargetKind.choices)
    new_value = models.CharField(max_length=40, blank=True)
    new_due = models.DateField(null=True, blank=True)
    reason = models.TextField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["action", "proposed_on", "id"]

    @property
    def slip_days(self) -> int | None:
        if self.previous_due and self.new_due:
            return (self.new_due - self.previous_due).days
        return None


class ReminderLog(models.Model):
    """One digest sent to one organisation on one day: what makes `remind` safe to repeat."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)
    actions = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "day"], name="one_digest_a_day")
        ]

    def __str__(self) -> str:
        return f"Digest to {self.organisation_id} on {self.day}"


class Escalation(models.Model):
    """One rung of the ladder an overdue or silent action climbs: owner, approver, inspectorate.

    A rung stays open until the action no longer qualifies for it (updated, completed, target
    moved); clearing is dated, never deleted, so the action's timeline keeps every step."""

    class Step(models.IntegerChoices):
        OWNER = 1, "Reminder to the owner"
        APPROVER = 2, "Escalated to the organisation's approver"
        INSPECTORATE = 3, "Flagged to the inspectorate"

    class Cause(models.TextChoices):
        OVERDUE = "overdue", "Overdue"
        NO_UPDATE = "no_update", "No update"

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="escalations")
    step = models.PositiveSmallIntegerField(choices=Step.choices)
    cause = models.CharField(max_length=20, choices=Cause.choices)
    days = models.PositiveIntegerField(help_text="Days overdue, or days since the last update.")
    raised_on = models.DateField()
    notified = models.JSONField(default=list, blank=True)
    cleared_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["action", "raised_on", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "step"],
                condition=models.Q(cleared_on__isnull=True),
                name="one_open_escalation_per_step",
            )
        ]

    def __str__(self) -> str:
        return f"Step {self.step} on action {self.action_id}"


class PlanVersion(models.Model):
    """A published plan as it stood: version 1 when published, one more per amendment.

    Published plans are amended, never overwritten: each version keeps the whole plan frozen,
    with who changed it, when and why, so any earlier version can be read as it was."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True, help_text="Why the published plan was changed.")
    changes = models.JSONField(default=list, blank=True)
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["action_plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["action_plan", "number"], name="one_number_per_plan")
        ]

    def __str__(self) -> str:
        return f"Version {self.number} of plan {self.action_plan_id}"
