"""Reads for what hangs off a plan: its published versions, progress updates, target revisions,
and the inspectorate's reviews of recommendations, each only where the user may read the plan or
recommendation it belongs to (the same `visible_to` as the pages)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    PlanVersion,
    ProgressUpdate,
    Review,
    TargetRevision,
)
from followthrough.inspections.models import Recommendation


def plan_versions_for(user: Any) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(
        action_plan__in=ActionPlan.objects.visible_to(user).values("pk")
    )


def progress_updates_for(user: Any) -> QuerySet[ProgressUpdate]:
    """Asked of each update in turn (EXISTS), not as a list of every visible action (IN): a page
    then walks the updates in their id order and stops at the page's end. With IN, SQLite read
    every visible update through the action index and sorted them all for each page."""
    visible = Action.objects.visible_to(user).filter(pk=OuterRef("action_id"))
    return ProgressUpdate.objects.filter(Exists(visible))


def target_revisions_for(user: Any) -> QuerySet[TargetRevision]:
    """EXISTS per row, as progress updates are read, so a page stops at its end."""
    visible = Action.objects.visible_to(user).filter(pk=OuterRef("action_id"))
    return TargetRevision.objects.filter(Exists(visible))


def reviews_for(user: Any) -> QuerySet[Review]:
    visible = Recommendation.objects.visible_to(user).filter(pk=OuterRef("recommendation_id"))
    return Review.objects.filter(Exists(visible))
