"""Webhook endpoints, the deliveries made to them and each attempt's answer. An endpoint is
disabled, never deleted, so its deliveries stay listed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_save

from followthrough.core.history import audited_history
from followthrough.core.models import DomainEvent, TimeStamped
from followthrough.organisations.models import Organisation

# The events an endpoint may ask for, and the domain event codes each one stands for.
EVENT_CODES: dict[str, tuple[str, ...]] = {
    "action.completed": ("actionplans.action.completed",),
    "action.target_moved": ("actionplans.action.target_approved",),
    "action_plan.published": ("actionplans.action_plan.published",),
    "review.recorded": ("actionplans.review.recorded",),
    "case_task.overdue": ("cases.task.escalated",),
}
TYPE_OF_CODE = {code: kind for kind, codes in EVENT_CODES.items() for code in codes}

# Minutes to wait after each failed attempt; after the last, the delivery has failed.
RETRY_MINUTES = (1, 5, 30, 120, 720)
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1


class WebhookEndpoint(TimeStamped):
    class Event(models.TextChoices):
        ACTION_COMPLETED = "action.completed", "Action completed"
        TARGET_MOVED = "action.target_moved", "Target date moved"
        PLAN_PUBLISHED = "action_plan.published", "Action plan published"
        REVIEW_RECORDED = "review.recorded", "Review recorded"
        CASE_TASK_OVERDUE = "case_task.overdue", "Task on a case overdue"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="webhook_endpoints"
    )
    url = models.URLField(max_length=500)
    events = models.JSONField(default=list)
    # Kept as it was given, not hashed: signing each delivery needs the secret itself.
    secret = models.CharField(max_length=100)
    is_active = models.BooleanField(default=True)
    # Events are delivered only while this person could read their records (see docs/api.md).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    disabled_at = models.DateTimeField(null=True, blank=True)
    history = audited_history(excluded_fields=["secret"])

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url

    def event_labels(self) -> list[str]:
        labels = dict(self.Event.choices)
        return [labels.get(e, e) for e in self.events]


class WebhookDelivery(TimeStamped):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        RETRYING = "retrying", "Retrying"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Not sent"

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.PROTECT, related_name="deliveries"
    )
    # None for a test event sent from the endpoint's page.
    event = models.ForeignKey(
        DomainEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    event_type = models.CharField(max_length=50)
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event"], name="one_delivery_per_endpoint_and_event"
            )
        ]


class WebhookAttempt(models.Model):
    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_set"
    )
    number = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.CharField(max_length=1024, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"Attempt {self.number} of delivery {self.delivery_id}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _queue_deliveries(sender: Any, instance: DomainEvent, created: bool, **kwargs: Any) -> None:
    """Once the change that recorded the event is committed, queue its deliveries (nothing for
    events no endpoint can ask for). Events written in bulk are queued by their writer."""
    if not created or instance.code not in TYPE_OF_CODE:
        return

    def queue() -> None:
        from .services import webhook_deliveries_queue

        with transaction.atomic():
            webhook_deliveries_queue(event_ids=[instance.pk])

    transaction.on_commit(queue)


# Connected here, with the tables it reads, so that it is connected wherever the models are.
post_save.connect(_queue_deliveries, sender=DomainEvent, dispatch_uid="followthrough-webhooks")
