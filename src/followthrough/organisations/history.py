"""Stamping each history row with the organisations its author acted for."""

from __future__ import annotations

from typing import Any

from .models import Membership


def stamp_organisations(sender: Any, history_instance: Any = None, **kwargs: Any) -> None:
    user_id = getattr(history_instance, "history_user_id", None)
    if (
        history_instance is None
        or not user_id
        or not hasattr(history_instance, "history_organisations")
    ):
        return
    names = Membership.objects.filter(user_id=user_id, is_active=True).values_list(
        "organisation__short_name", flat=True
    )
    history_instance.history_organisations = ", ".join(sorted(names))[:300]
