from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import SourceDocument, TimeStamped


class ImportReview(TimeStamped):
    """A document read but not yet stored: what the extractor understood, for a person to check
    and correct before it is committed. Discarded reviews are kept, marked, never deleted."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        COMMITTED = "committed", "Committed"
        DISCARDED = "discarded", "Discarded"

    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    format = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    kind = models.CharField(max_length=40)
    text = models.TextField(help_text="The document as the extractors read it.")
    extraction = models.JSONField(help_text="What was extracted, as the extract command prints.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    corrections = models.JSONField(default=list, blank=True)
    source = models.ForeignKey(
        SourceDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reading = models.JSONField(
        default=dict,
        blank=True,
        help_text="How the reviewer asked for the document to be read: its kind, which column "
        "is which, and the records split, merged or given an addressee, in order.",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Review of {self.file_name}"


class ImportUpload(TimeStamped):
    """A document too large to read while its sender waits: kept until the worker has read it
    into a review, or has said why it cannot be read. Never deleted: the file is what was sent."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to be read"
        READING = "reading", "Being read"
        READ = "read", "Read"
        REFUSED = "refused", "Could not be read"

    # Not a sequence: an upload's address says nothing about anyone else's.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    # In the database, not on a web server's disk: the worker may run on another machine.
    content = models.BinaryField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    stage = models.CharField(max_length=100, blank=True, help_text="What the worker is doing.")
    error = models.TextField(blank=True)
    review = models.ForeignKey(
        ImportReview, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Upload of {self.file_name}"


KIND_NAMES = {
    "action_plan": "Action plan or response table",
    "inspection_report": "Report or list of recommendations",
    "benchmarking_tool": "Benchmarking tool",
    "practice_guide": "Effective practice guide",
}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())


class ColumnMapping(TimeStamped):
    """Which column of a response table is which, set by a reviewer and used again for the next
    document whose table has the same header."""

    class Role(models.TextChoices):
        LABEL = "label", "Number or reference"
        RECOMMENDATION = "recommendation", "Recommendation"
        ADDRESSEE = "addressee", "Who it is addressed to"
        DECISION = "decision", "Decision (agreed or not)"
        RESPONSE = "response", "Response"
        OWNER = "owner", "Owner"
        TARGET = "target", "Target date"
        PROGRESS = "progress", "Progress, status or other notes"
        IGNORE = "ignore", "Nothing to keep"

    signature = models.CharField(max_length=64, unique=True, help_text="The normalised header.")
    header = models.JSONField(help_text="The column headings as first printed.")
    column_map = models.JSONField(help_text="Column number (from 0) to what the column holds.")
    review = models.ForeignKey(
        ImportReview, on_delete=models.PROTECT, related_name="+", help_text="Where it was set."
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = audited_history()

    def __str__(self) -> str:
        return f"Column mapping from {self.review.file_name}"
