"""Starting a self-assessment: which recommendations a youth justice service answers for."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.events import record_event
from followthrough.inspections.models import Recommendation
from followthrough.organisations.models import Organisation

from .models import AssessedRecommendation, SelfAssessment

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


def assessment_start(*, organisation: Organisation, year: int, actor: Any) -> SelfAssessment:
    """A new assessment for the year with the default scope; the caller holds the transaction."""
    if SelfAssessment.objects.filter(organisation=organisation, year=year).exists():
        raise ValidationError(
            {"year": f"{organisation.short_name} already has a {year} assessment"}
        )
    assessment = SelfAssessment(
        organisation=organisation,
        year=year,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    assessment._history_user = actor
    assessment.full_clean()
    assessment.save()
    AssessedRecommendation.objects.bulk_create(
        AssessedRecommendation(assessment=assessment, recommendation=rec, order=order)
        for order, rec in enumerate(scope_recommendations())
    )
    record_event(
        assessment,
        "selfassessment.assessment.started",
        actor=actor,
        data={"year": year, "recommendations": assessment.items.count()},
    )
    return assessment
