"""Which recommendations a service assesses itself against, which assessments a user may read,
and the neighbours of one answer (the next in scope, last year's)."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, Q

from followthrough.inspections.models import Recommendation

from ..models import (
    AssessedRecommendation,
    SelfAssessment,
)


def assessments_for(user: Any) -> list[SelfAssessment]:
    """Every assessment the user may read, with how many recommendations are in scope
    (`recommendations`) and how many are rated (`rated`), counted in the one query."""
    return list(
        SelfAssessment.objects.visible_to(user)
        .select_related("organisation")
        .annotate(
            recommendations=Count("items", distinct=True),
            rated=Count("items", filter=~Q(items__rating=""), distinct=True),
        )
        .order_by("organisation__name", "-year")
    )


# Addressees a youth justice service answers for: the teams, their managers and their boards.
SERVICE_ADDRESSEE_RE = re.compile(
    r"youth offending|\bYOTs?\b|\bYJS\b|youth justice services?\b|management boards?|"
    r"prevention managers|case managers",
    re.IGNORECASE,
)


def scope_recommendations() -> list[Recommendation]:
    """Every recommendation addressed to youth offending teams, their managers or boards, across
    ingested reports, grouped by report (thematic) in publication order. One query."""
    candidates = Recommendation.objects.select_related("report").order_by(
        "report__published", "report__title", "order"
    )
    return [r for r in candidates if SERVICE_ADDRESSEE_RE.search(r.addressee_text or "")]


def scope_missing(assessment: SelfAssessment) -> list[Recommendation]:
    """In-scope recommendations imported since the assessment started (a thematic published
    mid-year): two queries."""
    held = set(assessment.items.values_list("recommendation_id", flat=True))
    return [r for r in scope_recommendations() if r.pk not in held]


def item_after(item: AssessedRecommendation) -> AssessedRecommendation | None:
    """The next recommendation in the assessment's scope, for "save and go to the next"."""
    return (
        AssessedRecommendation.objects.filter(
            assessment_id=item.assessment_id, order__gt=item.order
        )
        .order_by("order")
        .first()
    )


def item_last_year(item: AssessedRecommendation) -> AssessedRecommendation | None:
    """The service's answer to the same recommendation in its previous assessment."""
    return (
        AssessedRecommendation.objects.filter(
            assessment__organisation_id=item.assessment.organisation_id,
            assessment__year__lt=item.assessment.year,
            recommendation_id=item.recommendation_id,
        )
        .select_related("assessment")
        .order_by("-assessment__year")
        .first()
    )
