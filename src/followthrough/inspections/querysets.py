from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    # Named in the base classes below as strings, which ruff does not read: models imports this.
    from .models import Recommendation, Report  # noqa: F401


class ReportQuerySet(models.QuerySet["Report"]):
    def visible_to(self, user: object) -> ReportQuerySet:
        # Reports and published plans are public documents: any signed-in user may read them.
        return self if getattr(user, "is_authenticated", False) else self.none()

    def with_recommendation_count(self) -> ReportQuerySet:
        return self.annotate(recommendation_count=models.Count("recommendations", distinct=True))


class RecommendationQuerySet(models.QuerySet["Recommendation"]):
    def visible_to(self, user: object) -> RecommendationQuerySet:
        return self if getattr(user, "is_authenticated", False) else self.none()
