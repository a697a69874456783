"""A youth justice service's self-assessment against the inspectorate's recommendations: for
each one, its lines of enquiry answered, the evidence held, and a rating on the four-point scale.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from followthrough.actionplans.models import ProgressRecord, Tracked
from followthrough.actionplans.querysets import TrackedQuerySet
from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.inspections.models import Recommendation
from followthrough.organisations.models import Organisation

from .querysets import SelfAssessmentQuerySet


class SelfAssessment(TimeStamped):
    """One service's assessment for one year; signed off by a manager, then read-only."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SIGNED_OFF = "signed_off", "Signed off"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="self_assessments"
    )
    year = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_on = models.DateField(null=True, blank=True)
    shared_with_inspectorate = models.BooleanField(
        default=False, help_text="The service lets the inspectorate read this assessment."
    )
    history = audited_history()

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="one_self_assessment_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} self-assessment {self.year}"


class Rating(models.TextChoices):
    """The inspectorate's four-point scale."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class AssessedRecommendation(TimeStamped):
    """One recommendation in an assessment's scope, with the service's rating of itself."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.PROTECT, related_name="items")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="self_assessments"
    )
    order = models.PositiveIntegerField(default=0)
    rating = models.CharField(max_length=30, choices=Rating.choices, blank=True)
    rationale = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["assessment", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "recommendation"], name="one_item_per_recommendation"
            )
        ]


class EnquiryAnswer(TimeStamped):
    """The answer to one line of enquiry of a recommendation (by its position in the list)."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"
        NOT_APPLICABLE = "not_applicable", "Not applicable"

    item = models.ForeignKey(
        AssessedRecommendation, on_delete=models.PROTECT, related_name="answers"
    )
    index = models.PositiveIntegerField()
    answer = models.CharField(max_length=20, choices=Answer.choices, blank=True)
    comment = models.TextField(blank=True)
    history = audited_history()

    class Meta:
        ordering = ["item", "index"]
        constraints = [
            models.UniqueConstraint(fields=["item", "index"], name="one_answer_per_enquiry")
        ]


class EvidenceHeld(TimeStamped):
    """Whether the service holds one "how do we know" evidence source, and where it is."""

    item = models.ForeignKey(
        AssessedRecommendation, on_delete=models.PROTECT, related_name="evidence"
    )
    index = models.PositiveIntegerField()
    held = models.BooleanField(default=False)
    link = models.CharField(max_length=500, blank=True)
    note = models.TextField(blank=True)
    # A file of evidence, kept outside the web root (core.uploads) and never deleted.
    evidence_file = models.CharField(max_length=100, blank=True)
    evidence_file_kind = models.CharField(max_length=10, blank=True)
    evidence_file_name = models.CharField(max_length=255, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["item", "index"]
        constraints = [
            models.UniqueConstraint(fields=["item", "index"], name="one_entry_per_evidence")
        ]


class ImprovementAction(TimeStamped, Tracked):
    """What the service will do about a gap it found: owned, targeted and tracked exactly like an
    action-plan action (same target reading, overdue state, SMART advice, progress, reminders)."""

    item = models.ForeignKey(
        AssessedRecommendation, on_delete=models.PROTECT, related_name="improvements"
    )
    history = audited_history()

    objects = TrackedQuerySet.as_manager()

    EVENT_PREFIX = "selfassessment.improvement"

    class Meta:
        ordering = ["item", "order", "id"]

    def __str__(self) -> str:
        return f"{self.owner_text or 'No owner'} – {self.target_text or 'no target'}"


class ImprovementUpdate(ProgressRecord):
    """A dated report of progress on an improvement action."""

    action = models.ForeignKey(ImprovementAction, on_delete=models.PROTECT, related_name="updates")
    history = audited_history()

    class Meta(ProgressRecord.Meta):
        pass
