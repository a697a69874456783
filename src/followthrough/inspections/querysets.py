from __future__ import annotations

from django.db import models
from django.db.models import Q


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user: object) -> ReportQuerySet:
        # Reports and published plans are public documents: any signed-in user may read them.
        return self if getattr(user, "is_authenticated", False) else self.none()

    def with_recommendation_count(self) -> ReportQuerySet:
        return self.annotate(recommendation_count=models.Count("recommendations", distinct=True))


class RecommendationQuerySet(models.QuerySet):
    def visible_to(self, user: object) -> RecommendationQuerySet:
        return self if getattr(user, "is_authenticated", False) else self.none()

    def matching(self, query: str) -> RecommendationQuerySet:
        """Recommendations whose text, items or actions mention every word of query."""
        result = self
        for word in query.split()[:10]:
            result = result.filter(
                Q(text__icontains=word)
                | Q(addressee_text__icontains=word)
                | Q(responses__actions__description__icontains=word)
                | Q(responses__actions__owner_text__icontains=word)
                | Q(responses__narrative__icontains=word)
            )
        return result.distinct()
