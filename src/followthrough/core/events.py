"""Recording domain events: explicit calls from services, never hidden in signals."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import DomainEvent


def record_event(
    obj: models.Model, code: str, *, actor: Any = None, data: dict[str, Any] | None = None
) -> DomainEvent:
    return DomainEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        code=code,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        data=data or {},
    )
