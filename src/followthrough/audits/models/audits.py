"""An audit: a service reads a sample of its own cases against a criteria set, some of them twice
without seeing the other marker's answers, and a moderator settles where the two differ."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from followthrough.cases.models import Case
from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.organisations.models import Organisation

from ..querysets import AuditQuerySet
from .sets import CriteriaSet, Criterion, RatingRules


class Audit(TimeStamped):
    class Status(models.TextChoices):
        SETTING_UP = "setting_up", "Setting up"
        MARKING = "marking", "Marking"
        MODERATION = "moderation", "Moderation"
        FINISHED = "finished", "Finished"

    class Population(models.TextChoices):
        RELEASED = "released", "Children released in the period"
        SENTENCED = "sentenced", "Children sentenced in the period"
        IN_CUSTODY = "in_custody", "Children in custody at any time in the period"

    class Sampling(models.TextChoices):
        ALL = "all", "Every case"
        SHARE = "share", "A share of the cases, drawn at random"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="audits")
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="audits")
    title = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    population = models.CharField(
        max_length=12, choices=Population.choices, default=Population.RELEASED
    )
    sampling = models.CharField(max_length=6, choices=Sampling.choices, default=Sampling.ALL)
    sample_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    sample_minimum = models.PositiveSmallIntegerField(null=True, blank=True)
    stratify_by_sex = models.BooleanField(default=False)
    seed = models.BigIntegerField(null=True, blank=True, help_text="Recorded so a draw repeats.")
    population_size = models.PositiveIntegerField(null=True, blank=True)
    double_mark_percent = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SETTING_UP)
    sampled_on = models.DateField(null=True, blank=True)
    finished_on = models.DateField(null=True, blank=True)
    rating_rules = models.ForeignKey(
        RatingRules, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    shared_with_inspectorate = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-period_end", "-id"]

    def __str__(self) -> str:
        return self.title


class AuditCase(TimeStamped):
    """One sampled case: who marks it first, and who marks it blind a second time."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="cases")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="audits")
    order = models.PositiveIntegerField(default=0)
    stratum = models.CharField(max_length=20, blank=True)
    first_marker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    second_marker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    double_marked = models.BooleanField(default=False)
    first_done_on = models.DateField(null=True, blank=True)
    second_done_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Goes up when markers change.")
    # Each marker's answers carry their own version, so the two can mark at the same time.
    first_version = models.PositiveIntegerField(default=1)
    second_version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["audit", "order"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "case"], name="one_row_per_audited_case")
        ]

    def __str__(self) -> str:
        return f"{self.audit} – {self.case}"


class Answer(TimeStamped):
    """One marker's answer to one criterion for one case. Where casework held the fact, what it
    offered is kept beside the answer, with the reason when the auditor answered otherwise."""

    FIRST, SECOND = 1, 2

    audit_case = models.ForeignKey(AuditCase, on_delete=models.PROTECT, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="answers")
    marker = models.PositiveSmallIntegerField(choices=[(1, "First marker"), (2, "Second marker")])
    value = models.CharField(max_length=40, blank=True)
    note = models.TextField(blank=True)
    offered_value = models.CharField(max_length=40, blank=True)
    offered_from = models.CharField(max_length=200, blank=True)
    override_reason = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["audit_case", "criterion__order", "marker"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit_case", "criterion", "marker"], name="one_answer_per_marker"
            )
        ]


class Moderation(TimeStamped):
    """The settled answer where two markers differed, with the moderator's reason."""

    audit_case = models.ForeignKey(AuditCase, on_delete=models.PROTECT, related_name="moderations")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=40)
    reason = models.TextField()
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["audit_case", "criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit_case", "criterion"], name="one_moderation_per_answer"
            )
        ]
