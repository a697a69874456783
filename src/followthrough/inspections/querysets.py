from __future__ import annotations

from django.db import models


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user: object) -> ReportQuerySet:
        # Reports and published plans are public documents: any signed-in user may read them.
        return self if getattr(user, "is_authenticated", False) else self.none()

    def with_recommendation_count(self) -> ReportQuerySet:
        return self.annotate(recommendation_count=models.Count("recommendations", distinct=True))


class RecommendationQuerySet(models.QuerySet):
    def visible_to(self, user: object) -> RecommendationQuerySet:
        return self if getattr(user, "is_authenticated", False) else self.none()
