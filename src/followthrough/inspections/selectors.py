"""Reads of reports, recommendations and their practice examples."""

from __future__ import annotations

from typing import Any

RELATED_PRACTICE_LIMIT = 5


def related_practice(recommendation: Any) -> list[Any]:
    """Practice examples sharing a theme with the recommendation, good and promising first,
    from its own report first. One query."""
    from django.db.models import Case, IntegerField, Q, Value, When

    from .models import PracticeExample

    themes = list(recommendation.themes or [])[:4]
    if not themes:
        return []
    match = Q()
    for theme in themes:
        match |= Q(themes__icontains=f'"{theme}"')
    return list(
        PracticeExample.objects.filter(match)
        .select_related("report")
        .annotate(
            own=Case(
                When(report_id=recommendation.report_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("own", "kind", "report_id", "order")[:RELATED_PRACTICE_LIMIT]
    )


def recommendation_text(rec: Any) -> str:
    items = "\n".join(
        f"{i['label'] + '. ' if i.get('label') else '• '}{i['text']}" for i in rec.items
    )
    return rec.text + (f"\n{items}" if items else "")
