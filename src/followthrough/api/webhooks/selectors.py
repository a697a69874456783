"""Reads for webhooks: an organisation's endpoints and deliveries, whether an event's record is
one the endpoint may hear about, and the payload it is sent."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from followthrough.actionplans.models import Action, ActionPlan, Review
from followthrough.cases.models import Task
from followthrough.core.access import allowed
from followthrough.core.models import DomainEvent
from followthrough.inspections.models import Recommendation
from followthrough.organisations.models import Organisation

from .models import TYPE_OF_CODE, WebhookAttempt, WebhookDelivery, WebhookEndpoint

# What each kind of record is called in a payload, the API address of one, and which of its
# event's data is passed on (nothing else is: no names, no free text).
SUBJECTS: dict[type[Any], tuple[str, str]] = {
    Action: ("action", "api:action-detail"),
    ActionPlan: ("action_plan", "api:action-plan-detail"),
    Review: ("review", "api:review-detail"),
    Task: ("case_task", "api:task-detail"),
}
DATA_KEYS = {
    "action.completed": ("from", "to"),
    "action.target_moved": ("to", "slip_days"),
    "action_plan.published": ("from", "to"),
    "review.recorded": ("judgement", "evidence_grade"),
    "case_task.overdue": ("step", "days"),
}


def endpoints_of(organisation: Organisation) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(organisation=organisation).order_by("-is_active", "-id")


def endpoints_wanting(code: str) -> list[WebhookEndpoint]:
    """The active endpoints that asked for the event this domain event code stands for."""
    kind = TYPE_OF_CODE.get(code)
    if kind is None:
        return []
    return [
        e
        for e in WebhookEndpoint.objects.filter(is_active=True).select_related(
            "organisation", "created_by"
        )
        if kind in e.events
    ]


def deliveries_of(endpoint: WebhookEndpoint) -> QuerySet[WebhookDelivery]:
    return endpoint.deliveries.order_by("-created_at", "-id").prefetch_related(
        Prefetch("attempt_set", queryset=WebhookAttempt.objects.order_by("number"))
    )


def delivery_to_send(delivery_id: int) -> WebhookDelivery | None:
    return (
        WebhookDelivery.objects.select_related(
            "endpoint__organisation", "endpoint__created_by", "event"
        )
        .filter(pk=delivery_id)
        .first()
    )


def may_hear(endpoint: WebhookEndpoint, event: DomainEvent) -> bool:
    """Whether the endpoint may be told of the event: while the administrator who registered it
    still administers its organisation, and only of records they could read on the pages."""
    user = endpoint.created_by
    organisation = endpoint.organisation
    if not user.is_active or not allowed(user, "organisations.manage_members", organisation):
        return False
    model = event.content_type.model_class()
    pk = event.object_id
    if model is Action:
        return Action.objects.visible_to(user).filter(pk=pk).exists()
    if model is ActionPlan:
        return ActionPlan.objects.visible_to(user).filter(pk=pk).exists()
    if model is Review:
        recommendation_id = (
            Review.objects.filter(pk=pk).values_list("recommendation_id", flat=True).first()
        )
        return recommendation_id is not None and (
            Recommendation.objects.visible_to(user).filter(pk=recommendation_id).exists()
        )
    if model is Task:
        return Task.objects.visible_to(user).filter(pk=pk).exists()
    return False


def _api_url(name: str, pk: int) -> str | None:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:  # no API endpoint for this kind of record yet
        return None


def payload_for(endpoint: WebhookEndpoint, event: DomainEvent) -> dict[str, Any]:
    """What is sent: the event's type, time and record, and a few of its facts; of a child's
    case, only its reference, and only to the service that owns the case."""
    kind = TYPE_OF_CODE[event.code]
    model = event.content_type.model_class()
    subject_kind, url_name = SUBJECTS.get(model, ("record", "")) if model else ("record", "")
    data = {k: event.data[k] for k in DATA_KEYS.get(kind, ()) if k in event.data}
    if model is Task:
        task = Task.objects.select_related("case").filter(pk=event.object_id).first()
        if task is not None and task.case.service_id == endpoint.organisation_id:
            data["case_reference"] = task.case.reference
    return {
        "id": f"evt_{event.pk}",
        "type": kind,
        "occurred_at": event.at.isoformat(),
        "subject": {
            "kind": subject_kind,
            "id": event.object_id,
            "url": _api_url(url_name, event.object_id) if url_name else None,
        },
        "data": data,
    }
