"""Downloads prepared in the background: a long export is built by a task and kept, keyed by the
data it was built from, so asking again for unchanged data returns the file at once."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from followthrough.core.models import TimeStamped


class Download(TimeStamped):
    """One file a user asked for, as built from the data at one version. Only that user may
    fetch it: what it holds is what they could see when they asked."""

    class Kind(models.TextChoices):
        PROGRESS_REPORT = "progress_report", "Progress report"
        OPEN_RECOMMENDATIONS = "open_recommendations", "Open recommendations"
        AUDIT_LOG = "audit_log", "Audit log"

    class Status(models.TextChoices):
        PREPARING = "preparing", "Preparing"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be prepared"

    # Not a sequence: a download's address says nothing about anyone else's.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    fmt = models.CharField(max_length=10)
    params = models.JSONField(default=dict, blank=True)
    # A hash of the kind, format, parameters, day and the data's latest change.
    cache_key = models.CharField(max_length=64)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREPARING)
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    # In the database, not on a web server's disk: any web process can hand it over.
    content = models.BinaryField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [models.Index(fields=["requested_by", "cache_key"], name="download_cache_idx")]

    def __str__(self) -> str:
        return self.file_name
