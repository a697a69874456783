"""What happens in a case after it opens: meetings, tasks and their escalation, contacts, the
release day and the outcomes after it; and the rules and access log around them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.organisations.models import Organisation

from ..querysets import TaskQuerySet
from .cases import AGENCIES, YES_NO_UNKNOWN, Case, Pathway


class Meeting(TimeStamped):
    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial planning meeting"
        REVIEW = "review", "Review"
        PRE_RELEASE = "pre_release", "Final pre-release meeting"
        PANEL = "panel", "Multi-agency panel"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    held_on = models.DateField()
    attended_by = models.JSONField(default=list, blank=True, help_text="Agency codes.")
    parents_present = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    child_prepared = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    child_participated = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    notes = models.TextField(blank=True)
    history = audited_history()

    class Meta:
        ordering = ["case", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


# Who may own a task on a child's case besides the service itself: the partner agencies the
# plan works with. Never another service, a department or an inspectorate, which read no case.
PARTNER_KINDS = (
    Organisation.Kind.HEALTH,
    Organisation.Kind.POLICE,
    Organisation.Kind.LOCAL_AUTHORITY,
    Organisation.Kind.CUSTODIAL_ESTABLISHMENT,
    Organisation.Kind.OTHER,
)


class Task(TimeStamped):
    """A step of a pathway's plan owned by one agency, due on a date or relative to the case."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "No longer needed"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="tasks")
    pathway = models.ForeignKey(Pathway, null=True, blank=True, on_delete=models.PROTECT)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="case_tasks")
    due_anchor = models.CharField(
        max_length=20,
        choices=[
            ("date", "A date"),
            ("sentence", "After sentence"),
            ("earliest_release", "Before or after the earliest release date"),
            ("release", "After release"),
        ],
        default="date",
    )
    due_offset_days = models.IntegerField(default=0)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["case", "due_date", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def rung(self) -> str:
        """Where the task stands on the escalation ladder, from its prefetched open rungs."""
        rungs = getattr(self, "open_rungs", [])
        return TaskEscalation.Step(max(r.step for r in rungs)).label if rungs else ""


class Contact(TimeStamped):
    """Contact and information sharing between custody and community, with its date."""

    class Kind(models.TextChoices):
        VISIT = "visit", "Visit"
        CALL = "call", "Call"
        SENT = "sent", "Information sent"
        RECEIVED = "received", "Information received"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="contacts")
    on = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    agency = models.CharField(max_length=24, choices=AGENCIES)
    note = models.CharField(max_length=300, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["case", "on", "pk"]


class ReleaseDay(TimeStamped):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="release_day")
    released_at = models.DateTimeField()
    met_by = models.CharField(max_length=24, choices=AGENCIES, blank=True)
    same_day_contact = models.BooleanField(default=False)
    accommodation_confirmed = models.BooleanField(default=False)
    benefit_claim_started = models.BooleanField(default=False)
    first_appointments_made = models.BooleanField(default=False)
    history = audited_history()


class Outcome(TimeStamped):
    """The case three and six months after release; "lost to follow-up" is kept explicit."""

    class Compliance(models.TextChoices):
        COMPLETE = "complete", "Complete"
        PARTIAL = "partial", "Partial"
        NONE = "none", "None"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="outcomes")
    months = models.PositiveSmallIntegerField(choices=[(3, "3 months"), (6, "6 months")])
    recorded_on = models.DateField()
    lost_to_follow_up = models.BooleanField(default=False)
    arrested = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    charged = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    convicted = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    recalled = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    accommodation_maintained = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    ete_maintained = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    engaged = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    compliance = models.CharField(max_length=10, choices=Compliance.choices, blank=True)
    risk_managed = models.CharField(max_length=10, choices=YES_NO_UNKNOWN, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["case", "months"]
        constraints = [
            models.UniqueConstraint(fields=["case", "months"], name="one_outcome_per_checkpoint")
        ]


class MilestoneRule(models.Model):
    """A milestone rule (cases/milestones.py): the national default (no service), or one
    service's own version of it."""

    service = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField(max_length=40)
    label = models.CharField(max_length=120)
    anchor = models.CharField(max_length=20)
    offset = models.IntegerField()
    unit = models.CharField(max_length=6, default="days")
    source = models.CharField(max_length=300, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["service", "code"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="one_rule_per_service"),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(service__isnull=True),
                name="one_national_rule",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.service or 'national default'})"


class CaseView(models.Model):
    """Every view of a case record, apart from the change history: who, which case, when, and
    from which page or export. Readable by the service's administrators."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="views")
    at = models.DateTimeField(auto_now_add=True)
    page = models.CharField(max_length=100)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"Case {self.case_id} seen by user {self.user_id} on {self.page}"


class TaskEscalation(models.Model):
    """One rung of the ladder an overdue partner task climbs: the owning agency, then the
    service's managers, then the management board's next pack. Cleared (dated, never deleted)
    when the task is done, cancelled or re-dated."""

    class Step(models.IntegerChoices):
        AGENCY = 1, "Reminder to the owning agency"
        MANAGER = 2, "Escalated to the service's managers"
        BOARD = 3, "Reported to the management board"

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="escalations")
    step = models.PositiveSmallIntegerField(choices=Step.choices)
    days = models.PositiveIntegerField(help_text="Days overdue when the rung was raised.")
    raised_on = models.DateField()
    notified = models.JSONField(default=list, blank=True)
    cleared_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["task", "raised_on", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "step"],
                condition=models.Q(cleared_on__isnull=True),
                name="one_open_rung_per_task_step",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} for task {self.task_id}"
