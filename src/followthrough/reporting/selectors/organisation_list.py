"""The list of organisations: each one's recommendations and actions, counted once per change
of the data the overview counts (core/freshness.py), then read from the cache."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q

from followthrough.actionplans.models import Action
from followthrough.core.freshness import remembered
from followthrough.organisations.models import Organisation

from .overview import COUNTED, _scope


def organisation_rows(*, today: date, user: Any) -> list[dict[str, Any]]:
    """Every organisation that is addressed, responds or owns actions: the actions it owns and
    how they stand, beside the actions in its responses (which the overview counts), whoever
    owns them."""
    compute = lambda: _organisation_rows(today=today, user=user)  # noqa: E731
    return remembered(
        "organisation-rows", tracked=COUNTED, scope=_scope(today, user), compute=compute
    )


def _organisation_rows(*, today: date, user: Any) -> list[dict[str, Any]]:
    in_responses = {
        r["response__responding_organisation_id"]: r["n"]
        for r in Action.objects.visible_to(user)
        .values("response__responding_organisation_id")
        .annotate(n=Count("id"))
    }
    owned = {
        r["owner_organisation_id"]: r
        for r in Action.objects.visible_to(user)
        .with_state(today=today)
        .values("owner_organisation_id")
        .annotate(
            total=Count("id"),
            completed=Count("id", filter=Q(state="completed")),
            overdue=Count("id", filter=Q(state="overdue")),
        )
    }
    addressed = {
        r["id"]: r["n"]
        for r in Organisation.objects.values("id").annotate(n=Count("recommendations"))
    }
    rows = []
    for organisation in Organisation.objects.order_by("name"):
        counts = owned.get(organisation.pk, {})
        responding = in_responses.get(organisation.pk, 0)
        if not counts and not addressed.get(organisation.pk) and not responding:
            continue
        rows.append(
            {
                "organisation": organisation,
                "recommendations": addressed.get(organisation.pk, 0),
                "in_responses": responding,
                "actions": counts.get("total", 0),
                "completed": counts.get("completed", 0),
                "overdue": counts.get("overdue", 0),
            }
        )
    return rows
