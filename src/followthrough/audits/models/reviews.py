"""The service's review of itself against the inspectorate's resettlement standard: policy,
provision and evaluation answered and rated with evidence, the case-based part from an audit, the
practice guide's reflection questions answered year on year, and each gap an improvement action
tracked like every other action."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from followthrough.actionplans.models import ProgressRecord, Tracked
from followthrough.actionplans.querysets import TrackedQuerySet
from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import AssessedRecommendation, Rating

from ..querysets import StandardReviewQuerySet
from .audits import Audit
from .sets import Criterion

# The standard's three key questions that are not read from cases.
KEY_QUESTIONS = {
    "policy": "Policy: is there a resettlement policy that sets out a high-quality service?",
    "provision": "Provision: do the services and partnerships exist to deliver it?",
    "evaluation": "Evaluation: does the service know how well the policy and provision work?",
}


class StandardReview(TimeStamped):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SIGNED_OFF = "signed_off", "Signed off"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="standard_reviews"
    )
    year = models.PositiveIntegerField()
    audit = models.ForeignKey(
        Audit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        help_text="The case audit the standard's case-based part is read from.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    shared_with_inspectorate = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    objects = StandardReviewQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_review_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} resettlement standard review {self.year}"


class KeyQuestionAnswer(TimeStamped):
    review = models.ForeignKey(StandardReview, on_delete=models.PROTECT, related_name="answers")
    code = models.CharField(max_length=12, choices=list(KEY_QUESTIONS.items()))
    evidence = models.TextField(blank=True)
    rating = models.CharField(max_length=30, choices=Rating.choices, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["review", "code"]
        constraints = [
            models.UniqueConstraint(fields=["review", "code"], name="one_answer_per_key_question")
        ]


class ReflectionAnswer(TimeStamped):
    """An answer to one of a practice guide's reflection questions, by its position in the
    guide; a question that asks for a score out of 10 keeps it, to compare year on year."""

    review = models.ForeignKey(StandardReview, on_delete=models.PROTECT, related_name="reflections")
    index = models.PositiveIntegerField()
    question = models.TextField()
    answer = models.TextField(blank=True)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    answered_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["review", "index"]
        constraints = [
            models.UniqueConstraint(fields=["review", "index"], name="one_reflection_answer")
        ]


class ReviewImprovement(TimeStamped, Tracked):
    """A gap the review found, tracked exactly like an action-plan action."""

    review = models.ForeignKey(
        StandardReview, on_delete=models.PROTECT, related_name="improvements"
    )
    key_question = models.CharField(max_length=12, blank=True)
    history = audited_history()

    objects = TrackedQuerySet.as_manager()

    EVENT_PREFIX = "audits.improvement"

    class Meta:
        ordering = ["review", "order", "id"]


class ReviewImprovementUpdate(ProgressRecord):
    action = models.ForeignKey(ReviewImprovement, on_delete=models.PROTECT, related_name="updates")
    history = audited_history()

    class Meta(ProgressRecord.Meta):
        pass


class EvidenceCitation(TimeStamped):
    """ "How do we know", answered from the service's own figures: a self-assessment item cites an
    audit finding or a casework measure, read live wherever it is shown. Withdrawn, never
    deleted."""

    class Kind(models.TextChoices):
        FINDING = "finding", "Case audit finding"
        MEASURE = "measure", "Casework measure"

    item = models.ForeignKey(
        AssessedRecommendation, on_delete=models.PROTECT, related_name="citations"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    audit = models.ForeignKey(Audit, null=True, blank=True, on_delete=models.PROTECT)
    criterion = models.ForeignKey(Criterion, null=True, blank=True, on_delete=models.PROTECT)
    measure = models.CharField(max_length=40, blank=True)
    note = models.TextField(blank=True)
    cited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    history = audited_history()

    class Meta:
        ordering = ["item", "id"]
