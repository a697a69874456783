from __future__ import annotations

from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import Provenanced, TimeStamped
from followthrough.organisations.models import Organisation

from .garbled import reads_garbled
from .querysets import RecommendationQuerySet, ReportQuerySet


class Report(Provenanced, TimeStamped):
    """A published inspection report, guide or tool whose recommendations are tracked."""

    class Kind(models.TextChoices):
        THEMATIC = "thematic", "Thematic inspection"
        JOINT_THEMATIC = "joint_thematic", "Joint thematic inspection"
        CORE = "core", "Core inspection"
        PRACTICE_GUIDE = "practice_guide", "Effective practice guide"
        BENCHMARKING_TOOL = "benchmarking_tool", "Benchmarking tool"

    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.THEMATIC)
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, default="day", help_text="day, month or year: how much of the date is known"
    )
    inspectorates = models.ManyToManyField(Organisation, blank=True, related_name="reports")
    # Effective practice guides: their standards and reflection questions, as extracted.
    guide = models.JSONField(default=dict, blank=True)
    created_from_action_plan = models.BooleanField(
        default=False,
        help_text="Known only through an action plan; the report itself not ingested.",
    )
    history = audited_history(m2m_fields=[inspectorates])

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def published_display(self) -> str:
        if not self.published:
            return "Not known"
        if self.published_precision == "year":
            return f"{self.published:%Y}"
        if self.published_precision == "month":
            return f"{self.published:%B %Y}"
        return f"{self.published.day} {self.published:%B %Y}"


class Recommendation(Provenanced, TimeStamped):
    class Section(models.TextChoices):
        MAIN = "main", "Recommendations"
        ADDITIONAL = "additional", "Additional recommendations"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="recommendations")
    section = models.CharField(max_length=20, choices=Section.choices, default=Section.MAIN)
    label = models.CharField(max_length=20)
    label_inferred = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)
    addressee_text = models.CharField(max_length=500, blank=True)
    addressees = models.ManyToManyField(Organisation, blank=True, related_name="recommendations")
    text = models.TextField()
    items = models.JSONField(default=list, blank=True)
    paragraph_refs = models.JSONField(default=list, blank=True)
    themes = models.JSONField(default=list, blank=True)
    # Benchmarking tools: what a service asks itself, and where the answer is found.
    lines_of_enquiry = models.JSONField(default=list, blank=True)
    evidence_prompts = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    # A person's correction of text read wrongly from the document; what was read is kept.
    text_corrected = models.BooleanField(default=False)
    text_as_read = models.TextField(
        blank=True, help_text="The text as read from the document, kept when a person corrects it"
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Goes up with every saved edit; a form for an older one is refused."
    )
    history = audited_history(m2m_fields=[addressees])

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section", "label"], name="one_label_per_report_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_label}: {self.text[:60]}"

    @property
    def display_label(self) -> str:
        prefix = "Additional " if self.section == self.Section.ADDITIONAL else ""
        return f"{prefix}recommendation {self.label}".capitalize()

    @property
    def summary(self) -> str:
        """The recommendation in a line for lists: its text, or when the text is only a lead-in
        ("ensure that:", or nothing once the addressee is split off), that with its first point."""
        text = self.text.strip()
        points = [str(i.get("text", "")) if isinstance(i, dict) else str(i) for i in self.items]
        first = next((point for point in points if point), "")
        if first and len(text.split()) < 4:
            return f"{text} {first}".strip()
        return text or first

    @property
    def reads_garbled(self) -> bool:
        """Whether the text, as read from the document, looks scrambled; never once a person
        has corrected it."""
        if self.text_corrected:
            return False
        parts = [self.text] + [
            str(item.get("text", "")) if isinstance(item, dict) else str(item)
            for item in self.items or []
        ]
        return reads_garbled("\n".join(parts))

    @property
    def short_label(self) -> str:
        """The label alone, told apart from an additional recommendation with the same number."""
        return f"Additional {self.label}" if self.section == self.Section.ADDITIONAL else self.label


class Finding(Provenanced, TimeStamped):
    """One statement of a report's findings tables: the national benchmark a service's own case
    audit is compared with. Values are percentages as printed; None where unreadable."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="findings")
    order = models.PositiveIntegerField(default=0)
    section = models.CharField(max_length=200, blank=True)
    lead_in = models.TextField(blank=True)
    statement = models.TextField()
    values = models.JSONField(default=dict)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.statement[:80]


class PracticeExample(Provenanced, TimeStamped):
    """A practice example from a report or an effective practice guide, with themes so a
    recommendation's page can point to practice on the same subject."""

    class Kind(models.TextChoices):
        GOOD = "good", "Good practice"
        POOR = "poor", "Poor practice"
        PROMISING = "promising", "Promising practice"
        CASE_ILLUSTRATION = "case_illustration", "Case illustration"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="practice_examples")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    service = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    themes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.title
