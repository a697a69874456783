"""Fetching a self-assessment, or a part of one, for a user: 404 for anything they may not see,
so an assessment's existence is not disclosed to other services."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.actionplans.rules import WRITERS
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .models import AssessedRecommendation, ImprovementAction, SelfAssessment

VIEW = "selfassessment.view_selfassessment"


def get_assessment_for_user(user: Any, pk: int, perm: str = VIEW) -> SelfAssessment:
    assessment = get_object_or_404(
        SelfAssessment.objects.visible_to(user).select_related("organisation", "signed_off_by"),
        pk=pk,
    )
    if not user.has_perm(perm, assessment):
        raise Http404
    return assessment


def get_item_for_user(user: Any, pk: int, perm: str) -> AssessedRecommendation:
    item = get_object_or_404(
        AssessedRecommendation.objects.filter(
            assessment__in=SelfAssessment.objects.visible_to(user).values("pk")
        ).select_related("assessment__organisation", "recommendation__report"),
        pk=pk,
    )
    if not user.has_perm(perm, item.assessment):
        raise Http404
    return item


def get_improvement_for_user(user: Any, pk: int, perm: str) -> ImprovementAction:
    action = get_object_or_404(
        ImprovementAction.objects.filter(
            item__assessment__in=SelfAssessment.objects.visible_to(user).values("pk")
        ).select_related("item__assessment__organisation", "item__recommendation__report"),
        pk=pk,
    )
    if not user.has_perm(perm, action.item.assessment):
        raise Http404
    return action


def services_for(user: Any) -> list[Organisation]:
    """The youth justice services the user may start an assessment for."""
    services = Organisation.objects.filter(kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE)
    standing = standing_of(user)
    if not standing.is_superuser:
        ids = [org for org, role in standing.roles.items() if role in WRITERS]
        services = services.filter(pk__in=ids)
    return list(services.order_by("name"))
