"""Search over recommendations and what the plans the user may read say about them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from followthrough.actionplans.models import ActionPlan
from followthrough.inspections.models import Recommendation


def recommendations_matching(query: str, *, user: Any, limit: int) -> list[Recommendation]:
    """Recommendations whose text, responses or actions mention every word of query; text in
    plans the user may not see never matches. At most `limit`, by report title and order."""
    plans = ActionPlan.objects.visible_to(user).values("pk")
    result = Recommendation.objects.visible_to(user)
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
    return list(
        result.distinct().select_related("report").order_by("report__title", "order")[:limit]
    )
