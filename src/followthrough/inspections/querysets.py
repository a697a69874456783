from __future__ import annotations

from typing import Any

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

    def matching(self, query: str, *, user: Any) -> RecommendationQuerySet:
        """Recommendations whose text, responses or actions mention every word of query; text in
        plans the user may not see never matches."""
        from followthrough.actionplans.models import ActionPlan

        plans = ActionPlan.objects.visible_to(user).values("pk")
        result = self
        for word in query.split()[:10]:
            result = result.filter(
                Q(text__icontains=word)
                | Q(addressee_text__icontains=word)
                | Q(
                    responses__action_plan__in=plans,
                    responses__actions__description__icontains=word,
                )
                | Q(
                    responses__action_plan__in=plans,
                    responses__actions__owner_text__icontains=word,
                )
                | Q(responses__action_plan__in=plans, responses__narrative__icontains=word)
            )
        return result.distinct()
