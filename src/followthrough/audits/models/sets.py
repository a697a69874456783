"""Criteria sets: what an audit asks of each case, versioned so that a finished audit always
reads against the criteria it was marked on; and the rating rules, versioned data."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped
from followthrough.inspections.models import Finding, Recommendation, Report
from followthrough.organisations.models import Organisation

NOT_APPLICABLE = "na"
# The answers of a yes / no criterion, as stored and as shown.
ANSWER_LABELS = {"yes": "Yes", "no": "No", NOT_APPLICABLE: "Not applicable"}


class CriteriaSet(TimeStamped):
    """One version of a set of criteria. A published version is frozen: changing it makes the
    next version, a draft, so audits already marked keep the wording they were marked on."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    family = models.SlugField(max_length=60, help_text="Shared by every version of the set.")
    version = models.PositiveIntegerField(default=1)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="criteria_sets")
    report = models.ForeignKey(
        Report,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="criteria_sets",
        help_text="The inspection whose findings tables give the national figures.",
    )
    national_note = models.TextField(
        blank=True, help_text="Where the national figures come from and how many cases they had."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    row_version = models.PositiveIntegerField(default=1)
    history = audited_history()

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="one_set_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version})"


class Section(models.Model):
    """A heading of a set; each section is a key question when the set is rated."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="sections")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    rated = models.BooleanField(
        default=True, help_text="Rated as a key question (outcomes sections usually are not)."
    )
    history = audited_history()

    class Meta:
        ordering = ["criteria_set", "order"]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    class Phase(models.TextChoices):
        CUSTODY = "custody", "Custody"
        RELEASE = "release", "Release"
        COMMUNITY = "community", "Community"

    class AnswerType(models.TextChoices):
        YES_NO = "yes_no", "Yes, no or not applicable"
        CATEGORIES = "categories", "One of a list of categories"

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="criteria")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="criteria")
    order = models.PositiveIntegerField(default=0)
    code = models.CharField(max_length=20)
    lead_in = models.CharField(max_length=500, blank=True)
    statement = models.CharField(max_length=500)
    guidance = models.TextField(blank=True)
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.CUSTODY)
    where_appropriate = models.BooleanField(default=False)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    parent_answer = models.CharField(max_length=40, blank=True)
    answer_type = models.CharField(
        max_length=10, choices=AnswerType.choices, default=AnswerType.YES_NO
    )
    # [[code, label], …] for a categorical criterion.
    categories = models.JSONField(default=list, blank=True)
    inspectorate = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_key = models.BooleanField(
        default=False, help_text="The section's overall judgement, rated as its key question."
    )
    # What casework already holds for this criterion (audits/casefacts.py), offered as the answer.
    case_fact = models.CharField(max_length=40, blank=True)
    national_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    national_values = models.JSONField(default=dict, blank=True)
    national_n = models.PositiveIntegerField(null=True, blank=True)
    # Where the national figures were read from; a re-import of the report reads its findings
    # afresh, and the criterion keeps the figures it copied.
    finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="criteria"
    )
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="criteria")
    history = audited_history(m2m_fields=[recommendations])

    class Meta:
        ordering = ["criteria_set", "order"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="one_code_per_set")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    @property
    def text(self) -> str:
        """The statement as the inspectorate reads it: the lead-in, then the statement."""
        return f"{self.lead_in} {self.statement}".strip() if self.lead_in else self.statement

    @property
    def choices(self) -> list[tuple[str, str]]:
        if self.answer_type == self.AnswerType.CATEGORIES:
            return [(code, label) for code, label in self.categories]
        return list(ANSWER_LABELS.items())


class RatingRules(models.Model):
    """How case percentages become ratings: bands and the standard's rule. One row per version;
    the newest is in force, and a finished audit keeps the version it was rated by."""

    version = models.PositiveIntegerField(unique=True)
    # [{"rating": "outstanding", "min": 80}, …], highest band first.
    bands = models.JSONField()
    standard_rule = models.CharField(max_length=20, default="lowest")
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = audited_history()

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Rating rules version {self.version}"
