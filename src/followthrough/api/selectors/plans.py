"""Reads for what hangs off a plan: its published versions, progress updates, target revisions,
and the inspectorate's reviews of recommendations, each only where the user may read the plan or
recommendation it belongs to (the same `visible_to` as the pages)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

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
    return ProgressUpdate.objects.filter(action__in=Action.objects.visible_to(user).values("pk"))


def target_revisions_for(user: Any) -> QuerySet[TargetRevision]:
    return TargetRevision.objects.filter(action__in=Action.objects.visible_to(user).values("pk"))


def reviews_for(user: Any) -> QuerySet[Review]:
    return Review.objects.filter(
        recommendation__in=Recommendation.objects.visible_to(user).values("pk")
    )
