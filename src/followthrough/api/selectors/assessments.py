"""Reads for the self-assessment endpoint: a service's assessments for its members, the shared
ones for the inspectorate (the same `visible_to` as the pages), each with its items and the
answers to their lines of enquiry."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from followthrough.selfassessment.models import AssessedRecommendation, SelfAssessment


def self_assessments_for(user: Any) -> QuerySet[SelfAssessment]:
    items = AssessedRecommendation.objects.prefetch_related("answers").order_by("order", "pk")
    return SelfAssessment.objects.visible_to(user).prefetch_related(
        Prefetch("items", queryset=items)
    )
