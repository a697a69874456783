"""Fetching a self-assessment, or a part of one, for a user: 404 for anything they may not see,
so an assessment's existence is not disclosed to other services."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Organisation

from .models import (
    AssessedRecommendation,
    EvidenceHeld,
    ImprovementAction,
    ImprovementUpdate,
    SelfAssessment,
)

VIEW = "selfassessment.view_selfassessment"
CHANGE = "selfassessment.change_selfassessment"
TRACK = "selfassessment.track_improvement"


def _perm(for_write: bool, perm: str | None, write: str) -> str:
    return perm or (write if for_write else VIEW)


def get_assessment_for_user(
    user: Any, pk: int, *, for_write: bool = False, perm: str | None = None
) -> SelfAssessment:
    """The assessment if the user may see it and, with `for_write`, answer it; `perm` names
    another permission (sign off, reopen, share)."""
    perm = _perm(for_write, perm, CHANGE)
    assessment = get_object_or_404(
        SelfAssessment.objects.visible_to(user).select_related("organisation", "signed_off_by"),
        pk=pk,
    )
    if not allowed(user, perm, assessment):
        raise Http404
    return assessment


def get_item_for_user(
    user: Any, pk: int, *, for_write: bool = False, perm: str | None = None
) -> AssessedRecommendation:
    """One recommendation of an assessment; `for_write` to answer it, `perm=TRACK` to add
    improvement actions to it."""
    perm = _perm(for_write, perm, CHANGE)
    item = get_object_or_404(
        AssessedRecommendation.objects.filter(
            assessment__in=SelfAssessment.objects.visible_to(user).values("pk")
        ).select_related("assessment__organisation", "recommendation__report"),
        pk=pk,
    )
    if not allowed(user, perm, item.assessment):
        raise Http404
    return item


def get_improvement_for_user(user: Any, pk: int, *, for_write: bool = False) -> ImprovementAction:
    """An improvement action; `for_write` to edit it or report progress (the plan stays live
    after sign-off)."""
    perm = _perm(for_write, None, TRACK)
    action = get_object_or_404(
        ImprovementAction.objects.filter(
            item__assessment__in=SelfAssessment.objects.visible_to(user).values("pk")
        ).select_related("item__assessment__organisation", "item__recommendation__report"),
        pk=pk,
    )
    if not allowed(user, perm, action.item.assessment):
        raise Http404
    return action


def services_for(user: Any) -> list[Organisation]:
    """The youth justice services the user may start an assessment for."""
    services = Organisation.objects.filter(kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE)
    standing = standing_of(user)
    if not standing.is_superuser:
        ids = standing.writer_organisation_ids
        services = services.filter(pk__in=ids)
    return list(services.order_by("name"))


def get_evidence_file_for_user(user: Any, pk: int) -> EvidenceHeld:
    """An evidence file of an assessment, to whoever may read the assessment."""
    return get_object_or_404(
        EvidenceHeld.objects.filter(
            item__assessment__in=SelfAssessment.objects.visible_to(user).values("pk")
        ).exclude(evidence_file=""),
        pk=pk,
    )


def get_improvement_update_file_for_user(user: Any, pk: int) -> ImprovementUpdate:
    """An improvement update's evidence file, to whoever may read the assessment."""
    return get_object_or_404(
        ImprovementUpdate.objects.filter(
            action__item__assessment__in=SelfAssessment.objects.visible_to(user).values("pk")
        ).exclude(evidence_file=""),
        pk=pk,
    )


def get_services_for_user(user: Any) -> list[Organisation]:
    """The services the user may start an assessment for; 404 when there are none."""
    services = services_for(user)
    if not services:
        raise Http404
    return services
