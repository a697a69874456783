"""Personal API tokens: only a hash of the secret is stored; a token is revoked, never deleted."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from followthrough.core.history import audited_history
from followthrough.core.models import TimeStamped


class ApiToken(TimeStamped):
    class Scope(models.TextChoices):
        READ = "read", "Read only"
        READ_WRITE = "read_write", "Read and write"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.READ)
    # The visible start of the token, for finding it; the rest is stored only as a hash.
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    expires_on = models.DateField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = audited_history(excluded_fields=["last_used_at"])

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    def usable_on(self, today: date) -> bool:
        return self.revoked_at is None and today <= self.expires_on

    @property
    def writes_allowed(self) -> bool:
        return self.scope == self.Scope.READ_WRITE


class IdempotencyKey(models.Model):
    """A creating request sent with an `Idempotency-Key`: the same key from the same person with
    the same body answers the first response again instead of creating twice. The unique pair
    makes a second, simultaneous request wait for the first and then find it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_request_per_idempotency_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.status or 'pending'})"


# Webhooks live in their own package; imported here so Django finds their tables.
from .webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint  # noqa: E402

__all__ = ["ApiToken", "IdempotencyKey", "WebhookAttempt", "WebhookDelivery", "WebhookEndpoint"]
