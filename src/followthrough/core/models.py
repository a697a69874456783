"""The shared kernel: source documents with provenance, and the timeline of domain events."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .history import audited_history


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Set by a service just before it saves, for simple_history to record as the change's author
    # and reason. Declared for the type checker only: no column, no default.
    _history_user: Any
    _change_reason: str

    class Meta:
        abstract = True


class SourceDocument(TimeStamped):
    """A file as it was imported; records made from it keep offsets into its text."""

    class Format(models.TextChoices):
        TEXT = "text", "Text or Markdown"
        HTML = "html", "HTML"
        DOCX = "docx", "Word document"
        PDF = "pdf", "PDF"

    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.TEXT)
    kind = models.CharField(max_length=40)
    text = models.TextField(help_text="The document's text; provenance offsets point into it.")
    size = models.PositiveIntegerField()
    extractor_version = models.CharField(max_length=20)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    warnings = models.JSONField(default=list, blank=True)
    history = audited_history(excluded_fields=["text"])

    class Meta:
        ordering = ["file_name"]

    def __str__(self) -> str:
        return self.file_name


class Provenanced(models.Model):
    """A record made from a document: where in its text the record came from."""

    source = models.ForeignKey(
        SourceDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def has_source(self) -> bool:
        return self.source_id is not None and self.source_start is not None


class DomainEvent(models.Model):
    """A meaningful transition (`actionplans.action.completed`) on an object's timeline."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    code = models.CharField(max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.code} at {self.at:%Y-%m-%d %H:%M}"


class FormSubmission(models.Model):
    """A one-time form token that has been sent: the same token again creates nothing and goes
    where the first post went (`core/once.py`). The unique pair makes a second, simultaneous
    post wait for the first and then find it."""

    token = models.CharField(max_length=32)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    then = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="one_submission_per_token")
        ]

    def __str__(self) -> str:
        return f"Form {self.token} sent by user {self.user_id}"
