"""Recording domain events: explicit calls from services, never hidden in signals."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import DomainEvent

# How a change came in when not through the pages ("api"); the outermost layer sets it, so the
# services stay the same whoever calls them, and every event they record says so.
VIA: ContextVar[str] = ContextVar("via", default="")


@contextmanager
def changes_made_via(channel: str) -> Iterator[None]:
    """Mark every event recorded (and history row written) inside the block as made via
    `channel`."""
    token = VIA.set(channel)
    try:
        yield
    finally:
        VIA.reset(token)


def record_event(
    obj: models.Model, code: str, *, actor: Any = None, data: dict[str, Any] | None = None
) -> DomainEvent:
    data = dict(data or {})
    if VIA.get():
        data["via"] = VIA.get()
    return DomainEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        code=code,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        data=data,
    )
